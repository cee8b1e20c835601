"""The tables of a clerk's Word file: the masthead and the closing as borderless 1 x 2 (or
2 x 2) tables with several paragraphs per cell, superscript-underscore rules, and bordered
data tables with merged and blank cells."""

from __future__ import annotations

import random

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from tests.sources.model import Closing, Document, Table

CENTRE = WD_ALIGN_PARAGRAPH.CENTER
NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


def add_runs(paragraph: Paragraph, text: str, rng: random.Random, *, bold: bool = False,
             italic: bool = False, size: float | None = None, underline: bool = False,
             superscript: bool = False) -> None:
    """`text` in one to three runs of the same look (Word splits runs where it likes)."""
    cuts = sorted(rng.sample([i for i, ch in enumerate(text) if ch == " "],
                             k=min(text.count(" "), rng.choice([0, 0, 1, 2]))))
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=False):
        run = paragraph.add_run(text[start:end])
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None
        if size:
            run.font.size = Pt(size)
        if superscript:
            run.font.superscript = True


def cell_paragraph(cell: _Cell, used: list[_Cell]) -> Paragraph:
    """The cell's first (empty) paragraph the first time, a new one after."""
    if cell in used:
        return cell.add_paragraph()
    used.append(cell)
    return cell.paragraphs[0]


def rule(paragraph: Paragraph, rng: random.Random, length: int) -> None:
    """A rule as clerks make it: underscores in superscript, centred."""
    paragraph.alignment = CENTRE
    add_runs(paragraph, "_" * (length + rng.randint(-2, 2)), rng, superscript=True, size=13)


def _layout_table(document: DocxDocument, rows: int, widths: tuple[float, float]) -> DocxTable:
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)
    return table


def masthead(document: DocxDocument, doc: Document, rng: random.Random) -> None:
    """Issuer on the left, the Party's name or the national title on the right; the number
    under the issuer, place and date under the right column (and V/v for a công văn)."""
    head = doc.head
    assert head is not None
    table = _layout_table(document, 1 if head.one_row else 2, (6.5, 9.5))
    left = table.cell(0, 0)
    right = table.cell(0, 1)
    low_left = left if head.one_row else table.cell(1, 0)
    low_right = right if head.one_row else table.cell(1, 1)
    used: list[_Cell] = []

    def put(cell: _Cell, text: str, **look) -> Paragraph:
        paragraph = cell_paragraph(cell, used)
        paragraph.alignment = CENTRE
        add_runs(paragraph, text, rng, **look)
        return paragraph

    party = head.kind in ("party", "cover")
    if head.superior:
        put(left, head.superior, size=14 if party else 13)
    put(left, head.issuer, bold=True, size=14 if party else 13)
    if party:
        put(left, "*")
    else:
        rule(cell_paragraph(left, used), rng, 12)
    if head.number:
        put(low_left, f"Số {head.number}" if party else f"Số: {head.number}", size=13)
    if doc.subject_prefix:
        put(low_left, f"{doc.subject_prefix} {doc.subject}", size=12)
    if party:
        put(right, PARTY, bold=True, underline=rng.random() < 0.7, size=15)
    else:
        put(right, rng.choice(NATIONAL), bold=True, size=13)
        put(right, MOTTO, bold=True, size=14)
        rule(cell_paragraph(right, used), rng, 36)
    if head.date and head.kind != "cover" and doc.kind != "minutes":
        put(low_right, head.place_date(), italic=True, size=14).alignment = (
            WD_ALIGN_PARAGRAPH.RIGHT if party else CENTRE)


def closing(document: DocxDocument, closing: Closing, rng: random.Random, party: bool) -> None:
    """Nơi nhận on the left and the signer on the right (a 1 x 2 table); a biên bản puts two
    signers side by side and the Nơi nhận under the first."""
    two = len(closing.signers) == 2
    table = _layout_table(document, 2 if two else 1, (7.5, 8.5))
    used: list[_Cell] = []
    for column, signer in zip((1,) if not two else (0, 1), closing.signers, strict=False):
        cell = table.cell(0, column)
        for text in (signer.authority, signer.title):
            if text:
                paragraph = cell_paragraph(cell, used)
                paragraph.alignment = CENTRE
                add_runs(paragraph, text, rng, bold=True, size=14)
        for _ in range(rng.randint(2, 4)):
            cell_paragraph(cell, used)
        if closing.signed:
            add_runs(cell_paragraph(cell, used), "(Đã ký)", rng)
            cell.paragraphs[-1].alignment = CENTRE
        paragraph = cell_paragraph(cell, used)
        paragraph.alignment = CENTRE
        add_runs(paragraph, signer.name, rng, bold=True, size=14)
    cell = table.cell(1 if two else 0, 0)
    label = cell_paragraph(cell, used)
    add_runs(label, "Nơi nhận:", rng, bold=True, italic=True, size=12,
             underline=party and rng.random() < 0.5)
    for text in closing.printed_recipients():
        add_runs(cell_paragraph(cell, used), text, rng, size=11)


def data_table(document: DocxDocument, table: Table, rng: random.Random) -> None:
    """A bordered table: bold header row, merged cells first merged, then filled."""
    rows, columns = len(table.rows), len(table.rows[0])
    grid = document.add_table(rows=rows, cols=columns)
    grid.style = document.styles["Table Grid"]
    for r, row in enumerate(table.rows):
        for k, cell in enumerate(row):
            if cell is None:
                continue
            target = grid.cell(r, k)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(grid.cell(r + cell.rowspan - 1, k + cell.colspan - 1))
            used: list[_Cell] = []
            for text in cell.paragraphs:
                paragraph = cell_paragraph(target, used)
                add_runs(paragraph, text, rng, bold=cell.bold, size=13)
                if cell.bold:
                    paragraph.alignment = CENTRE
