"""The studio in a real browser (Playwright driving Debian's Chromium), as a clerk uses it:
open the list, open the booklet, change a paragraph and see the preview change, break a
footnote call and see the message at the field, fix it, preview a unit's variant, build an
edition and verify it, download the DOCX and open it. A screenshot of each step is kept in
output/test-artifacts/studio/.

The server is `python build.py studio` itself, on a free port of 127.0.0.1, in a temporary
copy of the project's content. Skipped (with the reason) where Chromium or Playwright is
missing; CI installs Debian's `chromium`.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "output" / "test-artifacts" / "studio"
BOOKLET = "briefing-foreign-affairs.yaml"
#: a paragraph of the booklet (blocks[1].body[0]) and one that calls a footnote
PARAGRAPH_ID = "f-blocks-1-body-0"
CALLING_ID = "f-blocks-0-body-0-body-1"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (/usr/bin/chromium)")


@pytest.fixture(scope="module")
def studio(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """`build.py studio` on a copy of the content; yields (address with token, project)."""
    project = tmp_path_factory.mktemp("studio-project")
    shutil.copytree(ROOT / "content", project / "content")
    yield from running_studio(project)


def running_studio(project: Path, *options: str) -> Iterator[tuple[str, Path]]:
    """`build.py [options] studio` on `project` until the generator is closed: (address with
    token, project)."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), *options, "studio", "--port", "0",
         "--no-browser", "--project", str(project)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("Studio: "):
        process.kill()
        pytest.fail(f"the studio did not start: {line}{process.stderr.read()}")
    url = line.split(" ", 1)[1].strip()
    assert url.startswith("http://127.0.0.1:") and "?token=" in url
    try:
        yield url, project
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield browser
        browser.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def wait_for_new_preview(page, after_key: str | None, timeout: float = 90_000) -> str:
    """The key of the preview build drawn once one other than `after_key` is on screen."""
    handle = page.wait_for_function(
        """(old) => { const f = [...document.querySelectorAll('#pages figure[data-shown]')]
                         .find(f => f.dataset.shown !== old);
                      return f ? f.dataset.shown : null; }""",
        arg=after_key or "none", timeout=timeout)
    return handle.json_value()


def set_markdown(page, field_id: str, markdown: str) -> None:
    """Put `markdown` in a paragraph's editor, as if typed there."""
    page.evaluate("""([id, md]) => { const rec = RichFields.recOf(document.getElementById(id));
                     rec.editor.setMarkdown(md); RichFields.written(rec, md); }""",
                  [field_id, markdown])


