"""Semantic tree -> HTML for WeasyPrint. Structure only: every look is in the stylesheet."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

from briefing.content.media import MediaStore
from briefing.layout.masthead import issuer_rule_mm, masthead_columns, title_lines, title_rule_mm
from briefing.profile.model import Profile
from briefing.tree.plain_text import node_text


def _div(parent: ET.Element, cls: str, text: str, tag: str = "div") -> ET.Element:
    element = ET.SubElement(parent, tag, {"class": cls})
    element.text = text
    return element


class HtmlBuilder:
    """Walks the tree once, appending HTML elements; one method per tree element."""

    def __init__(self, tree: ET.Element, profile: Profile, media: MediaStore | None = None):
        self.tree = tree
        self.profile = profile
        self.media = media or MediaStore()
        self.block_count = 0
        #: the level of the section being written (an intertitle takes the next one)
        self.level = 0

    def block(self, parent: ET.Element, tag: str, attributes: dict[str, str] | None = None):
        """A paragraph or heading, numbered (`data-b`) so pagination can break before it."""
        self.block_count += 1
        return ET.SubElement(parent, tag, {**(attributes or {}), "data-b": str(self.block_count)})

    def build(self) -> ET.Element:
        tree = self.tree
        html = ET.Element("html", {"lang": tree.get("lang", "vi-VN").split("-")[0]})
        head = ET.SubElement(html, "head")
        ET.SubElement(head, "meta", {"charset": "utf-8"})
        info = tree.find("info")
        ET.SubElement(head, "title").text = node_text(tree.find("info/title"))
        if info is not None:
            date = node_text(info.find("date"))
            for name, value in (("author", node_text(info.find("author"))),
                                ("description", node_text(info.find("subject"))),
                                ("generator", "briefing"),
                                ("dcterms.created", date), ("dcterms.modified", date)):
                ET.SubElement(head, "meta", {"name": name, "content": value})
        body = ET.SubElement(html, "body", {"class": f"form-{tree.get('form')}"})
        for child in tree:
            handler = getattr(self, "top_" + child.tag.replace("-", "_"), None)
            if handler is None:
                raise ValueError(f"the PDF writer does not know the tree element <{child.tag}>")
            handler(child, body)
        return html

    # -- top level ---------------------------------------------------------------------------
    def top_info(self, node: ET.Element, body: ET.Element) -> None:
        """Document properties are written into <head> by `build`."""

    def issuer(self, node: ET.Element, parent: ET.Element, column_mm: float) -> None:
        """The issuer block without its number (which has a row of its own)."""
        if node.find("superior") is not None:
            _div(parent, "superior", node_text(node.find("superior")))
        _div(parent, "issuer", node_text(node.find("name")))
        if node.find("star") is not None:
            _div(parent, "star", node_text(node.find("star")))
        if node.find("rule") is not None:
            self.issuer_rule(node, parent, column_mm)

    def issuer_rule(self, node: ET.Element, parent: ET.Element, column_mm: float) -> None:
        """The short rule under the issuer name (ND 30), as long as the DOCX's."""
        length = issuer_rule_mm(node, self.profile, column_mm)
        ET.SubElement(parent, "div", {"class": "issuer-rule", "style": f"width: {length:.2f}mm"})

    def top_cover(self, node: ET.Element, body: ET.Element) -> None:
        cover = ET.SubElement(body, "section", {"class": "cover"})
        issuer = node.find("issuer")
        if issuer is not None:
            block = ET.SubElement(cover, "div", {"class": "cover-issuer"})
            for child in issuer:
                if child.tag == "rule":
                    self.issuer_rule(issuer, block, self.profile.text_width_mm)
                    continue
                cls = {"name": "issuer", "superior": "superior"}.get(child.tag, child.tag)
                _div(block, cls, node_text(child), "p")
        for child in node:
            if child.tag == "issuer":
                continue
            if child.tag == "mark":
                mark = _div(cover, "mark", "", "p")
                ET.SubElement(mark, "span").text = node_text(child)
            elif child.tag == "subject":
                self.inline(child, _div(cover, "subject", "", "p"))
            else:
                _div(cover, child.tag, node_text(child), "p")

    def top_masthead(self, node: ET.Element, body: ET.Element) -> None:
        """The header band as the DOCX's two-row table: issuer block beside the title lines
        and their rule, then the number beside the place and date, on one baseline."""
        left_mm, right_mm = masthead_columns(node, self.profile)  # the DOCX's split too
        issuer = node.find("issuer")
        party = node.find("party")
        ET.SubElement(body, "div", {"class": "hairline"})  # as the DOCX's, see header_block
        grid = _layout_grid(body, "masthead")
        row = ET.SubElement(grid, "div", {"class": "row"})
        left = ET.SubElement(row, "div", {"class": "cell issuer-col",
                                          "style": f"width: {left_mm:.2f}mm"})
        self.issuer(issuer, left, left_mm)
        right = ET.SubElement(row, "div", {"class": "cell party-col",
                                          "style": f"width: {right_mm:.2f}mm"})
        lines = title_lines(party, self.profile)
        for index, (name, _) in enumerate(lines, start=1):
            _div(right, f"party party-{index}", node_text(name))
        length = title_rule_mm(party, self.profile, right_mm)
        if length is not None:
            ET.SubElement(right, "div", {"class": "party-rule",
                                         "style": f"width: {length:.2f}mm"})
        row = ET.SubElement(grid, "div", {"class": "row"})
        number = ET.SubElement(row, "div", {"class": "cell issuer-col"})
        if issuer.find("number") is not None:
            _div(number, "number", node_text(issuer.find("number")))
        date = ET.SubElement(row, "div", {"class": "cell party-col"})
        _div(date, "place-date", node_text(party.find("place-date")))

    def top_mark(self, node: ET.Element, body: ET.Element) -> None:
        mark = _div(body, "mark", "", "p")
        ET.SubElement(mark, "span").text = node_text(node)

    def top_body(self, node: ET.Element, body: ET.Element) -> None:
        main = ET.SubElement(body, "main")
        self.blocks(node, main)

    def top_appendices(self, node: ET.Element, body: ET.Element) -> None:
        """Each appendix on a new page: label, title, subtitle, then its own numbered body."""
        for appendix in node.findall("appendix"):
            out = ET.SubElement(body, "section", {"class": "appendix",
                                                  "id": appendix.get("id", "")})
            head = ET.SubElement(out, "header", {"class": "appendix-head"})
            _div(head, "appendix-label", appendix.get("label", ""), "p")
            title = self.block(head, "h1", {"class": "appendix-title"})
            self.inline(appendix.find("title"), title)
            subtitle = appendix.find("subtitle")
            if subtitle is not None:
                self.inline(subtitle, ET.SubElement(head, "p", {"class": "appendix-subtitle"}))
            body_items = ET.Element("div")
            body_items.extend(c for c in appendix if c.tag not in ("title", "subtitle"))
            self.blocks(body_items, out)

    def top_closing(self, node: ET.Element, body: ET.Element) -> None:
        row = _layout_row(body, "closing")
        left = ET.SubElement(row, "div", {"class": "cell recipients-col"})
        right = ET.SubElement(row, "div", {"class": "cell signature-col"})
        recipients = node.find("recipients")
        if recipients is not None:
            _div(left, "label", node_text(recipients.find("label")))
            for item in recipients.findall("item"):
                _div(left, "recipient", node_text(item))
        signature = node.find("signature")
        if signature is not None:
            if signature.find("authority") is not None:
                _div(right, "authority", node_text(signature.find("authority")))
            if signature.find("title") is not None:
                _div(right, "signer-title", node_text(signature.find("title")))
            # ids: named destinations where a digital signature goes (briefing/signing/)
            _div(right, "signature-space", "").set("id", "signature.space")
            _div(right, "signer-name", node_text(signature.find("name"))).set("id",
                                                                             "signature.name")

    # -- body --------------------------------------------------------------------------------
    def blocks(self, node: ET.Element, out: ET.Element, marker: str | None = None) -> None:
        for child in node:
            if child.tag == "p":
                kind = child.get("kind")
                paragraph = self.block(out, "p", {"class": f"f-{kind}"} if kind else None)
                if marker is not None:
                    paragraph.text = marker + " "
                    marker = None
                self.inline(child, paragraph)
            elif child.tag == "section":
                self.section(child, out)
            elif child.tag == "list":
                self.listing(child, out)
            elif child.tag == "title-block":
                self.title_block(child, out)
            else:
                handler = getattr(self, "body_" + child.tag, None)
                if handler is None:
                    raise ValueError(f"the PDF writer does not know the body element "
                                     f"<{child.tag}>")
                handler(child, out)

    def lead_paragraphs(self, node: ET.Element, out: ET.Element, lead: str, lead_class: str,
                        cls: str | None = None) -> None:
        """The <p> children of `node`; the first opens with a run-in `lead` (a number, a
        speaker's label) in a span of `lead_class`."""
        for index, child in enumerate(node.findall("p")):
            paragraph = self.block(out, "p", {"class": cls} if cls else None)
            if index == 0 and lead:
                span = ET.SubElement(paragraph, "span", {"class": lead_class})
                span.text = lead.rstrip() + " " if lead_class == "num" else lead
            self.inline(child, paragraph)

    def body_numbered(self, node: ET.Element, out: ET.Element) -> None:
        self.lead_paragraphs(node, out, node.get("number", ""), "num", "numbered")

    def body_intertitle(self, node: ET.Element, out: ET.Element) -> None:
        heading = self.block(out, f"h{min(self.level + 1, 6)}", {"class": "intertitle"})
        self.inline(node, heading)

    def body_quote(self, node: ET.Element, out: ET.Element) -> None:
        quote = ET.SubElement(out, "blockquote")
        for child in node.findall("p"):
            self.inline(child, self.block(quote, "p"))
        attribution = node.find("attribution")
        if attribution is not None:
            self.inline(attribution, self.block(quote, "p", {"class": "attribution"}))

    def body_turn(self, node: ET.Element, out: ET.Element) -> None:
        role = node.get("role", "answer")
        turn = ET.SubElement(out, "div", {"class": f"turn {role}"})
        self.lead_paragraphs(node, turn, node.get("label", ""), "speaker")

    def body_table(self, node: ET.Element, out: ET.Element) -> None:
        """A data table: caption where the profile puts it, header rows repeated on every
        page (thead), rows never split, column widths and alignments as given."""
        wrapper = ET.SubElement(out, "div", {"class": "table"})
        caption = node.find("caption")
        position = self.profile.captions.table.position
        if caption is not None and position == "above":
            self.caption(node, caption, wrapper, "table-caption")
        table = ET.SubElement(wrapper, "table", {"class": "data"})
        group = ET.SubElement(table, "colgroup")
        for col in node.findall("cols/col"):
            ET.SubElement(group, "col", {"style": f"width: {float(col.get('width', 0)):.3f}%"})
        for section, cell_tag in (("thead", "th"), ("tbody", "td")):
            rows = node.find(section)
            if rows is None:
                continue
            html_section = ET.SubElement(table, section)
            for row in rows.findall("row"):
                tr = self.block(html_section, "tr")
                for cell in row.findall("cell"):
                    attributes = {"style": f"text-align: {cell.get('align', 'left')}"}
                    for span in ("colspan", "rowspan"):
                        if cell.get(span, "1") != "1":
                            attributes[span] = cell.get(span, "1")
                    td = ET.SubElement(tr, cell_tag, attributes)
                    for paragraph in cell.findall("p"):
                        self.inline(paragraph, ET.SubElement(td, "p"))
        if caption is not None and position == "below":
            self.caption(node, caption, wrapper, "table-caption")
        note = node.find("note")
        if note is not None:
            self.inline(note, self.block(wrapper, "p", {"class": "f-note table-note"}))

    def caption(self, node: ET.Element, caption: ET.Element, out: ET.Element, cls: str) -> None:
        paragraph = self.block(out, "p", {"class": f"caption {cls}"})
        label = node.get("label", "")
        if label:
            ET.SubElement(paragraph, "span", {"class": "caption-label"}).text = label
        self.inline(caption, paragraph)

    def body_figure(self, node: ET.Element, out: ET.Element) -> None:
        """The image at its width (a share of the text width or mm), caption and credit."""
        image = self.media[node.get("src", "")]
        width, height = node.get("width-mm", "0"), node.get("height-mm", "0")
        figure = self.block(out, "figure", {"style": f"width: {width}mm"})
        caption = node.find("caption")
        position = self.profile.captions.figure.position
        if caption is not None and position == "above":
            self.caption(node, caption, figure, "figure-caption")
        data = base64.b64encode(image.data).decode("ascii")
        alt = "".join(caption.itertext()) if caption is not None else ""
        ET.SubElement(figure, "img", {"src": f"data:{image.mime};base64,{data}", "alt": alt,
                                      "style": f"width: {width}mm; height: {height}mm"})
        if caption is not None and position == "below":
            self.caption(node, caption, figure, "figure-caption")
        credit = node.find("credit")
        if credit is not None:
            self.inline(credit, ET.SubElement(figure, "p", {"class": "f-credit"}))

    def listing(self, node: ET.Element, out: ET.Element) -> None:
        """A list as ul/ol and li (tagged L, LI, LBody in the PDF); the computed marker stays
        run-in text of the item's first paragraph, as the layout prints it."""
        tag = "ol" if node.get("type") == "enum" else "ul"
        listing = ET.SubElement(out, tag, {"class": "list"})
        for item in node.findall("item"):
            entry = ET.SubElement(listing, "li")
            self.blocks(item, entry, item.get("marker", ""))

    def title_block(self, node: ET.Element, out: ET.Element) -> None:
        block = ET.SubElement(out, "div", {"class": "title-block"})
        _div(block, "doc-type", node_text(node.find("doc-type")), "p")
        if node.find("subject") is not None:
            self.inline(node.find("subject"), _div(block, "subject", "", "p"))
        if self.profile.title_block.rule:
            ET.SubElement(block, "div", {"class": "rule"})

    def section(self, node: ET.Element, out: ET.Element) -> None:
        level = int(node.get("level", "1"))
        heading = self.block(out, f"h{min(level, 6)}", {"id": node.get("id", "")})
        head = node.find("heading")
        heading.text = node_text(head.find("number")) + " "
        self.inline(head.find("title"), heading)
        body = ET.Element("div")
        for child in node:
            if child.tag != "heading":
                body.append(child)
        outer, self.level = self.level, level
        self.blocks(body, out)
        self.level = outer

    def inline(self, node: ET.Element, out: ET.Element) -> None:
        """Copy inline content: text, em, strong, marker, and footnotes as floated spans."""
        _append_text(out, node.text)
        for child in node:
            if child.tag in ("em", "strong"):
                element = ET.SubElement(out, child.tag)
                self.inline(child, element)
            elif child.tag == "marker":
                element = ET.SubElement(out, "span", {"class": "marker"})
                self.inline(child, element)
            elif child.tag == "br":  # a computed line break (balanced display lines)
                ET.SubElement(out, "br")
            elif child.tag == "fn":
                note = ET.SubElement(out, "span", {"class": "fn", "data-n": child.get("n", "")})
                for paragraph in child.findall("p"):
                    part = ET.SubElement(note, "span", {"class": "fnp"})
                    self.inline(paragraph, part)
            else:
                raise ValueError(f"the PDF writer does not know the inline element <{child.tag}>")
            _append_tail(out, child.tail)


def _layout_grid(parent: ET.Element, cls: str) -> ET.Element:
    """Columns side by side drawn as a table but written as divs: a layout grid is no data
    table, and a tagged PDF must not present it as one (PDF/UA)."""
    return ET.SubElement(parent, "div", {"class": f"{cls} grid"})


def _layout_row(parent: ET.Element, cls: str) -> ET.Element:
    """A one-row layout grid (see `_layout_grid`); returns the row."""
    return ET.SubElement(_layout_grid(parent, cls), "div", {"class": "row"})


def _append_text(element: ET.Element, text: str | None) -> None:
    if not text:
        return
    if len(element):
        _append_tail(element, text)
    else:
        element.text = (element.text or "") + text


def _append_tail(element: ET.Element, text: str | None) -> None:
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def to_html(tree: ET.Element, profile: Profile, media: MediaStore | None = None) -> str:
    html = HtmlBuilder(tree, profile, media).build()
    return "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html")
