"""Tables typed in a text file, as a reader sees them: rows of cells split at tabs (a table
copied from Word or a spreadsheet) or between pipes (`| a | b |`, with or without its
`|---|` rule). A run of such lines is a table only where its shape is clearly one: two rows
or more, every row of two cells or more, all of one width (or a first row, the header, at
least as wide as every row after it, whose short rows lost their blank cells at the end);
anything else stays paragraphs.
"""

from __future__ import annotations

import re

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.readers.source import Block, Cell, Line, Table

_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$")


def row_cells(line: Line) -> list[str] | None:
    """The cells of a text line typed as a table row, or None (a paragraph)."""
    if line.role or line.heading is not None or line.label or line.cell is not None:
        return None
    text = line.text.rstrip()
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return [cell.strip() for cell in stripped[1:-1].split("|")]
    if "\t" in text.strip(" "):
        cells = [cell.strip() for cell in text.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        return cells if len(cells) >= 2 and any(cells[1:]) else None
    return None


def _is_table(rows: list[list[str]]) -> bool:
    if len(rows) < 2 or any(len(row) < 2 for row in rows):
        return False
    widths = {len(row) for row in rows}
    return len(widths) == 1 or (len(rows[0]) == max(widths) and all(rows[0]))


def text_tables(blocks: list[Block], notes: Notebook) -> list[Block]:
    """`blocks` with each run of lines that is clearly a table made a `Table`."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        rows: list[list[str]] = []
        lines: list[Line] = []
        end = index
        while end < len(blocks) and isinstance(blocks[end], Line) and \
                (not lines or not blocks[end].page_break):
            line = blocks[end]
            assert isinstance(line, Line)
            if lines and _PIPE_RULE.match(line.text.strip()):
                end += 1
                continue
            cells = row_cells(line)
            if cells is None:
                break
            rows.append(cells)
            lines.append(line)
            end += 1
        if not _is_table(rows):
            out.append(blocks[index])
            index += 1
            continue
        table = Table([[Cell([Line(text, line.where)] if text else []) for text in row]
                       for row, line in zip(rows, lines, strict=True)], lines[0].where)
        notes.guess(msg("import-text-table", "lines typed in columns read as a table of "
                        "{rows} rows", rows=len(rows)), lines[0].where, lines[0].text)
        out.append(table)
        index = end
    return out
