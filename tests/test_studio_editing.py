"""Editing text in the studio as in Word, in Debian's Chromium: formatting shown as formatting,
footnote calls as their numbers with the note edited in place, fill-in blanks as chips, paste
from Word, Enter and Backspace, moving blocks, find and replace, two tabs on one paragraph.
Screenshots in output/test-artifacts/studio/ (edit-*.png)."""

from __future__ import annotations

import difflib
from pathlib import Path

from test_studio_e2e import BOOKLET, browser, set_markdown, shot, studio  # noqa: F401

PARAGRAPH = "f-blocks-1-body-0"
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=VI>
<!--StartFragment-->
<p class=MsoNormal><span style='font-size:13.0pt;color:red'>Căn cứ </span><b><span
style='font-size:13.0pt'>Luật Tổ chức</span></b><span> Chính phủ</span><a
style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference><span
style='mso-special-character:footnote'><span class=MsoFootnoteReference>[1]</span></span></span></a
><span>;
<i>Nghị định</i> số 15/2024 <u>một số</u> <a href="https://example.org/x">điều</a>.<o:p></o:p></span></p>
<!--EndFragment-->
<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1"><span
class=MsoFootnoteReference>[1]</span></a><span> Luật số 76/2015/QH13, <i>sửa đổi</i> năm 2019.</span
></p>
</div></div></body></html>"""


def fresh(project, name: str, copy: str) -> str:
    """A test's own copy of a shipped document (tests share one studio, not their edits)."""
    text = (Path(__file__).resolve().parents[1] / "content" / name).read_text("utf-8")
    (project / "content" / copy).write_text(text, encoding="utf-8")
    return copy


def open_editor(browser, url: str, name: str = BOOKLET, size=(1366, 768)):  # noqa: F811
    base = url.split("/?")[0]
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.goto(f"{base}/edit/{name}")
    page.wait_for_selector("#problem-summary:has-text('lỗi')", timeout=60_000)
    page.errors = errors
    return page


def saved_text(project, name: str = BOOKLET) -> str:
    return (project / "content" / name).read_text("utf-8")


def wait_saved(page) -> None:
    page.wait_for_function("() => !window.studioEditor.pending() && "
                           "document.getElementById('save-status').textContent === 'Đã lưu'",
                           timeout=30_000)


def click_into(page, field_id: str, where: str = "Control+End") -> None:
    editor = page.locator(f"#{field_id}-rt")
    editor.scroll_into_view_if_needed()
    editor.click()
    page.wait_for_timeout(250)  # ProseMirror keeps the click's caret for 200 ms
    page.keyboard.press(where)


def paste_html(page, html: str, text: str = "") -> None:
    page.evaluate("""([html, text]) => { const data = new DataTransfer();
        data.setData('text/html', html); data.setData('text/plain', text);
        document.activeElement.dispatchEvent(new ClipboardEvent('paste',
            {clipboardData: data, bubbles: true, cancelable: true})); }""", [html, text])


def test_text_is_shown_formatted_and_a_note_is_edited_in_place(studio, browser):  # noqa: F811
    url, project = studio
    name = fresh(project, BOOKLET, "t-note.yaml")
    page = open_editor(browser, url, name)
    doc_text = page.locator("#doc").inner_text()
    assert "[^" not in doc_text and "**" not in doc_text  # no mark of Markdown anywhere
    editor = page.locator(f"#{PARAGRAPH}-rt")
    editor.scroll_into_view_if_needed()
    assert editor.locator("em").first.inner_text() == "bản lĩnh, mang tính lịch sử"
    call = editor.locator("sup.fn")
    number = call.inner_text().replace("chú thích", "").strip()
    assert number.isdigit()
    labels = page.locator("#footnotes .item-label").all_text_contents()
    assert f"Chú thích {number}" in labels
    before = saved_text(project, name)
    call.click()
    popover = page.locator("#note-popover")
    popover.wait_for(state="visible")
    assert "Phát biểu của Đồng chí Tổng Bí thư" in popover.inner_text()
    page.keyboard.press("End")
    page.keyboard.type(" Bản ghi đầy đủ.")
    shot(page, "edit-01-note-popover")
    popover.get_by_role("button", name="Xong").click()
    wait_saved(page)
    after = saved_text(project, name)
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
               if line[:1] in "+-"]
    assert changed == [
        "-   gs-speech-32: Trích nội dung Phát biểu của Đồng chí Tổng Bí thư tại Hội nghị "
        "Ngoại giao lần thứ 32 (12/2023).",
        "+   gs-speech-32: Trích nội dung Phát biểu của Đồng chí Tổng Bí thư tại Hội nghị "
        "Ngoại giao lần thứ 32 (12/2023). Bản ghi đầy đủ."]
    assert page.errors == []
    page.close()


