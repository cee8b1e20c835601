"""The studio as a clerk meets it, in Debian's Chromium: a draft keeps its preview, every word
on screen is Vietnamese, a new document starts from a document type, units and meetings start
on the briefing, editions name their document. Screenshots in output/test-artifacts/studio/
(`clerk-*.png`). The server is `build.py studio` on a copy of the content, on 127.0.0.1.
"""

from __future__ import annotations

import re

import pytest
from test_studio_e2e import (  # the same server and browser as the studio's own browser test
    BOOKLET,
    browser,  # noqa: F401 - a fixture
    shot,
    studio,  # noqa: F401 - a fixture
    wait_for_new_preview,
)

#: what must never reach a clerk's screen
INTERNALS = re.compile(r"blocks\[|body\[|\bmeta\.\w|dòng \d+|\.yaml:\d|/tmp/|Traceback|"
                       r"Method Not Allowed|\b(write|remove|expected|found) ")


@pytest.fixture
def page(studio, browser):  # noqa: F811 - the fixtures imported above
    url, _ = studio
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN",
                                  accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    yield page
    context.close()


def base_of(studio) -> str:  # noqa: F811
    return studio[0].split("/?")[0]


def test_a_draft_keeps_its_preview_and_marks_its_blanks(studio, page):  # noqa: F811
    project = studio[1]
    base = base_of(studio)
    content = project / "content" / "draft-test.yaml"
    text = (project / "content" / BOOKLET).read_text(encoding="utf-8")
    marker = "\nblocks:\n"
    head, body = text.split(marker, 1)
    # an empty item the "+ Thêm" button makes, and a section without text yet
    content.write_text(head + marker + "  - id: nhap\n    kind: section\n    title: Mục đang "
                       "viết\n  - id: ds\n    kind: section\n    title: Danh sách\n    body:\n"
                       "      - bullets:\n          - ''\n" + body, encoding="utf-8")
    page.goto(f"{base}/edit/draft-test.yaml")
    wait_for_new_preview(page, None)
    marks = page.locator("#preview-marks")
    marks.wait_for(state="visible", timeout=60_000)
    said = marks.inner_text()
    assert "Bản nháp: còn 2 chỗ trống" in said
    assert "Mục I «Mục đang viết», đoạn 1: chưa viết" in said
    assert "Mục II «Danh sách», đoạn 1, ý 1: chưa viết" in said
    assert not INTERNALS.search(said), said
    assert page.locator("#preview-note").is_hidden()  # not frozen on an older build
    badge = page.locator("#pages figure[data-marks]").first
    assert "chỗ cần hoàn thiện" in badge.get_attribute("data-marks")
    page.locator("#preview-marks button", has_text="Mục II «Danh sách»").click()
    page.wait_for_selector('#pages figure[data-index="1"][data-shown]', timeout=60_000)
    page.wait_for_timeout(300)  # the picture painted
    shot(page, "clerk-01-draft-preview")
    # the page that prints it says so: the placeholder is on it
    answer = page.request.get(f"{base}/api/preview/draft-test.yaml").json()
    assert [m["page"] for m in answer["marks"]] and all(
        m["page"] is not None for m in answer["marks"])
    # a download is refused, saying where and what, in Vietnamese
    page.locator("#download-pdf").click()
    flash = page.locator("#flash.error")
    flash.wait_for(state="visible", timeout=60_000)
    refusal = flash.inner_text()
    assert "Mục II «Danh sách», đoạn 1, ý 1" in refusal and not INTERNALS.search(refusal)
    shot(page, "clerk-02-draft-download-refused")
    assert page.errors == []


def test_a_download_address_opened_is_a_page(studio, page):  # noqa: F811
    base = base_of(studio)
    page.goto(f"{base}/download/pdf/{BOOKLET}")
    said = page.locator("main").inner_text()
    assert "Tải PDF" in said and not INTERNALS.search(said)
    assert page.get_by_role("link", name="Mở tài liệu").is_visible()
    shot(page, "clerk-03-download-get")


def test_a_new_document_starts_from_a_document_type(studio, page):  # noqa: F811
    project = studio[1]
    base = base_of(studio)
    page.goto(base + "/")
    assert "Văn bản của Đảng" in page.locator("#documents").inner_text()  # not 'party'
    page.get_by_role("button", name="+ Tài liệu mới").click()
    dialog = page.locator("#new-dialog")
    dialog.get_by_label("Thể thức").select_option("state")
    dialog.get_by_label("Loại văn bản").select_option(label="Công văn")
    visible = [label.get_attribute("data-name")
               for label in dialog.locator(".new-field:not([hidden])").all()]
    assert "addressees" in visible and "signer.name" in visible and "number" in visible
    assert dialog.locator('input[name="signer.name"]').input_value() == ""
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", dialog.locator('input[name="date"]').input_value())
    assert dialog.locator('input[name="issuer.name"]').input_value() == ""  # a State office
    dialog.get_by_label("Loại văn bản").select_option(label="Giấy giới thiệu")
    assert dialog.locator('.new-field[data-name="subject"]').is_hidden()
    dialog.get_by_label("Loại văn bản").select_option(label="Kế hoạch")
    assert dialog.locator('.new-field[data-name="addressees"]').is_hidden()
    dialog.locator('input[name="subject"]').fill("Về việc cử cán bộ dự tập huấn chuyển đổi "
                                                 "số năm 2025 tại Hà Nội")
    dialog.locator('input[name="issuer.name"]').fill("ỦY BAN NHÂN DÂN QUẬN 1")
    shot(page, "clerk-04-new-from-type")
    dialog.get_by_role("button", name="Tạo tài liệu").click()
    page.wait_for_url(f"{base}/edit/ve-viec-cu-can-bo-du-tap-huan-chuyen-doi.yaml")
    text = (project / "content" / "ve-viec-cu-can-bo-du-tap-huan-chuyen-doi.yaml").read_text(
        encoding="utf-8")
    assert "type: ke-hoach" in text and "Nguyễn Văn A" not in text
    wait_for_new_preview(page, None)  # a new document is a draft: its preview is drawn
    marks = page.locator("#preview-marks")
    marks.wait_for(state="visible", timeout=60_000)
    assert "Họ tên người ký" in marks.inner_text()
    date = page.locator(".date-vi").first.input_value()
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", date), date
    page.wait_for_timeout(300)
    shot(page, "clerk-05-new-document-draft")
    assert page.errors == []


