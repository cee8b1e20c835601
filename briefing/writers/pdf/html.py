"""Semantic tree -> HTML for WeasyPrint: one `visit_<node>` method per node class.

Structure only: every look is in the stylesheet (templates/pdf/style.css.j2). Paragraphs and
headings are numbered (`data-b`) so pagination can break before them. The masthead and the
cover are drawn from the layouts both writers share (`briefing.layout.masthead`, `.cover`).
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from briefing.content.media import MediaStore
from briefing.layout.addressees import addressees_layout
from briefing.layout.cover import cover_layout
from briefing.layout.masthead import Line, Rule, masthead_layout
from briefing.profile.model import Profile
from briefing.tree import vocabulary
from briefing.tree.base import Node
from briefing.tree.plain_text import inline_text
from briefing.tree.visitor import SKIP_CHILDREN, WRITTEN_BY_PARENT, Visitor
from briefing.writers.pdf.blank_leaders import BlankHtml
from briefing.writers.pdf.legal_html import LegalHtml

#: the class of each role of a head line (title lines: "party party-<index>")
ROLE_CLASSES = {"issuer-rule": "issuer-rule", "title-rule": "party-rule"}
#: how a draft marks the place of a figure it cannot read yet (the studio's preview only: a
#: build refuses such a figure, so no printed page carries it)
_DRAFT_BOX = ("box-sizing: border-box; border: 1pt dashed #b3261e; background: #fdecea; "
              "color: #b3261e; text-align: center; text-indent: 0; font-style: italic")


def _div(parent: ET.Element, cls: str, text: str, tag: str = "div") -> ET.Element:
    element = ET.SubElement(parent, tag, {"class": cls})
    element.text = text
    return element


class HtmlWriter(LegalHtml, BlankHtml, Visitor):
    """Appends HTML elements to the element being filled (`self.parent`)."""

    handled_by_parent = WRITTEN_BY_PARENT

    def __init__(self, profile: Profile, media: MediaStore | None = None):
        self.profile = profile
        self.media = media or MediaStore()
        self.block_count = 0
        #: the level of the section being written (an intertitle takes the next one)
        self.level = 0
        self.html = ET.Element("html")
        self.head = self.parent = self.html
        #: the elements to go back to when the ones entered are done
        self.outer: list[ET.Element] = []
        #: a list item's marker, waiting for the item's first paragraph
        self.marker: str | None = None

    @contextmanager
    def into(self, element: ET.Element) -> Iterator[ET.Element]:
        """Append to `element` meanwhile."""
        saved, self.parent = self.parent, element
        try:
            yield element
        finally:
            self.parent = saved

    def enter(self, element: ET.Element) -> None:
        self.outer.append(self.parent)
        self.parent = element

    def leave(self, node: Node) -> None:
        self.parent = self.outer.pop()

    def block(self, parent: ET.Element, tag: str,
              attributes: dict[str, str] | None = None) -> ET.Element:
        """A paragraph or heading, numbered (`data-b`) so pagination can break before it."""
        self.block_count += 1
        return ET.SubElement(parent, tag, {**(attributes or {}), "data-b": str(self.block_count)})

    def inline(self, content: Sequence[vocabulary.Inline], out: ET.Element) -> None:
        """Copy inline content into `out`: text, em, strong, marker, footnotes as spans."""
        with self.into(out):
            self.walk_all(content)

    # -- the parts of the document ------------------------------------------------------------
    def visit_document(self, node: vocabulary.Document) -> None:
        self.html.set("lang", node.lang.split("-")[0])
        self.head = ET.SubElement(self.html, "head")
        ET.SubElement(self.head, "meta", {"charset": "utf-8"})
        self.parent = ET.SubElement(self.html, "body", {"class": f"form-{node.form}"})

    def visit_info(self, node: vocabulary.Info) -> object:
        """Document properties, in <head>."""
        ET.SubElement(self.head, "title").text = node.title
        for name, value in (("author", node.author), ("description", node.subject),
                            ("generator", "briefing"), ("dcterms.created", node.date),
                            ("dcterms.modified", node.date)):
            ET.SubElement(self.head, "meta", {"name": name, "content": value})
        return SKIP_CHILDREN

    def visit_cover(self, node: vocabulary.Cover) -> object:
        layout = cover_layout(node, self.profile)
        cover = ET.SubElement(self.parent, "section", {"class": "cover"})
        block = ET.SubElement(cover, "div", {"class": "cover-issuer"})
        for line in layout.issuer:
            self.head_line(line, block, "p")
        for line in (*layout.lines, layout.foot):
            self.head_line(line, cover, "p")
        return SKIP_CHILDREN

    def visit_masthead(self, node: vocabulary.Masthead) -> object:
        """The band as the DOCX's two-row table: issuer block beside the title lines and their
        rule, then the number beside the place and date, on one baseline; the first row's
        cells fix the columns' widths."""
        band = masthead_layout(node, self.profile)
        ET.SubElement(self.parent, "div", {"class": "hairline"})  # as the DOCX's, see header_block
        grid = _layout_grid(self.parent, "masthead")
        for number, cells in enumerate(band.rows):
            row = ET.SubElement(grid, "div", {"class": "row"})
            for cell, side in zip(cells, ("issuer-col", "party-col"), strict=True):
                attributes = {"class": f"cell {side}"}
                if number == 0:
                    attributes["style"] = f"width: {cell.width_mm:.2f}mm"
                element = ET.SubElement(row, "div", attributes)
                for line in cell.lines:
                    self.head_line(line, element, "div")
        return SKIP_CHILDREN

    def head_line(self, line: Line | Rule, parent: ET.Element, tag: str) -> None:
        """A line of the masthead or the cover, in the class its role names."""
        if isinstance(line, Rule):
            ET.SubElement(parent, "div", {"class": ROLE_CLASSES[line.role],
                                          "style": f"width: {line.length_mm:.2f}mm"})
        elif line.role == "mark":
            mark = _div(parent, "mark", "", "p")
            ET.SubElement(mark, "span").text = str(line.text)
        elif line.role == "title-line":
            _div(parent, f"party party-{line.position}", str(line.text), tag)
        elif isinstance(line.text, str):
            _div(parent, line.role, line.text, tag)
        else:
            self.inline(line.text, _div(parent, line.role, "", tag))

    def visit_mark(self, node: vocabulary.Mark) -> None:
        mark = _div(self.parent, "mark", "", "p")
        ET.SubElement(mark, "span").text = node.text

    def visit_body(self, node: vocabulary.Body) -> None:
        self.enter(ET.SubElement(self.parent, "main"))

    depart_body = leave

    def visit_title_block(self, node: vocabulary.TitleBlock) -> object:
        block = ET.SubElement(self.parent, "div", {"class": "title-block"})
        _div(block, "doc-type", node.doc_type, "p")
        if node.subject is not None:
            self.inline(node.subject, _div(block, "subject", "", "p"))
        if self.profile.title_block.rule:
            ET.SubElement(block, "div", {"class": "rule"})
        return SKIP_CHILDREN

    def visit_addressees(self, node: vocabulary.Addressees) -> object:
        """One addressee on the label's line; several one per line, under the colon."""
        place = addressees_layout(node.label, self.profile)
        block = ET.SubElement(self.parent, "div", {"class": "addressees"})
        first = self.block(block, "p", {"style": f"margin-left: {place.label_left:.2f}mm"})
        first.text = node.label + (f" {node.items[0]}" if len(node.items) == 1 else "")
        for item in node.items if len(node.items) > 1 else ():
            line = self.block(block, "p", {"class": "addressee",
                                           "style": f"margin-left: {place.items_left:.2f}mm"})
            line.text = item
        return SKIP_CHILDREN

    def visit_authority_line(self, node: vocabulary.AuthorityLine) -> None:
        _div(self.parent, "authority-line", node.text, "p")

    def visit_basis(self, node: vocabulary.Basis) -> object:
        for source in node.paragraphs:
            self.inline(source.content, self.block(self.parent, "p", {"class": "basis"}))
        return SKIP_CHILDREN

    def visit_enactment(self, node: vocabulary.Enactment) -> None:
        _div(self.parent, "enactment", node.text, "p")

    def visit_closing(self, node: vocabulary.Closing) -> object:
        """As the DOCX's band: Nơi nhận left of the signature, or two signature blocks side
        by side with Nơi nhận in a row under the left one."""
        grid = _layout_grid(self.parent, "closing")
        row = ET.SubElement(grid, "div", {"class": "row"})
        left = ET.SubElement(row, "div", {"class": "cell recipients-col"})
        right = ET.SubElement(row, "div", {"class": "cell signature-col"})
        signatures = node.signatures[-2:]
        if node.arrangement == "below":
            if len(signatures) == 2:
                left.set("class", "cell signature-col")
                self.signature(left, signatures[0], named=False)
            if node.recipients is not None:
                below = ET.SubElement(grid, "div", {"class": "row"})
                left = ET.SubElement(below, "div", {"class": "cell recipients-col"})
                ET.SubElement(below, "div", {"class": "cell signature-col"})
        if signatures:
            self.signature(right, signatures[-1], named=True)
        if node.recipients is not None:
            _div(left, "label", node.recipients.label)
            for item in node.recipients.items:
                _div(left, "recipient", item)
        return SKIP_CHILDREN

    @staticmethod
    def signature(out: ET.Element, signature: vocabulary.Signature, *, named: bool) -> None:
        """A signature block; `named`: the one a digital signature goes in (its ids are the
        named destinations briefing/signing/ looks for)."""
        if signature.authority is not None:
            _div(out, "authority", signature.authority)
        if signature.title is not None:
            _div(out, "signer-title", signature.title)
        space = _div(out, "signature-space", "")
        name = _div(out, "signer-name", signature.name)
        if named:
            space.set("id", "signature.space")
            name.set("id", "signature.name")

    def visit_appendices(self, node: Node) -> None:
        """Each appendix in turn."""

    def visit_appendix(self, node: vocabulary.Appendix) -> object:
        """On a new page: label, title, subtitle, then its own numbered blocks."""
        out = ET.SubElement(self.parent, "section", {"class": "appendix", "id": node.id})
        head = ET.SubElement(out, "header", {"class": "appendix-head"})
        _div(head, "appendix-label", node.label, "p")
        self.inline(node.title, self.block(head, "h1", {"class": "appendix-title"}))
        if node.subtitle is not None:
            self.inline(node.subtitle, ET.SubElement(head, "p", {"class": "appendix-subtitle"}))
        if node.rule:  # an attached text: the title block's short rule
            ET.SubElement(head, "div", {"class": "rule"})
        with self.into(out):
            self.walk_all(node.body)
        return SKIP_CHILDREN

    # -- blocks -------------------------------------------------------------------------------
    def visit_paragraph(self, node: vocabulary.Paragraph) -> object:
        paragraph = self.block(self.parent, "p", {"class": f"f-{node.kind}"} if node.kind else None)
        if self.marker is not None:
            paragraph.text = self.marker + " "
            self.marker = None
        self.inline(node.content, paragraph)
        return SKIP_CHILDREN

    def visit_section(self, node: vocabulary.Section) -> object:
        heading = self.block(self.parent, f"h{min(node.level, 6)}", {"id": node.id})
        heading.text = node.number + " "
        self.inline(node.title, heading)
        outer, self.level = self.level, node.level
        self.walk_all(node.body)
        self.level = outer
        return SKIP_CHILDREN

    def visit_item_list(self, node: vocabulary.ItemList) -> object:
        """A list as ul/ol and li (tagged L, LI, LBody in the PDF); the computed marker stays
        run-in text of the item's first paragraph, as the layout prints it."""
        tag = "ol" if node.type == "enum" else "ul"
        with self.into(ET.SubElement(self.parent, tag, {"class": "list"})):
            self.walk_all(node.items)
        return SKIP_CHILDREN

    def visit_item(self, node: vocabulary.Item) -> object:
        """The marker opens the item's first paragraph."""
        marker: str | None = node.marker
        with self.into(ET.SubElement(self.parent, "li")):
            for child in node.body:
                if marker is not None and isinstance(child, vocabulary.Paragraph):
                    self.marker, marker = marker, None
                self.walk(child)
        return SKIP_CHILDREN

    def lead_paragraphs(self, paragraphs: list[vocabulary.Paragraph], out: ET.Element, lead: str,
                        lead_class: str, cls: str | None = None) -> None:
        """`paragraphs`; the first opens with a run-in `lead` (a number, a speaker's label)
        in a span of `lead_class`."""
        for index, source in enumerate(paragraphs):
            paragraph = self.block(out, "p", {"class": cls} if cls else None)
            if index == 0 and lead:
                span = ET.SubElement(paragraph, "span", {"class": lead_class})
                span.text = lead.rstrip() + " " if lead_class == "num" else lead
            self.inline(source.content, paragraph)

    def visit_numbered(self, node: vocabulary.Numbered) -> object:
        self.lead_paragraphs(node.paragraphs, self.parent, node.number, "num", "numbered")
        return SKIP_CHILDREN

    def visit_intertitle(self, node: vocabulary.Intertitle) -> object:
        heading = self.block(self.parent, f"h{min(self.level + 1, 6)}", {"class": "intertitle"})
        self.inline(node.content, heading)
        return SKIP_CHILDREN

    def visit_quote(self, node: vocabulary.Quote) -> object:
        quote = ET.SubElement(self.parent, "blockquote")
        for source in node.paragraphs:
            self.inline(source.content, self.block(quote, "p"))
        if node.attribution is not None:
            self.inline(node.attribution, self.block(quote, "p", {"class": "attribution"}))
        return SKIP_CHILDREN

    def visit_turn(self, node: vocabulary.Turn) -> object:
        turn = ET.SubElement(self.parent, "div", {"class": f"turn {node.role}"})
        self.lead_paragraphs(node.paragraphs, turn, node.label, "speaker")
        return SKIP_CHILDREN

    def visit_table(self, node: vocabulary.Table) -> object:
        """A data table: caption where the profile puts it, header rows repeated on every
        page (thead), rows never split, column widths and alignments as given."""
        wrapper = ET.SubElement(self.parent, "div", {"class": "table"})
        position = self.profile.captions.table.position
        if node.caption is not None and position == "above":
            self.caption(node, node.caption, wrapper, "table-caption")
        table = ET.SubElement(wrapper, "table", {"class": "data"})
        group = ET.SubElement(table, "colgroup")
        for column in node.columns:
            ET.SubElement(group, "col", {"style": f"width: {column.width:.3f}%"})
        for section, cell_tag, rows in (("thead", "th", node.header), ("tbody", "td", node.rows)):
            if section == "thead" and not rows:
                continue
            html_section = ET.SubElement(table, section)
            for row in rows:
                tr = self.block(html_section, "tr")
                for cell in row.cells:
                    self.cell(cell, ET.SubElement(tr, cell_tag, _cell_attributes(cell)))
        if node.caption is not None and position == "below":
            self.caption(node, node.caption, wrapper, "table-caption")
        if node.note is not None:
            self.inline(node.note, self.block(wrapper, "p", {"class": "f-note table-note"}))
        return SKIP_CHILDREN

    def cell(self, cell: vocabulary.Cell, out: ET.Element) -> None:
        self.in_cell = True
        for paragraph in cell.paragraphs:
            self.inline(paragraph.content, ET.SubElement(out, "p"))
        self.in_cell = False

    def caption(self, node: vocabulary.Table | vocabulary.Figure,
                caption: Sequence[vocabulary.Inline], out: ET.Element, cls: str) -> None:
        paragraph = self.block(out, "p", {"class": f"caption {cls}"})
        if node.label:
            ET.SubElement(paragraph, "span", {"class": "caption-label"}).text = node.label
        self.inline(caption, paragraph)

    def visit_figure(self, node: vocabulary.Figure) -> object:
        """The image at its width (a share of the text width or mm), caption and credit."""
        width, height = f"{node.width_mm:.3f}", f"{node.height_mm:.3f}"
        figure = self.block(self.parent, "figure", {"style": f"width: {width}mm"})
        position = self.profile.captions.figure.position
        if node.caption is not None and position == "above":
            self.caption(node, node.caption, figure, "figure-caption")
        if node.missing is not None:  # a draft's: the place of the picture, marked
            ET.SubElement(figure, "div", {"class": "draft-figure", "style": (
                f"width: {width}mm; height: {height}mm; padding-top: "
                f"{node.height_mm / 2 - 3:.3f}mm; {_DRAFT_BOX}")}).text = node.missing
        else:
            image = self.media[node.src]
            data = base64.b64encode(image.data).decode("ascii")
            alt = inline_text(node.caption, notes=True)
            ET.SubElement(figure, "img", {"src": f"data:{image.mime};base64,{data}", "alt": alt,
                                          "style": f"width: {width}mm; height: {height}mm"})
        if node.caption is not None and position == "below":
            self.caption(node, node.caption, figure, "figure-caption")
        if node.credit is not None:
            self.inline(node.credit, ET.SubElement(figure, "p", {"class": "f-credit"}))
        return SKIP_CHILDREN

    # -- inline -------------------------------------------------------------------------------
    def visit_text(self, node: vocabulary.Text) -> None:
        _append_text(self.parent, node.text)

    def visit_emphasis(self, node: vocabulary.Emphasis) -> None:
        self.enter(ET.SubElement(self.parent, "em"))

    def visit_strong(self, node: vocabulary.Strong) -> None:
        self.enter(ET.SubElement(self.parent, "strong"))

    def visit_marker(self, node: vocabulary.Marker) -> None:
        self.enter(ET.SubElement(self.parent, "span", {"class": "marker"}))

    depart_emphasis = depart_strong = depart_marker = leave

    def visit_line_break(self, node: vocabulary.LineBreak) -> None:
        ET.SubElement(self.parent, "br")

    def visit_footnote(self, node: vocabulary.Footnote) -> object:
        """A floated span (the note) where the call stands; a span per paragraph."""
        note = ET.SubElement(self.parent, "span", {"class": "fn", "data-n": str(node.number)})
        self.in_note = True
        for paragraph in node.paragraphs:
            self.inline(paragraph.content, ET.SubElement(note, "span", {"class": "fnp"}))
        self.in_note = False
        return SKIP_CHILDREN


def _cell_attributes(cell: vocabulary.Cell) -> dict[str, str]:
    attributes = {"style": f"text-align: {cell.align}"}
    for name, span in (("colspan", cell.colspan), ("rowspan", cell.rowspan)):
        if span != 1:
            attributes[name] = str(span)
    return attributes


def _layout_grid(parent: ET.Element, cls: str) -> ET.Element:
    """Columns side by side drawn as a table but written as divs: a layout grid is no data
    table, and a tagged PDF must not present it as one (PDF/UA)."""
    return ET.SubElement(parent, "div", {"class": f"{cls} grid"})


def _append_text(element: ET.Element, text: str) -> None:
    """`text` after everything `element` holds so far."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def to_html(tree: vocabulary.Document, profile: Profile, media: MediaStore | None = None) -> str:
    writer = HtmlWriter(profile, media)
    writer.walk(tree)
    return "<!DOCTYPE html>\n" + ET.tostring(writer.html, encoding="unicode", method="html")
