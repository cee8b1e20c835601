"""Word tables -> `source.Table`: every cell with all its paragraphs (lists and Word's own
numbers included: an STT column numbered automatically shows its numbers), blank cells kept
blank, `gridSpan`/`gridBefore` and `vMerge` as spans, nested tables flattened into their cell
(and said so), header rows typed again further down (a header repeated by hand after a page
break) found, borders judged (a borderless table is layout).
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

from lxml import etree

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.readers.docx.styles import Styles
from briefing.readers.docx.wordml import attr, blocks_of, child, int_attr, w
from briefing.readers.source import Block, Cell, Line, Picture, Table


class BlockReader(Protocol):
    """What a table needs of the document reader (`parse.DocxReader`): its paragraph count,
    styles and notebook, and reading a cell's blocks as the body's."""

    count: int
    styles: Styles
    notebook: Notebook

    def block(self, element: etree._Element, cell: tuple[int, int, int] | None = None
              ) -> list[Block]: ...

ALIGN = {"both": "justify", "distribute": "justify", "center": "center", "left": "left",
         "start": "left", "right": "right", "end": "right"}


class TableReader:
    def __init__(self, reader: BlockReader):
        self.reader = reader
        self.count = 0
        #: the cell being read has a shading (white text shows on it)
        self.shaded = False
        self.depth = 0

    def read(self, table: etree._Element) -> Table:
        self.count += 1
        number = self.count
        where = msg("place-table", "table {number} (paragraph {n})", number=number,
                    n=self.reader.count + 1)
        rows: list[list[Cell]] = []
        open_cells: dict[int, Cell] = {}  # grid column -> the cell a vertical merge continues
        header_rows = 0
        nested = 0
        for r, tr in enumerate(_children(table, "tr")):
            trpr = child(tr, "trPr")
            if child(trpr, "tblHeader") is not None and header_rows == r:
                header_rows += 1
            column = int_attr(child(trpr, "gridBefore"), "val") or 0
            row: list[Cell] = []
            for c, tc in enumerate(_children(tr, "tc")):
                lines, inner = self._content(tc, (number, r, c), where)
                nested += inner
                column = self._place(tc, lines, row, open_cells, column)
            rows.append(row)
        grid = child(table, "tblGrid")
        widths = [int_attr(col, "w") or 0 for col in grid] if grid is not None else []
        out = Table(rows, where, borderless=borderless(table, self.reader.styles),
                    header_rows=header_rows, widths=widths, nested=nested)
        out.repeated_rows = repeated_header_rows(out)
        return out

    def _content(self, tc: etree._Element, cell: tuple[int, int, int], where: str
                 ) -> tuple[list[Line], int]:
        """The lines of a cell (a nested table's flattened in), and how many tables nested."""
        fill = attr(child(child(tc, "tcPr"), "shd"), "fill") or "auto"
        self.shaded = fill not in ("auto", "FFFFFF")
        lines: list[Line] = []
        nested = 0
        for element in blocks_of(tc):
            if element.tag == w("tbl"):
                nested += 1
                self.depth += 1
                inner = self.read(element)
                self.depth -= 1
                lines += [line for row in inner.rows for c in row for line in c.lines]
                self.reader.notebook.guess(msg("table-in-cell", "a table inside a table cell is "
                                               "flattened: its cells are read as lines of the "
                                               "outer cell"), where)
                continue
            for block in self.reader.block(element, cell):
                if isinstance(block, Line):
                    lines.append(block)
                elif isinstance(block, Picture):
                    self.reader.notebook.dropped(msg("dropped-cell-picture", "a picture inside "
                                                     "a table cell is not imported (add it as "
                                                     "a figure)"), block.where)
        self.shaded = False
        return lines, nested

    def _place(self, tc: etree._Element, lines: list[Line], row: list[Cell],
               open_cells: dict[int, Cell], column: int) -> int:
        """Put a cell in its row, or lengthen the cell its vertical merge continues; the next
        grid column."""
        tcpr = child(tc, "tcPr")
        span = int_attr(child(tcpr, "gridSpan"), "val") or 1
        merge = child(tcpr, "vMerge")
        if merge is not None and (attr(merge, "val") or "continue") == "continue" \
                and column in open_cells:
            above = open_cells[column]
            above.rowspan += 1
            above.lines += lines  # Word shows a continued cell's text in the merged cell
            return column + span
        aligns = {ALIGN.get(attr(child(child(p, "pPr"), "jc"), "val") or "")
                  for p in tc.findall(w("p"))} - {None}
        cell = Cell(lines, colspan=span, align=aligns.pop() if len(aligns) == 1 else None,
                    column=column)
        row.append(cell)
        if merge is not None:
            open_cells[column] = cell
        else:
            open_cells.pop(column, None)
        return column + span


def _children(parent: etree._Element, tag: str):
    """Rows of a table or cells of a row, through content controls and custom XML."""
    for element in parent:
        if element.tag == w(tag):
            yield element
        elif element.tag in (w("sdt"), w("customXml"), w("sdtContent")):
            yield from _children(element, tag)


def borderless(table: etree._Element, styles: Styles) -> bool:
    """A table that shows no grid: most of its cells draw fewer than three edges (their own
    borders, else the table's, else a grid table style)."""
    tpr = child(table, "tblPr")
    edges = _edges(child(tpr, "tblBorders"))
    if edges is None:
        style = attr(child(tpr, "tblStyle"), "val")
        edges = 4 if style is not None and "grid" in style.lower() else 0
    cells = [tc for tr in _children(table, "tr") for tc in _children(tr, "tc")]
    drawn = 0
    for tc in cells:
        own = _edges(child(child(tc, "tcPr"), "tcBorders"))
        drawn += (own if own is not None else edges) >= 3
    return drawn * 2 < len(cells) if cells else edges < 3


def _edges(borders: etree._Element | None) -> int | None:
    """How many edges a border element draws (None where it says nothing)."""
    if borders is None or not len(borders):
        return None
    sides = {"top", "bottom", "left", "right", "start", "end"}
    return sum(1 for edge in borders if etree.QName(edge).localname in sides
               and attr(edge, "val") not in ("nil", "none", None))


def _row_text(row: list[Cell]) -> tuple[str, ...]:
    """The row's cell texts, compared without diacritics (a header typed again may place a
    tone mark elsewhere: "minh hoạ" / "minh họa")."""
    return tuple(_bare(" ".join(line.label + " " + line.plain for line in cell.lines))
                 for cell in row)


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def repeated_header_rows(table: Table) -> list[int]:
    """Rows below the header that type it again, cell for cell (the header is the rows Word
    repeats, else the first row of a table of more than two)."""
    count = table.header_rows or (1 if len(table.rows) > 2 else 0)
    if not count:
        return []
    header = [_row_text(row) for row in table.rows[:count]]
    if not any(any(text for text in row) for row in header):
        return []
    out: list[int] = []
    index = count
    while index + count <= len(table.rows):
        block = [_row_text(row) for row in table.rows[index:index + count]]
        if block == header:
            out += range(index, index + count)
            index += count
        else:
            index += 1
    return out
