"""How wide a line of text is, for rules and boxes sized to the words they go with.

The party-name rule must be as long as the name and a boxed mark only as wide as the mark.
Word has no "border as wide as the text" setting, so the writer measures the text with the
profile's vendored PDF font, which is metric-compatible with the DOCX font (Liberation Serif
has Times New Roman's advance widths), and sizes the paragraph from that.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.profile.model import Profile, TextStyle

MM_PER_PT = 25.4 / 72


@lru_cache(maxsize=8)
def _metrics(path: Path) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    from fontTools.ttLib import TTFont  # imported when a line is measured, not by every build

    font = TTFont(str(path), lazy=True)
    return font.getBestCmap(), dict(font["hmtx"].metrics), font["head"].unitsPerEm


def face(bold: bool, italic: bool) -> str:
    """The profile's name for a font file: regular, bold, italic or bold_italic."""
    if bold and italic:
        return "bold_italic"
    return "bold" if bold else "italic" if italic else "regular"


def text_width_pt(text: str, profile: Profile, size: float, *, bold: bool = False,
                  italic: bool = False) -> float:
    """Advance width of `text` set in the profile font at `size` pt, without kerning
    (Word does not kern unless asked)."""
    cmap, advances, units_per_em = _metrics(profile.font.path(face(bold, italic)))
    missing = advances[".notdef"][0]
    total = sum(advances[cmap[ord(ch)]][0] if ord(ch) in cmap else missing for ch in text)
    return total * size / units_per_em


def line_width_mm(text: str, style: TextStyle, profile: Profile) -> float:
    """Width of `text` set in a profile `TextStyle` (upper-cased when the style has caps)."""
    shown = text.upper() if style.caps else text
    width = text_width_pt(shown, profile, style.size, bold=style.bold, italic=style.italic)
    return width * MM_PER_PT


def safe_width_mm(text: str, style: TextStyle, profile: Profile) -> float:
    """Room a line needs so no application wraps it: its width plus half an em, which absorbs
    the rounding of glyph advances to device units."""
    return line_width_mm(text, style, profile) + style.size / 2 * MM_PER_PT
