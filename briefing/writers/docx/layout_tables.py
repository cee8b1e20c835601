"""Borderless layout tables: the two-column bands of the masthead and the closing.

HD 36 sets the issuer beside the party name and the recipients beside the signature; a table
without borders is how Word documents do this, and it keeps each column's lines aligned when a
clerk edits them. Widths are fixed (no autofit) so Word and LibreOffice agree on the columns.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.ooxml import Element, w

_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def layout_table(widths: list[int], rows: int) -> tuple[Element, list[list[Element]]]:
    """A table of `rows` x len(`widths`) cells (widths in twips) without borders or cell
    margins, on the text margin, rows never split across pages; returns it and its cells."""
    table = w(
        "w:tbl",
        w("w:tblPr",
          w("w:tblW", w=sum(widths), type="dxa"),
          w("w:tblInd", w=0, type="dxa"),
          w("w:tblBorders", *(w(f"w:{edge}", val="nil") for edge in _EDGES)),
          w("w:tblLayout", type="fixed"),
          w("w:tblCellMar", *(w(f"w:{edge}", w=0, type="dxa")
                              for edge in ("top", "left", "bottom", "right"))),
          w("w:tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0,
            noHBand=1, noVBand=1)),
        w("w:tblGrid", *(w("w:gridCol", w=width) for width in widths)),
    )
    cells: list[list[Element]] = []
    for _ in range(rows):
        row = w("w:tr", w("w:trPr", w("w:cantSplit")))
        row_cells = []
        for width in widths:
            cell = w("w:tc", w("w:tcPr", w("w:tcW", w=width, type="dxa")))
            row.append(cell)
            row_cells.append(cell)
        table.append(row)
        cells.append(row_cells)
    return table, cells


def close_cells(cells: list[list[Element]], style: str) -> None:
    """A cell must hold a paragraph; give an empty cell an empty one in `style`."""
    for row in cells:
        for cell in row:
            if cell.find(qn("w:p")) is None:
                cell.append(paragraph(ParagraphLook(style=style)))