def test_paste_from_word_keeps_bold_italic_and_the_footnote(studio, browser):  # noqa: F811
    url, project = studio
    name = fresh(project, BOOKLET, "t-paste.yaml")
    page = open_editor(browser, url, name)
    click_into(page, PARAGRAPH)
    page.keyboard.press("Enter")  # a new, empty paragraph after it
    page.wait_for_function("() => document.activeElement.id === 'f-blocks-1-body-1-rt'",
                           timeout=30_000)
    paste_html(page, WORD_HTML, "Căn cứ Luật Tổ chức Chính phủ[1]; …")
    wait_saved(page)
    text = saved_text(project, name)
    assert ("- Căn cứ **Luật Tổ chức** Chính phủ[^luat-so-76-2015]; *Nghị định* số "
            "15/2024 một số điều.") in text
    assert "luat-so-76-2015: Luật số 76/2015/QH13, *sửa đổi* năm 2019." in text
    page.locator("#f-blocks-1-body-1-rt").scroll_into_view_if_needed()
    shot(page, "edit-02-pasted-from-word")
    page.wait_for_selector("#problem-summary:has-text('Không có lỗi')", timeout=30_000)
    page.close()


def test_a_fill_in_blank_is_a_chip_that_survives_editing(studio, browser):  # noqa: F811
    url, project = studio
    name = fresh(project, "coordination-programme-2024.yaml", "t-blank.yaml")
    page = open_editor(browser, url, name)
    field = "f-preamble-0"
    set_markdown(page, field, "Ngày {blank} tháng {blank:40mm} năm **{fill}**")
    wait_saved(page)
    page.reload()
    chips = page.locator(f"#{field}-rt .blank-chip")
    assert chips.count() == 3
    assert chips.first.get_attribute("contenteditable") == "false"
    click_into(page, field, "Control+Home")
    page.keyboard.type("Hôm nay, ")
    wait_saved(page)
    assert "Hôm nay, Ngày {blank} tháng {blank:40mm} năm **{fill}**" in saved_text(project, name)
    shot(page, "edit-03-blank-chips")
    page.close()


def wait_for_value(page, field_id: str, start: str) -> None:
    page.wait_for_function("([id, start]) => { const f = document.getElementById(id); "
                           "return f && f.value.startsWith(start); }", arg=[field_id, start],
                           timeout=30_000)
    wait_saved(page)


def test_blocks_move_anywhere_by_keyboard_drag_and_paste(studio, browser):  # noqa: F811
    """Alt+↓ takes a paragraph into the section below, Alt+↑ back out (the file is then byte
    for byte what it was); drag and drop into another section; copy and paste a block."""
    url, project = studio
    name = fresh(project, BOOKLET, "t-move.yaml")
    page = open_editor(browser, url, name, size=(1440, 900))
    original = saved_text(project, name)
    text = page.locator(f"#{PARAGRAPH}").input_value()
    click_into(page, PARAGRAPH, "Control+Home")
    page.keyboard.press("Alt+ArrowDown")  # into "Thành tựu", its first paragraph
    wait_for_value(page, "f-blocks-1-body-0-body-0", text[:40])
    assert page.evaluate("document.activeElement.id") == "f-blocks-1-body-0-body-0-rt"
    shot(page, "edit-04-moved-into-the-section-below")
    page.keyboard.press("Alt+ArrowUp")
    wait_for_value(page, PARAGRAPH, text[:40])
    assert saved_text(project, name) == original

    # drag it by its handle before the first paragraph of "Tình hình quốc tế"
    handle = page.locator("[data-item='[\"blocks\", 1, \"body\", 0]'] > .item-tools .drag")
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(box["x"] + 15, box["y"] + 25, steps=5)
    target = page.locator("#f-blocks-0-body-0-body-0-rt")
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 5, steps=10)
    page.mouse.up()
    wait_for_value(page, "f-blocks-0-body-0-body-0", text[:40])
    shot(page, "edit-05-dropped")

    # copy it and paste the copy after the first paragraph of part 4: its note is copied too
    click_into(page, "f-blocks-0-body-0-body-0")
    page.get_by_role("button", name="Chép khối").click()
    click_into(page, "f-blocks-3-body-0")
    page.get_by_role("button", name="Dán khối").click()
    wait_for_value(page, "f-blocks-3-body-1", text[:40])
    saved = saved_text(project, name)
    assert "[^gs-speech-32-2]" in saved and "gs-speech-32-2: Trích nội dung" in saved
    page.wait_for_selector("#problem-summary:has-text('Không có lỗi')", timeout=30_000)
    assert page.errors == []
    page.close()


