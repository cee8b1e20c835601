"""A source table -> the content's table: cells of several paragraphs, blank cells, spans
cut to the table's edges and ragged rows padded (a merged cell Word left short), relative
column widths and the alignment a column's cells share; rule lines inside cells left out."""

from __future__ import annotations

import re
from typing import Any

from briefing.importing import cleanup
from briefing.importing.guesses import Notebook
from briefing.importing.markdown_text import escape
from briefing.messages import msg
from briefing.readers.source import Cell, Line, Table

_RULE = re.compile(r"^[\s\\_\-–—=+─━═┼┬┴├┤╪]{3,}$")


def is_rule(text: str) -> bool:
    """A line drawn with underscores or dashes (under a masthead line, a title), or a text
    table's border ("+-----+=====+", box-drawing characters): no text."""
    return bool(_RULE.match(text)) and ("_" in text or len(text.strip()) >= 5)


def table_item(table: Table, notes: Notebook) -> Any:
    if table.repeated_rows:
        notes.fix(msg("import-repeated-header", "{n} rows that type the table's header again left "
                      "out (the header repeats on every page by itself)",
                      n=len(table.repeated_rows)), table.where)
        table.rows = [row for r, row in enumerate(table.rows) if r not in table.repeated_rows]
    header_rows = table.header_rows or (1 if len(table.rows) > 1 else 0)
    columns = _columns(table, header_rows)
    rows = [[_cell_value(cell, (r, c if cell.column is None else cell.column, header_rows),
                         columns, notes) for c, cell in enumerate(row)]
            for r, row in enumerate(table.rows)]
    width = _placed(rows, 10 ** 6, header_rows)
    if _placed(rows, width, header_rows) != width or any(not row for row in rows):
        notes.guess(msg("import-table-ragged", "rows of the table do not fill its columns: "
                        "blank cells added"), table.where)
    if width and columns and len(columns) != width:
        columns = []
    rows = [row or [""] for row in rows]
    node: dict[str, Any] = {"table": rows}
    if header_rows != 1:
        node["header_rows"] = header_rows
    if columns and any(columns):
        node["columns"] = columns
    elif width > sum(_spans(value)[0] for value in rows[0]):
        node["columns"] = [{"width": 1} for _ in range(width)]
    return node


def _cell_value(cell: Cell, at: tuple[int, int, int], columns: list[dict[str, Any]],
                notes: Notebook) -> Any:
    """One cell: its text, its paragraphs (`text: [..]`), its spans and its own alignment.
    `at` is (row, column, header rows)."""
    r, c, header_rows = at
    texts = [cleanup.clean(" ".join(_cell_text(line).split("\n")), "paragraph", line.where,
                           notes) for line in cell.lines if not is_rule(line.text)]
    texts = [t for t in texts if t.strip()] or [""]  # spacer paragraphs left out
    value: Any = texts[0] if len(texts) == 1 else {"text": texts}
    column_align = columns[c].get("align") if columns and c < len(columns) else None
    own_align = cell.align if r >= header_rows and cell.align not in (
        None, column_align or "left") else None
    if (cell.colspan > 1 or cell.rowspan > 1 or own_align) and isinstance(value, str):
        value = {"text": value}
    if isinstance(value, dict):
        if cell.colspan > 1:
            value["colspan"] = cell.colspan
        if cell.rowspan > 1:
            value["rowspan"] = cell.rowspan
        if own_align:
            value["align"] = own_align
    return value


def _spans(value: Any) -> tuple[int, int]:
    return (value.get("colspan", 1), value.get("rowspan", 1)) if isinstance(value, dict) \
        else (1, 1)


def _placed(rows: list[list[Any]], width: int, header_rows: int) -> int:
    """Lay the cells out as `check` does, `width` columns wide: spans cut to the table's
    edges and to the header, short rows padded with blank cells. Returns the widest row."""
    taken: set[tuple[int, int]] = set()
    widest = 0
    for r, row in enumerate(rows):
        column = 0
        for index, value in enumerate(row):
            while (r, column) in taken:
                column += 1
            if column >= width:
                del row[index:]
                break
            colspan, rowspan = _spans(value)
            colspan, rowspan = min(colspan, width - column), min(rowspan, len(rows) - r)
            if r < header_rows < r + rowspan:
                rowspan = header_rows - r
            if isinstance(value, dict):
                for key, span in (("colspan", colspan), ("rowspan", rowspan)):
                    if span > 1:
                        value[key] = span
                    else:
                        value.pop(key, None)
            taken.update((r + dr, column + dc) for dr in range(rowspan) for dc in range(colspan))
            column += colspan
        covered = sum(1 for row_, _ in taken if row_ == r)
        widest = max(widest, column, covered)
        if width < 10 ** 6:
            row += [""] * (width - covered)
    return widest


def _cell_text(line: Line) -> str:
    """A cell paragraph as a reader sees it: the number Word shows in front of it first (an
    STT column numbered automatically)."""
    if not line.label:
        return line.text
    return f"{escape(line.label)} {line.text}".strip()


def _columns(table: Table, header_rows: int) -> list[dict[str, Any]]:
    """Relative widths (small whole numbers, when the widths are not all equal) and the
    alignment every body cell of a column shares."""
    count = max((sum(c.colspan for c in row) for row in table.rows), default=0)
    columns: list[dict[str, Any]] = [{} for _ in range(count)]
    widths = table.widths if len(table.widths) == count else []
    ratios = _ratios(widths) if widths and max(widths) - min(widths) > 0.02 * max(widths) \
        else None
    for index in range(count):
        if ratios:
            columns[index]["width"] = ratios[index]
        aligns: list[str] = []
        for row in table.rows[header_rows:]:
            position = 0
            for cell in row:
                where = cell.column if cell.column is not None else position
                if where == index and cell.colspan == 1:
                    aligns.append(cell.align or "left")
                position = where + cell.colspan
        counts = sorted(((aligns.count(a), a) for a in set(aligns)), reverse=True)
        if counts and (len(counts) == 1 or counts[0][0] > counts[1][0]) and \
                counts[0][1] != "left":
            columns[index]["align"] = counts[0][1]  # most cells of the column
    return columns if any(columns) else []


def _ratios(widths: list[int]) -> list[int | float]:
    """3:2 for 5940:3960 twips; the rounded shares when no small ratio fits."""
    smallest = min(widths)
    for base in range(1, 13):
        scaled = [w / smallest * base for w in widths]
        if all(abs(v - round(v)) < 0.005 * max(1, v) for v in scaled):
            return [round(v) for v in scaled]
    total = sum(widths)
    return [round(100 * w / total, 1) for w in widths]


