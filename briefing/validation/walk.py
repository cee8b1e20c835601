"""Every node of a checked document with its data path, in the order the build visits them.

The order matters: footnotes are numbered by first call in this order
(briefing/tree/prepare.py), so "called a second time" must point at the same call the build
would refuse. The Căn cứ lines (`basis`) print under the title block, before the preamble.
Legal items (part … clause) do not count on the heading ladder: the sections a part holds are
at level 1, as at the top.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from briefing.content.legal import LEGAL_ITEMS, Clause, Points, legal_key
from briefing.content.schema import (
    Bullets,
    Document,
    Enumeration,
    NumberedParagraph,
    Section,
    Table,
)
from briefing.source.yaml_source import Path_


@dataclass(frozen=True)
class Visit:
    """`node` is a Section, Bullets, Enumeration or an inline text (str); `level` is the depth
    of the section it is in (1 for a top-level block, 0 outside blocks)."""

    path: Path_
    node: Any
    level: int


def walk(document: Document) -> Iterator[Visit]:
    yield from _texts(document.basis, ("basis",), 0)
    yield from _body(document.preamble, ("preamble",), 0)
    yield from _body(document.blocks, ("blocks",), 0)
    yield from _body(document.conclusion, ("conclusion",), 0)
    for index, appendix in enumerate(document.appendices):
        path = ("appendices", index)
        yield Visit(path, appendix, 0)
        yield Visit((*path, "title"), appendix.title, 0)
        if appendix.subtitle is not None:
            yield Visit((*path, "subtitle"), appendix.subtitle, 0)
        yield from _body(appendix.body, (*path, "body"), 0)


def _section(section: Section, path: Path_, level: int) -> Iterator[Visit]:
    yield Visit(path, section, level)
    yield Visit((*path, "title"), section.title, level)
    yield from _body(section.body, (*path, "body"), level)


def _texts(value: str | list[str] | None, path: Path_, level: int) -> Iterator[Visit]:
    """One text, or each text of a list, at its path."""
    if isinstance(value, str):
        yield Visit(path, value, level)
    elif isinstance(value, list):
        for index, text in enumerate(value):
            yield Visit((*path, index), text, level)


def _body(items: list[Any], path: Path_, level: int) -> Iterator[Visit]:
    for index, item in enumerate(items):
        item_path = (*path, index)
        if isinstance(item, str):
            yield Visit(item_path, item, level)
        elif isinstance(item, Section):
            yield from _section(item, item_path, level + 1)
        elif isinstance(item, Bullets):
            yield Visit(item_path, item, level)
            yield from _items(item.bullets, (*item_path, "bullets"), level)
        elif isinstance(item, Enumeration):
            yield Visit(item_path, item, level)
            if item.lead is not None:
                yield Visit((*item_path, "lead"), item.lead, level)
            yield from _items(item.enumerate, (*item_path, "enumerate"), level)
        elif isinstance(item, Table):
            yield Visit(item_path, item, level)
            yield from _table(item, item_path, level)
        elif isinstance(item, NumberedParagraph):
            yield Visit(item_path, item, level)
            yield from _texts(item.numbered, (*item_path, "numbered"), level)
            yield from _body(item.body, (*item_path, "body"), level + 1)
        elif isinstance(item, LEGAL_ITEMS):
            yield from _legal(item, item_path, level)
        else:  # a construct made of texts: intertitle, quote, turn, figure, lines
            yield Visit(item_path, item, level)
            for key in TEXT_FIELDS:
                if key in type(item).model_fields:
                    yield from _texts(getattr(item, key), (*item_path, key), level)


def _legal(item: Any, path: Path_, level: int) -> Iterator[Visit]:
    """A legal item: its title (a clause: its paragraphs), its points, its body."""
    yield Visit(path, item, level)
    key = legal_key(item)
    if key is not None:
        yield from _texts(getattr(item, key), (*path, key), level)
    if isinstance(item, Clause | Points):
        yield from _items(item.points, (*path, "points"), level)
    if not isinstance(item, Points):
        yield from _body(item.body, (*path, "body"), level)


#: The text fields of body constructs, in the order they print (footnote numbers follow it).
TEXT_FIELDS = ("numbered", "intertitle", "quote", "attribution", "question", "answer",
               "standfirst", "dateline", "byline", "caption", "credit", "note", "salutation")


def _table(table: Table, path: Path_, level: int) -> Iterator[Visit]:
    """A table's texts as the build prints them: caption (above, by default), cells, note."""
    if table.caption is not None:
        yield Visit((*path, "caption"), table.caption, level)
    for r, row in enumerate(table.table):
        for c, cell in enumerate(row):
            cell_path = (*path, "table", r, c)
            if isinstance(cell, str):
                yield Visit(cell_path, cell, level)
            else:
                yield from _texts(cell.text, (*cell_path, "text"), level)
    if table.note is not None:
        yield Visit((*path, "note"), table.note, level)


def _items(items: list[Any], path: Path_, level: int) -> Iterator[Visit]:
    for index, item in enumerate(items):
        if isinstance(item, str):
            yield Visit((*path, index), item, level)
        else:
            yield from _body(item, (*path, index), level)


def footnote_texts(document: Document) -> Iterator[tuple[Path_, str]]:
    """Each paragraph of each footnote definition."""
    for note_id, note in document.footnotes.items():
        if isinstance(note, str):
            yield ("footnotes", note_id), note
        else:
            for index, text in enumerate(note):
                yield ("footnotes", note_id, index), text