def test_find_and_replace_across_the_document(studio, browser):  # noqa: F811
    url, project = studio
    name = fresh(project, "coordination-programme-2024.yaml", "t-find.yaml")
    page = open_editor(browser, url, name)
    before = saved_text(project, name)
    count = before.count("khoa giáo")
    assert count > 3
    page.keyboard.press("Control+h")
    page.locator("#find-text").fill("khoa giáo")
    page.keyboard.press("Enter")
    assert "chỗ" in page.locator("#find-status").inner_text()
    page.locator("#replace-text").fill("Khoa Giáo")
    shot(page, "edit-06-find-replace")
    page.get_by_role("button", name="Thay tất cả").click()
    wait_saved(page)
    after = saved_text(project, name)
    assert "khoa giáo" not in after.split("\nmeta:")[-1].split("blocks:", 1)[-1]
    assert after.count("Khoa Giáo") >= count - before.split("blocks:", 1)[0].count("khoa giáo")
    # one change: one undo brings the document back
    page.locator("#undo").click()
    page.wait_for_selector("#save-status:has-text('Đã hoàn tác')", timeout=30_000)
    assert saved_text(project, name) == before
    page.close()


def test_two_tabs_on_one_paragraph_choose_side_by_side(studio, browser):  # noqa: F811
    """Both tabs change one paragraph: the second sees both versions side by side, formatted;
    "keep mine" saves its text on the new version and the preview follows it; then the first
    tab, now behind, merges by hand."""
    from test_studio_e2e import wait_for_new_preview

    url, project = studio
    name = fresh(project, BOOKLET, "t-tabs.yaml")
    base = url.split("/?")[0]
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    first, second = context.new_page(), context.new_page()
    first.goto(url)
    for page in (first, second):
        page.goto(f"{base}/edit/{name}")
        page.wait_for_selector("#problem-summary:has-text('lỗi')", timeout=60_000)
    field = "f-blocks-0-body-0-body-0"
    set_markdown(first, field, "Tab thứ nhất đã sửa **đoạn** này.")
    wait_saved(first)
    key = wait_for_new_preview(second, None)
    set_markdown(second, field, "Tab thứ hai cũng sửa *đoạn* này.")
    card = second.locator(".conflict-card")
    card.wait_for(timeout=30_000)
    mine, theirs = card.locator(".conflict-col").all()
    assert mine.inner_text().endswith("Tab thứ hai cũng sửa đoạn này.")
    assert mine.locator("em").inner_text() == "đoạn"
    assert theirs.locator("strong").inner_text() == "đoạn"
    assert "**" not in card.inner_text()
    shot(second, "edit-07-conflict-side-by-side")
    card.get_by_role("button", name="Giữ bản của tôi").click()
    wait_saved(second)
    assert second.locator("#conflict").is_hidden()
    saved = saved_text(project, name)
    assert "Tab thứ hai cũng sửa *đoạn* này." in saved and "Tab thứ nhất" not in saved
    wait_for_new_preview(second, key)  # the preview follows the kept text
    assert second.locator(f"#{field}-rt").inner_text() == "Tab thứ hai cũng sửa đoạn này."

    # the first tab is now behind: it merges by hand
    set_markdown(first, field, "Tab thứ nhất sửa lần nữa.")
    card = first.locator(".conflict-card")
    card.wait_for(timeout=30_000)
    card.get_by_role("button", name="Sửa tay").click()
    merge = card.locator(".conflict-merge .ProseMirror")
    merge.click()
    first.keyboard.press("Control+End")
    first.keyboard.type(" Và giữ ý của tab kia.")
    shot(first, "edit-08-conflict-merge-by-hand")
    card.get_by_role("button", name="Lưu bản này").click()
    wait_saved(first)
    assert "Tab thứ nhất sửa lần nữa. Và giữ ý của tab kia." in saved_text(project, name)
    context.close()


