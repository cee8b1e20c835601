"""The DOCX writer's visit of the tree: one `visit_<node>` method per node class.

Every paragraph takes a named style: "Body Text" for text and list items, "heading N" for a
section N levels deep (so Word's navigation pane shows the outline), a style of its own for
each named construct (Intertitle, Quote, Question, Byline, …). Numbers and markers are already
computed in the tree; a heading is "<number> <title>", a list item's first paragraph
"<marker> <text>" and a numbered paragraph "<number> <text>" in the body style with its
first-line indent, as HD 36 documents are typed. Following paragraphs of an item, and nested
lists, are ordinary body paragraphs. Inline nodes become runs of the paragraph being written.

The head (masthead, cover), the title block, tables, figures and the closing are drawn by the
modules named after them; a visit hands them the node (or its layout) and `inline`, which fills
a paragraph with inline content by visiting it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from docx.oxml.ns import qn

from briefing.layout.cover import cover_layout
from briefing.layout.masthead import masthead_layout
from briefing.profile.model import Caption, Profile
from briefing.tree import vocabulary
from briefing.tree.base import Node
from briefing.tree.visitor import SKIP_CHILDREN, WRITTEN_BY_PARENT, Visitor
from briefing.writers.docx import style_ids as S
from briefing.writers.docx import type_line_styles as type_lines
from briefing.writers.docx.closing import closing
from briefing.writers.docx.data_table import data_table
from briefing.writers.docx.figures import Pictures, caption
from briefing.writers.docx.footnotes_part import Footnotes
from briefing.writers.docx.formatting import (
    ParagraphLook,
    break_page_before,
    keep_with_next,
    paragraph,
    space_after,
    space_before,
)
from briefing.writers.docx.header_block import boxed_mark, cover, masthead
from briefing.writers.docx.inline import (
    RunEmphasis,
    footnote_reference,
    text_paragraph,
    text_run,
)
from briefing.writers.docx.leader_tabs import BlankVisits
from briefing.writers.docx.legal_paragraphs import LegalVisits
from briefing.writers.docx.ooxml import Element, w
from briefing.writers.docx.title_block import title_block

Sink = Callable[[Element], None]
PLAIN = RunEmphasis()


class DocxWriter(LegalVisits, BlankVisits, Visitor):
    """Appends the document's block elements to `sink`, collecting footnotes on the way."""

    handled_by_parent = WRITTEN_BY_PARENT

    def __init__(self, profile: Profile, sink: Sink, footnotes: Footnotes, pictures: Pictures):
        self.profile = profile
        self.sink = sink
        self.footnotes = footnotes
        self.pictures = pictures
        #: space the next paragraph keeps above it (after a table, which has none of its own)
        self.pending_space: float | None = None
        #: the foot of a cover, for the first page's footer
        self.cover_foot: Element | None = None
        self.has_cover = False
        #: after a cover, the next paragraph starts a new page
        self.break_next = False
        #: a list item's marker, waiting for the item's first paragraph
        self.marker: str | None = None
        #: the paragraph inline nodes are written into, and how their runs look
        self.target: Element | None = None
        self.look = PLAIN
        self.looks: list[RunEmphasis] = []
        self.in_note = False
        self.fills: list[Element] = []

    def out(self, element: Element) -> None:
        """Append `element`; after a table, the paragraph that follows keeps the profile's
        space under the table (the PDF's table margin), as its space before, and a table
        that follows is kept apart by an empty line as high as the PDF's margins between
        the two (Word has no space before a table, and draws two adjacent tables as one);
        after a cover, the first paragraph starts a new page."""
        if self.pending_space is not None and element.tag == qn("w:p"):
            space_before(element, self.pending_space)
        elif self.pending_space is not None and element.tag == qn("w:tbl"):
            gap = max(self.pending_space, self.profile.table.space_before)
            self.sink(paragraph(ParagraphLook(style=S.BODY, space_before=0, space_after=0,
                                              line_exact=gap)))
        self.pending_space = None
        if self.break_next:
            first = element if element.tag == qn("w:p") else element.find(f".//{qn('w:p')}")
            if first is not None:
                break_page_before(first)
                self.break_next = False
        self.sink(element)

    def inline(self, p: Element, content: Sequence[vocabulary.Inline],
               look: RunEmphasis = PLAIN) -> None:
        """Fill paragraph `p` with inline `content`, its runs in `look`."""
        saved = self.target, self.look
        self.target, self.look = p, look
        self.walk_all(content)
        self.target, self.look = saved

    def cell_inline(self, p: Element, content: Sequence[vocabulary.Inline]) -> None:
        """Fill a table cell's paragraph `p` (its blanks are set at the table's size)."""
        self.in_cell = True
        try:
            self.inline(p, content)
        finally:
            self.in_cell = False

    def styled(self, style: str, content: Sequence[vocabulary.Inline], lead: str = "",
               lead_look: RunEmphasis = PLAIN) -> Element:
        """A paragraph in `style` with inline `content` after a run-in `lead`."""
        p = paragraph(ParagraphLook(style=style))
        if lead:
            p.append(text_run(lead, lead_look))
        self.inline(p, content)
        return p

    def led_paragraphs(self, paragraphs: list[vocabulary.Paragraph], style: str, lead: str,
                       lead_look: RunEmphasis) -> None:
        """`paragraphs` in `style`, the first opening with a run-in `lead`."""
        for index, source in enumerate(paragraphs):
            self.out(self.styled(style, source.content, lead if index == 0 else "", lead_look))

    # -- the parts of the document ------------------------------------------------------------
    def visit_document(self, node: Node) -> None:
        """The parts in order: info, cover or masthead, mark, body, closing, appendices."""

    def visit_info(self, node: Node) -> object:
        return SKIP_CHILDREN  # the document properties are set from it at the end

    def visit_cover(self, node: vocabulary.Cover) -> object:
        self.cover_foot = cover(cover_layout(node, self.profile), self.profile, self.out,
                                self.inline)
        self.has_cover = self.break_next = True
        return SKIP_CHILDREN

    def visit_masthead(self, node: vocabulary.Masthead) -> object:
        masthead(masthead_layout(node, self.profile), self.profile, self.out, self.inline)
        return SKIP_CHILDREN

    def visit_mark(self, node: vocabulary.Mark) -> None:
        self.out(boxed_mark(node.text, self.profile))

    def visit_body(self, node: Node) -> None:
        """The title block, then the blocks."""

    def depart_body(self, node: Node) -> None:
        # the space under a last table is the PDF's margin at the end of the body: it does
        # not move onto the closing block, or onto the next appendix's first line
        self.pending_space = None

    def visit_title_block(self, node: vocabulary.TitleBlock) -> object:
        title_block(node, self.profile, self.out, self.inline)
        return SKIP_CHILDREN

    def visit_addressees(self, node: vocabulary.Addressees) -> object:
        type_lines.addressees(node, self.profile, self.out)
        return SKIP_CHILDREN

    def visit_authority_line(self, node: vocabulary.AuthorityLine) -> None:
        self.out(text_paragraph(S.AUTHORITY_LINE, node.text))

    def visit_basis(self, node: vocabulary.Basis) -> object:
        type_lines.basis(node.paragraphs, self.out, self.inline)
        return SKIP_CHILDREN

    def visit_enactment(self, node: vocabulary.Enactment) -> None:
        self.out(text_paragraph(S.ENACTMENT, node.text))

    def visit_closing(self, node: vocabulary.Closing) -> object:
        closing(node, self.profile, self.out)
        return SKIP_CHILDREN

    def visit_appendices(self, node: Node) -> None:
        """Each appendix in turn."""

    def visit_appendix(self, node: vocabulary.Appendix) -> None:
        """On a new page: label, title, subtitle, then its blocks; the head's last line keeps
        the profile's space under it."""
        self.pending_space = None  # a new page: no space kept from a table above
        label = paragraph(ParagraphLook(style=S.APPENDIX_LABEL), text_run(node.label))
        break_page_before(label)
        head = [label, self.styled(S.APPENDIX_TITLE, node.title)]
        if node.subtitle is not None:
            head.append(self.styled(S.APPENDIX_SUBTITLE, node.subtitle))
        if node.rule:  # an attached text: the title block's short rule
            head.append(paragraph(ParagraphLook(style=S.TITLE_RULE)))
        space_after(head[-1], self.profile.appendix.space_after)
        for p in head:
            self.out(p)

    # -- blocks -------------------------------------------------------------------------------
    def visit_paragraph(self, node: vocabulary.Paragraph) -> object:
        """A body paragraph (after a list item's marker) or a construct of its own kind."""
        marker, self.marker = self.marker, None
        style = S.FURNITURE_STYLES[node.kind] if node.kind else S.BODY
        self.out(self.styled(style, node.content, marker + " " if marker else ""))
        return SKIP_CHILDREN

    def visit_section(self, node: vocabulary.Section) -> None:
        """The heading; its blocks follow."""
        p = paragraph(ParagraphLook(style=S.heading(node.level)))
        if node.number:
            p.append(text_run(node.number + " "))
        self.inline(p, node.title)
        self.out(p)

    def visit_item_list(self, node: Node) -> None:
        """Its items in turn."""

    def visit_item(self, node: vocabulary.Item) -> object:
        """The marker opens the first paragraph, or stands alone before any other block."""
        marker = node.marker or None
        for child in node.body:
            if marker is not None and not isinstance(child, vocabulary.Paragraph):
                self.out(self.styled(S.BODY, (), marker))
                marker = None
            self.marker = marker
            self.walk(child)
            self.marker = marker = None
        if marker is not None:
            self.out(self.styled(S.BODY, (), marker))
        return SKIP_CHILDREN

    def visit_numbered(self, node: vocabulary.Numbered) -> object:
        look = self.profile.numbered_paragraphs.number
        self.led_paragraphs(node.paragraphs, S.BODY, node.number + " ",
                            RunEmphasis(look.bold, look.italic))
        return SKIP_CHILDREN

    def visit_intertitle(self, node: vocabulary.Intertitle) -> object:
        self.out(self.styled(S.INTERTITLE, node.content))
        return SKIP_CHILDREN

    def visit_quote(self, node: vocabulary.Quote) -> object:
        """The quote's paragraphs, then its attribution, kept with the last of them (as the
        PDF avoids a break before it)."""
        paragraphs = [self.styled(S.QUOTE, source.content) for source in node.paragraphs]
        if node.attribution is not None and paragraphs:
            keep_with_next(paragraphs[-1])
        for p in paragraphs:
            self.out(p)
        if node.attribution is not None:
            self.out(self.styled(S.ATTRIBUTION, node.attribution))
        return SKIP_CHILDREN

    def visit_turn(self, node: vocabulary.Turn) -> object:
        style = S.QUESTION if node.role == "question" else S.ANSWER
        look = self.profile.furniture.speaker
        self.led_paragraphs(node.paragraphs, style, node.label, RunEmphasis(look.bold, look.italic))
        return SKIP_CHILDREN

    def visit_table(self, node: vocabulary.Table) -> object:
        look = self.profile.table
        table = data_table(node, self.profile, self.cell_inline)
        below = node.caption is not None and self.profile.captions.table.position == "below"
        if node.note is not None or below:  # the PDF avoids a break before either
            rows = table.findall(qn("w:tr"))
            for p in rows[-1].iter(qn("w:p")) if rows else ():
                keep_with_next(p)
        self.captioned(node, S.CAPTION, self.profile.captions.table, "Table", table)
        if node.note is not None:
            line = self.styled(S.NOTE, node.note)
            space_before(line, look.note_space)
            self.out(line)
        elif not below:
            self.pending_space = look.space_after
        return SKIP_CHILDREN

    def visit_figure(self, node: vocabulary.Figure) -> object:
        picture = paragraph(ParagraphLook(style=S.FIGURE), self.pictures.run(node))
        self.captioned(node, S.FIGURE_CAPTION, self.profile.captions.figure, "Figure", picture)
        if node.credit is not None:
            self.out(self.styled(S.CREDIT, node.credit))
        return SKIP_CHILDREN

    def captioned(self, node: vocabulary.Table | vocabulary.Figure, style: str, look: Caption,
                  identifier: str, content: Element) -> None:
        """`content` (a table, a figure's paragraph) with its numbered caption above or below
        it, as the profile places it."""
        label = None
        if node.caption is not None:
            label = caption(paragraph(ParagraphLook(style=style)), node, look, identifier,
                            self.inline)
        if label is not None and look.position == "above":
            self.out(label)
        self.out(content)
        if label is not None and look.position == "below":
            self.out(label)

    # -- inline: runs of the target paragraph -------------------------------------------------
    def visit_text(self, node: vocabulary.Text) -> None:
        assert self.target is not None
        self.target.append(text_run(node.text, self.look))

    def visit_emphasis(self, node: vocabulary.Emphasis) -> None:
        self.looks.append(self.look)
        self.look = replace(self.look, italic=True)

    def depart_emphasis(self, node: vocabulary.Emphasis) -> None:
        self.look = self.looks.pop()

    def visit_strong(self, node: vocabulary.Strong) -> None:
        self.looks.append(self.look)
        self.look = replace(self.look, bold=True)

    def depart_strong(self, node: vocabulary.Strong) -> None:
        self.look = self.looks.pop()

    def visit_marker(self, node: Node) -> None:
        """A run-in marker: its text as the text around it."""

    def visit_line_break(self, node: vocabulary.LineBreak) -> None:
        assert self.target is not None
        self.target.append(w("w:r", w("w:br")))

    def visit_footnote(self, node: vocabulary.Footnote) -> object:
        """The call where the node stands; the note itself goes to the footnotes part."""
        if self.in_note:
            raise ValueError("a footnote call cannot stand inside a footnote")
        target = self.target
        assert target is not None
        self.in_note = True
        try:
            note_id = self.footnotes.call(node, self.inline)
        finally:
            self.in_note = False
        target.append(footnote_reference(note_id))
        return SKIP_CHILDREN
