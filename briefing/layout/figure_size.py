"""A figure's printed size, computed once for both writers.

The content asks for a width — a share of the text width ("80%") or a length ("120mm") — and
the image gives its proportions; the profile caps the height so a caption still fits on the
page. Both writers receive the same two numbers in mm, so a figure takes the same room in the
DOCX and in the PDF.
"""

from __future__ import annotations

from briefing.content.schema import FIGURE_WIDTH
from briefing.profile.model import Profile


def figure_size_mm(width: str | None, aspect: float, profile: Profile) -> tuple[float, float]:
    """(width, height) in mm of a figure asked `width` wide whose height/width is `aspect`."""
    text_width = profile.text_width_mm
    wide = text_width
    if width:
        match = FIGURE_WIDTH.match(width.strip())
        if match is not None:
            amount = float(match.group(1))
            wide = text_width * amount / 100 if match.group(2) == "%" else amount
    wide = min(wide, text_width)
    page = profile.page
    highest = (page.size[1] - page.margins["top"] - page.margins["bottom"]) \
        * profile.media.max_height
    high = wide * aspect
    if high > highest:
        high, wide = highest, highest / aspect
    return round(wide, 3), round(high, 3)
