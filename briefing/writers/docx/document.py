"""The walk over the tree: one DOCX document built from one semantic tree.

Order of work: start from python-docx's default template and strip what does not belong
(template parts, styles, settings noise); install the profile's styles, page and theme fonts;
write the top-level elements in tree order (cover or masthead, mark, body, closing), collecting
footnotes on the way; add the footnotes part; set the properties; save and re-pack the ZIP
deterministically.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import docx
from docx.document import Document
from docx.oxml.ns import qn

from briefing.content.media import MediaStore
from briefing.profile.model import Profile
from briefing.tree.plain_text import document_moment
from briefing.writers.docx.body import BodyWriter
from briefing.writers.docx.closing import closing
from briefing.writers.docx.figures import Pictures
from briefing.writers.docx.footnotes_part import Footnotes, settings_properties
from briefing.writers.docx.formatting import break_page_before
from briefing.writers.docx.header_block import boxed_mark, cover, masthead
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.package import drop_template_leftovers, reproducible_zip
from briefing.writers.docx.page import set_up_page
from briefing.writers.docx.properties import set_properties
from briefing.writers.docx.settings import configure_settings
from briefing.writers.docx.styles import install_styles
from briefing.writers.docx.theme import set_theme_fonts


class _Body:
    """Appends block elements to the document body, before its final w:sectPr; after a cover,
    the first paragraph that follows is made to start a new page."""

    def __init__(self, document: Document):
        self.body = document.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.sect_pr = self.body.find(qn("w:sectPr"))
        for name in [name for name in self.sect_pr.attrib if "rsid" in name]:
            del self.sect_pr.attrib[name]  # the template's revision-session ids
        self.break_next = False

    def __call__(self, element: Element) -> None:
        if self.break_next:
            first = element if element.tag == qn("w:p") else element.find(f".//{qn('w:p')}")
            if first is not None:
                break_page_before(first)
                self.break_next = False
        self.sect_pr.addprevious(element)


def build(tree: ET.Element, profile: Profile, media: MediaStore | None = None) -> Document:
    """The python-docx document for `tree` (not yet saved); `media` holds its figures."""
    if tree.tag != "document":
        raise ValueError(f"the DOCX writer needs a <document> tree, not <{tree.tag}>")
    document = docx.Document()
    drop_template_leftovers(document)
    install_styles(document.styles.element, profile)
    set_theme_fonts(document.part, profile.font.family)

    out = _Body(document)
    footnotes = Footnotes(profile)
    body = BodyWriter(profile, out, footnotes.call,
                      Pictures(document.part, media or MediaStore(), profile))
    has_cover = False
    cover_foot = None
    for child in tree:
        if child.tag == "info":
            continue
        if child.tag == "cover":
            cover_foot = cover(child, profile, out)
            has_cover = out.break_next = True
        elif child.tag == "masthead":
            masthead(child, profile, out)
        elif child.tag == "mark":
            out(boxed_mark(child, profile))
        elif child.tag == "body":
            body.write(child)
        elif child.tag == "closing":
            closing(child, profile, out)
        elif child.tag == "appendices":
            body.appendices(child)
        else:
            raise ValueError(f"the DOCX writer does not know the tree element <{child.tag}>")

    set_up_page(document.sections[0], profile, cover_foot=cover_foot, has_cover=has_cover)
    if len(footnotes):
        footnotes.install(document.part)
    configure_settings(document.settings.element, profile,
                       settings_properties() if len(footnotes) else None)
    set_properties(document, tree, profile.lang)
    return document


def write_docx(tree: ET.Element, profile: Profile, *, media: MediaStore | None = None) -> bytes:
    """The complete .docx file as bytes (the caller writes it atomically)."""
    document = build(tree, profile, media)
    raw = io.BytesIO()
    document.save(raw)
    return reproducible_zip(raw.getvalue(), document_moment(tree))
