"""How the masthead band is split between the issuer column and the title column.

Both writers call `masthead_columns`, so the PDF and the DOCX break the header lines alike.
The profile's split is kept unless the right column is too narrow for its lines (party name or
national title and motto, place and date): a wrapped "Thành phố Hồ Chí Minh, ngày … năm 2024"
is the first thing a clerk would fix by hand, so the split moves left, as far as the issuer
name and number allow; a long superior line may then wrap, as it does in real documents. The
band never leaves the text area. The lengths of the rules drawn under the title and the
issuer are measured here too, for the same reason.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from briefing.layout.measure import line_width_mm, safe_width_mm
from briefing.profile.model import Profile, TitleLine
from briefing.tree.plain_text import node_text


def split_columns(profile: Profile, left_needs: list[float], must_left: list[float],
                  right_needs: list[float]) -> tuple[float, float]:
    """Column widths (mm): the profile's split, moved only as far as needed to keep the right
    column's lines whole without letting a line of `must_left` (issuer name, number) wrap;
    room the right column does not need goes to a left line that would wrap (a long superior).
    """
    mast = profile.masthead
    total = profile.text_width_mm
    left = total * mast.columns[0] / sum(mast.columns)
    right_need = max(right_needs, default=0.0)
    if right_need > total - left:
        left = max(total - right_need, max(must_left, default=0.0))
    left_need = max(left_needs, default=0.0)
    if left_need > left:
        left = max(left, min(left_need, total - right_need))
    left = min(max(left, 0.0), total)
    return left, total - left


def title_lines(party: ET.Element, profile: Profile) -> list[tuple[ET.Element, TitleLine]]:
    """Each <name> of the right column with the profile line that styles it (the template
    writes one per profile line; extra lines take the look of the last)."""
    lines = profile.masthead.title_lines
    return [(name, lines[min(index, len(lines) - 1)])
            for index, name in enumerate(party.findall("name"))]


def title_rule_mm(party: ET.Element, profile: Profile, column_mm: float) -> float | None:
    """Length of the rule under the title (ĐẢNG CỘNG SẢN VIỆT NAM, or the motto): as wide as
    its last line, at most the column; None when the profile draws none."""
    lines = title_lines(party, profile)
    if not (lines and profile.masthead.title_rule):
        return None
    name, look = lines[-1]
    return min(line_width_mm(node_text(name), look, profile), column_mm)


def issuer_rule_mm(issuer: ET.Element, profile: Profile, column_mm: float) -> float:
    """Length of the rule under the issuer name (ND 30): the profile's share of the name's
    width, or of the column when the name wraps."""
    mast = profile.masthead
    width = min(line_width_mm(node_text(issuer.find("name")), mast.issuer, profile), column_mm)
    return width * (mast.issuer_rule or 0)


def masthead_columns(masthead: ET.Element, profile: Profile) -> tuple[float, float]:
    """(left, right) widths in mm of the band for the tree's <masthead>."""
    mast = profile.masthead
    issuer = masthead.find("issuer")
    party = masthead.find("party")
    must_left, optional_left = [], []
    if issuer is not None:
        for child in issuer:
            look = {"superior": mast.superior, "name": mast.issuer, "star": mast.issuer,
                    "number": mast.number}.get(child.tag)
            if look is None:
                continue
            width = safe_width_mm(node_text(child), look, profile)
            (optional_left if child.tag == "superior" else must_left).append(width)
    right_needs = []
    if party is not None:
        right_needs = [safe_width_mm(node_text(name), look, profile)
                       for name, look in title_lines(party, profile)]
        right_needs.append(safe_width_mm(node_text(party.find("place-date")), mast.place_date,
                                         profile))
    return split_columns(profile, must_left + optional_left, must_left, right_needs)
