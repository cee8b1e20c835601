"""The rules and boxes both writers draw, and the room they take: one source for each number.

Word draws a rule as a paragraph border and a box as four of them; the PDF draws CSS borders.
For the two to take the same room on the page, the weight of a line, the height of the empty
paragraph that carries a rule, the space Word keeps inside a box and the room of the footnote
separator are defined here once; the DOCX styles and the PDF stylesheet read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from briefing.layout.measure import MM_PER_PT

if TYPE_CHECKING:
    from briefing.profile.model import Profile

#: every rule and box line: Word's own default paragraph border (what the Borders button gives)
RULE_WEIGHT_PT = 0.5
#: an empty paragraph that only carries a rule is this high: the least Word lays out reliably,
#: so the rule sits right under the text it belongs to
HAIRLINE_PT = 1
#: Word's spacing between a "Box" border and its text: above and below, at the sides
BOX_SPACE_PT = (1, 4)


class Separator(NamedTuple):
    """The room of the rule above the footnotes: space above (mm), the rule (pt) and the space
    below it (pt), as the DOCX's separator line and the PDF's footnote area take it."""

    above_mm: float
    weight_pt: float
    below_pt: float

    @property
    def rule_and_below_pt(self) -> float:
        return self.weight_pt + self.below_pt

    @property
    def height_pt(self) -> float:
        """The whole room: Word's separator paragraph is exactly this high."""
        return self.above_mm / MM_PER_PT + self.rule_and_below_pt


def footnote_separator(profile: Profile) -> Separator:
    note = profile.footnote
    return Separator(note.separator_above, note.separator_weight,
                     note.separator_below / MM_PER_PT)
