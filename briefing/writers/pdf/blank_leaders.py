"""Fill-in blanks in the PDF's HTML: `{blank}` and `{blank:40}` the same run of leader dots as
the DOCX prints (`briefing.layout.blank_widths`), `{fill}` a CSS leader (`leader()`) filling the
rest of the line, as the DOCX's dot-leader tab does (a fill that shares its line with others
has a width, `briefing.tree.shared_fills`, and prints as a blank of it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from briefing.layout.blank_widths import blank_dots
from briefing.profile.model import Profile
from briefing.tree import vocabulary
from briefing.tree.visitor import Visitor


class BlankHtml(Visitor, partial=True):
    """The HTML writer's visit of a fill-in blank (mixed into `HtmlWriter`)."""

    profile: Profile
    parent: ET.Element
    #: True while a footnote's text, a table cell's, is written (their blanks take its size)
    in_note: bool = False
    in_cell: bool = False

    def visit_blank(self, node: vocabulary.Blank) -> None:
        if node.fill and node.width is None:
            ET.SubElement(self.parent, "span", {"class": "fill"})
            return
        profile = self.profile
        size = (profile.footnote.size if self.in_note else profile.table.size if self.in_cell
                else profile.body.size)
        span = ET.SubElement(self.parent, "span", {"class": "blank"})
        span.text = blank_dots(node.width, size, profile)
