"""What a clerk sees in the studio, in a real browser (Debian's Chromium): a unit's or a
meeting's copy of a briefing being written previewed as a draft with its blanks marked, not
stopped; fill-in blanks shown as the page shows them, never as their source; the editor's page
headed by the document's own name. Screenshots in output/test-artifacts/studio/.

The studio is `build.py studio` on a copy of the content (test_studio_e2e's fixtures).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_studio_e2e import BOOKLET, browser, set_markdown, shot, studio  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
#: a blank form (fill-in blanks, a date without day and month), copied into the studio's content
FORM = "giay-nghi-phep.yaml"

UNIT = "chi-bo-thpt-le-quy-don.yaml"
MEETING = "hoi-nghi-bao-cao-vien-2024-03.yaml"
#: the achievements section's first body item: an empty list item is put before it
ACHIEVEMENTS = "  - id: achievements\n"


@pytest.fixture(scope="module")
def session(studio, browser):  # noqa: F811
    url, project = studio
    (project / "content" / FORM).write_bytes(
        (ROOT / "tests" / "fixtures" / "types" / "state-giay-nghi-phep.yaml").read_bytes())
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    yield page, url.split("/?", 1)[0], project
    context.close()


@pytest.fixture
def incomplete(session) -> Iterator[Path]:
    """The booklet with an empty list item at the head of section II, as «+ Thêm» makes it;
    put back as it was afterwards."""
    _, _, project = session
    path = project / "content" / BOOKLET
    before = path.read_text(encoding="utf-8")
    head, tail = before.split(ACHIEVEMENTS, 1)
    body = tail.index("    body:\n") + len("    body:\n")
    path.write_text(head + ACHIEVEMENTS + tail[:body] + "      - bullets:\n          - ''\n"
                    + tail[body:], encoding="utf-8")
    yield path
    path.write_text(before, encoding="utf-8")


def _drawn(page) -> None:
    page.wait_for_selector("#pages figure[data-shown]", timeout=90_000)


@pytest.mark.parametrize("query", [f"unit={UNIT}", f"meeting={MEETING}",
                                   f"unit={UNIT}&meeting={MEETING}"])
def test_a_variant_of_an_incomplete_briefing_is_previewed_as_a_draft(session, incomplete, query):
    page, base, _ = session
    page.goto(f"{base}/units/{BOOKLET}?{query}")
    _drawn(page)
    marks = page.locator("#preview-marks")
    marks.wait_for(state="visible")
    text = marks.inner_text()
    assert "Bản nháp" in text and "chỗ trống" in text, text
    assert "Mục II «" in text and "chưa viết" in text, text
    assert page.locator("#preview-note").is_hidden()  # nothing stopped
    badge = page.locator("#pages figure[data-marks]")
    assert badge.count() == 1
    marks.locator("button").first.click()  # the marked page is shown
    index = badge.get_attribute("data-index")
    page.wait_for_selector(f"#pages figure[data-index='{index}'][data-shown]")
    page.wait_for_function("(i) => { const img = document.querySelector("
                           "`#pages figure[data-index='${i}'] img`); "
                           "return img.complete && img.naturalWidth > 0; }", arg=index)
    shot(page, "variant-draft-" + query.replace("&", "-").replace("=", "-").replace(".yaml", ""))


def _visible_text(page) -> str:
    """What the clerk reads on the page: its text and the values of the boxes shown."""
    return page.evaluate("""() => document.body.innerText + "\\n" + [
        ...document.querySelectorAll('input, textarea')].filter((e) => e.offsetParent !== null)
        .map((e) => e.value).join("\\n")""")


def test_fill_in_blanks_are_shown_as_the_page_shows_them(session):
    """Blanks are chips (their dots) in the editor; typed dots get a warning that speaks of
    the blank as it is shown, never of `{fill}`; its fix makes a chip."""
    page, base, _ = session
    page.goto(f"{base}/edit/{FORM}")
    _drawn(page)
    assert page.locator("#f-blocks-4-rt .blank-chip").count() == 4
    set_markdown(page, "f-blocks-3", "Chức vụ: ..........")
    warning = page.locator("#doc .msg.warning", has_text="10 dấu chấm")
    warning.first.wait_for(timeout=30_000)
    said = warning.first.inner_text()
    assert "……→" in said and "{" not in said, said
    shot(page, "blank-warning")
    warning.first.locator("button.fix").click()
    page.wait_for_function("() => document.querySelector('#f-blocks-3-rt .blank-chip')")
    shown = _visible_text(page)
    assert not re.search(r"\{(blank|fill)", shown), re.search(r".{30}\{(blank|fill).{30}", shown)
    shot(page, "blank-chips")


PROGRAMME = "coordination-programme-2024.yaml"


def _make_edition(page, base: str, name: str) -> None:
    page.goto(f"{base}/editions")
    form = page.locator("#edition-form")
    form.locator('select[name="content"]').select_option(PROGRAMME)
    form.locator('input[name="date"]').fill("05/01/2024")
    form.locator('input[name="name"]').fill(name)
    form.get_by_role("button", name="Tạo ấn bản").click()


def test_an_editions_change_list_names_sections_in_the_clerks_words(session):
    """Making again an edition whose document changed: every line of what changed is in
    Vietnamese, a section named by its number and title as printed, never a key or a file."""
    page, base, project = session
    _make_edition(page, base, "ct-01")
    page.wait_for_selector('tr[data-label="ct-01@r1"]', timeout=240_000)
    content = project / "content" / PROGRAMME
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("    title: Công tác khoa giáo\n",
                                    "    title: Công tác khoa giáo năm 2024\n", 1),
                       encoding="utf-8")
    try:
        _make_edition(page, base, "ct-01")
        page.get_by_role("button", name="Tạo bản sửa đổi r2").wait_for(timeout=240_000)
        refusal = page.locator("#edition-form .form-result.error").inner_text()
        shot(page, "edition-change-list")
    finally:
        content.write_text(text, encoding="utf-8")
    assert "«I. Công tác khoa giáo» nay là «I. Công tác khoa giáo năm 2024»" in refusal, refusal
    assert not re.search(r"\bcontent\b|changed|\.yaml|unit:|template:|manifest", refusal), \
        refusal
