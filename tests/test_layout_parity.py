"""Both writers lay out from the same profile numbers: what each file says, read back.

The page-by-page comparison with LibreOffice (test_page_agreement.py) shows the result; these
checks pin the rules behind it in the files themselves, and run where LibreOffice is absent:
exact single lines, the footnote text and its separators, the cover foot, the note's number
flush with the margin in the PDF.
"""

from __future__ import annotations

import pdfplumber
import pytest

from briefing.layout.measure import MM_PER_PT
from tests.conftest import BRIEFING, PROGRAMME
from tests.test_docx_writer import NS, Docx, build, w

MM = 1 / MM_PER_PT


@pytest.fixture(scope="module")
def booklet() -> Docx:
    return build(BRIEFING)


@pytest.fixture(scope="module")
def programme() -> Docx:
    return build(PROGRAMME)


def _spacing(style) -> dict[str, str]:
    spacing = style.find("w:pPr/w:spacing", NS)
    return {key.split("}")[1]: value for key, value in spacing.attrib.items()}


def test_single_spaced_lines_are_exact_in_the_docx(programme: Docx) -> None:
    """Word's "single" and CSS's "normal" differ by about a point a line: both writers give
    every single-spaced line the profile's exact height instead."""
    profile = programme.profile
    looks = {"PlaceDate": profile.masthead.place_date, "DocumentType": profile.title_block.type,
             "Subject": profile.title_block.subject, "Recipients": profile.closing.item,
             "PartyName": profile.masthead.title_lines[0]}
    for style_id, look in looks.items():
        spacing = _spacing(programme.style(style_id))
        assert spacing["lineRule"] == "exact", style_id
        assert int(spacing["line"]) == round(profile.single_line(look.size) * 20), style_id
    assert profile.single_line(14) == pytest.approx(16.1)


def test_footnote_text_has_no_widow_control_and_the_profiles_indent(booklet: Docx) -> None:
    """A note continues on the next page from a single line on (LibreOffice, with widow
    control, moves such a note whole, away from its call); its number is flush."""
    profile = booklet.profile
    style = booklet.style("FootnoteText")
    assert style.find("w:pPr/w:widowControl", NS).get(w("val")) == "0"
    indent = style.find("w:pPr/w:ind", NS)
    assert int(indent.get(w("firstLine"))) == round(profile.footnote.first_line_indent * 1440
                                                    / 25.4)
    spacing = _spacing(style)
    assert (spacing["line"], spacing["lineRule"]) == (
        str(round(profile.footnote.line_height * 20)), "exact")


def test_separators_take_the_room_the_pdf_gives_its_rule(booklet: Docx) -> None:
    note = booklet.profile.footnote
    room = (note.separator_above + note.separator_below) * MM + note.separator_weight
    entries = booklet.xml("word/footnotes.xml").findall("w:footnote", NS)
    separators = {e.get(w("type")): e for e in entries if e.get(w("type"))}
    assert separators["separator"].find(".//w:separator", NS) is not None
    assert separators["continuationSeparator"].find(".//w:continuationSeparator",
                                                    NS) is not None
    for entry in separators.values():
        spacing = entry.find(".//w:pPr/w:spacing", NS)
        assert spacing.get(w("lineRule")) == "exact"
        assert int(spacing.get(w("line"))) == round(room * 20)


def test_the_cover_foot_stands_on_the_bottom_margin(booklet: Docx) -> None:
    profile = booklet.profile
    sect = booklet.document.find(".//w:body/w:sectPr", NS)
    margins = sect.find("w:pgMar", NS)
    assert int(margins.get(w("footer"))) == round(profile.footer_distance_mm * 1440 / 25.4)
    assert profile.footer_distance_mm == profile.page.margins["bottom"]


def test_pdf_cover_foot_and_note_numbers(briefing_pdf) -> None:
    profile = briefing_pdf.view.profile
    bottom = (profile.page.size[1] - profile.page.margins["bottom"]) * MM
    left = profile.page.margins["left"] * MM
    with pdfplumber.open(briefing_pdf.pdf) as pdf:
        cover = pdf.pages[0]
        foot = [c for c in cover.chars if c["top"] > cover.height / 2]
        # the foot's line box ends on the bottom margin: its descenders stop just above it
        assert bottom - 6 < max(c["bottom"] for c in foot) <= bottom + 0.5
        # each note's number is flush with the margin, as in the DOCX
        starts = [c for page in pdf.pages[1:] for c in page.chars
                  if c["size"] < 9 and c["top"] > page.height / 2 and c["x0"] < left + 2]
        assert len({c["text"] for c in starts}) >= 9
        assert all(abs(c["x0"] - left) < 0.5 for c in starts)