def test_a_clerk_edits_previews_archives_and_downloads(studio, browser):
    url, project = studio
    base = url.split("/?")[0]
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # 1. the list of documents
    page.goto(url)
    assert page.url == base + "/"  # the token went into a cookie, out of the address bar
    row = page.locator(f'tr[data-name="{BOOKLET}"]')
    assert "Về thành tựu đối ngoại" in row.inner_text()
    row.locator("td.checks:not([aria-busy])").wait_for(timeout=60_000)  # the badges follow
    assert "Hợp lệ" in row.inner_text()
    shot(page, "01-documents")

    # 2. the booklet in the editor, its preview drawn
    row.locator("a.doc-link").click()
    page.wait_for_url(f"{base}/edit/{BOOKLET}")
    first_key = wait_for_new_preview(page, None)
    assert page.locator("#problem-summary").inner_text() == "✓ Không có lỗi"
    shot(page, "02-editor")

    # 3. change a paragraph: the preview changes
    paragraph = page.locator(f"#{PARAGRAPH_ID}-rt")  # its formatted-text editor
    paragraph.scroll_into_view_if_needed()
    paragraph.click()
    page.wait_for_timeout(250)
    paragraph.press("Control+End")
    paragraph.type(" Đoạn thêm bằng Studio.", delay=20)
    page.wait_for_selector("#save-status:has-text('Đã lưu')", timeout=30_000)
    second_key = wait_for_new_preview(page, first_key)
    assert second_key != first_key
    images = [page.request.get(f"{base}/preview/{key}/4.png?w=600").body()
              for key in (first_key, second_key)]
    assert images[0] != images[1]  # the page that holds the paragraph was redrawn
    saved = (project / "content" / BOOKLET).read_text(encoding="utf-8")
    assert "Đoạn thêm bằng Studio." in saved
    shot(page, "03-paragraph-changed")

    # 4. break a footnote call (as another program could: the editor shows calls as numbers
    # and never lets one be typed): the message appears at that very field
    calling = page.locator(f"#{CALLING_ID}")
    page.locator(f"#{CALLING_ID}-rt").scroll_into_view_if_needed()
    text = calling.input_value()
    assert "[^us-china-russia]" in text
    set_markdown(page, CALLING_ID, text.replace("[^us-china-russia]", "[^us-china-rusia]"))
    message = page.locator(f"#{CALLING_ID} ~ .msg.error")
    message.wait_for(timeout=30_000)
    assert "us-china-rusia" in message.inner_text()
    assert "1 lỗi" in page.locator("#problem-summary").inner_text()
    # the preview goes on, a draft: the call's missing note is a marked blank
    page.wait_for_selector("#preview-marks:not([hidden])", timeout=60_000)
    marks = page.locator("#preview-marks").inner_text()
    assert "Trang " in marks and "chú thích 1: chưa viết" in marks  # worded as the page is
    shot(page, "04-footnote-broken")

    # 5. fix it: the message goes
    set_markdown(page, CALLING_ID, text)
    page.wait_for_selector(f"#{CALLING_ID} ~ .msg.error", state="detached", timeout=30_000)
    page.wait_for_selector("#problem-summary:has-text('Không có lỗi')", timeout=30_000)
    page.wait_for_selector("#preview-marks", state="hidden", timeout=90_000)
    shot(page, "05-footnote-fixed")

    # 6. a unit's variant
    page.get_by_role("link", name="Đơn vị, hội nghị").click()
    page.wait_for_url(f"{base}/units/{BOOKLET}*")
    page.select_option("#unit-select", "quan-1.yaml")
    page.wait_for_url("**unit=quan-1.yaml")
    unit_key = wait_for_new_preview(page, None)
    assert page.locator("#u-name").input_value() == "Đảng bộ Quận 1"
    assert not page.locator('input.keep[data-id="forecast"]').is_checked()
    cover = page.request.get(f"{base}/api/preview/{BOOKLET}?unit=quan-1.yaml").json()
    assert cover["key"] == unit_key and cover["status"] == "ok"
    shot(page, "06-unit-variant")

    # 7. an edition, built and verified
    page.get_by_role("link", name="Ấn bản lưu trữ").click()
    page.select_option('select[name="content"]', BOOKLET)
    page.fill('input[name="date"]', "15/03/2024")
    page.fill('input[name="name"]', "2024-03-so-03")
    page.get_by_role("button", name="Tạo ấn bản").click()
    page.wait_for_selector(".form-result.ok", timeout=240_000)
    assert "2024-03-so-03@r1" in page.locator(".form-result").inner_text()
    page.wait_for_selector('tr[data-label="2024-03-so-03@r1"]', timeout=30_000)
    page.locator('tr[data-label="2024-03-so-03@r1"]').get_by_role("button",
                                                                  name="Kiểm tra").click()
    page.wait_for_selector(".verify-result.ok", timeout=60_000)
    assert "nguyên vẹn" in page.locator(".verify-result").inner_text()
    shot(page, "07-edition-verified")

    # 8. download the DOCX and open it
    page.goto(f"{base}/edit/{BOOKLET}")
    with page.expect_download(timeout=120_000) as waiting:
        page.locator("#download-docx").click()
    download = waiting.value
    target = ARTIFACTS / download.suggested_filename
    download.save_as(str(target))
    assert download.suggested_filename == "briefing-foreign-affairs.docx"
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "Đoạn thêm bằng Studio." in text
    shot(page, "08-docx-downloaded")

    # 9. import that Word file: it becomes a new document, opened in the editor
    try:
        import briefing.importing  # noqa: F401
    except ImportError:
        assert errors == []
        return
    page.goto(base + "/")
    page.get_by_role("button", name="Nhập từ Word / văn bản…").click()
    page.set_input_files('#import-form input[type="file"]', str(target))
    page.locator("#import-form").get_by_role("button", name="Nhập").click()
    page.wait_for_url(f"{base}/edit/briefing-foreign-affairs-2.yaml", timeout=120_000)
    page.wait_for_selector("#problem-summary:has-text('Không có lỗi'), "
                           "#problem-summary:has-text('cảnh báo')", timeout=60_000)
    assert "lỗi" not in page.locator("#problem-summary").inner_text().replace("Không có lỗi", "")
    wait_for_new_preview(page, None)
    assert (project / "content" / "briefing-foreign-affairs-2.yaml").is_file()
    shot(page, "09-imported")
    assert errors == []


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (820, 1180)])
def test_layout_and_keyboard(studio, browser, width, height):
    url, _ = studio
    base = url.split("/?")[0]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.goto(f"{base}/edit/{BOOKLET}")
    wait_for_new_preview(page, None)
    # nothing wider than the window: no horizontal scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # keyboard: the first Tab reaches the skip link, then real links and buttons
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.tagName"))
    assert {"A", "BUTTON"} <= reached
    shot(page, f"11-editor-{width}x{height}")
    page.close()


