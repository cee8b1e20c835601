"""A table's grid: where each cell sits once column and row spans are counted.

Both the checks (`build.py check`) and the build use this one reading of a table, so a ragged
row or a span past the edge is reported at the cell that causes it, and the writers receive a
grid that is known to be rectangular: every (row, column) slot covered exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing.content.schema import MAX_TABLE_COLUMNS, Cell, Table, paragraphs_of
from briefing.messages import Message, msg, msgn

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class GridCell:
    """A cell placed in the grid: its first row and column, spans, text and alignment."""

    row: int
    column: int
    colspan: int
    rowspan: int
    paragraphs: list[str]
    align: str | None
    #: the data path of the cell in the content file (for positions)
    path: Path_
    #: the data path of each paragraph's text
    text_paths: tuple[Path_, ...] = ()

    def texts(self) -> list[tuple[str, Path_]]:
        return list(zip(self.paragraphs, self.text_paths, strict=True))


@dataclass(frozen=True)
class GridProblem:
    path: Path_
    message: Message
    hint: Message | None = None


@dataclass
class Grid:
    columns: int
    #: the cells that start in each row, left to right
    rows: list[list[GridCell]] = field(default_factory=list)
    #: each column's share of the table width, in % (they add up to 100)
    widths: list[float] = field(default_factory=list)
    #: each column's alignment (None: the body's)
    aligns: list[str | None] = field(default_factory=list)
    header_rows: int = 0


def _cell(value: str | Cell) -> tuple[list[str], int, int, str | None]:
    if isinstance(value, str):
        return [value], 1, 1, None
    return paragraphs_of(value.text), value.colspan, value.rowspan, value.align


def _text_paths(value: str | Cell, path: Path_) -> tuple[Path_, ...]:
    if isinstance(value, str):
        return (path,)
    if isinstance(value.text, str):
        return ((*path, "text"),)
    return tuple((*path, "text", i) for i in range(len(value.text)))


def table_grid(table: Table, path: Path_) -> tuple[Grid, list[GridProblem]]:
    """The grid of `table` (found at data `path`), and every problem that keeps it from being
    a rectangle. With problems, the grid is only as far as it could be read."""
    rows = table.table
    problems: list[GridProblem] = []
    declared = len(table.columns) if table.columns else None
    first_width = sum(_cell(value)[1] for value in rows[0])
    columns = declared or first_width
    grid = Grid(columns)
    if columns > MAX_TABLE_COLUMNS:
        return grid, [GridProblem((*path, "table", 0), msg(
            "table", "the table's first row spans {columns} columns; a table has at most "
            "{limit}", columns=columns, limit=MAX_TABLE_COLUMNS),
            msg("table-columns-hint", "Word's limit: split the table"))]
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        row_path = (*path, "table", r)
        placed: list[GridCell] = []
        column = 0
        for c, value in enumerate(row):
            paragraphs, colspan, rowspan, align = _cell(value)
            while (r, column) in taken:
                column += 1
            cell_path = (*row_path, c)
            if column >= columns:
                problems.append(GridProblem(
                    cell_path, msg("table", "table row {row} has more cells than the table's "
                                   "{columns} columns", row=r + 1, columns=columns),
                    _columns_hint(declared, first_width)))
                break
            colspan, rowspan = _spans(value, (r, column, colspan, rowspan), columns,
                                      (len(rows), _header_rows(table)), cell_path, problems)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, column + dc))
            placed.append(GridCell(r, column, colspan, rowspan, paragraphs, align, cell_path,
                                   _text_paths(value, cell_path)))
            column += colspan
        covered = sum(1 for slot in range(columns) if (r, slot) in taken)
        if covered < columns:
            problems.append(GridProblem(
                row_path, msg("table", "table row {row} fills {covered} of the table's {columns} "
                              "columns", row=r + 1, covered=covered, columns=columns),
                msg("table-ragged-hint", "give every row the same number of cells, counting "
                                         "colspan and rowspan, or write \"\" for an empty cell")))
        grid.rows.append(placed)
    _frame(grid, table, path, problems)
    return grid, problems


def _spans(value: str | Cell, at: tuple[int, int, int, int], columns: int,
           rows: tuple[int, int], cell_path: Path_, problems: list[GridProblem]
           ) -> tuple[int, int]:
    """A cell's spans, cut back to the table's edges, with a problem for each edge passed:
    `at` is (row, column, colspan, rowspan), `rows` (rows, header rows)."""
    r, column, colspan, rowspan = at
    count, header = rows
    if column + colspan > columns:
        problems.append(GridProblem(
            (*cell_path, "colspan") if not isinstance(value, str) else cell_path,
            msg("table", "table row {row}: a cell in column {column} spans {colspan} "
                "columns, past the right edge of the table's {columns}", row=r + 1,
                column=column + 1, colspan=colspan, columns=columns),
            msg("table-colspan-hint", "make the colspan smaller or add columns")))
        colspan = columns - column
    if r + rowspan > count:
        problems.append(GridProblem(
            (*cell_path, "rowspan"),
            msg("table", "table row {row}: a cell spans {rowspan} rows, past the last "
                "row ({rows})", row=r + 1, rowspan=rowspan, rows=count),
            msg("table-rowspan-hint", "make the rowspan smaller or add rows")))
        rowspan = count - r
    if r < header < r + rowspan:
        problems.append(GridProblem(
            (*cell_path, "rowspan"),
            msg("table", "table row {row}: a header cell spans into the body rows", row=r + 1),
            msg("table-header-span-hint",
                "header rows repeat on every page; end the span with the header")))
    return colspan, rowspan


def _frame(grid: Grid, table: Table, path: Path_, problems: list[GridProblem]) -> None:
    """The header rows (leaving one row for the body), column widths and alignments."""
    rows = table.table
    header_rows = _header_rows(table)  # a one-row table has no header unless it says so
    if header_rows >= len(rows) > 0:
        problems.append(GridProblem(
            (*path, "header_rows"), msgn(
                "table", "header_rows is {header_rows}, but the table has {n} row: none would "
                "be left for the body", "header_rows is {header_rows}, but the table has {n} "
                "rows: none would be left for the body", len(rows), header_rows=header_rows),
            msg("table-header-rows-hint", "lower header_rows, or add the rows")))
        header_rows = max(len(rows) - 1, 0)
    grid.header_rows = header_rows
    spec = table.columns or []
    weights = [column.width for column in spec] or [1.0] * grid.columns
    total = sum(weights) or 1.0
    grid.widths = [100 * weight / total for weight in weights]
    grid.aligns = [column.align for column in spec] or [None] * grid.columns


def _header_rows(table: Table) -> int:
    if "header_rows" not in table.model_fields_set and len(table.table) == 1:
        return 0
    return table.header_rows


def _columns_hint(declared: int | None, first_width: int) -> Message:
    if declared is not None:
        return msg("table-declared-hint", "'columns' declares {declared}; remove the extra cell "
                                          "or add a column", declared=declared)
    return msg("table-first-row-hint", "the first row sets {width}; give every row as many "
                                       "cells", width=first_width)
