"""Fill-in blanks in the DOCX: `{blank}` and `{blank:40}` a run of leader dots of that width,
`{fill}` a tab to a right tab stop at the text's edge with a dot leader, as clerks' forms do
("Chức vụ: ⇥" with a dot-leader stop at 8789 tw in ND 30's own samples); a fill that shares
its line with others has its share's width (`briefing.tree.shared_fills`) and prints as a blank
of that width.

A paragraph's edge is known once the document is built (a table cell's width, the text width
elsewhere): the writer notes each paragraph holding a `{fill}` and `fill_stops` sets their stops
at the end.
"""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Twips

from briefing.layout.blank_widths import blank_dots
from briefing.profile.model import Profile
from briefing.tree import vocabulary
from briefing.tree.visitor import Visitor
from briefing.writers.docx.inline import RunEmphasis, text_run
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element

#: the tab leader Word draws for the profile's leader character (dots for any other)
_LEADERS = {".": WD_TAB_LEADER.DOTS, "…": WD_TAB_LEADER.DOTS, "-": WD_TAB_LEADER.DASHES,
            "_": WD_TAB_LEADER.LINES, "·": WD_TAB_LEADER.MIDDLE_DOT}


class BlankVisits(Visitor, partial=True):
    """The DOCX writer's visit of a fill-in blank (mixed into `DocxWriter`)."""

    profile: Profile
    target: Element | None
    look: RunEmphasis
    in_note: bool
    #: the paragraphs holding a `{fill}`, for `fill_stops`
    fills: list[Element]
    #: True while a table's cells are filled
    in_cell: bool = False

    def visit_blank(self, node: vocabulary.Blank) -> None:
        assert self.target is not None
        if node.fill and node.width is None:
            self.target.append(text_run("\t", self.look))
            if not any(p is self.target for p in self.fills):
                self.fills.append(self.target)
            return
        profile = self.profile
        size = (profile.footnote.size if self.in_note else profile.table.size if self.in_cell
                else profile.body.size)
        self.target.append(text_run(blank_dots(node.width, size, profile), self.look))


def fill_stops(paragraphs: list[Element], profile: Profile, styles: Element) -> None:
    """A right tab stop with the profile's leader at the edge of each of `paragraphs`: the
    cell's text edge in a table, elsewhere the text width less the paragraph's right indent
    (a quote's); Word measures tab stops from the margin, not from the indent."""
    leader = _LEADERS.get(profile.blanks.leader, WD_TAB_LEADER.DOTS)
    text_width = mm_to_twips(profile.text_width_mm)
    padding = 2 * mm_to_twips(profile.table.padding[1])
    for p in paragraphs:
        cell = next(p.iterancestors(qn("w:tc")), None)
        if cell is not None:
            width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            edge = int(width.get(qn("w:w"))) - padding
        else:
            edge = text_width - _right_indent(p, styles)
        tabs = p.get_or_add_pPr().get_or_add_tabs()
        tabs.insert_tab_in_order(Twips(edge), WD_TAB_ALIGNMENT.RIGHT, leader)


def _right_indent(p: Element, styles: Element) -> int:
    """The right indent of paragraph `p` in twips: its own, else its style's."""
    ppr = p.pPr
    style = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    candidates = [ppr] if ppr is not None else []
    candidates += [s.find(qn("w:pPr")) for s in styles.iterchildren(qn("w:style"))
                   if s.get(qn("w:styleId")) == style]
    for properties in candidates:
        indent = properties.find(qn("w:ind")) if properties is not None else None
        if indent is not None and indent.get(qn("w:right")) is not None:
            return int(indent.get(qn("w:right")))
    return 0