def test_outline_footnote_and_emphasis_buttons(studio, browser):
    """The editing buttons of the page, in the browser: add, rename, move, indent, outdent and
    delete (after confirming) a section; bold at the selection; a footnote at the cursor."""
    url, project = studio
    base = url.split("/?")[0]
    name = "coordination-programme-2024.yaml"
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(url)
    page.goto(f"{base}/edit/{name}")
    page.wait_for_selector("#problem-summary:has-text('lỗi')", timeout=60_000)
    from briefing.source.yaml_source import load_yaml

    def blocks():
        return load_yaml(name, (project / "content" / name).read_text("utf-8")).data["blocks"]

    def wait_title(field_id: str, title: str) -> None:
        page.wait_for_function("([id, title]) => { const f = document.getElementById(id); "
                               "return f && f.value === title && !f.classList.contains("
                               "'unsaved'); }", arg=[field_id, title], timeout=30_000)
        page.wait_for_selector("#save-status:has-text('Đã lưu')", timeout=30_000)

    count = len(blocks())
    page.fill("#new-block-title", "Tổ chức thực hiện")
    page.get_by_role("button", name="+ Mục lớn").click()
    wait_title(f"f-blocks-{count}-title", "Tổ chức thực hiện")
    assert blocks()[-1]["title"] == "Tổ chức thực hiện"
    page.locator(f"#f-blocks-{count}-title").fill("Tổ chức thực hiện chương trình")
    wait_title(f"f-blocks-{count}-title", "Tổ chức thực hiện chương trình")
    page.locator(f"#f-blocks-{count}-sec").get_by_role("button", name="Chuyển lên").first.click()
    wait_title(f"f-blocks-{count - 1}-title", "Tổ chức thực hiện chương trình")
    assert blocks()[count - 1]["title"] == "Tổ chức thực hiện chương trình"
    page.locator(f"#f-blocks-{count - 1}-sec").get_by_role(
        "button", name="Thụt lề (thành mục con)").first.click()
    above = blocks()[count - 2]
    nested_id = f"f-blocks-{count - 2}-body-{len(above['body'])}-title"
    wait_title(nested_id, "Tổ chức thực hiện chương trình")
    assert len(blocks()) == count and blocks()[count - 2]["body"][-1]["title"] == \
        "Tổ chức thực hiện chương trình"
    page.locator(f"#{nested_id}").locator("xpath=..").get_by_role(
        "button", name="Lùi lề (lên một cấp)").click()
    wait_title(f"f-blocks-{count - 1}-title", "Tổ chức thực hiện chương trình")
    assert blocks()[count - 1]["title"] == "Tổ chức thực hiện chương trình"
    shot(page, "12-outline")
    page.locator(f"#f-blocks-{count - 1}-sec").get_by_role("button", name="Xóa").first.click()
    dialog = page.locator("#confirm-dialog")
    assert "Tổ chức thực hiện chương trình" in dialog.inner_text()
    dialog.get_by_role("button", name="Xóa").click()
    page.wait_for_function("() => ![...document.querySelectorAll('textarea.title')].some("
                           "t => t.value === 'Tổ chức thực hiện chương trình')", timeout=30_000)
    assert len(blocks()) == count

    # bold at the selection, then a footnote at the cursor
    field = page.locator("textarea.para").first
    path = field.get_attribute("data-path")
    text = field.input_value()
    editor = page.locator(".rt-host .ProseMirror").first
    editor.click()
    page.wait_for_timeout(250)
    page.keyboard.press("Control+Home")
    for _ in range(5):
        page.keyboard.press("Shift+ArrowRight")
    page.get_by_role("button", name="Đậm", exact=True).click()
    assert field.input_value() == f"**{text[:5]}**{text[5:]}"
    assert editor.locator("strong").first.inner_text() == text[:5]
    page.keyboard.press("Control+End")
    page.get_by_role("button", name="Chú thích", exact=True).click()
    page.locator("#note-popover .ProseMirror").type("Chú thích thêm từ Studio.")
    page.locator("#note-popover").get_by_role("button", name="Xong").click()
    page.wait_for_function(f"""() => document.querySelector(`textarea[data-path='{path}']`)
                                  .value.endsWith(']')""", timeout=30_000)
    assert editor.locator("sup.fn").last.inner_text().strip().endswith("1")
    page.wait_for_selector("#save-status:has-text('Đã lưu')", timeout=30_000)
    saved = (project / "content" / name).read_text("utf-8")
    assert f"**{text[:5]}**" in saved and "Chú thích thêm từ Studio." in saved
    page.wait_for_selector("#problem-summary:has-text('Không có lỗi')", timeout=30_000)
    shot(page, "13-footnote-inserted")
    page.close()


