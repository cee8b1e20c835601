"""The body: title block, headings, paragraphs, lists and the other body constructs, in
tree order; then the appendices.

Every paragraph takes a named style: "Body Text" for text and list items, "heading N" for a
section N levels deep (so Word's navigation pane shows the outline), a style of its own for
each named construct (Intertitle, Quote, Question, Byline, …). Numbers and markers are already
computed in the tree; a heading is "<number> <title>", a list item's first paragraph
"<marker> <text>" and a numbered paragraph "<number> <text>" in the body style with its
first-line indent, as HD 36 documents are typed. Following paragraphs of an item, and nested
lists, are ordinary body paragraphs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from docx.oxml.ns import qn

from briefing.profile.model import Caption, Profile
from briefing.writers.docx import styles as S
from briefing.writers.docx.data_table import data_table
from briefing.writers.docx.figures import Pictures, caption
from briefing.writers.docx.formatting import (
    ParagraphLook,
    break_page_before,
    keep_with_next,
    paragraph,
    space_after,
    space_before,
)
from briefing.writers.docx.inline import Emphasis, FootnoteCall, append_inline, text_run
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.title_block import title_block

Sink = Callable[[Element], None]
PLAIN = Emphasis()


class BodyWriter:
    """Walks <body> once; one method per block element."""

    def __init__(self, profile: Profile, out: Sink, on_footnote: FootnoteCall,
                 pictures: Pictures | None = None):
        self.profile = profile
        self.sink = out
        self.on_footnote = on_footnote
        #: space the next paragraph keeps above it (after a table, which has none of its own)
        self.pending_space: float | None = None
        self.pictures = pictures

    def out(self, element: Element) -> None:
        """Append `element`; after a table, the paragraph that follows keeps the profile's
        space under the table (the PDF's table margin), as its space before."""
        if self.pending_space is not None and element.tag == qn("w:p"):
            space_before(element, self.pending_space)
        self.pending_space = None
        self.sink(element)

    def write(self, body: ET.Element) -> None:
        for child in body:
            if child.tag == "title-block":
                title_block(child, self.profile, self.out)
            else:
                self.block(child)
        # the space under a last table is the PDF's margin at the end of the body: it does
        # not move onto the closing block, or onto the next appendix's first line
        self.pending_space = None

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
            kind = node.get("kind")
            if kind is None:
                self.out(self._paragraph(marker, node))
            else:
                self.out(self.styled(S.FURNITURE_STYLES[kind], node))
        elif node.tag == "section":
            self.section(node)
        elif node.tag == "list":
            for item in node:
                if item.tag != "item":
                    raise ValueError(f"a <list> holds <item> elements, not <{item.tag}>")
                self.blocks(item, item.get("marker") or None)
        else:
            handler = getattr(self, node.tag, None)
            if node.tag not in _CONSTRUCTS or handler is None:
                raise ValueError(f"the DOCX writer does not know the body element <{node.tag}>")
            handler(node)

    def styled(self, style: str, node: ET.Element, lead: str = "",
               lead_look: Emphasis = PLAIN) -> Element:
        """A paragraph in `style` with `node`'s inline content after a run-in `lead`."""
        p = paragraph(ParagraphLook(style=style))
        if lead:
            p.append(text_run(lead, lead_look))
        append_inline(p, node, self.on_footnote)
        return p

    def led_paragraphs(self, node: ET.Element, style: str, lead: str,
                       lead_look: Emphasis) -> None:
        """The <p> children of `node` in `style`, the first opening with a run-in `lead`."""
        for index, source in enumerate(node.findall("p")):
            self.out(self.styled(style, source, lead if index == 0 else "", lead_look))

    # -- body constructs (one method per tree element, named after it) -----------------------
    def numbered(self, node: ET.Element) -> None:
        look = self.profile.numbered_paragraphs.number
        self.led_paragraphs(node, S.BODY, node.get("number", "") + " ",
                            Emphasis(look.bold, look.italic))

    def intertitle(self, node: ET.Element) -> None:
        self.out(self.styled(S.INTERTITLE, node))

    def quote(self, node: ET.Element) -> None:
        """The quote's paragraphs, then its attribution, kept with the last of them (as the
        PDF avoids a break before it)."""
        paragraphs = [self.styled(S.QUOTE, source) for source in node.findall("p")]
        attribution = node.find("attribution")
        if attribution is not None and paragraphs:
            keep_with_next(paragraphs[-1])
        for p in paragraphs:
            self.out(p)
        if attribution is not None:
            self.out(self.styled(S.ATTRIBUTION, attribution))

    def turn(self, node: ET.Element) -> None:
        style = S.QUESTION if node.get("role") == "question" else S.ANSWER
        look = self.profile.furniture.speaker
        self.led_paragraphs(node, style, node.get("label", ""), Emphasis(look.bold, look.italic))

    def table(self, node: ET.Element) -> None:
        look = self.profile.table
        table = data_table(node, self.profile, self.on_footnote)
        note = node.find("note")
        below = (node.find("caption") is not None
                 and self.profile.captions.table.position == "below")
        if note is not None or below:  # the PDF avoids a break before either
            rows = table.findall(qn("w:tr"))
            for p in rows[-1].iter(qn("w:p")) if rows else ():
                keep_with_next(p)
        self.captioned(node, S.CAPTION, self.profile.captions.table, "Table", table)
        if note is not None:
            line = self.styled(S.NOTE, note)
            space_before(line, look.note_space)
            self.out(line)
        elif not below:
            self.pending_space = look.space_after

    def figure(self, node: ET.Element) -> None:
        if self.pictures is None:
            raise ValueError("a <figure> needs the document's media")
        self.captioned(node, S.FIGURE_CAPTION, self.profile.captions.figure, "Figure",
                       paragraph(ParagraphLook(style=S.FIGURE), self.pictures.run(node)))
        credit = node.find("credit")
        if credit is not None:
            self.out(self.styled(S.CREDIT, credit))

    def captioned(self, node: ET.Element, style: str, look: Caption, identifier: str,
                  content: Element) -> None:
        """`content` (a table, a figure's paragraph) with its numbered caption above or below
        it, as the profile places it."""
        label = None
        if node.find("caption") is not None:
            label = caption(paragraph(ParagraphLook(style=style)), node, look, identifier,
                            self.on_footnote)
        if label is not None and look.position == "above":
            self.out(label)
        self.out(content)
        if label is not None and look.position == "below":
            self.out(label)

    def appendices(self, node: ET.Element) -> None:
        """Each appendix on a new page: label, title, subtitle, then its body; the head's
        last line keeps the profile's space under it."""
        for appendix in node.findall("appendix"):
            self.pending_space = None  # a new page: no space kept from a table above
            label = paragraph(ParagraphLook(style=S.APPENDIX_LABEL),
                              text_run(appendix.get("label", "")))
            break_page_before(label)
            head = [label, self.styled(S.APPENDIX_TITLE, appendix.find("title"))]
            subtitle = appendix.find("subtitle")
            if subtitle is not None:
                head.append(self.styled(S.APPENDIX_SUBTITLE, subtitle))
            space_after(head[-1], self.profile.appendix.space_after)
            for p in head:
                self.out(p)
            for child in appendix:
                if child.tag not in ("title", "subtitle"):
                    self.block(child)

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


#: tree elements handled by the method of the same name
_CONSTRUCTS = {"numbered", "intertitle", "quote", "turn", "table", "figure"}
