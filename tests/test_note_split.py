"""Footnotes that do not fit below their call continue on the next page, as in Word
(briefing/writers/pdf/note_split.py), read back from the PDF WeasyPrint writes.

Small pages of filler text with one long note whose call falls near the foot of page 1: the
calling line stays on page 1, the note starts there, and the rest opens page 2's notes under a
rule across the text; without the extension WeasyPrint moves the calling line instead.
"""

from __future__ import annotations

import io
from urllib.parse import quote

import pdfplumber
import pytest

from briefing.profile.model import FONTS_DIR
from briefing.writers.pdf import note_split

FILLER = ("Công tác đối ngoại đã được triển khai chủ động, đồng bộ, linh hoạt, sáng tạo và "
          "hiệu quả trên cơ sở bám sát chủ trương, đường lối đối ngoại. ")
NOTE = ("Theo Tổ chức Thương mại Thế giới (WTO), tăng trưởng thương mại toàn cầu năm 2023 là "
        "1,7%, thấp hơn so mức 2,3% năm 2022 và thấp hơn so với giai đoạn trước. ") * 3
SEPARATOR = quote('<svg xmlns="http://www.w3.org/2000/svg" width="30mm" height="0.5pt" '
                  'viewBox="0 0 100 1" preserveAspectRatio="none"><rect width="100" height="1"/>'
                  '</svg>')
FONT = (FONTS_DIR / "liberation-serif/LiberationSerif-Regular.ttf").as_uri()
CSS = f"""
@font-face {{ font-family: Serif; src: url("{FONT}"); }}
@page {{ size: 120mm 100mm; margin: 10mm;
        @footnote {{ margin-top: 1mm; padding-top: 3.33pt;
                     background: url("data:image/svg+xml,{SEPARATOR}") no-repeat top left; }} }}
body {{ font-family: Serif; font-size: 10pt; line-height: 12pt; margin: 0; orphans: 2;
        widows: 2; text-align: justify; font-kerning: none; }}
p {{ margin: 0; }}
.fn {{ float: footnote; footnote-display: block; footnote-policy: line; font-size: 8pt;
       line-height: 10pt; orphans: 1; widows: 1; }}
.fn::footnote-call {{ content: attr(data-n); vertical-align: super; font-size: 65%;
                      line-height: 0; }}
.fn::footnote-marker {{ content: attr(data-n) " "; vertical-align: super; font-size: 65%;
                        line-height: 0; }}
"""
MM = 72 / 25.4


def _html(filler_paragraphs: int, words_before_call: int) -> str:
    words = FILLER.split()
    paragraphs = [f"<p>{FILLER * 2}</p>"] * filler_paragraphs
    calling = (" ".join((words * 3)[:words_before_call]) +
               f'<span class="fn" data-n="1">{NOTE}</span> ' + FILLER * 3)
    return ("<html><body>" + "".join(paragraphs) + f"<p>{calling}</p>" +
            f"<p>{FILLER * 4}</p></body></html>")


def _render(html: str, patched: bool = True) -> list[dict]:
    from weasyprint import CSS as Stylesheet
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    if patched:
        note_split.apply()
    else:
        note_split.remove()
    try:
        fonts = FontConfiguration()
        with note_split.layout_settings(continuation_rule_pt=0.5):
            data = HTML(string=html).write_pdf(
                stylesheets=[Stylesheet(string=CSS, font_config=fonts)], font_config=fonts)
    finally:
        note_split.apply()
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            body = [c for c in page.chars if c["size"] > 9]
            notes = [c for c in page.chars if 6 < c["size"] < 9]
            small = [c for c in page.chars if c["size"] <= 6]
            rules = [r for r in page.rects if r["bottom"] - r["top"] < 1.5]
            pages.append({"body": body, "notes": notes, "small": small, "rules": rules,
                          "notes_text": "".join(c["text"] for c in sorted(
                              notes, key=lambda c: (round(c["top"]), c["x0"]))),
                          "width": page.width, "height": page.height})
    return pages


