"""The PDF as a reader sees it: page size, page numbers, footnotes, fonts, text."""

from __future__ import annotations

import re

import pypdf
import pytest

from briefing.tree.plain_text import body_paragraphs, every_text, footnotes
from tests.pdf_reading import MM, read_pages, squash


def test_every_page_is_a4(built_pdf):
    reader = pypdf.PdfReader(built_pdf.pdf)
    assert len(reader.pages) > 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width / MM), round(height / MM)) == (210, 297)


def test_page_one_unnumbered_later_pages_numbered_top_centre(built_pdf):
    pages = read_pages(built_pdf.pdf)
    assert pages[0].header == ""
    profile = built_pdf.view.profile
    left = profile.page.margins["left"] * MM
    centre = left + profile.text_width_mm * MM / 2
    import pdfplumber

    with pdfplumber.open(built_pdf.pdf) as pdf:
        for page, text in zip(pdf.pages[1:], pages[1:], strict=True):
            assert text.header == str(text.number)
            digits = [c for c in page.chars if c["bottom"] < profile.page.margins["top"] * MM]
            middle = (min(c["x0"] for c in digits) + max(c["x1"] for c in digits)) / 2
            assert abs(middle - centre) < 2, f"page {text.number} number off centre"
            assert min(c["top"] for c in digits) < profile.page.margins["top"] * MM


def test_body_text_equals_source_in_order(built_pdf):
    """Every paragraph of the tree appears whole, in order, in the PDF's body text."""
    pages = read_pages(built_pdf.pdf)
    text = squash(" ".join(p.body for p in pages))
    position = 0
    paragraphs = [squash(p) for p in body_paragraphs(built_pdf.tree.body.children())]
    assert len(paragraphs) > 20
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        assert found >= 0, f"not found in order: {paragraph[:80]!r}"
        position = found + len(paragraph)


def test_every_source_sentence_is_extractable(built_pdf):
    pages = read_pages(built_pdf.pdf)
    text = squash(" ".join(p.body for p in pages)) + " " + squash(" ".join(p.notes for p in pages))
    sentences = []
    for paragraph in body_paragraphs(built_pdf.tree.body.children()):
        sentences += [s for s in re.split(r"(?<=[.;:])\s+", squash(paragraph)) if s]
    for _, paragraphs in footnotes(built_pdf.tree):
        for paragraph in paragraphs:
            sentences += [s for s in re.split(r"(?<=[.;])\s+", squash(paragraph)) if s]
    missing = [s for s in sentences if s not in text]
    assert not missing, missing[:3]


def test_each_footnote_sits_below_the_body_on_the_page_of_its_call(built_pdf):
    pages = read_pages(built_pdf.pdf)
    notes = footnotes(built_pdf.tree)
    expected = {"briefing-foreign-affairs": 12, "coordination-programme-2024": 5}
    assert len(notes) == expected[built_pdf.source.stem]
    for number, paragraphs in notes:
        call_pages = [p for p in pages if str(number) in p.calls]
        assert len(call_pages) == 1, f"footnote {number}: call found on {len(call_pages)} pages"
        page = call_pages[0]
        assert str(number) in page.markers, f"footnote {number} not on page {page.number}"
        opening = squash(paragraphs[0])[:60]
        assert opening in squash(page.notes), f"footnote {number} text not on page {page.number}"
        assert page.notes_top is not None and page.notes_top > page.body_bottom


def test_fonts_are_embedded_and_from_the_vendored_family(built_pdf):
    reader = pypdf.PdfReader(built_pdf.pdf)
    family = built_pdf.view.profile.font.pdf_family.replace(" ", "")
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).split("+")[-1]
            seen.add(name)
            assert name.replace("-", "").startswith(family), f"fallback font {name}"
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
    assert any("Bold" in n for n in seen) and any("Italic" in n for n in seen)


def test_metadata_title_author_language(built_pdf):
    reader = pypdf.PdfReader(built_pdf.pdf)
    meta = reader.metadata
    info = built_pdf.tree.info
    assert meta.title == info.title
    assert meta.author == info.author
    assert str(reader.trailer["/Root"].get("/Lang", "")).startswith("vi")


