"""The closing band: "Nơi nhận" (recipients) on the left, the signature block on the right.

A borderless two-column table split as the profile says, kept on one page (a signature must
not be separated from its authority line). Recipients are left-aligned without indent in their
smaller size; the signature lines are centred with `signature_space` empty lines left for the
signature and seal.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from briefing.profile.model import Profile
from briefing.writers.docx import styles as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import styled
from briefing.writers.docx.layout_tables import close_cells, layout_table
from briefing.writers.docx.lengths import mm_to_twips
from briefing.writers.docx.ooxml import Element

Sink = Callable[[Element], None]

_SIGNATURE_STYLES = {"authority": S.SIGNATURE_AUTHORITY, "title": S.SIGNATURE_TITLE,
                     "name": S.SIGNATURE_NAME}


def closing(node: ET.Element, profile: Profile, out: Sink) -> None:
    columns = profile.closing.columns
    left = mm_to_twips(profile.text_width_mm * columns[0] / sum(columns))
    table, cells = layout_table([left, mm_to_twips(profile.text_width_mm) - left], 1)
    recipients_cell, signature_cell = cells[0]
    for child in node:
        if child.tag == "recipients":
            _recipients(child, recipients_cell)
        elif child.tag == "signature":
            _signature(child, profile, signature_cell)
        else:
            raise ValueError(f"the DOCX writer does not know the closing element <{child.tag}>")
    close_cells(cells, S.SIGNATURE)
    out(table)


def _recipients(node: ET.Element, cell: Element) -> None:
    for child in node:
        if child.tag == "label":
            cell.append(styled(S.RECIPIENTS_LABEL, child))
        elif child.tag == "item":
            cell.append(styled(S.RECIPIENTS, child))
        else:
            raise ValueError(f"the DOCX writer does not know the recipients element "
                             f"<{child.tag}>")


def _signature(node: ET.Element, profile: Profile, cell: Element) -> None:
    for child in node:
        if child.tag not in _SIGNATURE_STYLES:
            raise ValueError(f"the DOCX writer does not know the signature element "
                             f"<{child.tag}>")
        if child.tag == "name":
            for _ in range(profile.closing.signature_space):
                cell.append(paragraph(ParagraphLook(style=S.SIGNATURE)))
        cell.append(styled(_SIGNATURE_STYLES[child.tag], child))