# -- a table right after a table ---------------------------------------------------------------

TWO_TABLES = """\
meta:
  form: official
  profile: party
  type: BÁO CÁO
  subject: Hai bảng liền nhau
  number: 05-BC/BTGTU
  issuer: {superior: TỈNH ỦY HÀ TĨNH, name: BAN TUYÊN GIÁO}
  place: Hà Tĩnh
  date: 2024-03-05
  signer: {name: Nguyễn Văn A}
blocks:
  - Đoạn mở đầu.
  - table:
      - [Chỉ tiêu, Kết quả]
      - [Xuất khẩu, "355 tỷ USD"]
  - table:
      - [Chỉ tiêu, Kết quả]
      - [Nhập khẩu, "327 tỷ USD"]
  - Đoạn kết.
"""


def _rules(pdf_bytes_or_path, width_pt: float) -> list[float]:
    """The tops (pt) of the page-wide horizontal table rules of page 1, top down."""
    import io

    source = io.BytesIO(pdf_bytes_or_path) if isinstance(pdf_bytes_or_path, bytes) \
        else pdf_bytes_or_path
    with pdfplumber.open(source) as pdf:
        edges = [e for e in pdf.pages[0].edges if e["orientation"] == "h"]
    rows: list[list[dict]] = []  # cell borders at one height (a thin rectangle: two edges)
    for edge in sorted(edges, key=lambda e: e["top"]):
        if rows and edge["top"] - rows[-1][0]["top"] <= 1:
            rows[-1].append(edge)
        else:
            rows.append([edge])
    return [row[0]["top"] for row in rows
            if max(e["x1"] for e in row) - min(e["x0"] for e in row) > width_pt * 0.9]


@pytest.fixture(scope="module")
def two_tables(tmp_path_factory):
    from briefing.builds.pipeline import render_loaded
    from briefing.content.loader import load_document

    source = tmp_path_factory.mktemp("two-tables") / "two-tables.yaml"
    source.write_text(TWO_TABLES, encoding="utf-8")
    return source, render_loaded(load_document(source))


def test_a_table_after_a_table_keeps_the_space_under_the_first_in_the_docx(two_tables) -> None:
    """Word cannot put space before a table: the space the PDF keeps between two tables
    (the larger of the first's space after and the second's space before) is an empty line
    of exactly that height in the DOCX, and the two tables stay two (adjacent ones merge)."""
    from lxml import etree

    _, rendered = two_tables
    profile = rendered.view.profile
    import io
    import zipfile

    document = etree.fromstring(zipfile.ZipFile(io.BytesIO(rendered.outputs["docx"])).read(
        "word/document.xml"))
    body = document.find("w:body", NS)
    tables = [i for i, child in enumerate(body) if child.tag == w("tbl")][1:3]  # after the band
    assert len(tables) == 2 and tables[1] - tables[0] == 2, "one paragraph between the tables"
    spacer = body[tables[0] + 1]
    spacing = spacer.find("w:pPr/w:spacing", NS)
    space = max(profile.table.space_after, profile.table.space_before)
    before = int(spacing.get(w("before"), "0")) / 20
    line = int(spacing.get(w("line"))) / 20 if spacing.get(w("lineRule")) == "exact" else 0
    assert before + line == pytest.approx(space)
    assert int(spacing.get(w("after"), "0")) == 0


@pytest.mark.skipif(__import__("shutil").which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_libreoffice_puts_the_tables_as_far_apart_as_the_pdf(two_tables, tmp_path) -> None:
    from tests.page_agreement import libreoffice_pdf

    _, rendered = two_tables
    width = rendered.view.profile.text_width_mm * MM
    docx = tmp_path / "two-tables.docx"
    docx.write_bytes(rendered.outputs["docx"])
    ours = _rules(rendered.outputs["pdf"], width)
    theirs = _rules(libreoffice_pdf(docx, tmp_path), width)
    # each table: a rule above, one under its header row, one under its last row
    assert len(ours) == len(theirs) == 6
    gap = ours[3] - ours[2]
    assert gap == pytest.approx(max(rendered.view.profile.table.space_after,
                                    rendered.view.profile.table.space_before), abs=1)
    assert theirs[3] - theirs[2] == pytest.approx(gap, abs=1)