def _text(chars: list[dict]) -> str:
    return "".join(c["text"] for c in chars).replace(" ", "")


GRID = [(fillers, words) for fillers in (2, 3) for words in range(0, 60, 4)]
PAGE_BOTTOM = 90 * MM  # 100 mm page, 10 mm margin
BODY_LINE, NOTE_LINE = 12, 10


def _numbers(page: dict) -> list[dict]:
    return [c for c in page["small"] if c["text"] == "1"]


def _separator(page: dict) -> dict:
    """The rule above the notes (the only rule in the lower part of these pages)."""
    (rule,) = [r for r in page["rules"] if r["top"] > page["height"] * 0.3]
    return rule


@pytest.fixture(scope="module")
def layouts() -> list[tuple[str, list[dict]]]:
    """The calling paragraph at many places around the foot of page 1."""
    return [(html, _render(html)) for html in (_html(*cell) for cell in GRID)]


@pytest.fixture(scope="module")
def split_case(layouts) -> tuple[str, list[dict]]:
    """A layout where the note starts on page 1 and continues on page 2."""
    for html, pages in layouts:
        if pages[0]["notes"] and len(pages) > 1 and pages[1]["notes"]:
            return html, pages
    pytest.fail("no layout put the note across the page break")


def test_the_call_and_the_notes_first_lines_stay_on_page_one(split_case) -> None:
    _, pages = split_case
    first, second = pages[:2]
    rule = _separator(first)["top"]
    calls = [c for c in _numbers(first) if c["bottom"] < rule]
    markers = [c for c in _numbers(first) if c["top"] > rule]
    assert len(calls) == 1 and len(markers) == 1, "call and number both on page 1"
    assert not _numbers(second), "no number where the note continues"
    # the call is on the last body line of page 1, and the note fills the page below it
    assert max(c["top"] for c in first["body"]) - calls[0]["top"] < BODY_LINE
    assert max(c["bottom"] for c in first["notes"]) > PAGE_BOTTOM - NOTE_LINE


def test_the_rest_opens_page_two_and_the_note_reads_whole(split_case) -> None:
    _, pages = split_case
    first, second = pages[:2]
    assert _text(first["notes"]) + _text(second["notes"]) == NOTE.replace(" ", "")
    # the continued part starts at the left edge, without the first-line indent or a number
    assert min(c["x0"] for c in second["notes"]) == pytest.approx(10 * MM, abs=0.5)


def test_the_continued_notes_rule_spans_the_text(split_case) -> None:
    _, pages = split_case
    first, second = pages[:2]
    short, wide = _separator(first), _separator(second)
    assert short["x1"] - short["x0"] == pytest.approx(30 * MM, abs=0.5)
    assert wide["x1"] - wide["x0"] == pytest.approx(100 * MM, abs=0.5)


def test_without_the_extension_weasyprint_moves_the_calling_line(split_case) -> None:
    html, _ = split_case
    first, second = _render(html, patched=False)[:2]
    assert not first["notes"] and not _numbers(first), "call and note went to page 2"
    assert _text(second["notes"]) == NOTE.replace(" ", "")


def test_a_note_never_leaves_its_calls_page(layouts) -> None:
    """Wherever the call falls (the foot of a page, a line that widows or orphans push on),
    the note starts on the call's page and reads whole; some layouts split it."""
    split = 0
    for _, pages in layouts:
        numbered = [index for index, page in enumerate(pages) for _ in _numbers(page)]
        assert len(numbered) == 2 and numbered[0] == numbered[1], numbered  # call and number
        page = numbered[0]
        rest = pages[page + 1]["notes"] if page + 1 < len(pages) else []
        assert _text(pages[page]["notes"]) + _text(rest) == NOTE.replace(" ", "")
        split += bool(rest)
    assert split, "some layout continued the note on the next page"
