"""The head of the document: the masthead (official form) or the cover (booklet form).

Masthead: a borderless two-column band split by `briefing.layout.masthead` (shared with the
PDF writer). The first row holds the issuer block (superior, issuer, "*" or a short rule)
beside the title lines (party name; national title and motto) and the rule under the last;
the second row holds the number line beside the place-and-date line, so the two sit on one
baseline as in the HD 36 and ND 30 models.

Each rule is an empty hairline paragraph under its line with a bottom border, indented so the
border is exactly as long as wanted (the title rule as the line is wide, measured with the
profile font, metric-compatible with the DOCX font; the issuer rule a share of that). A bottom
border on the text paragraph itself would need the same indents and would wrap the text
whenever Word's measure differs by a hair.

The band opens with a hairline paragraph: LibreOffice puts an empty line of body type before a
table that opens a document (it needs a paragraph to carry the page style), which would push the
band and every page after it a line down; Word does not. With the hairline there, both set the
band 1 pt below the top margin, as the PDF does.

Cover: the issuer block top-centred, title, subject, issue, meeting and the boxed mark; the
place-and-month foot is returned to the caller, which pins it to the bottom of page 1.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from briefing.layout.masthead import issuer_rule_mm, masthead_columns, title_lines, title_rule_mm
from briefing.layout.measure import MM_PER_PT, line_width_mm
from briefing.profile.model import Profile
from briefing.tree.plain_text import node_text
from briefing.writers.docx import styles as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import styled
from briefing.writers.docx.layout_tables import close_cells, layout_table
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element

Sink = Callable[[Element], None]



def _issuer_lines(issuer: ET.Element, profile: Profile, column_mm: float) -> list[Element]:
    """The paragraphs of the issuer block: superior, name, then "*" or the issuer rule."""
    styles = {"superior": S.MASTHEAD_SUPERIOR, "name": S.MASTHEAD_ISSUER,
              "star": S.MASTHEAD_STAR}
    lines = []
    for child in issuer:
        if child.tag in styles:
            lines.append(styled(styles[child.tag], child))
        elif child.tag == "rule":
            lines.append(_rule(issuer_rule_mm(issuer, profile, column_mm), column_mm,
                               S.MASTHEAD_ISSUER_RULE))
        elif child.tag != "number":
            raise ValueError(f"the DOCX writer does not know the issuer element <{child.tag}>")
    return lines


def masthead(node: ET.Element, profile: Profile, out: Sink) -> None:
    """The official first-page header band (HD 36 "thể thức" items 1–4; ND 30 alike)."""
    mast = profile.masthead
    issuer = node.find("issuer")
    party = node.find("party")
    if issuer is None or party is None:
        raise ValueError("the masthead needs an <issuer> and a <party>")
    number = issuer.find("number")
    place_date = party.find("place-date")
    left_mm, right_mm = masthead_columns(node, profile)

    left_twips = mm_to_twips(left_mm)
    widths = [left_twips, mm_to_twips(profile.text_width_mm) - left_twips]
    table, cells = layout_table(widths, 2)
    (issuer_cell, party_cell), (number_cell, date_cell) = cells
    for line in _issuer_lines(issuer, profile, left_mm):
        issuer_cell.append(line)
    if number is not None:
        number_cell.append(styled(S.MASTHEAD_NUMBER, number))
    lines = title_lines(party, profile)
    for index, (name, _) in enumerate(lines, start=1):
        party_cell.append(styled(S.party_name(min(index, len(mast.title_lines))), name))
    rule_mm = title_rule_mm(party, profile, right_mm)
    if rule_mm is not None:
        party_cell.append(_rule(rule_mm, right_mm, S.PARTY_RULE))
    if place_date is not None:
        date_cell.append(styled(S.PLACE_DATE, place_date))
    close_cells(cells, S.MASTHEAD)
    out(paragraph(ParagraphLook(style=S.MASTHEAD, space_before=0, space_after=0,
                                line_exact=S.HAIRLINE_PT)))
    out(table)


def _rule(length_mm: float, column_mm: float, style: str) -> Element:
    """The hairline paragraph whose border is `length_mm` long, centred in the column."""
    side = max((column_mm - length_mm) / 2, 0.0)
    return paragraph(ParagraphLook(style=style, left=side, right=side))


def boxed_mark(node: ET.Element, profile: Profile) -> Element:
    """The circulation mark ("LƯU HÀNH NỘI BỘ") in a box just wider than the words."""
    look = profile.cover.mark
    if not look.boxed:
        return styled(S.MARK, node)
    # a full em of air inside the box: half an em either side of the words
    inner = line_width_mm(node_text(node), look, profile) + look.size * MM_PER_PT
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
            for line in _issuer_lines(child, profile, profile.text_width_mm):
                out(line)
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
