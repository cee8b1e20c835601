"""What a reader sees of the semantic tree, as plain text: for tests, diffs and checks."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator

#: ZIP cannot store an earlier time; a document without a usable date gets this one
EARLIEST = dt.datetime(1980, 1, 1)


def node_text(node: ET.Element | None) -> str:
    """All text under `node` (footnotes included), "" for a missing node."""
    return "".join(node.itertext()) if node is not None else ""


def document_moment(tree: ET.Element) -> dt.datetime:
    """The tree's info/date (YYYY[-MM[-DD]]) at midnight, naive UTC. Every timestamp a writer
    stores comes from here, never from the clock, so the same input gives the same bytes."""
    from briefing.content.schema import DocumentDate

    text = node_text(tree.find("info/date")).strip()
    try:
        day = DocumentDate.parse(text).as_date()
    except ValueError:
        return EARLIEST
    return max(dt.datetime(day.year, day.month, day.day), EARLIEST)


def inline_text(node: ET.Element) -> str:
    """Text of an inline container without its footnotes (their calls show only a number)."""
    parts = [node.text or ""]
    for child in node:
        if child.tag != "fn":
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def body_paragraphs(node: ET.Element, marker: str | None = None) -> Iterator[str]:
    """Every paragraph of a body in reading order: headings "I. Title", markers prefixed."""
    for child in node:
        if child.tag == "p":
            text = inline_text(child)
            yield f"{marker} {text}" if marker is not None else text
            marker = None
        elif child.tag == "section":
            head = child.find("heading")
            yield f"{head.findtext('number', '')} {inline_text(head.find('title'))}"
            yield from body_paragraphs(child)
        elif child.tag == "list":
            for item in child.findall("item"):
                yield from body_paragraphs(item, item.get("marker", ""))
        elif child.tag == "title-block":
            yield child.findtext("doc-type", "")
            if child.find("subject") is not None:
                yield child.findtext("subject", "")


def footnotes(tree: ET.Element) -> list[tuple[int, list[str]]]:
    """(number, paragraphs) of every footnote, in order."""
    return [(int(fn.get("n", "0")), [inline_text(p) for p in fn.findall("p")])
            for fn in tree.iter("fn")]


def sections(tree: ET.Element) -> Iterator[tuple[str, str, list[str]]]:
    """(id, "number title", own paragraphs) of every section, for section-by-section diffs."""
    for section in tree.iter("section"):
        head = section.find("heading")
        own = ET.Element("body")
        own.extend(c for c in section if c.tag not in ("heading", "section"))
        yield (section.get("id", ""),
               f"{head.findtext('number', '')} {inline_text(head.find('title'))}",
               list(body_paragraphs(own)))
