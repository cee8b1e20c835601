"""Several `{fill}` blanks on one line share it, as on a clerk's form ("Họ và tên: ……
Chức vụ: ……"): computed once on the tree, for both writers.

A lone `{fill}` runs its dots to the end of the line (the DOCX's dot-leader tab, the PDF's CSS
`leader()`). With two or more in one paragraph neither does what a reader expects: a CSS leader
takes all the room it finds and a tab jumps past the next label, so every fill but the last is
given a width here — an equal share of the room the paragraph's text leaves on its line,
measured with the profile's font — and the last one fills what is left. A paragraph too long
for one line gives each of its fills the profile's blank width instead; the last still runs
to the end of its line. The fills keep their kind (`fill`), so the Markdown of the tree is
unchanged.
"""

from __future__ import annotations

from dataclasses import fields, replace

from briefing.layout.blank_widths import blank_width_mm
from briefing.layout.measure import MM_PER_PT, text_width_pt
from briefing.profile.model import Profile
from briefing.tree.base import Node
from briefing.tree.vocabulary import (
    Blank,
    Emphasis,
    Footnote,
    Inline,
    Marker,
    Quote,
    Strong,
    Table,
    Text,
)

#: the part of a line kept free of shares, for what measuring cannot see (a paragraph's
#: number, justification, a label set run-in): the last fill takes it
_SLACK = 0.06


class _Line:
    """Where a paragraph's text is set: its line's width (mm) and its type size (pt)."""

    def __init__(self, width: float, size: float):
        self.width = width
        self.size = size


def share_fills(blocks: list[Node], profile: Profile) -> None:
    """Give every fill but the last of each paragraph of `blocks` its share of the line."""
    body = _Line(profile.text_width_mm - profile.body.first_line_indent, profile.body.size)
    _walk(blocks, body, profile)


def _walk(nodes: list[Node], line: _Line, profile: Profile) -> None:
    for node in nodes:
        if isinstance(node, Table):
            _table(node, profile)
            continue
        here = line
        if isinstance(node, Quote):
            look = profile.furniture.quote
            here = _Line(line.width - look.left - look.right, look.size)
        for spec in fields(node):  # type: ignore[arg-type]
            value = getattr(node, spec.name)
            if isinstance(value, Node):
                _walk([value], here, profile)
            elif isinstance(value, list) and value and isinstance(value[0], Inline):
                _share(value, here, profile)
            elif isinstance(value, list) and value and isinstance(value[0], Node):
                _walk(value, here, profile)


def _table(table: Table, profile: Profile) -> None:
    """Each cell's line is its columns' share of the text width, less the cell's padding."""
    widths = [profile.text_width_mm * column.width / 100 for column in table.columns]
    padding = 2 * profile.table.padding[1]
    for row in [*table.header, *table.rows]:
        at = 0
        for cell in row.cells:
            width = sum(widths[at:at + cell.colspan]) - padding
            at += cell.colspan
            _walk([cell], _Line(width, profile.table.size), profile)
    for part in (table.caption, table.note):
        if part:
            _share(part, _Line(profile.text_width_mm, profile.table.size), profile)


def _share(inlines: list[Inline], line: _Line, profile: Profile) -> None:
    """Widths for the fills of one paragraph's `inlines` (see the module's docstring)."""
    for note in _notes(inlines):
        note_line = _Line(profile.text_width_mm - profile.footnote.first_line_indent,
                          profile.footnote.size)
        for paragraph in note.paragraphs:
            _share(paragraph.content, note_line, profile)
    fills = _fills(inlines)
    if len(fills) < 2:
        return
    room = line.width * (1 - _SLACK) - _text_mm(inlines, line.size, profile)
    share = room / len(fills)
    if share < blank_width_mm(None, profile):
        share = blank_width_mm(None, profile)
    for holder, index in fills[:-1]:
        holder[index] = replace(holder[index], width=round(share, 1))


def _fills(inlines: list[Inline]) -> list[tuple[list[Inline], int]]:
    """Where each `{fill}` of `inlines` stands (its list and index), in reading order."""
    found: list[tuple[list[Inline], int]] = []
    for index, node in enumerate(inlines):
        if isinstance(node, Blank) and node.fill:
            found.append((inlines, index))
        elif isinstance(node, Strong | Emphasis):
            found += _fills(node.content)
    return found


def _notes(inlines: list[Inline]) -> list[Footnote]:
    notes: list[Footnote] = []
    for node in inlines:
        if isinstance(node, Footnote):
            notes.append(node)
        elif isinstance(node, Strong | Emphasis):
            notes += _notes(node.content)
    return notes


def _text_mm(inlines: list[Inline], size: float, profile: Profile, *, bold: bool = False,
             italic: bool = False) -> float:
    """How wide the text of `inlines` is set, without its fills (mm)."""
    points = 0.0
    for node in inlines:
        if isinstance(node, Text):
            points += text_width_pt(node.text, profile, size, bold=bold, italic=italic)
        elif isinstance(node, Strong):
            points += _text_mm(node.content, size, profile, bold=True, italic=italic) / MM_PER_PT
        elif isinstance(node, Emphasis):
            points += _text_mm(node.content, size, profile, bold=bold, italic=True) / MM_PER_PT
        elif isinstance(node, Marker):
            points += _text_mm(node.content, size, profile, bold=bold, italic=italic) / MM_PER_PT
        elif isinstance(node, Footnote):
            points += text_width_pt(str(node.number), profile, size * 0.65)
        elif isinstance(node, Blank) and not node.fill:
            points += blank_width_mm(node.width, profile) / MM_PER_PT
    return points * MM_PER_PT
