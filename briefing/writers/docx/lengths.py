"""Profile units (mm, pt) to the integer units OOXML stores.

The profile speaks millimetres and points; WordprocessingML wants twentieths of a point
(twips) for lengths, half-points for type sizes and eighths of a point for border widths.
Converting in one place keeps rounding identical everywhere (A4 = 11906 x 16838 twips).
"""

from __future__ import annotations

MM_PER_INCH = 25.4
TWIPS_PER_INCH = 1440
TWIPS_PER_PT = 20


def mm_to_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_INCH / MM_PER_INCH)


def pt_to_twips(pt: float) -> int:
    return round(pt * TWIPS_PER_PT)


def half_points(pt: float) -> int:
    """w:sz and w:szCs count half-points."""
    return round(pt * 2)


#: profile alignment words -> w:jc values (OOXML calls justified text "both")
JUSTIFICATION = {"left": "left", "center": "center", "centre": "center", "right": "right",
                 "justify": "both", "both": "both"}


def justification(align: str) -> str:
    try:
        return JUSTIFICATION[align]
    except KeyError:
        raise ValueError(f"unknown alignment '{align}' in the layout profile "
                         f"(expected one of {', '.join(sorted(JUSTIFICATION))})") from None
