"""Fill-in blanks in the PDF's HTML: `{blank}` and `{blank:40}` the same run of leader dots as
the DOCX prints (`briefing.layout.blank_widths`), `{fill}` a CSS leader (`leader()`) filling the
rest of the line, as the DOCX's dot-leader tab does (a fill that shares its line with others
has a width, `briefing.tree.shared_fills`, and prints as a blank of it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

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
    #: the writer's own visit of running text
    visit_text: Callable[[vocabulary.Text], None]

    def visit_blank(self, node: vocabulary.Blank) -> None:
        if node.fill and node.width is None:
            ET.SubElement(self.parent, "span", {"class": "fill"})
            return
        profile = self.profile
        size = (profile.footnote.size if self.in_note else profile.table.size if self.in_cell
                else profile.body.size)
        # the dots are a word of the line, not a box of their own: WeasyPrint 70, meeting an
        # inline box that does not fit, broke the line at the first space of the text before
        # it ("Số" alone on a line)
        self.visit_text(vocabulary.Text(text=blank_dots(node.width, size, profile)))
