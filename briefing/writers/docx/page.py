"""Page geometry, the running page number and the foot of a cover page.

A4 with the profile's margins and header distance. The page number sits centred in the top
margin on every page but the first: the section gets w:titlePg and an empty first-page header,
which is how Word spells "different first page" (HD 36: no number on page 1). A booklet cover
never carries a number either, and its foot line (place and month) goes into the first-page
footer: that pins it to the bottom of page 1 in every application, however much room the cover
lines above it take, and a clerk edits it where Word users expect a page foot. The footer
stands on the bottom margin (`Profile.footer_distance_mm`), where the PDF puts the foot.
"""

from __future__ import annotations

from docx.section import Section
from docx.shared import Twips

from briefing.profile.model import Profile
from briefing.writers.docx.fields import page_number_runs
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.style_ids import FOOTER, HEADER


def set_up_page(section: Section, profile: Profile, *, cover_foot: Element | None = None,
                has_cover: bool = False) -> None:
    """Page size, margins, header/footer distance, page-number header (or footer) and, for a
    booklet, the cover page's foot in the first-page footer."""
    page = profile.page
    width, height = page.size
    section.page_width = Twips(mm_to_twips(width))
    section.page_height = Twips(mm_to_twips(height))
    section.top_margin = Twips(mm_to_twips(page.margins["top"]))
    section.bottom_margin = Twips(mm_to_twips(page.margins["bottom"]))
    section.left_margin = Twips(mm_to_twips(page.margins["left"]))
    section.right_margin = Twips(mm_to_twips(page.margins["right"]))
    section.gutter = Twips(0)
    section.header_distance = Twips(mm_to_twips(page.header_distance))
    # the foot of a cover stands on the text area's bottom edge, as in the PDF
    section.footer_distance = Twips(mm_to_twips(profile.footer_distance_mm))

    in_footer = page.number.position.startswith("bottom")
    numbered = section.footer if in_footer else section.header
    _fill(numbered.part.element, paragraph(ParagraphLook(style=FOOTER if in_footer else HEADER),
                                           *page_number_runs()))
    if page.number.first_page and not has_cover and cover_foot is None:
        return
    section.different_first_page_header_footer = True
    first_header = section.first_page_header
    first_header.is_linked_to_previous = False
    _fill(first_header.part.element, paragraph(ParagraphLook(style=HEADER)))
    if in_footer or cover_foot is not None:
        first_footer = section.first_page_footer
        first_footer.is_linked_to_previous = False
        _fill(first_footer.part.element,
              cover_foot if cover_foot is not None else paragraph(ParagraphLook(style=FOOTER)))


def _fill(story: Element, content: Element) -> None:
    """Replace whatever the template put in a header or footer with `content`."""
    for child in list(story):
        story.remove(child)
    story.append(content)
