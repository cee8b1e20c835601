"""What a reader sees of the semantic tree, as plain text: for tests, diffs and checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import fields

from briefing.text.inline_markdown import BLANK_TEXT
from briefing.tree.base import Node, iter_nodes
from briefing.tree.vocabulary import (
    Blank,
    Document,
    Footnote,
    Inline,
    ItemList,
    LineBreak,
    Paragraph,
    Section,
    Text,
    TitleBlock,
)

#: ZIP cannot store an earlier time; a document without a usable date gets this one
EARLIEST = dt.datetime(1980, 1, 1)


def document_moment(tree: Document) -> dt.datetime:
    """The tree's info date (YYYY[-MM[-DD]]) at midnight, naive UTC. Every timestamp a writer
    stores comes from here, never from the clock, so the same input gives the same bytes."""
    from briefing.content.schema import DocumentDate

    try:
        day = DocumentDate.parse(tree.info.date.strip()).as_date()
    except ValueError:
        return EARLIEST
    return max(dt.datetime(day.year, day.month, day.day), EARLIEST)


def inline_text(content: Iterable[Inline] | None, *, notes: bool = False,
                breaks: str = "") -> str:
    """Text of inline content; footnotes only with `notes` (else their calls show nothing);
    a computed line break as `breaks`."""
    parts: list[str] = []
    for node in content or ():
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append(breaks)
        elif isinstance(node, Blank):
            parts.append(BLANK_TEXT)
        elif isinstance(node, Footnote):
            if notes:
                parts.extend(inline_text(p.content, notes=True) for p in node.paragraphs)
        else:
            parts.append(inline_text(node.content, notes=notes, breaks=breaks))  # type: ignore[attr-defined]
    return "".join(parts)


def heading_text(section: Section) -> str:
    """"I. Title": the number and the title as the heading prints them."""
    return f"{section.number} {inline_text(section.title)}"


def body_paragraphs(nodes: Iterable[Node], marker: str | None = None) -> Iterator[str]:
    """Every paragraph, heading, list item and title-block line of `nodes` (a container's
    `children()`) in reading order: headings "I. Title", list markers prefixed."""
    for node in nodes:
        if isinstance(node, Paragraph):
            text = inline_text(node.content)
            yield f"{marker} {text}" if marker is not None else text
            marker = None
        elif isinstance(node, Section):
            yield heading_text(node)
            yield from body_paragraphs(node.body)
        elif isinstance(node, ItemList):
            for item in node.items:
                yield from body_paragraphs(item.body, item.marker)
        elif isinstance(node, TitleBlock):
            yield node.doc_type
            if node.subject is not None:
                yield inline_text(node.subject)


def footnotes(tree: Node) -> list[tuple[int, list[str]]]:
    """(number, paragraphs) of every footnote, in order."""
    return [(node.number, [inline_text(p.content) for p in node.paragraphs])
            for node in iter_nodes(tree) if isinstance(node, Footnote)]


def sections(tree: Node) -> Iterator[tuple[Section, str, list[str]]]:
    """(section, "number title", own paragraphs) of every section, in order, for
    section-by-section diffs."""
    for node in iter_nodes(tree):
        if isinstance(node, Section):
            own = [child for child in node.body if not isinstance(child, Section)]
            yield node, heading_text(node), list(body_paragraphs(own))


def every_text(node: Node) -> Iterator[str]:
    """Every text the tree holds, attributes aside, in document order (footnotes included):
    for checks that no character escapes the font or the escaping."""
    for spec in fields(node):  # type: ignore[arg-type]
        if spec.metadata.get("xml") == "attribute":
            continue
        value = getattr(node, spec.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                yield item
            elif isinstance(item, Node):
                yield from every_text(item)
