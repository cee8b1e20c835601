"""Changing a document's type in the editor redraws the general information at once — only
the fields the chosen type prints (a field already holding a value is never hidden) — and what
the clerk typed in a field both types have stays, saved. In Debian's Chromium, on
`build.py studio` (test_studio_e2e's fixtures); screenshots in output/test-artifacts/studio/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_studio_accessibility import clerks_session
from test_studio_e2e import browser, shot, studio  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
LEAVE = "doi-loai.yaml"


@pytest.fixture(scope="module")
def session(studio, browser):  # noqa: F811
    shutil.copy(ROOT / "tests" / "fixtures" / "types" / "state-giay-nghi-phep.yaml",
                studio[1] / "content" / LEAVE)
    yield from clerks_session(studio, browser, 1440, 900)


def _saved(page) -> None:
    page.wait_for_function("() => document.getElementById('save-status').textContent === "
                           "'Đã lưu'", timeout=30_000)


def test_the_meta_form_follows_the_type_at_once_keeping_what_was_typed(session):
    page, base, project = session
    path = project / "content" / LEAVE
    page.goto(f"{base}/edit/{LEAVE}")
    page.wait_for_load_state("networkidle")
    page.locator("#meta > summary").click()
    assert page.locator("#f-meta-subject").count() == 0  # a giấy nghỉ phép has no trích yếu
    assert page.locator("#f-meta-issuer-code").count() == 1  # its number carries GNP
    shot(page, "type-change-before")
    # typed, not saved yet, then the type changed at once: a công văn
    page.locator("#f-meta-signer-title").fill("PHÓ GIÁM ĐỐC")
    page.locator("#f-meta-type").select_option(label="Công văn")
    page.wait_for_selector("#f-meta-subject", timeout=30_000)  # no reload
    _saved(page)
    assert page.locator("#f-meta-issuer-code").count() == 0  # a công văn's number has none
    assert page.locator("#meta").evaluate("(e) => e.open")
    assert page.locator("#f-meta-signer-title").input_value() == "PHÓ GIÁM ĐỐC"
    assert page.locator("#f-meta-signer-name").input_value() == "Nguyễn Thị Thu Hà"
    assert page.locator("#f-meta-type").evaluate("(e) => e.options[e.selectedIndex].text") \
        == "Công văn"
    text = path.read_text(encoding="utf-8")
    assert "  type: cong-van\n" in text and "    title: PHÓ GIÁM ĐỐC\n" in text
    shot(page, "type-change-cong-van")
    # typed in the new type's own field, then back: the written trích yếu stays shown
    page.locator("#f-meta-subject").fill("Về việc nghỉ phép năm")
    page.locator("#f-meta-type").select_option(label="Giấy nghỉ phép")
    page.wait_for_selector("#f-meta-issuer-code", timeout=30_000)
    _saved(page)
    assert page.locator("#f-meta-subject").input_value() == "Về việc nghỉ phép năm"
    text = path.read_text(encoding="utf-8")
    assert "  type: giay-nghi-phep\n" in text and "  subject: Về việc nghỉ phép năm\n" in text
    shot(page, "type-change-back")
    # emptied, and the type changed again: a field the type does not print goes
    page.locator("#f-meta-subject").fill("")
    page.locator("#f-meta-type").select_option(label="Công văn")
    _saved(page)
    page.locator("#f-meta-type").select_option(label="Giấy nghỉ phép")
    page.wait_for_selector("#f-meta-subject", state="detached", timeout=30_000)
    _saved(page)
    assert page.locator("#f-meta-issuer-code").count() == 1
