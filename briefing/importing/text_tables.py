"""Tables typed in a text file, as a reader sees them: rows of cells split at tabs (a table
copied from Word or a spreadsheet), between pipes (`| a | b |`, with or without its `|---|`
rule), or set in columns by runs of spaces (a table printed to text). A run of such lines is
a table only where its shape is clearly one: two rows or more, every row of two cells or
more, all of one width (or a first row, the header, at least as wide as every row after it,
whose short rows lost their blank cells at the end); columns set by spaces must also start
at the same place on every row. Anything else stays paragraphs.
"""

from __future__ import annotations

import re

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.readers.source import Block, Cell, Line, Table

_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$")
_SPACES = re.compile(r" {3,}")
#: how far (in characters) the starts of one column may wander between rows set by spaces
_SLACK = 2


def row_cells(line: Line) -> tuple[str, list[str], list[int]] | None:
    """How a text line is typed as a table row ("pipe", "tab" or "space"), its cells and
    where each starts; None for a paragraph."""
    if line.role or line.heading is not None or line.label or line.cell is not None:
        return None
    text = line.text.rstrip()
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return "pipe", [cell.strip() for cell in stripped[1:-1].split("|")], []
    if "\t" in text.strip(" "):
        cells = [cell.strip() for cell in text.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        return ("tab", cells, []) if len(cells) >= 2 and any(cells[1:]) else None
    body = text.lstrip(" ")
    starts = [len(text) - len(body)] + [len(text) - len(body) + m.end()
                                        for m in _SPACES.finditer(body)]
    if len(starts) < 2:
        return None
    return "space", [cell.strip() for cell in _SPACES.split(body)], starts


def _is_table(kind: str, rows: list[list[str]], starts: list[list[int]]) -> bool:
    if len(rows) < 2 or any(len(row) < 2 for row in rows):
        return False
    widths = {len(row) for row in rows}
    if kind == "space":
        return len(widths) == 1 and all(max(column) - min(column) <= _SLACK
                                        for column in zip(*starts, strict=True))
    return len(widths) == 1 or (len(rows[0]) == max(widths) and all(rows[0]))


def _run(blocks: list[Block], index: int) -> tuple[str, list[list[str]], list[list[int]],
                                                   list[Line], int]:
    """The lines from `index` typed as rows of one kind: (kind, cells, starts, lines, end)."""
    kind = ""
    rows: list[list[str]] = []
    starts: list[list[int]] = []
    lines: list[Line] = []
    end = index
    while end < len(blocks) and isinstance(blocks[end], Line):
        line = blocks[end]
        assert isinstance(line, Line)
        if lines and (line.page_break or (kind == "space" and line.gap_before)):
            break
        if kind == "pipe" and _PIPE_RULE.match(line.text.strip()):
            end += 1
            continue
        found = row_cells(line)
        if found is None or (kind and found[0] != kind):
            break
        kind = found[0]
        rows.append(found[1])
        starts.append(found[2])
        lines.append(line)
        end += 1
    return kind, rows, starts, lines, end


def text_tables(blocks: list[Block], notes: Notebook) -> list[Block]:
    """`blocks` with each run of lines that is clearly a table made a `Table`."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        kind, rows, starts, lines, end = _run(blocks, index)
        if not _is_table(kind, rows, starts):
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
