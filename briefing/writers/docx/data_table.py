"""Tables of the body (`Table` nodes) as real Word tables.

Unlike the borderless layout bands of the masthead and the closing (`tables.py`), these are
the document's data: ruled as the profile says, header rows marked `w:tblHeader` so Word and
LibreOffice repeat them on every page, every row `w:cantSplit`, column spans as `w:gridSpan`
and row spans as `w:vMerge` (a cell covered by a span above is an empty continuation cell, as
Word writes it). Column widths are the tree's shares of the text width, fixed, so Word's
autofit cannot reflow the table away from the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.profile.model import Profile
from briefing.tree.vocabulary import Cell, Row, Table
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import InlineSink
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element, w

_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


@dataclass(frozen=True)
class _Placed:
    """A cell of the tree at its grid column, or a continuation slot of a row span."""

    column: int
    colspan: int
    cell: Cell | None  # None: covered by the row span of the cell above
    restart: bool = False


def data_table(node: Table, profile: Profile, inline: InlineSink) -> Element:
    """The w:tbl of a table of the tree; `inline` fills the cells' paragraphs."""
    look = profile.table
    text_width = mm_to_twips(profile.text_width_mm)
    widths = _twips([column.width for column in node.columns], text_width)
    border = round(look.border * 8)  # eighths of a point
    vertical, horizontal = (mm_to_twips(m) for m in look.padding)
    table = w(
        "w:tbl",
        w("w:tblPr",
          w("w:tblW", w=sum(widths), type="dxa"),
          w("w:jc", val="center"),
          w("w:tblInd", w=0, type="dxa"),
          w("w:tblBorders", *(w(f"w:{edge}", val="single", sz=border, space=0, color="auto")
                              for edge in _EDGES)),
          w("w:tblLayout", type="fixed"),
          w("w:tblCellMar", w("w:top", w=vertical, type="dxa"),
            w("w:left", w=horizontal, type="dxa"), w("w:bottom", w=vertical, type="dxa"),
            w("w:right", w=horizontal, type="dxa")),
          w("w:tblLook", val="0020", firstRow=1, lastRow=0, firstColumn=0, lastColumn=0,
            noHBand=1, noVBand=1)),
        w("w:tblGrid", *(w("w:gridCol", w=width) for width in widths)),
    )
    rows = node.header + node.rows
    for index, placed in enumerate(_placements(rows)):
        header = index < len(node.header)
        row = w("w:tr", w("w:trPr", w("w:cantSplit"), w("w:tblHeader") if header else None))
        for slot in placed:
            row.append(_cell(slot, widths, header, inline))
        table.append(row)
    return table


def _twips(shares: list[float], total: int) -> list[int]:
    """Column widths in twips from % shares; rounding errors go to the last column."""
    widths = [round(total * share / 100) for share in shares]
    if widths:
        widths[-1] += total - sum(widths)
    return widths


def _placements(rows: list[Row]) -> list[list[_Placed]]:
    """Each row's cells at their grid columns, with continuation slots for row spans."""
    covered: dict[tuple[int, int], int] = {}  # (row, column) -> colspan of the span above
    placed_rows: list[list[_Placed]] = []
    for r, row in enumerate(rows):
        placed: list[_Placed] = [_Placed(column, span, None)
                                 for (row_index, column), span in covered.items()
                                 if row_index == r]
        taken = {slot for (row_index, column), span in covered.items() if row_index == r
                 for slot in range(column, column + span)}
        column = 0
        for cell in row.cells:
            while column in taken:
                column += 1
            colspan, rowspan = cell.colspan, cell.rowspan
            placed.append(_Placed(column, colspan, cell, restart=rowspan > 1))
            for below in range(r + 1, r + rowspan):
                covered[(below, column)] = colspan
            column += colspan
        placed_rows.append(sorted(placed, key=lambda p: p.column))
    return placed_rows


def _cell(slot: _Placed, widths: list[int], header: bool, inline: InlineSink) -> Element:
    width = sum(widths[slot.column:slot.column + slot.colspan])
    properties = w("w:tcPr", w("w:tcW", w=width, type="dxa"),
                   w("w:gridSpan", val=slot.colspan) if slot.colspan > 1 else None,
                   w("w:vMerge", val="restart") if slot.restart else
                   (w("w:vMerge") if slot.cell is None else None),
                   w("w:vAlign", val="center" if header else "top"))
    cell = w("w:tc", properties)
    style = S.TABLE_HEADING if header else S.TABLE_TEXT
    if slot.cell is None:
        cell.append(paragraph(ParagraphLook(style=style)))
        return cell
    for source in slot.cell.paragraphs or [None]:
        p = paragraph(ParagraphLook(style=style, align=slot.cell.align))
        if source is not None:
            inline(p, source.content)
        cell.append(p)
    return cell
