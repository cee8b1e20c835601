"""An automated accessibility check of every page of the studio: axe-core (vendored in
tests/vendor/axe-core, offline) run in Debian's Chromium on each page as a clerk reaches it —
the documents list, the editor (of the booklet, and of an import with its review), the units
page, the editions page, a refusal page. No finding is allowed: none serious or critical,
and none moderate either (every page has its h1 heading, its landmarks).

The studio is `build.py studio` on a copy of the content (test_studio_e2e's fixtures).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_studio_e2e import BOOKLET, browser, shot, studio  # noqa: F401

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
#: what may not be found
BLOCKING = ("serious", "critical")
REPORT = ("BAN TUYÊN GIÁO\n\nBÁO CÁO SƠ KẾT\n\n1. Tình hình chung\n\nĐoạn văn thứ nhất.\n\n"
          "3. Nhiệm vụ\n\n- Một việc.\n- Hai việc.\n")


def findings(page) -> list[dict]:
    """axe's violations on the page as it is now (the script is evaluated through the
    DevTools protocol: the studio's Content-Security-Policy stays as it is)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""")
    return result


def blocking(found: list[dict]) -> list[dict]:
    return [f for f in found if f["impact"] in BLOCKING]


def clerks_session(studio, browser, width: int = 1366, height: int = 768):  # noqa: F811
    """A Vietnamese browser tab signed in to the studio: (page, base address, project)."""
    url, project = studio
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    yield page, url.split("/?", 1)[0], project
    context.close()


@pytest.fixture(scope="module")
def session(studio, browser):  # noqa: F811
    yield from clerks_session(studio, browser)


def _imported(page, base: str) -> str:
    """Import a small report through the page's dialog; the editor's address it opens."""
    page.goto(base + "/")
    page.click("[data-open=import-dialog]")
    page.set_input_files("#import-form input[type=file]", files=[{
        "name": "bao-cao.txt", "mimeType": "text/plain", "buffer": REPORT.encode()}])
    page.click("#import-form button[type=submit]")
    page.wait_for_url("**/edit/**")
    return page.url


PAGES = ["documents", "new-dialog", "import-dialog", "editor", "problems", "units", "editions",
         "refusal", "import-review"]
#: pages reached by a click on the page at an address
CLICKS = {"new-dialog": ("/", "[data-open=new-dialog]"),
          "import-dialog": ("/", "[data-open=import-dialog]"),
          "problems": (f"/edit/{BOOKLET}", "#show-problems")}


@pytest.mark.parametrize("which", PAGES)
def test_no_serious_or_critical_accessibility_finding(session, which):
    page, base, _ = session
    address = {"documents": "/", "editor": f"/edit/{BOOKLET}", "units": f"/units/{BOOKLET}",
               "editions": "/editions", "refusal": "/edit/khong-co.yaml"}.get(which)
    if which in CLICKS:
        page.goto(base + CLICKS[which][0])
        page.click(CLICKS[which][1])
    elif address is None:
        _imported(page, base)
    else:
        page.goto(base + address)
    page.wait_for_load_state("networkidle")
    found = findings(page)
    shot(page, f"axe-{which}")
    (Path(__file__).resolve().parents[1] / "output" / "test-artifacts" / "studio" /
     f"axe-{which}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1),
                                     encoding="utf-8")
    assert blocking(found) == [], json.dumps(blocking(found), ensure_ascii=False, indent=1)
    # the moderate ones too (a page without its h1 heading, regions, landmarks): none left
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def test_the_check_finds_what_it_is_for(session):
    """A nameless button and a picture without text, put into the page: axe reports both as
    blocking (the check runs, and would fail on such a page)."""
    page, base, _ = session
    page.goto(base + "/")
    page.evaluate("""() => {
        document.querySelector('main').insertAdjacentHTML('beforeend',
            '<button type="button"></button><img src="/static/favicon.svg">');
    }""")
    ids = {f["id"] for f in blocking(findings(page))}
    assert {"button-name", "image-alt"} <= ids, ids


def test_the_review_takes_the_clerk_to_each_guess_and_marks_its_field(session):
    page, base, _ = session
    _imported(page, base)
    page.wait_for_selector("#review [data-review-go]")
    assert page.locator(".guess-note").count() >= 4  # place, date, number, signer, section
    for button in page.locator("#review [data-review-go]").all()[:4]:
        button.click()
        wanted = json.loads(button.get_attribute("data-review-go"))
        focused = page.evaluate("() => document.activeElement.dataset.path")
        assert focused is not None and json.loads(focused)[:len(wanted)] == wanted
    shot(page, "import-review")
