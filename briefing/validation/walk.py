"""Every node of a checked document with its data path, in the order the build visits them.

The order matters: footnotes are numbered by first call in this order
(briefing/tree/prepare.py), so "called a second time" must point at the same call the build
would refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from briefing.content.schema import Bullets, Document, Enumeration, Section
from briefing.source.yaml_source import Path_


@dataclass(frozen=True)
class Visit:
    """`node` is a Section, Bullets, Enumeration or an inline text (str); `level` is the depth
    of the section it is in (1 for a top-level block, 0 outside blocks)."""

    path: Path_
    node: Any
    level: int


def walk(document: Document) -> Iterator[Visit]:
    yield from _body(document.preamble, ("preamble",), 0)
    for index, block in enumerate(document.blocks):
        yield from _section(block, ("blocks", index), 1)
    yield from _body(document.conclusion, ("conclusion",), 0)


def _section(section: Section, path: Path_, level: int) -> Iterator[Visit]:
    yield Visit(path, section, level)
    yield Visit((*path, "title"), section.title, level)
    yield from _body(section.body, (*path, "body"), level)


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
