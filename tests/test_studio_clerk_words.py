"""A legal document's structure and its general information in the clerk's words, in Debian's
Chromium: every kind of content the content model allows is named as a clerk names it (never a
key of the content file, never `titled false`: an article's own title is a labelled checkbox),
the document type by its printed name, and only the fields of the document's form and type —
a field that already holds a value stays shown. Screenshots in output/test-artifacts/studio/.

The studio is `build.py studio` on a copy of the content (test_studio_e2e's fixtures).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from test_studio_accessibility import blocking, clerks_session, findings
from test_studio_e2e import BOOKLET, browser, shot, studio  # noqa: F401

from briefing.content.legal import LEGAL_KEYS
from briefing.content.schema import BODY_ITEM_KEYS
from briefing.editing.type_fields import uses_field
from briefing.studio.texts import BLOCK_LABELS, TITLED_LABELS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
#: one body item of every kind (legal ones nested as a quy chế nests them), Căn cứ lines
EVERY = "every-kind.yaml"
DECISION = "quyet-dinh.yaml"
LEAVE = "giay-nghi-phep.yaml"
#: every kind of body item, and the keys inside them a box is shown for
KINDS = [key for key, _ in BODY_ITEM_KEYS if key != "title"]
INSIDE = ["attribution", "speaker", "caption", "width", "lead", "basis"]
#: what may never be read on the page: the content model's keys, a YAML switch's words
RAW = sorted({*KINDS, *LEGAL_KEYS, *INSIDE, "titled", "body", "id", "true", "false"})
RAW_WORD = re.compile(r"\b(" + "|".join(RAW) + r")\b", re.IGNORECASE)


def test_every_kind_has_its_name_in_both_languages():
    for key in [*KINDS, *LEGAL_KEYS, *INSIDE]:
        label = BLOCK_LABELS[key]
        for language in ("vi", "en"):
            assert label.text(language).strip(), (key, language)
        assert not RAW_WORD.search(label.text("vi")), (key, label.text("vi"))
    assert set(TITLED_LABELS) == {"article", "clause"}


def _client(tmp_path: Path, language: str) -> TestClient:
    from briefing.studio.app import create_app
    from briefing.studio.context import Studio

    (tmp_path / "content").mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "studio" / EVERY, tmp_path / "content" / EVERY)
    own = Studio(tmp_path, prefetch=False)
    client = TestClient(create_app(tmp_path, own, allowed_hosts={"testserver"},
                                   language=language), base_url="http://testserver")
    client.get(f"/?token={own.secrets.token}", follow_redirects=False)
    return client


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_editor_names_every_kind_in_the_studios_language(tmp_path, language):
    html = _client(tmp_path, language).get(f"/edit/{EVERY}").text
    labels = re.findall(r'class="item-label">([^<]*)<', html)
    for key in [*KINDS, "table.caption", "table.note"]:  # a table's boxes named as shown
        assert BLOCK_LABELS[key].text(language) in labels, key
    assert TITLED_LABELS["article"].text(language) in html
    if language == "vi":
        shown = " ".join(labels + re.findall(r'aria-label="([^"]*)"', html))
        assert not RAW_WORD.search(shown), RAW_WORD.findall(shown)


def test_a_legal_text_offers_articles_and_clauses_to_add(tmp_path):
    client = _client(tmp_path, "vi")
    html = client.get(f"/edit/{EVERY}").text
    menu = html[html.index('id="add-f-blocks"'):]
    menu = menu[:menu.index("</select>")]
    # a quyết định's top holds its legal structure only (briefing.editing.addable)
    assert re.findall(r'<option value="([a-z]+)">', menu) == ["article", "chapter", "part",
                                                               "division"]
    client.headers["X-CSRF-Token"] = client.app.state.studio.secrets.csrf
    version = client.get(f"/api/state/{EVERY}").json()["version"]
    answer = client.post(f"/api/change/{EVERY}", json={
        "version": version, "op": "insert_item", "args": {"list": ["blocks"], "kind": "clause",
                                                          "index": 2}})
    assert answer.status_code == 200, answer.text
    text = (tmp_path / "content" / EVERY).read_text(encoding="utf-8")
    assert "\n  - clause: ''\n  - part: Phần thứ nhất\n" in text


def test_a_field_is_shown_where_the_form_and_type_print_it():
    decision = {"meta": {"form": "official", "profile": "state", "type": "quyet-dinh"}}
    leave = {"meta": {"form": "official", "profile": "state", "type": "giay-nghi-phep"}}
    booklet = {"meta": {"form": "booklet", "profile": "party"}}
    assert not uses_field(decision, "title") and not uses_field(decision, "issue")
    assert uses_field(decision, "subject") and not uses_field(leave, "subject")
    assert uses_field(booklet, "title") and uses_field(booklet, "circulation")
    decision["meta"]["title"] = "Tiêu đề cũ"
    assert uses_field(decision, "title")  # a value already written is never hidden


# -- in the browser ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def session(studio, browser):  # noqa: F811
    content = studio[1] / "content"
    shutil.copy(FIXTURES / "studio" / EVERY, content / EVERY)
    shutil.copy(FIXTURES / "types" / "state-quyet-dinh.yaml", content / DECISION)
    shutil.copy(FIXTURES / "types" / "state-giay-nghi-phep.yaml", content / LEAVE)
    yield from clerks_session(studio, browser, 1440, 900)


def _saved(page) -> None:
    page.wait_for_function("() => document.getElementById('save-status').textContent === "
                           "'Đã lưu'", timeout=30_000)
    page.wait_for_timeout(300)


def _words(page) -> str:
    """What the clerk reads of the editor's own words: labels, headings, choices, the names
    screen readers say (the document's text is the clerk's own, left out)."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '#doc .item-label, #doc label, #doc .part-title, #doc option, #doc summary')]
        .map((e) => e.innerText).concat([...document.querySelectorAll('#doc [aria-label]')]
        .map((e) => e.getAttribute('aria-label'))).join('\\n')""")


def test_every_kind_of_content_is_named_in_the_clerks_words(session):
    page, base, project = session
    page.goto(f"{base}/edit/{EVERY}")
    page.wait_for_load_state("networkidle")
    words = _words(page)
    shot(page, "every-kind")
    page.locator("#doc [data-item='[\"blocks\", 8]']").scroll_into_view_if_needed()
    shot(page, "every-kind-table-figure")
    assert not RAW_WORD.search(words), sorted(set(RAW_WORD.findall(words)))
    for key in KINDS:
        assert BLOCK_LABELS[key].text("vi").lower() in words.lower(), key
    found = findings(page)
    assert blocking(found) == [], found
    # `titled: false` is a checkbox a clerk ticks, saved as the file's switch
    boxes = page.get_by_label(TITLED_LABELS["article"].text("vi"))
    assert boxes.count() == 3
    assert not boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
    path = project / "content" / EVERY
    before = path.read_text(encoding="utf-8")
    boxes.nth(0).check()
    _saved(page)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("    titled: false\n", "    titled: true\n", 1)
    shot(page, "every-kind-titled")


def test_the_document_type_is_chosen_by_its_printed_name(session):
    page, base, project = session
    page.goto(f"{base}/edit/{DECISION}")
    page.locator("#meta > summary").click()
    box = page.locator("#f-meta-type")
    label = page.locator("label[for='f-meta-type']").inner_text()
    assert label == "Loại văn bản", label
    assert box.evaluate("(e) => e.options[e.selectedIndex].text") == "Quyết định"
    shown = box.evaluate("(e) => [...e.options].map((o) => o.text)")
    assert "Công văn" in shown and not [t for t in shown if re.search(r"[a-z]-[a-z]", t)], shown
    shot(page, "type-by-name")
    path = project / "content" / DECISION
    before = path.read_text(encoding="utf-8")
    box.select_option(label="Tờ trình")
    _saved(page)
    assert "  type: to-trinh\n" in path.read_text(encoding="utf-8")
    box.select_option(label="Quyết định")
    _saved(page)
    assert path.read_text(encoding="utf-8") == before  # saved as it was written


def test_an_official_document_is_asked_only_for_its_own_fields(session):
    page, base, project = session
    booklet_only = ["#f-meta-title", "#f-meta-issue", "#f-meta-circulation"]
    page.goto(f"{base}/edit/{LEAVE}")
    page.locator("#meta > summary").click()
    shot(page, "official-fields")
    for field in [*booklet_only, "#f-meta-subject"]:  # a giấy nghỉ phép has no trích yếu
        assert page.locator(field).count() == 0, field
    assert page.locator("#f-meta-signer-name").count() == 1
    page.goto(f"{base}/edit/{BOOKLET}")
    page.locator("#meta > summary").click()
    for field in booklet_only:
        assert page.locator(field).count() == 1, field
    # a cover title already written in an official document is shown, never hidden
    path = project / "content" / DECISION
    before = path.read_text(encoding="utf-8")
    path.write_text(before.replace("meta:\n", "meta:\n  title: Tiêu đề cũ\n", 1),
                    encoding="utf-8")
    try:
        page.goto(f"{base}/edit/{DECISION}")
        page.locator("#meta > summary").click()
        assert page.locator("#f-meta-title").input_value() == "Tiêu đề cũ"
        assert page.locator("#f-meta-issue").count() == 0
        found = findings(page)
        assert blocking(found) == [], found
    finally:
        path.write_text(before, encoding="utf-8")