def test_undo_after_a_text_repair_opens_the_repair_page_again(studio, browser):
    """A file broken elsewhere, repaired as text, the repair undone: the undo is made (the file
    is as it was) and the page shows the text to repair, not an error nor a retry loop."""
    url, project = studio
    base = url.split("/?")[0]
    broken = "meta:\n  form: [booklet\n"
    (project / "content" / "hong.yaml").write_text(broken, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(url)
    page.goto(f"{base}/edit/hong.yaml")
    assert "lỗi cú pháp" in page.locator("h1").inner_text()
    repaired = (ROOT / "content" / "coordination-programme-2024.yaml").read_text("utf-8")
    page.fill("#raw-text", repaired)
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_selector("#undo:not([disabled])", timeout=60_000)  # the editor, undo ready
    page.locator("#undo").click()
    page.wait_for_selector("#raw-form", timeout=60_000)
    assert page.locator("#raw-text").input_value() == broken
    assert (project / "content" / "hong.yaml").read_text(encoding="utf-8") == broken
    shot(page, "14-undo-back-to-broken")
    page.close()


def test_the_list_comes_first_and_its_badges_follow(studio, browser):
    """The documents list is served before `check` runs; each row's check cell is filled by
    the page's next request — valid, errors, an import's guesses (never "valid" until they
    are seen) — and the new-document form's boxes arrive likewise, with no script error."""
    from test_studio_hardening import REPORT

    url, project = studio
    base = url.split("/?")[0]
    (project / "content" / "vo.yaml").write_text("meta:\n  form: [booklet\n", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    imported = page.evaluate("""async (text) => { const form = new FormData();
        form.append("file", new File([text], "bao-cao.txt", {type: "text/plain"}));
        return (await Studio.api("/api/documents/import", form)).name; }""", REPORT)
    page.goto(base + "/")
    page.wait_for_selector("#documents td.checks[aria-busy]", state="detached", timeout=60_000)

    def said(name: str) -> str:
        return page.locator(f'tr[data-name="{name}"] td.checks').inner_text()

    assert "Hợp lệ" in said(BOOKLET)
    assert "chỗ nhập cần xem lại" in said(imported) and "Hợp lệ" not in said(imported)
    assert "lỗi" in said("vo.yaml") and "Hợp lệ" not in said("vo.yaml")
    page.locator("#new-type option").first.wait_for(state="attached", timeout=60_000)
    shot(page, "15-documents-badges")
    assert errors == []
    page.close()
