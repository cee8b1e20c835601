"""The title block: document type and subject (trích yếu), centred, with a short rule.

The rule is an empty hairline paragraph ("Title Rule" style) whose bottom border is as long as
the profile says (title_block.rule mm): the style's left and right indents centre it, so a
clerk can lengthen it by editing one style.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from briefing.profile.model import Profile
from briefing.writers.docx import styles as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import styled
from briefing.writers.docx.ooxml import Element

Sink = Callable[[Element], None]


def title_block(node: ET.Element, profile: Profile, out: Sink) -> None:
    """Doc-type, subject and the rule under them."""
    doc_type = node.find("doc-type")
    subject = node.find("subject")
    for child in node:
        if child.tag not in ("doc-type", "subject"):
            raise ValueError(f"the DOCX writer does not know the title-block element "
                             f"<{child.tag}>")
    for style_id, element in ((S.DOCUMENT_TYPE, doc_type), (S.SUBJECT, subject)):
        if element is not None:
            out(styled(style_id, element))
    if profile.title_block.rule:
        out(paragraph(ParagraphLook(style=S.TITLE_RULE)))
