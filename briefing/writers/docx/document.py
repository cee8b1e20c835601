"""One DOCX document built from one semantic tree.

Order of work: start from python-docx's default template and strip what does not belong
(template parts, styles, settings noise); install the profile's styles, page and theme fonts;
let the writer visit the tree (`writer.DocxWriter`: cover or masthead, mark, body, closing,
appendices), collecting footnotes on the way; add the footnotes part; set the properties; save
and re-pack the ZIP deterministically.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.oxml.ns import qn

from briefing.content.media import MediaStore
from briefing.profile.model import Profile
from briefing.tree.plain_text import document_moment
from briefing.tree.vocabulary import Document as Tree
from briefing.writers.docx.figures import Pictures
from briefing.writers.docx.footnotes_part import Footnotes, settings_properties
from briefing.writers.docx.leader_tabs import fill_stops
from briefing.writers.docx.legal_paragraphs import install_legal_styles
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.package import drop_template_leftovers, reproducible_zip
from briefing.writers.docx.page import set_up_page
from briefing.writers.docx.properties import set_properties
from briefing.writers.docx.settings import configure_settings
from briefing.writers.docx.styles import install_styles
from briefing.writers.docx.theme import set_theme_fonts
from briefing.writers.docx.type_line_styles import install_used_styles
from briefing.writers.docx.writer import DocxWriter


class _Body:
    """Appends block elements to the document body, before its final w:sectPr."""

    def __init__(self, document: Document):
        self.body = document.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.sect_pr = self.body.find(qn("w:sectPr"))
        for name in [name for name in self.sect_pr.attrib if "rsid" in name]:
            del self.sect_pr.attrib[name]  # the template's revision-session ids

    def __call__(self, element: Element) -> None:
        self.sect_pr.addprevious(element)


def build(tree: Tree, profile: Profile, media: MediaStore | None = None) -> Document:
    """The python-docx document for `tree` (not yet saved); `media` holds its figures."""
    if not isinstance(tree, Tree):
        raise TypeError(f"the DOCX writer needs a Document tree, not {type(tree).__name__}")
    document = docx.Document()
    drop_template_leftovers(document)
    install_styles(document.styles.element, profile)
    set_theme_fonts(document.part, profile.font.family)

    footnotes = Footnotes(profile)
    writer = DocxWriter(profile, _Body(document), footnotes,
                        Pictures(document.part, media or MediaStore(), profile))
    writer.walk(tree)
    install_used_styles(document.styles.element, document.element.body, profile)
    if writer.legal_used:
        install_legal_styles(document.styles.element, profile)
    fill_stops(writer.fills, profile, document.styles.element)

    set_up_page(document.sections[0], profile, cover_foot=writer.cover_foot,
                has_cover=writer.has_cover)
    if len(footnotes):
        footnotes.install(document.part)
    configure_settings(document.settings.element, profile,
                       settings_properties() if len(footnotes) else None)
    set_properties(document, tree, profile.lang)
    return document


def write_docx(tree: Tree, profile: Profile, *, media: MediaStore | None = None) -> bytes:
    """The complete .docx file as bytes (the caller writes it atomically)."""
    document = build(tree, profile, media)
    raw = io.BytesIO()
    document.save(raw)
    return reproducible_zip(raw.getvalue(), document_moment(tree))
