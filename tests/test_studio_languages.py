"""The studio speaks one language at a time: under `--lang en` no Vietnamese word of its own is
left on any page (labels, buttons, tips, placeholders, the names screen readers say, what its
scripts insert), under Vietnamese no English one — only the clerk's own text (marked
`lang="vi"`), names and codes (`studio_words.NAMES`) are the same in both.

Read twice: from the pages the server renders (every page, partial and dialog), and in Debian's
Chromium after the editor's scripts have run (the statuses, problem lists, footnote labels and
calendar buttons they add). Screenshots in output/test-artifacts/studio/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from studio_words import BROWSER_WORDS, foreign_words, page_words

from briefing.messages import extract
from briefing.studio.script_texts import script_messages, script_texts

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
STUDIO = ROOT / "briefing" / "studio"
BOOKLET = "briefing-foreign-affairs.yaml"
EVERY = "every-kind.yaml"
DECISION = "quyet-dinh.yaml"
BROKEN = "tep-hong.yaml"
LANGUAGES = ["en", "vi"]


def _project(root: Path) -> Path:
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(FIXTURES / "studio" / EVERY, root / "content" / EVERY)
    shutil.copy(FIXTURES / "types" / "state-quyet-dinh.yaml", root / "content" / DECISION)
    (root / "content" / BROKEN).write_text("meta: [\n", encoding="utf-8")
    return root


def _client(root: Path, language: str) -> TestClient:
    from briefing.studio.app import create_app
    from briefing.studio.context import Studio

    own = Studio(root, prefetch=False)
    client = TestClient(create_app(root, own, allowed_hosts={"testserver"}, language=language),
                        base_url="http://testserver")
    client.get(f"/?token={own.secrets.token}", follow_redirects=False)
    client.headers["X-CSRF-Token"] = own.secrets.csrf
    return client


def _addresses(root: Path) -> list[str]:
    unit = sorted(p.name for p in (root / "content" / "units").glob("*.yaml"))[0]
    meeting = sorted(p.name for p in (root / "content" / "meetings").glob("*.yaml"))[0]
    return ["/", "/api/documents/new-form", f"/edit/{BOOKLET}", f"/edit/{EVERY}",
            f"/edit/{DECISION}", f"/edit/{BROKEN}", "/edit/khong-co.yaml",
            f"/units/{BOOKLET}", f"/units/{BOOKLET}?unit={unit}&meeting={meeting}",
            f"/units/{BOOKLET}?meeting={meeting}", "/editions", "/editions/signing",
            "/api/register", "/download/pdf/" + BOOKLET]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return _project(tmp_path_factory.mktemp("languages"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_speaks_the_studios_language_only(project, language):
    client = _client(project, language)
    wrong = {}
    for address in _addresses(project):
        answer = client.get(address)
        assert answer.status_code < 500, (address, answer.text)
        assert f'lang="{language}"' in answer.text or not answer.text.startswith("<!doctype")
        found = foreign_words(page_words(answer.text), language)
        if found:
            wrong[address] = found
    checks = client.get("/api/documents/checks").json()["checks"]
    found = foreign_words(page_words(" ".join(checks.values())), language)
    if found:
        wrong["/api/documents/checks"] = found
    assert wrong == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_refusals_and_partials_speak_it_too(project, language):
    client = _client(project, language)
    version = client.get(f"/api/state/{BOOKLET}").json()["version"]
    said = [client.post(f"/api/change/{BOOKLET}", json={"version": version, "op": "khong-co",
                                                        "args": {}}).json()["error"],
            client.post("/api/documents/import", content=b"x" * 10,
                        headers={"content-length": str(20 * 1024 * 1024)}).json()["error"],
            client.post(f"/api/change/{BOOKLET}", json=[]).json()["error"]]
    fields = client.get(f"/api/state/{DECISION}?fields=1").json()
    texts = [*said, *page_words(fields["doc"]), *page_words(fields["outline"])]
    assert foreign_words(texts, language) == []


def test_the_scripts_words_are_english_in_the_script_and_vietnamese_in_the_table():
    """Each script's `msg` call is in the catalogue (Babel's extractor and the page's table
    read the same calls), its English has no Vietnamese word, its Vietnamese no English."""
    extracted = {(code, english) for name, _line, english, code in extract.extracted()
                 if "/static/" in name}
    table = {(m.code, m.english) for m in script_messages()}
    assert table == extracted and len(table) > 80
    english = [re.sub(r"\{\w+\}", " ", m.english) for m in script_messages()]
    assert foreign_words(english, "en") == []
    vietnamese = script_texts("vi")
    assert set(vietnamese) == {code for code, _ in table}
    assert foreign_words([re.sub(r"\{\w+\}", " ", v) for v in vietnamese.values()], "vi") == []
    assert script_texts("en") == {}  # the scripts' own English


#: what a template or a script writes outside the catalogue: a template's text and attributes
#: (outside its {% %}, {{ }} and {# #}), a script's string literals (but the code and English
#: of a `msg` call, and its comments)
_TEMPLATE_CODE = r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}"
_SCRIPT_COMMENT = r"/\*.*?\*/|(?<![:\\])//[^\n]*"
_SCRIPT_MSG = r'\bmsg\(\s*"[^"]*",\s*"(?:[^"\\\n]|\\.)*"'
_LITERAL = r'"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`'


def _written_outside_the_catalogue(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return [re.sub(_TEMPLATE_CODE, " ", text, flags=re.DOTALL)]
    code = re.sub(_SCRIPT_MSG, " ", re.sub(_SCRIPT_COMMENT, " ", text, flags=re.DOTALL))
    code = code.replace('replace(/đ/g, "d").replace(/Đ/g, "D")', "")  # search folds đ
    return re.findall(_LITERAL, code)


@pytest.mark.parametrize("kind", ["templates", "static"])
def test_no_word_is_written_in_a_template_or_a_script_but_through_the_catalogue(kind):
    """A Vietnamese word in a template's text or a script's string, outside a `msg` call, is
    a word that does not come from the catalogue."""
    wrong = {}
    for path in sorted((STUDIO / kind).glob("*.html" if kind == "templates" else "*.js")):
        found = foreign_words(_written_outside_the_catalogue(path), "en")
        if found:
            wrong[path.name] = found
    assert wrong == {}


# -- in the browser ---------------------------------------------------------------------------
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module", params=LANGUAGES)
def studio_in(request, tmp_path_factory) -> Iterator[tuple[str, str, Path]]:
    """`build.py --lang <language> studio` on a copy of the content: (language, address, root)."""
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    from test_studio_e2e import running_studio

    language = request.param
    root = _project(tmp_path_factory.mktemp(f"studio-{language}"))
    for url, _ in running_studio(root, "--lang", language):
        yield language, url, root


@pytest.fixture(scope="module")
def tab(studio_in):
    from playwright.sync_api import sync_playwright
    from test_studio_e2e import BROWSER_ARGS

    language, url, root = studio_in
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900},
                                      locale="en-GB" if language == "en" else "vi-VN")
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        yield language, page, url.split("/?", 1)[0], root
        context.close()
        browser.close()


def shot(page, name: str) -> None:
    from test_studio_e2e import shot as kept

    kept(page, name)


def _read(page, language: str, name: str) -> list[str]:
    shot(page, f"language-{language}-{name}")
    return [text[:200] for text in page.evaluate(BROWSER_WORDS)
            if foreign_words([text], language)]


def test_every_page_in_the_browser_speaks_one_language(tab):
    language, page, base, _ = tab
    wrong = {}
    for name, address in [("documents", "/"), ("editions", "/editions"),
                          ("units", f"/units/{BOOKLET}"), ("broken", f"/edit/{BROKEN}")]:
        page.goto(base + address)
        page.wait_for_load_state("networkidle")
        wrong[name] = _read(page, language, name)
    page.goto(base + "/")
    page.click("[data-open=new-dialog]")
    page.wait_for_selector("#new-fields select")
    wrong["new-dialog"] = _read(page, language, "new-dialog")
    assert {name: found for name, found in wrong.items() if found} == {}


@pytest.mark.parametrize("name", [BOOKLET, EVERY, DECISION])
def test_the_editor_after_its_scripts_ran_speaks_one_language(tab, name):
    language, page, base, _ = tab
    page.goto(f"{base}/edit/{name}")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !/…$/.test(document.getElementById('problem-summary')"
                           ".textContent)", timeout=60_000)
    page.wait_for_function("() => document.querySelector('#pages figure img') || "
                           "!document.getElementById('preview-note').hidden", timeout=90_000)
    page.locator("#meta > summary").click()
    if page.locator("#show-problems").is_enabled():
        page.locator("#show-problems").click()
    page.locator("#find-open").click()
    shown = _read(page, language, f"editor-{name.removesuffix('.yaml')}")
    assert shown == [], "\n".join(shown)
    # the texts the scripts insert on a click: a status, a flash, the confirm dialog
    page.locator("#block-paste").click()
    assert foreign_words([page.locator("#flash").inner_text()], language) == []
    page.locator("#doc [data-op=delete]").first.click()
    asked = page.locator("#confirm-dialog").inner_text()
    titles = page.locator("#doc textarea.title")  # the section named is the clerk's text
    for title in [titles.nth(k).input_value() for k in range(min(titles.count(), 3))]:
        asked = asked.replace(title, " ")
    shot(page, f"language-{language}-confirm-{name.removesuffix('.yaml')}")
    assert foreign_words([asked], language) == []
    page.keyboard.press("Escape")