def test_keyboard_reaches_any_paragraph_in_at_most_40_tabs(studio, browser):  # noqa: F811
    """The outline and each toolbar are one Tab stop (arrows inside); the item tools are not
    Tab stops. From the top of the booklet's editor every paragraph's editor is at most 40
    Tabs away (Tab to the outline, arrows to its section, Enter, Tabs); the worst one is
    then reached with real keys."""
    from pathlib import Path

    url, _ = studio
    page = open_editor(browser, url, size=(1440, 900))
    page.wait_for_timeout(500)
    found = page.evaluate((Path(__file__).parent / "tab_stops.js").read_text("utf-8"))
    assert found["editors"] > 80
    worst = found["worst"]
    assert worst["tabs"] <= 40, found
    toolbar = page.locator(".editor-col > .toolbar button")
    assert [b.get_attribute("tabindex") for b in toolbar.all()].count("0") == 1
    tools = page.locator(".item-tools").first
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "1"  # they look enabled
    # the same with keys, from the top of the page
    page.locator("body").evaluate("b => document.activeElement.blur()")
    for _ in range(found["k0"]):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.outline') !== null")
    for _ in range(worst["link"] or 0):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    for _ in range(worst["after"]):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == worst["id"]
    shot(page, "edit-09-keyboard-reached")
    page.close()


def test_enter_splits_backspace_merges_and_undo_redo_cover_them(studio, browser):  # noqa: F811
    """Enter splits where the cursor is (inside italic text: both halves stay italic),
    Backspace at the start joins the paragraph to the one above; Ctrl+Z in a paragraph with
    nothing left to undo undoes the document's last change, Ctrl+Y makes it again."""
    url, project = studio
    name = fresh(project, "coordination-programme-2024.yaml", "t-split.yaml")
    page = open_editor(browser, url, name)
    original = saved_text(project, name)
    field = "f-preamble-0"
    text = page.locator(f"#{field}").input_value()
    assert "“*Quy chế" in text
    click_into(page, field, "Control+Home")
    for _ in range(len("Căn cứ Quyết định số 238-QĐ/TW ngày 30 tháng 9 năm 2020 của Ban Bí thư "
                       "khóa XII về “Quy chế")):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'f-preamble-1-rt'", timeout=30_000)
    wait_saved(page)
    first = page.locator(f"#{field}").input_value()
    second = page.locator("#f-preamble-1").input_value()
    assert first.endswith("về “*Quy chế*") and second.startswith("*phối hợp")
    shot(page, "edit-10-split")
    page.wait_for_timeout(300)
    page.keyboard.press("Backspace")  # at the start of the new paragraph: joined again
    page.wait_for_function("() => document.activeElement.id === 'f-preamble-0-rt'", timeout=30_000)
    wait_saved(page)
    assert saved_text(project, name) == original
    page.keyboard.press("Control+z")  # nothing typed here: the document's last change (the join)
    page.wait_for_selector("#save-status:has-text('Đã hoàn tác')", timeout=30_000)
    assert page.locator("#f-preamble-1").input_value() == second
    page.locator("#f-preamble-0-rt").click()
    page.wait_for_timeout(250)
    page.keyboard.press("Control+y")
    page.wait_for_selector("#save-status:has-text('Đã làm lại')", timeout=30_000)
    assert saved_text(project, name) == original
    assert page.locator("#f-preamble-0-rt").get_attribute("spellcheck") == "true"
    assert page.locator("#f-preamble-0-rt").get_attribute("lang") == "vi"
    page.close()


def test_clicking_the_preview_puts_the_cursor_on_that_text(studio, browser):  # noqa: F811
    from test_studio_e2e import wait_for_new_preview

    url, _ = studio
    page = open_editor(browser, url, size=(1440, 900))
    wait_for_new_preview(page, None)
    figure = page.locator("#pages figure").nth(3)
    figure.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelectorAll('#pages figure')[3].dataset.shown",
                           timeout=60_000)
    box = figure.locator("img").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.45)
    page.wait_for_function("() => document.activeElement.closest('.rt-host') !== null",
                           timeout=30_000)
    key = page.evaluate("() => document.querySelectorAll('#pages figure')[3].dataset.shown")
    # what is printed there is in the paragraph now being edited
    line = page.request.get(url.split("/?")[0] + f"/api/preview-line/{key}/3?x=0.5&y=0.45"
                            ).json()["text"]
    focused = page.evaluate("document.activeElement.innerText").replace("\n", " ")
    words = line.split()
    assert len(words) > 3 and " ".join(words[1:4]) in " ".join(focused.split())
    shot(page, "edit-11-preview-click-jumped")
    page.close()
