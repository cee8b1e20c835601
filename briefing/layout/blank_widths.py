"""Fill-in blanks as both writers print them: how many leader characters a blank of a given
width holds, measured with the profile's font (metric-compatible with the DOCX font), so the
DOCX and the PDF print the same dots."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from briefing.layout.measure import MM_PER_PT, text_width_pt

if TYPE_CHECKING:
    from briefing.profile.model import Profile

def blank_width_mm(width: float | None, profile: Profile) -> float:
    """The width of a blank: as written ({blank:40}), else the profile's."""
    return profile.blanks.width if width is None else width


def blank_dots(width: float | None, size: float, profile: Profile) -> str:
    """The leader characters of a blank `width` mm wide (None: the profile's width) set at
    `size` pt: as many as fit, at least one."""
    leader = profile.blanks.leader
    one_mm = text_width_pt(leader, profile, size) * MM_PER_PT
    return leader * max(1, math.floor(blank_width_mm(width, profile) / one_mm))
