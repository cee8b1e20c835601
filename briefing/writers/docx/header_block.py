"""The head of the document: the HD 36 masthead (official form) or the cover (booklet form).

Masthead: a borderless two-column band split by `briefing.layout.masthead` (shared with the
PDF writer). The first row holds the issuer block (superior, issuer, "*") beside the party name
and its rule; the second row holds the number line beside the place-and-date line, so the two
sit on one baseline as in the HD 36 models.

The party rule is an empty hairline paragraph under the party name with a bottom border,
indented so the border is exactly as long as the name is wide (measured with the profile font,
metric-compatible with the DOCX font). A bottom border on the name paragraph itself would need
the same indents and would wrap the name whenever Word's measure differs by a hair.

Cover: the issuer block top-centred, title, subject, issue, meeting and the boxed mark; the
place-and-month foot is returned to the caller, which pins it to the bottom of page 1.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from briefing.layout.masthead import masthead_columns
from briefing.layout.measure import MM_PER_PT, line_width_mm
from briefing.layout.profile import Profile, TextStyle
from briefing.writers.docx import styles as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import styled
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.tables import close_cells, layout_table
from briefing.writers.docx.units import mm_to_twips

Sink = Callable[[Element], None]


def _text(node: ET.Element | None) -> str:
    return "".join(node.itertext()) if node is not None else ""


def _issuer_lines(issuer: ET.Element, profile: Profile) -> list[tuple[str, TextStyle, ET.Element]]:
    """(style id, profile style, node) of the issuer block: superior, name, star."""
    mast = profile.masthead
    looks = {"superior": (S.MASTHEAD_SUPERIOR, mast.superior),
             "name": (S.MASTHEAD_ISSUER, mast.issuer),
             "star": (S.MASTHEAD_STAR, mast.issuer)}
    lines = []
    for child in issuer:
        if child.tag in looks:
            style_id, look = looks[child.tag]
            lines.append((style_id, look, child))
        elif child.tag != "number":
            raise ValueError(f"the DOCX writer does not know the issuer element <{child.tag}>")
    return lines


def masthead(node: ET.Element, profile: Profile, out: Sink) -> None:
    """The official first-page header band (HD 36 "thể thức" items 1–4)."""
    mast = profile.masthead
    issuer = node.find("issuer")
    party = node.find("party")
    if issuer is None or party is None:
        raise ValueError("the masthead needs an <issuer> and a <party>")
    number = issuer.find("number")
    party_name = party.find("name")
    place_date = party.find("place-date")

    left_lines = _issuer_lines(issuer, profile)
    left_mm, right_mm = masthead_columns(node, profile)

    left_twips = mm_to_twips(left_mm)
    widths = [left_twips, mm_to_twips(profile.text_width_mm) - left_twips]
    table, cells = layout_table(widths, 2)
    (issuer_cell, party_cell), (number_cell, date_cell) = cells
    for style_id, _, line in left_lines:
        issuer_cell.append(styled(style_id, line))
    if number is not None:
        number_cell.append(styled(S.MASTHEAD_NUMBER, number))
    if party_name is not None:
        party_cell.append(styled(S.PARTY_NAME, party_name))
        if mast.party_rule:
            party_cell.append(_rule_under(_text(party_name), mast.party, right_mm, profile))
    if place_date is not None:
        date_cell.append(styled(S.PLACE_DATE, place_date))
    close_cells(cells, S.MASTHEAD)
    out(table)


def _rule_under(text: str, look: TextStyle, column_mm: float, profile: Profile) -> Element:
    """The hairline paragraph whose border is as long as `text` is wide, centred."""
    side = max((column_mm - line_width_mm(text, look, profile)) / 2, 0.0)
    return paragraph(ParagraphLook(style=S.PARTY_RULE, left=side, right=side))


def boxed_mark(node: ET.Element, profile: Profile) -> Element:
    """The circulation mark ("LƯU HÀNH NỘI BỘ") in a box just wider than the words."""
    look = profile.cover.mark
    if not look.boxed:
        return styled(S.MARK, node)
    # a full em of air inside the box: half an em either side of the words
    inner = line_width_mm(_text(node), look, profile) + look.size * MM_PER_PT
    side = max((profile.text_width_mm - inner) / 2, 0.0)
    return styled(S.MARK, node, left=side, right=side, first_line=0)


def cover(node: ET.Element, profile: Profile, out: Sink) -> Element | None:
    """Page 1 of a booklet; returns the foot paragraph, which the caller puts in the footer of
    page 1. The caller also starts the body on a new page."""
    foot = None
    styles_by_tag = {"title": S.COVER_TITLE, "subject": S.COVER_SUBJECT,
                     "issue": S.COVER_ISSUE, "meeting": S.COVER_MEETING}
    for child in node:
        if child.tag == "issuer":
            for style_id, _, line in _issuer_lines(child, profile):
                out(styled(style_id, line))
            number = child.find("number")
            if number is not None:
                out(styled(S.MASTHEAD_NUMBER, number))
        elif child.tag in styles_by_tag:
            out(styled(styles_by_tag[child.tag], child))
        elif child.tag == "mark":
            out(boxed_mark(child, profile))
        elif child.tag == "foot":
            foot = styled(S.COVER_FOOT, child)
        else:
            raise ValueError(f"the DOCX writer does not know the cover element <{child.tag}>")
    return foot
