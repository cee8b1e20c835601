"""How the HD 36 masthead band is split between the issuer column and the party column.

Both writers call `masthead_columns`, so the PDF and the DOCX break the header lines alike.
The profile's split is kept unless the right column is too narrow for its lines (party name,
place and date): a wrapped "Thành phố Hồ Chí Minh, ngày … năm 2024" is the first thing a clerk
would fix by hand, so the split moves left, as far as the issuer name and number allow; a long
superior line may then wrap, as it does in real documents. The band never leaves the text area.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from briefing.layout.measure import safe_width_mm
from briefing.layout.profile import Profile


def _text(node: ET.Element | None) -> str:
    return "".join(node.itertext()) if node is not None else ""


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
            width = safe_width_mm(_text(child), look, profile)
            (optional_left if child.tag == "superior" else must_left).append(width)
    right_needs = []
    if party is not None:
        right_needs = [safe_width_mm(_text(party.find("name")), mast.party, profile),
                       safe_width_mm(_text(party.find("place-date")), mast.place_date, profile)]
    return split_columns(profile, must_left + optional_left, must_left, right_needs)