def test_official_header_block_and_closing(programme_pdf):
    import pdfplumber

    with pdfplumber.open(programme_pdf.pdf) as pdf:
        first = squash(pdf.pages[0].extract_text())
        last = squash(pdf.pages[-1].extract_text())
    # the long superior line wraps (the place-and-date line is kept whole, as in the DOCX)
    for text in ("THÀNH ỦY THÀNH PHỐ", "HỒ CHÍ MINH", "BAN TUYÊN GIÁO", "ĐẢNG CỘNG SẢN VIỆT NAM",
                 "-CTr/BTGTU", "CHƯƠNG TRÌNH"):
        assert text in first
    for text in ("Nơi nhận:", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Lê Hồng Sơn",
                 "- Lưu."):
        assert text in last


@pytest.mark.parametrize("face", ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"])
def test_vendored_font_covers_every_character_of_the_content(face, briefing_pdf, programme_pdf):
    """No glyph can come from a fallback font: the embedded family has every character."""
    from fontTools.ttLib import TTFont

    from briefing.profile.model import FONTS_DIR

    cmap = TTFont(FONTS_DIR / "liberation-serif" / face).getBestCmap()
    for built in (briefing_pdf, programme_pdf):
        text = "".join(every_text(built.tree))
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap})
        assert not missing, missing


def test_full_date_keeps_the_place_date_line_whole_like_the_docx(tmp_path):
    """The masthead split is computed once (briefing.layout.masthead) for both writers."""
    import pdfplumber

    from briefing.builds.pipeline import render_loaded
    from briefing.content.loader import load_document
    from briefing.layout.masthead import masthead_columns
    from tests.conftest import PROGRAMME

    source = tmp_path / "programme-dated.yaml"
    source.write_text(PROGRAMME.read_text(encoding="utf-8").replace(
        "date: 2024-03\n", "date: 2024-12-25\n"), encoding="utf-8")
    rendered = render_loaded(load_document(source), ("pdf",))
    line = "Thành phố Hồ Chí Minh, ngày 25 tháng 12 năm 2024"
    assert rendered.tree.masthead.place_date == line
    pdf = tmp_path / "dated.pdf"
    pdf.write_bytes(rendered.outputs["pdf"])
    with pdfplumber.open(pdf) as document:
        lines = [squash(t) for t in document.pages[0].extract_text().splitlines()]
    # whole, and on the row of the number, as in the layout reference and the DOCX
    assert any(text.startswith("Số") and text.endswith(line) for text in lines), lines[:8]
    left, right = masthead_columns(rendered.tree.masthead, rendered.view.profile)
    assert right > 100 and abs(left + right - rendered.view.profile.text_width_mm) < 0.01


def _source_texts(document) -> list[str]:
    """Every text a reader must find, straight from the content model (not from the tree)."""
    from briefing.content.schema import Bullets, Enumeration, Section, footnote_paragraphs
    from briefing.text.inline_markdown import plain_text

    texts: list[str] = []

    def items(body):
        for item in body:
            if isinstance(item, str):
                texts.append(plain_text(item))
            elif isinstance(item, Section):
                texts.append(plain_text(item.title))
                items(item.body)
            elif isinstance(item, Bullets | Enumeration):
                entries = item.bullets if isinstance(item, Bullets) else item.enumerate
                if isinstance(item, Enumeration) and item.lead:
                    texts.append(plain_text(item.lead))
                for entry in entries:
                    items([entry] if isinstance(entry, str) else entry)

    items(document.preamble)
    items(document.blocks)
    items(document.conclusion)
    for note in document.footnotes.values():
        texts += [plain_text(p) for p in footnote_paragraphs(note)]
    return texts


def test_every_text_of_the_yaml_source_is_in_the_pdf(built_pdf):
    """Checked against the content file itself, so a paragraph lost anywhere between the YAML
    and the PDF (loader, numbering, template, writer) fails this test."""
    from briefing.content.loader import load_document

    pages = read_pages(built_pdf.pdf)
    text = squash(" ".join(p.body for p in pages)) + " " + squash(" ".join(p.notes for p in pages))
    texts = _source_texts(load_document(built_pdf.source).document)
    assert len(texts) > 40
    missing = [t for t in texts if squash(t) not in text]
    assert not missing, missing[:3]
