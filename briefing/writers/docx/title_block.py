"""The title block: document type and subject (trích yếu), centred, with a short rule.

The rule is an empty hairline paragraph ("Title Rule" style) whose bottom border is as long as
the profile says (title_block.rule mm): the style's left and right indents centre it, so a
clerk can lengthen it by editing one style.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.profile.model import Profile
from briefing.tree.vocabulary import TitleBlock
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import ParagraphLook, paragraph
from briefing.writers.docx.inline import InlineSink, text_paragraph
from briefing.writers.docx.ooxml import Element

Sink = Callable[[Element], None]


def title_block(node: TitleBlock, profile: Profile, out: Sink, inline: InlineSink) -> None:
    """Doc-type, subject and the rule under them."""
    out(text_paragraph(S.DOCUMENT_TYPE, node.doc_type))
    if node.subject is not None:
        subject = paragraph(ParagraphLook(style=S.SUBJECT))
        inline(subject, node.subject)
        out(subject)
    if profile.title_block.rule:
        out(paragraph(ParagraphLook(style=S.TITLE_RULE)))
