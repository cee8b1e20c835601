"""The closing band: "Nơi nhận" (recipients) and one or two signature blocks.

A borderless two-column table split as the profile says, kept on one page (a signature must
not be separated from its authority line). With one signer, Nơi nhận is on the left and the
signature on the right; with two (a biên bản: the secretary left, the chair right) the blocks
stand side by side and Nơi nhận goes in a row under the left one, as the type says
(`recipients_under`). Recipients are left-aligned without indent in their smaller size; the
signature lines are centred with `signature_space` empty lines left for the signature and seal.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml.ns import qn

from briefing.profile.model import Profile
from briefing.tree.vocabulary import Closing, Recipients, Signature
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import ParagraphLook, keep_with_next, paragraph
from briefing.writers.docx.inline import text_paragraph
from briefing.writers.docx.layout_tables import close_cells, layout_table
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element

Sink = Callable[[Element], None]


def closing(node: Closing, profile: Profile, out: Sink) -> None:
    columns = profile.closing.columns
    left = mm_to_twips(profile.text_width_mm * columns[0] / sum(columns))
    below = node.arrangement == "below"
    rows = 2 if below and node.recipients is not None else 1
    table, cells = layout_table([left, mm_to_twips(profile.text_width_mm) - left], rows)
    signatures = node.signatures
    if below:
        for cell, signature in zip(cells[0][2 - len(signatures[-2:]):], signatures[-2:],
                                   strict=True):
            _signature(cell, signature, profile)
    elif signatures:
        _signature(cells[0][1], signatures[-1], profile)
    if node.recipients is not None:
        _recipients(cells[-1][0], node.recipients)
    close_cells(cells, S.SIGNATURE)
    if rows == 2:  # the band stays on one page, as the PDF's (break-inside: avoid)
        for cell in cells[0]:
            for p in cell.iter(qn("w:p")):
                keep_with_next(p)
    out(table)


def _recipients(cell: Element, recipients: Recipients) -> None:
    cell.append(text_paragraph(S.RECIPIENTS_LABEL, recipients.label))
    for item in recipients.items:
        cell.append(text_paragraph(S.RECIPIENTS, item))


def _signature(cell: Element, signature: Signature, profile: Profile) -> None:
    for style, text in ((S.SIGNATURE_AUTHORITY, signature.authority),
                        (S.SIGNATURE_TITLE, signature.title)):
        if text is not None:
            cell.append(text_paragraph(style, text))
    for _ in range(profile.closing.signature_space):
        cell.append(paragraph(ParagraphLook(style=S.SIGNATURE)))
    cell.append(text_paragraph(S.SIGNATURE_NAME, signature.name))
