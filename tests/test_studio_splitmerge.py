"""Enter and Backspace split and join paragraphs on the page at once, in Debian's Chromium, and
the server learns of it after (splitmerge.js): what is typed in the new paragraph before the
change is answered is kept and saved there; a split the server cannot take puts the text back
together in the first paragraph, nothing lost. The server's answers are held back (Playwright
routes) to see the page before them."""

from __future__ import annotations

import re

from test_studio_e2e import browser, studio  # noqa: F401
from test_studio_editing import click_into, fresh, open_editor, saved_text, wait_saved

NAME = "coordination-programme-2024.yaml"
FIELD = "f-preamble-0"


def _held(page):
    """Hold every POST /api/change until `release()` (aborted with `fail`); returns the
    requests held so far and release."""
    held: list = []
    state = {"holding": True}

    def handle(route) -> None:
        if state["holding"]:
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r".*/api/change/.*"), handle)

    def release(fail: bool = False) -> None:
        state["holding"] = False
        for route in held:
            route.abort() if fail else route.continue_()
    return held, release


def _after_first_words(studio, browser, copy: str):  # noqa: F811
    """A fresh copy opened, the cursor after "Căn cứ" in the preamble's paragraph; the page
    and the paragraph's text."""
    url, project = studio
    name = fresh(project, NAME, copy)
    page = open_editor(browser, url, name)
    before = page.locator(f"#{FIELD}").input_value()
    click_into(page, FIELD, "Control+Home")
    for _ in range(len("Căn cứ")):
        page.keyboard.press("ArrowRight")
    return page, name, before


def test_a_split_shows_at_once_and_keeps_what_is_typed_before_the_answer(studio, browser):  # noqa: F811
    url, project = studio
    name = fresh(project, NAME, "t-split-local.yaml")
    page = open_editor(browser, url, name)
    click_into(page, FIELD)  # the end of the paragraph
    held, release = _held(page)
    page.keyboard.press("Enter")
    # the new paragraph is on the page, the cursor in it, before the server has answered
    page.wait_for_selector("#doc .provisional .ProseMirror:focus", timeout=10_000)
    page.keyboard.type("Đoạn mới gõ ngay.", delay=10)
    assert page.locator("#doc .provisional .ProseMirror").inner_text() == "Đoạn mới gõ ngay."
    assert held  # the split is on its way, not answered yet
    release()
    page.wait_for_function("() => document.activeElement.id === 'f-preamble-1-rt'",
                           timeout=30_000)
    page.keyboard.type(" Tiếp.", delay=10)
    wait_saved(page)
    assert page.locator("#doc .provisional").count() == 0
    text = saved_text(project, name)
    assert "Đoạn mới gõ ngay. Tiếp." in text
    assert page.locator(f"#{FIELD}").input_value() in text  # the first part as it was
    assert page.errors == []
    page.close()


def test_a_split_the_server_cannot_take_loses_no_text(studio, browser):  # noqa: F811
    page, name, before = _after_first_words(studio, browser, "t-split-fail.yaml")
    _, release = _held(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("#doc .provisional .ProseMirror:focus", timeout=10_000)
    release(fail=True)  # the network fails: the two parts back in one paragraph, saved
    page.wait_for_function("() => !document.querySelector('#doc .provisional')",
                           timeout=30_000)
    wait_saved(page)
    saved = page.locator(f"#{FIELD}").input_value()
    assert saved.replace(" ", "") == before.replace(" ", "")
    assert saved_text(studio[1], name).count(saved) == 1
    page.close()


def test_a_join_hides_the_paragraph_at_once(studio, browser):  # noqa: F811
    page, name, before = _after_first_words(studio, browser, "t-join-local.yaml")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'f-preamble-1-rt'",
                           timeout=30_000)
    wait_saved(page)
    page.keyboard.press("Home")
    _, release = _held(page)
    page.keyboard.press("Backspace")  # at the start of the second part: joined at once
    page.wait_for_function("() => document.getElementById('f-preamble-1').closest('[data-item]')"
                           ".hidden", timeout=10_000)
    page.keyboard.type("X", delay=10)  # typed at the join, before the answer
    release()
    page.wait_for_function("() => !document.getElementById('f-preamble-1')", timeout=30_000)
    wait_saved(page)
    joined = page.locator(f"#{FIELD}").input_value()
    assert joined.replace("X", "", 1) == before and joined.startswith("Căn cứ X")
    assert "Căn cứ X" in saved_text(studio[1], name)
    assert page.errors == []
    page.close()


def test_two_quick_splits_make_two_paragraphs_in_order(studio, browser):  # noqa: F811
    """Enter, a few words, Enter again, more words — all before the first split is answered:
    each new paragraph is on the page at once, and both are saved in order."""
    url, project = studio
    name = fresh(project, NAME, "t-split-twice.yaml")
    page = open_editor(browser, url, name)
    click_into(page, FIELD)
    _, release = _held(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("#doc .provisional .ProseMirror:focus", timeout=10_000)
    page.keyboard.type("Một.", delay=10)
    page.keyboard.press("Enter")
    page.keyboard.type("Hai.", delay=10)
    assert page.locator("#doc .provisional").count() == 2
    release()
    page.wait_for_function("() => document.activeElement.id === 'f-preamble-2-rt'",
                           timeout=30_000)
    wait_saved(page)
    assert page.locator("#doc .provisional").count() == 0
    assert page.locator("#f-preamble-1").input_value() == "Một."
    assert page.locator("#f-preamble-2").input_value() == "Hai."
    text = saved_text(project, name)
    assert text.index("Một.") < text.index("Hai.")
    assert page.errors == []
    page.close()
