"""Document settings: language, tab stops, footnote separators, and nothing that varies.

The template's settings carry revision-session ids (w:rsids), the template's document id
(w14:docId, which every python-docx file would share), a proofing state and a request to save a
preview picture; none of them belongs in a generated document. Compatibility
mode is raised to Word 2013+ (15) so Word opens the file without "Compatibility Mode".
"""

from __future__ import annotations

from docx.oxml.ns import qn

from briefing.profile.model import Profile
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element, w

_DROP = ("w:rsids", "w:proofState", "w:savePreviewPicture", "w:attachedTemplate", "w14:docId")


def configure_settings(settings: Element, profile: Profile,
                       footnote_properties: Element | None) -> None:
    """Edit settings.xml in place; `footnote_properties` is w:footnotePr when there are notes."""
    for tag in _DROP:
        for element in settings.findall(qn(tag)):
            settings.remove(element)

    tab = settings.find(qn("w:defaultTabStop"))
    if tab is not None:  # tab stops every first-line indent, as the body paragraphs use
        tab.set(qn("w:val"), str(mm_to_twips(profile.body.first_line_indent)))

    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = w("w:compat")
        settings.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    if footnote_properties is not None:
        compat.addprevious(footnote_properties)

    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = w("w:themeFontLang")
        settings.append(lang)
    for attribute in list(lang.attrib):
        del lang.attrib[attribute]
    lang.set(qn("w:val"), profile.lang)
