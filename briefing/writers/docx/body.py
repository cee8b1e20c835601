"""The body: title block, headings, paragraphs and lists, in tree order.

Every paragraph takes a named style: "Body Text" for text and list items, "heading N" for a
section N levels deep (so Word's navigation pane shows the outline). Numbers and markers are
already computed in the tree; a heading is "<number> <title>", a list item's first paragraph
"<marker> <text>" in the body style with its first-line indent, as HD 36 documents are typed.
Following paragraphs of an item, and nested lists, are ordinary body paragraphs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from briefing.layout.profile import Profile
from briefing.writers.docx import styles as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import FootnoteCall, append_inline, text_run
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.title_block import title_block

Sink = Callable[[Element], None]


class BodyWriter:
    """Walks <body> once; one method per block element."""

    def __init__(self, profile: Profile, out: Sink, on_footnote: FootnoteCall):
        self.profile = profile
        self.out = out
        self.on_footnote = on_footnote

    def write(self, body: ET.Element) -> None:
        for child in body:
            if child.tag == "title-block":
                title_block(child, self.profile, self.out)
            else:
                self.block(child)

    def blocks(self, parent: ET.Element, marker: str | None = None) -> None:
        """The block children of `parent`; `marker` goes before the first paragraph."""
        for child in parent:
            if child.tag == "heading":
                continue
            if marker is not None and child.tag != "p":
                self.out(self._paragraph(marker))
                marker = None
            self.block(child, marker)
            marker = None
        if marker is not None:
            self.out(self._paragraph(marker))

    def block(self, node: ET.Element, marker: str | None = None) -> None:
        if node.tag == "p":
            self.out(self._paragraph(marker, node))
        elif node.tag == "section":
            self.section(node)
        elif node.tag == "list":
            for item in node:
                if item.tag != "item":
                    raise ValueError(f"a <list> holds <item> elements, not <{item.tag}>")
                self.blocks(item, item.get("marker") or None)
        else:
            raise ValueError(f"the DOCX writer does not know the body element <{node.tag}>")

    def section(self, node: ET.Element) -> None:
        level = int(node.get("level", "1"))
        head = node.find("heading")
        if head is not None:
            p = paragraph(ParagraphLook(style=S.heading(level)))
            number = head.find("number")
            if number is not None and "".join(number.itertext()):
                p.append(text_run("".join(number.itertext()) + " "))
            title = head.find("title")
            if title is not None:
                append_inline(p, title, self.on_footnote)
            self.out(p)
        self.blocks(node)

    def _paragraph(self, marker: str | None, node: ET.Element | None = None) -> Element:
        p = paragraph(ParagraphLook(style=S.BODY))
        if marker:
            p.append(text_run(marker + (" " if node is not None else "")))
        if node is not None:
            append_inline(p, node, self.on_footnote)
        return p
