"""The head of the document drawn in Word: the masthead band (official form) or the cover
(booklet form), both laid out by `briefing.layout` (the PDF writer draws the same layouts).

Masthead: a borderless table of the band's two rows and two columns, each line a paragraph in
the style its role names. Each rule is an empty hairline paragraph with a bottom border,
indented so the border is exactly as long as laid out (centred in its column). A bottom border
on the text paragraph itself would need the same indents and would wrap the text whenever
Word's measure differs by a hair.

The band opens with a hairline paragraph: LibreOffice puts an empty line of body type before a
table that opens a document (it needs a paragraph to carry the page style), which would push the
band and every page after it a line down; Word does not. With the hairline there, both set the
band 1 pt below the top margin, as the PDF does.

Cover: the lines as paragraphs, top-centred; the foot paragraph is returned to the caller,
which pins it to the bottom of page 1.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.layout.borders import HAIRLINE_PT
from briefing.layout.cover import CoverLayout
from briefing.layout.masthead import Band, Line, Rule
from briefing.layout.measure import MM_PER_PT, line_width_mm
from briefing.profile.model import Profile
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import InlineSink, text_paragraph
from briefing.writers.docx.layout_tables import close_cells, layout_table
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element

Sink = Callable[[Element], None]

#: the paragraph style of each role of a head line (title lines: `S.party_name`)
ROLE_STYLES = {"superior": S.MASTHEAD_SUPERIOR, "issuer": S.MASTHEAD_ISSUER,
               "star": S.MASTHEAD_STAR, "number": S.MASTHEAD_NUMBER,
               "place-date": S.PLACE_DATE, "letter-subject": S.LETTER_SUBJECT,
               "title": S.COVER_TITLE,
               "subject": S.COVER_SUBJECT, "issue": S.COVER_ISSUE,
               "meeting": S.COVER_MEETING, "foot": S.COVER_FOOT,
               "issuer-rule": S.MASTHEAD_ISSUER_RULE, "title-rule": S.PARTY_RULE}


def _line(line: Line | Rule, profile: Profile, column_mm: float, inline: InlineSink) -> Element:
    if isinstance(line, Rule):
        return _rule(line.length_mm, column_mm, ROLE_STYLES[line.role])
    if line.role == "mark":
        assert isinstance(line.text, str)
        return boxed_mark(line.text, profile)
    if line.role == "title-line":
        style = S.party_name(min(line.position, len(profile.masthead.title_lines)))
    else:
        style = ROLE_STYLES[line.role]
    if isinstance(line.text, str):
        return text_paragraph(style, line.text)
    p = paragraph(ParagraphLook(style=style))
    inline(p, line.text)
    return p


def masthead(band: Band, profile: Profile, out: Sink, inline: InlineSink) -> None:
    """The official first-page header band as a table of its rows and cells."""
    left_twips = mm_to_twips(band.columns[0])
    widths = [left_twips, mm_to_twips(profile.text_width_mm) - left_twips]
    table, cells = layout_table(widths, len(band.rows))
    for row, row_cells in zip(band.rows, cells, strict=True):
        for cell, element in zip(row, row_cells, strict=True):
            for line in cell.lines:
                element.append(_line(line, profile, cell.width_mm, inline))
    close_cells(cells, S.MASTHEAD)
    out(paragraph(ParagraphLook(style=S.MASTHEAD, space_before=0, space_after=0,
                                line_exact=HAIRLINE_PT)))
    out(table)


def _rule(length_mm: float, column_mm: float, style: str) -> Element:
    """The hairline paragraph whose border is `length_mm` long, centred in the column."""
    side = max((column_mm - length_mm) / 2, 0.0)
    return paragraph(ParagraphLook(style=style, left=side, right=side))


def boxed_mark(text: str, profile: Profile) -> Element:
    """The circulation mark ("LƯU HÀNH NỘI BỘ") in a box just wider than the words."""
    look = profile.cover.mark
    if not look.boxed:
        return text_paragraph(S.MARK, text)
    # a full em of air inside the box: half an em either side of the words
    inner = line_width_mm(text, look, profile) + look.size * MM_PER_PT
    side = max((profile.text_width_mm - inner) / 2, 0.0)
    return text_paragraph(S.MARK, text, left=side, right=side, first_line=0)


def cover(layout: CoverLayout, profile: Profile, out: Sink, inline: InlineSink) -> Element:
    """Page 1 of a booklet; returns the foot paragraph, which the caller puts in the footer of
    page 1. The caller also starts the body on a new page."""
    for line in (*layout.issuer, *layout.lines):
        out(_line(line, profile, profile.text_width_mm, inline))
    return _line(layout.foot, profile, profile.text_width_mm, inline)
