"""The lines a document type adds, drawn in Word: "Kính gửi:" and its addressees, the
enacting authority, the Căn cứ lines, the enactment line, and the styles they (and the V/v
line under the number) take.

Each is a paragraph in a style of its own made from the profile's `type_lines`, so a clerk
restyles every Căn cứ line at once. These styles are added to styles.xml only when the
document uses them: a document of a type without them keeps exactly the styles it had.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docx.oxml.ns import qn

from briefing.layout.addressees import addressees_layout
from briefing.profile.model import Profile
from briefing.tree.vocabulary import Addressees, Paragraph
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import InlineSink, text_paragraph
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.styles import Construct, Text, add_styles, style_specs

Sink = Callable[[Element], None]

#: the styles of the type lines, in styles.xml order
TYPE_STYLES = (
    Text(S.LETTER_SUBJECT, "Letter Subject", "type_lines.subject_under_number",
         based_on=S.MASTHEAD),
    Text(S.ADDRESSEES, "Addressees", "type_lines.addressees", keep_next=True),
    Text(S.AUTHORITY_LINE, "Authority Line", "type_lines.authority", keep_next=True),
    Construct(S.BASIS, "Basis", "type_lines.basis"),
    Text(S.ENACTMENT, "Enactment", "type_lines.enactment", keep_next=True),
)


def install_used_styles(styles: Element, body: Element, profile: Profile) -> None:
    """Add the type lines' styles that paragraphs of `body` name, before the table and list
    defaults (where `briefing.writers.docx.styles` ends its own)."""
    used = {element.get(qn("w:val")) for element in body.iter(qn("w:pStyle"))}
    rows = tuple(row for row in TYPE_STYLES if row.id in used)
    add_styles(styles, style_specs(profile, rows) if rows else ())


def addressees(node: Addressees, profile: Profile, out: Sink) -> None:
    """One addressee on the label's line; several one per line, under the label's colon."""
    place = addressees_layout(node.label, profile)
    if len(node.items) == 1:
        out(text_paragraph(S.ADDRESSEES, f"{node.label} {node.items[0]}", left=place.label_left))
        return
    out(text_paragraph(S.ADDRESSEES, node.label, left=place.label_left))
    for item in node.items:  # kept with what follows, as the label (its style says so)
        out(text_paragraph(S.ADDRESSEES, item, left=place.items_left, space_before=0))


def basis(paragraphs: Sequence[Paragraph], out: Sink, inline: InlineSink) -> None:
    for source in paragraphs:
        p = paragraph(ParagraphLook(style=S.BASIS))
        inline(p, source.content)
        out(p)
