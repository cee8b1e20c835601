"""Where "Kính gửi:" and its addressees stand, for both writers (ND 30 PL I §II.9.d).

One addressee stands on the label's line; several go one per line, "each dash under the
label's colon" (PL I §II.9.d: "các gạch đầu dòng được trình bày thẳng hàng với nhau dưới dấu
hai chấm"). The label stands the profile's `addressees_indent` in from the left margin (PL III
Mẫu 1.5: 35 mm); the colon's place is measured with the profile font.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.layout.measure import line_width_mm
from briefing.profile.model import Profile


class AddresseesLayout(NamedTuple):
    #: mm from the left margin to the label (and to a single addressee's line)
    label_left: float
    #: mm from the left margin to each of several addressees: under the label's colon
    items_left: float


def addressees_layout(label: str, profile: Profile) -> AddresseesLayout:
    lines = profile.type_lines
    left = min(lines.addressees_indent, profile.text_width_mm / 2)
    colon = line_width_mm(label.rstrip().rstrip(":"), lines.addressees, profile)
    return AddresseesLayout(left, min(left + colon, profile.text_width_mm / 2))
