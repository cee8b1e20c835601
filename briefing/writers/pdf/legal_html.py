"""Legal structure in the PDF's HTML (ND 30/2020 PL I §II.6.đ); the looks are the stylesheet's
(templates/pdf/legal.css.j2, from the profile's `legal` looks, the values the DOCX styles read).

A heading of rank Phần, Chương, Mục or Tiểu mục is one HTML heading (h1–h4: tagged H1–H4 in
the PDF) holding its label and its title as two lines; "Điều 5. Title" is one paragraph, label
and title in spans; a khoản's "1." a span opening its first paragraph. Points are lists.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.tree import vocabulary
from briefing.tree.visitor import Visitor
from briefing.tree.vocabulary import LEGAL_RANKS


class LegalHtml(Visitor, partial=True):
    """The HTML writer's visits of legal items (mixed into `HtmlWriter`)."""

    parent: ET.Element

    if TYPE_CHECKING:  # provided by HtmlWriter
        def block(self, parent: ET.Element, tag: str,
                  attributes: dict[str, str] | None = None) -> ET.Element: ...
        def inline(self, content: Sequence[vocabulary.Inline], out: ET.Element) -> None: ...

    def visit_legal_heading(self, node: vocabulary.LegalHeading) -> None:
        """The heading's two lines; the blocks under it follow."""
        attributes = {"class": f"legal {node.rank}"}
        if node.id:
            attributes["id"] = node.id
        heading = self.block(self.parent, f"h{LEGAL_RANKS.index(node.rank) + 1}", attributes)
        ET.SubElement(heading, "span", {"class": "legal-label"}).text = node.label
        self.inline(node.title, ET.SubElement(heading, "span", {"class": "legal-title"}))

    def visit_article(self, node: vocabulary.Article) -> None:
        """"Điều 5. Title", or "Điều 1. " run in before its first paragraph; its other
        paragraphs and blocks follow."""
        titled = node.title is not None
        attributes = {"class": "article titled" if titled else "article"}
        if node.id:
            attributes["id"] = node.id
        p = self.block(self.parent, "p", attributes)
        label = ET.SubElement(p, "span", {"class": "article-label"})
        label.text = node.label
        label.tail = " "
        if node.title is not None:
            self.inline(node.title, ET.SubElement(p, "span", {"class": "article-title"}))
        elif node.text:
            self.inline(node.text[0].content, p)
        for source in node.text[1:]:
            self.inline(source.content, self.block(self.parent, "p"))

    def visit_clause(self, node: vocabulary.Clause) -> None:
        """"1. " run in; a titled clause's "1. Title" on a line of its own."""
        for index, source in enumerate(node.text):
            attributes = {"class": "clause-title"} if node.titled else {}
            if index == 0 and node.id:
                attributes["id"] = node.id
            p = self.block(self.parent, "p", attributes)
            if index == 0:
                label = ET.SubElement(p, "span", {"class": "clause-label"})
                label.text = node.label
                label.tail = " "
            self.inline(source.content, p)