def test_units_and_meetings(studio, page):  # noqa: F811
    project = studio[1]
    base = base_of(studio)
    page.goto(f"{base}/units/{BOOKLET}")
    assert page.locator("#unit-select").input_value() == ""  # the briefing itself
    assert "Tài liệu chung giữ mọi mục" in page.locator("#kept").inner_text()
    wait_for_new_preview(page, None)
    page.get_by_text("+ Thêm hội nghị").click()
    form = page.locator("#new-meeting-form")
    form.get_by_label("Tên hội nghị").fill("Hội nghị báo cáo viên tháng 4/2024")
    form.get_by_label("Ngày họp").fill("18/04/2024")
    form.get_by_role("button", name="Tạo hội nghị").click()
    page.wait_for_url("**meeting=hoi-nghi-bao-cao-vien-thang-4-2024.yaml")
    assert page.locator("#m-date").input_value() == "18/04/2024"
    forecast = page.locator('#kept input.keep[data-id="forecast"]')
    assert forecast.is_checked()  # a new meeting keeps everything
    forecast.uncheck()
    page.wait_for_selector("#flash.ok", timeout=30_000)
    saved = (project / "content" / "meetings" / "hoi-nghi-bao-cao-vien-thang-4-2024.yaml"
             ).read_text(encoding="utf-8")
    assert "- forecast" in saved
    page.locator("#m-place").fill("Hội trường Thành ủy")
    page.wait_for_timeout(900)
    # the existing meeting with a unit: what the unit's copy for it keeps
    page.goto(f"{base}/units/{BOOKLET}?unit=quan-1.yaml&meeting=hoi-nghi-bao-cao-vien-2024-03.yaml")
    marks = page.locator("#kept .kept-mark")
    assert marks.count() > 5 and page.locator("#kept .kept-mark.out").count() > 0
    wait_for_new_preview(page, None)
    shot(page, "clerk-06-unit-for-meeting")
    with page.expect_download(timeout=120_000) as waiting:
        page.locator("#variant-pdf").click()
    assert waiting.value.suggested_filename == "quan-1-hoi-nghi-bao-cao-vien-2024-03.pdf"
    assert page.errors == []


def test_editions_name_their_document_and_compare_side_by_side(studio, page):  # noqa: F811
    project = studio[1]
    base = base_of(studio)
    page.goto(f"{base}/editions")
    form = page.locator("#edition-form")
    form.locator('select[name="content"]').select_option(BOOKLET)
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", form.locator('input[name="date"]').input_value())
    form.locator('input[name="date"]').fill("20/03/2024")
    form.locator('input[name="name"]').fill("so-04")
    form.get_by_role("button", name="Tạo ấn bản").click()
    page.wait_for_selector(".form-result.ok", timeout=240_000)
    page.wait_for_selector('tr[data-label="so-04@r1"]', timeout=30_000)
    row = page.locator('tr[data-label="so-04@r1"]').inner_text()
    assert "Về thành tựu đối ngoại" in row and "20/03/2024" in row
    assert "briefing-foreign-affairs" in row  # the briefing itself is one of the copies
    # the document changes; making the edition again offers its next revision
    content = project / "content" / BOOKLET
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("Trong 03 năm qua, tình hình", "Trong ba năm qua, tình hình",
                                    1), encoding="utf-8")
    page.goto(f"{base}/editions")  # as the page is after its reload
    form.locator('select[name="content"]').select_option(BOOKLET)
    form.locator('input[name="date"]').fill("20/03/2024")
    form.locator('input[name="name"]').fill("so-04")
    form.get_by_role("button", name="Tạo ấn bản").click()
    offer = form.get_by_role("button", name="Tạo bản sửa đổi r2")
    offer.wait_for(timeout=240_000)
    refusal = form.locator(".form-result.error").inner_text()
    assert not INTERNALS.search(refusal) and "--new-revision" not in refusal, refusal
    shot(page, "clerk-07-edition-offers-r2")
    offer.click()
    page.wait_for_selector(".form-result.ok", timeout=240_000)
    page.wait_for_selector('tr[data-label="so-04@r2"]', timeout=30_000)
    diff = page.locator("#diff-form")
    diff.locator('select[name="old"]').select_option("so-04@r1/briefing-foreign-affairs")
    diff.locator('select[name="new"]').select_option("so-04@r2/briefing-foreign-affairs")
    diff.get_by_role("button", name="So sánh").click()
    table = page.locator("table.side-by-side")
    table.wait_for(timeout=120_000)
    marked = table.locator("mark")
    assert "03" in marked.first.inner_text() or "ba" in " ".join(marked.all_inner_texts())
    font = table.evaluate("t => getComputedStyle(t).fontFamily")
    assert "Briefing Serif" in font
    loaded = page.evaluate("document.fonts.check('16px \"Briefing Serif\"', 'tế')")
    assert loaded  # the page's own font, with its Vietnamese letters
    table.scroll_into_view_if_needed()
    shot(page, "clerk-08-editions-side-by-side")
    assert page.errors == []
