"""Paragraph and run properties (w:pPr, w:rPr) from plain descriptions.

Styles and the few direct properties the writer needs are described as `ParagraphLook` and
`RunLook` values in profile units; `paragraph_properties` and `run_properties` turn them into
XML with the children in the order the schema prescribes, which Word insists on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.shared import Twips

from briefing.layout.borders import RULE_WEIGHT_PT
from briefing.writers.docx.lengths import half_points, justification, mm_to_twips, pt_to_twips
from briefing.writers.docx.ooxml import Element, val, w

#: every rule and box the layout draws, in eighths of a point (`briefing.layout.borders`)
BORDER_EIGHTHS = round(RULE_WEIGHT_PT * 8)


@dataclass(frozen=True)
class Border:
    """One paragraph border edge; `space` is the gap to the text in points."""

    space: float = 0

    def element(self, edge: str) -> Element:
        return w(f"w:{edge}", val="single", sz=BORDER_EIGHTHS, space=round(self.space),
                 color="auto")


@dataclass(frozen=True)
class RunLook:
    """Character formatting; `None` means "inherit"."""

    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    caps: bool | None = None
    superscript: bool = False
    lang: str | None = None
    style: str | None = None


@dataclass(frozen=True)
class ParagraphLook:
    """Paragraph formatting in profile units (mm, pt); `None` means "inherit"."""

    style: str | None = None
    align: str | None = None
    first_line: float | None = None
    left: float | None = None
    right: float | None = None
    space_before: float | None = None
    space_after: float | None = None
    #: exact line height in pt; `single` asks for single spacing instead
    line_exact: float | None = None
    single: bool = False
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    widow_control: bool | None = None
    outline_level: int | None = None
    borders: dict[str, Border] = field(default_factory=dict)


def run_properties(look: RunLook) -> Element:
    rpr = w("w:rPr")
    if look.style:
        rpr.append(val("w:rStyle", look.style))
    if look.font:
        rpr.append(w("w:rFonts", ascii=look.font, hAnsi=look.font, eastAsia=look.font,
                     cs=look.font))
    if look.bold is not None:
        rpr.append(_toggle("w:b", look.bold))
        rpr.append(_toggle("w:bCs", look.bold))
    if look.italic is not None:
        rpr.append(_toggle("w:i", look.italic))
        rpr.append(_toggle("w:iCs", look.italic))
    if look.caps is not None:
        rpr.append(_toggle("w:caps", look.caps))
    if look.size is not None:
        rpr.append(val("w:sz", half_points(look.size)))
        rpr.append(val("w:szCs", half_points(look.size)))
    if look.underline is not None:
        rpr.append(val("w:u", "single" if look.underline else "none"))
    if look.superscript:
        rpr.append(val("w:vertAlign", "superscript"))
    if look.lang:
        rpr.append(w("w:lang", val=look.lang, eastAsia=look.lang))
    return rpr


def _toggle(tag: str, on: bool) -> Element:
    return w(tag) if on else val(tag, 0)


def paragraph_properties(look: ParagraphLook) -> Element:
    ppr = w("w:pPr")
    if look.style:
        ppr.append(val("w:pStyle", look.style))
    if look.keep_next:
        ppr.append(w("w:keepNext"))
    if look.keep_lines:
        ppr.append(w("w:keepLines"))
    if look.page_break_before:
        ppr.append(w("w:pageBreakBefore"))
    if look.widow_control is not None:
        ppr.append(_toggle("w:widowControl", look.widow_control))
    if look.borders:
        bdr = w("w:pBdr")
        for edge in ("top", "left", "bottom", "right"):
            if edge in look.borders:
                bdr.append(look.borders[edge].element(edge))
        ppr.append(bdr)
    spacing = _spacing(look)
    if spacing is not None:
        ppr.append(spacing)
    indent = _indent(look)
    if indent is not None:
        ppr.append(indent)
    if look.align is not None:
        ppr.append(val("w:jc", justification(look.align)))
    if look.outline_level is not None:
        ppr.append(val("w:outlineLvl", look.outline_level))
    return ppr


def _spacing(look: ParagraphLook) -> Element | None:
    attrs: dict[str, str | int] = {}
    if look.space_before is not None:
        attrs["before"] = pt_to_twips(look.space_before)
    if look.space_after is not None:
        attrs["after"] = pt_to_twips(look.space_after)
    if look.line_exact is not None:
        attrs["line"] = pt_to_twips(look.line_exact)
        attrs["lineRule"] = "exact"
    elif look.single:
        attrs["line"] = 240  # OOXML's "auto" line unit: 240 = 1.0 lines
        attrs["lineRule"] = "auto"
    return w("w:spacing", **attrs) if attrs else None


def _indent(look: ParagraphLook) -> Element | None:
    attrs: dict[str, str | int] = {}
    if look.left is not None:
        attrs["left"] = mm_to_twips(look.left)
    if look.right is not None:
        attrs["right"] = mm_to_twips(look.right)
    if look.first_line is not None:
        attrs["firstLine"] = mm_to_twips(look.first_line)
    return w("w:ind", **attrs) if attrs else None


def paragraph(look: ParagraphLook, *runs: Element) -> Element:
    """A w:p with its properties (always at least the style) and `runs`."""
    return w("w:p", paragraph_properties(look), *runs)


# Paragraph properties set on a built w:p: python-docx's own pPr accessors put each child in
# its schema position.

def keep_with_next(p: Element) -> None:
    """Keep paragraph `p` on the page of the next one (w:keepNext)."""
    p.get_or_add_pPr().keepNext_val = True


def space_after(p: Element, points: float) -> None:
    """Give paragraph `p` its own space after (direct formatting over its style's)."""
    p.get_or_add_pPr().spacing_after = Twips(pt_to_twips(points))


def space_before(p: Element, points: float) -> None:
    """Give paragraph `p` its own space before (direct formatting over its style's)."""
    p.get_or_add_pPr().spacing_before = Twips(pt_to_twips(points))


def break_page_before(p: Element) -> None:
    """Make paragraph `p` start a new page (w:pageBreakBefore)."""
    p.get_or_add_pPr().pageBreakBefore_val = True
