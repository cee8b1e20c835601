"""The closing band: "Nơi nhận" (recipients) on the left, the signature block on the right.

A borderless two-column table split as the profile says, kept on one page (a signature must
not be separated from its authority line). Recipients are left-aligned without indent in their
smaller size; the signature lines are centred with `signature_space` empty lines left for the
signature and seal.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.profile.model import Profile
from briefing.tree.vocabulary import Closing
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import text_paragraph
from briefing.writers.docx.layout_tables import close_cells, layout_table
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element

Sink = Callable[[Element], None]


def closing(node: Closing, profile: Profile, out: Sink) -> None:
    columns = profile.closing.columns
    left = mm_to_twips(profile.text_width_mm * columns[0] / sum(columns))
    table, cells = layout_table([left, mm_to_twips(profile.text_width_mm) - left], 1)
    recipients_cell, signature_cell = cells[0]
    recipients, signature = node.recipients, node.signature
    if recipients is not None:
        recipients_cell.append(text_paragraph(S.RECIPIENTS_LABEL, recipients.label))
        for item in recipients.items:
            recipients_cell.append(text_paragraph(S.RECIPIENTS, item))
    if signature is not None:
        for style, text in ((S.SIGNATURE_AUTHORITY, signature.authority),
                            (S.SIGNATURE_TITLE, signature.title)):
            if text is not None:
                signature_cell.append(text_paragraph(style, text))
        for _ in range(profile.closing.signature_space):
            signature_cell.append(paragraph(ParagraphLook(style=S.SIGNATURE)))
        signature_cell.append(text_paragraph(S.SIGNATURE_NAME, signature.name))
    close_cells(cells, S.SIGNATURE)
    out(table)
