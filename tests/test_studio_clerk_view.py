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
from test_studio_accessibility import blocking, clerks_session, findings
from test_studio_e2e import BOOKLET, browser, set_markdown, shot, studio  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
TYPES = ROOT / "tests" / "fixtures" / "types"
#: a blank form (fill-in blanks, a date without day and month), copied into the studio's content
FORM = "giay-nghi-phep.yaml"
#: a quyết định: its number carries a type symbol and the issuer's code (27/QĐ-STTTT)
DECISION = "quyet-dinh.yaml"

UNIT = "chi-bo-thpt-le-quy-don.yaml"
MEETING = "hoi-nghi-bao-cao-vien-2024-03.yaml"
#: the achievements section's first body item: an empty list item is put before it
ACHIEVEMENTS = "  - id: achievements\n"


@pytest.fixture(scope="module")
def session(studio, browser):  # noqa: F811
    project = studio[1]
    (project / "content" / FORM).write_bytes((TYPES / "state-giay-nghi-phep.yaml").read_bytes())
    (project / "content" / DECISION).write_bytes((TYPES / "state-quyet-dinh.yaml").read_bytes())
    yield from clerks_session(studio, browser, 1440, 900)


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


@pytest.mark.parametrize(("name", "heading"), [
    (BOOKLET, "Tài liệu thông tin nội bộ · Về thành tựu đối ngoại của Việt Nam"),
    (FORM, "Giấy nghỉ phép"),
    (DECISION, "Quyết định · Về việc thành lập Tổ công tác chuyển đổi số")])
def test_the_editor_is_headed_by_the_documents_kind_and_subject(session, name, heading):
    page, base, _ = session
    page.goto(f"{base}/edit/{name}")
    page.wait_for_load_state("networkidle")
    headings = page.locator("h1")
    assert headings.count() == 1
    assert headings.inner_text().startswith(heading), headings.inner_text()
    found = findings(page)
    assert not [f for f in found if f["id"] == "page-has-heading-one"], found
    assert blocking(found) == [], found
    box = headings.bounding_box()
    assert box is not None and box["y"] < 48  # in the top bar, as the document's name was


def test_the_issuers_code_is_asked_only_where_the_number_prints_it(session):
    page, base, project = session
    page.goto(f"{base}/edit/{BOOKLET}")
    page.locator("#meta > summary").click()
    assert page.locator("#f-meta-issuer-code").count() == 0  # a booklet has no number
    page.goto(f"{base}/edit/{DECISION}")
    page.locator("#meta > summary").click()
    field = page.locator("#f-meta-issuer-code")
    label = page.locator("label[for='f-meta-issuer-code']").inner_text()
    assert label == "Mã cơ quan trong số (ví dụ UBND)", label
    path = project / "content" / DECISION
    before = path.read_text(encoding="utf-8")
    field.fill("STTTT")
    page.wait_for_function("() => document.getElementById('save-status').textContent === "
                           "'Đã lưu'", timeout=30_000)
    page.wait_for_timeout(300)
    after = path.read_text(encoding="utf-8")
    shot(page, "issuer-code")
    added = before.replace("    name: SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n",
                           "    name: SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n    code: STTTT\n")
    assert after == added  # the one line, under the issuer, nothing else touched
