"""Real Word footnotes: the word/footnotes.xml part and its wiring.

python-docx has no footnote API, so the part is written here: the separator and continuation
separator entries Word requires (ids -1 and 0, also named in settings), then one w:footnote per
footnote of the tree, numbered from 1 in order of their calls. Both separators take the room the
profile gives the rule (space above, the rule, space below), as the PDF's separator does above
its notes and above a note continued from the page before. Each note opens with the
auto-numbered footnoteRef mark and a space; a note of several paragraphs is several w:p in one
w:footnote. Word then numbers, places and renumbers the notes itself, as a clerk expects.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart

from briefing.layout.borders import footnote_separator
from briefing.profile.model import Profile
from briefing.tree.vocabulary import Footnote
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import InlineSink, footnote_mark, text_run
from briefing.writers.docx.ooxml import Element, w
from briefing.writers.docx.style_ids import FOOTNOTE_TEXT

SEPARATOR_ID = -1
CONTINUATION_ID = 0


class Footnotes:
    """Collects the notes while the body is written; `install` adds the part at the end."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.notes: list[Element] = []

    def __len__(self) -> int:
        return len(self.notes)

    def call(self, fn: Footnote, inline: InlineSink) -> int:
        """Register the note `fn` whose call is being written, its paragraphs filled by
        `inline`; returns its footnote id."""
        note_id = len(self.notes) + 1
        if not fn.paragraphs:
            raise ValueError(f"footnote {fn.number} has no paragraph")
        note = w("w:footnote", id=note_id)
        for index, source in enumerate(fn.paragraphs):
            p = paragraph(ParagraphLook(style=FOOTNOTE_TEXT))
            if index == 0:
                p.append(footnote_mark())
                p.append(text_run(" "))
            inline(p, source.content)
            note.append(p)
        self.notes.append(note)
        return note_id

    def element(self) -> Element:
        root = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}/>")
        root.append(_separator("separator", SEPARATOR_ID, "w:separator", self.profile))
        root.append(_separator("continuationSeparator", CONTINUATION_ID,
                               "w:continuationSeparator", self.profile))
        for note in self.notes:
            root.append(note)
        return root

    def install(self, document_part: DocumentPart) -> None:
        """Add word/footnotes.xml, related from the document part (the package writer derives
        the content-type override from the part)."""
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.element(),
                       document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)


def _separator(kind: str, note_id: int, mark: str, profile: Profile) -> Element:
    """The rule between the text and the notes (Word's separator character, a 2-inch rule),
    or above a note continued from the page before (the continuation separator, a rule across
    the text): in a line exactly as high as the profile's space above the rule, the rule and
    the space below it together, the room the PDF gives its rules. (LibreOffice draws its own
    rule, a quarter of the text width with 1 mm either side, about as high, and draws none
    without the separator character.)"""
    look = ParagraphLook(align="left", first_line=0, left=0, right=0, space_before=0,
                         space_after=0, line_exact=footnote_separator(profile).height_pt,
                         widow_control=False)
    return w("w:footnote", paragraph(look, w("w:r", w(mark))), type=kind, id=note_id)


def settings_properties() -> Element:
    """settings.xml's w:footnotePr naming the two separator notes, as Word writes it."""
    return w("w:footnotePr", w("w:footnote", id=SEPARATOR_ID),
             w("w:footnote", id=CONTINUATION_ID))
