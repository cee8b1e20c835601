"""The looks of the head and the closing, with the defaults the profile does not write.

A few text looks of the profile take another default than the model's where the profile leaves
a value out: the circulation mark and the signature's authority line stand a full body line
below what precedes them, the cover's subject and issue lines the body's paragraph gap, the
recipients are set flush left. Resolved here once, so the DOCX styles and the PDF stylesheet
read the same numbers; a value written in the profile always wins.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from briefing.profile.model import Profile, TextStyle


def _unless_set(style: TextStyle, **defaults: Any) -> TextStyle:
    """`style` with `defaults` for the fields the profile does not set."""
    unset = {name: value for name, value in defaults.items()
             if name not in style.model_fields_set}
    return style.model_copy(update=unset) if unset else style


class Looks(NamedTuple):
    mark: TextStyle
    cover_subject: TextStyle
    cover_issue: TextStyle
    recipients_label: TextStyle
    recipients: TextStyle
    signature_authority: TextStyle


def resolved_looks(profile: Profile) -> Looks:
    body, cover, closing = profile.body, profile.cover, profile.closing
    return Looks(
        mark=_unless_set(cover.mark, space_before=body.line_height),
        cover_subject=_unless_set(cover.subject, space_before=body.space_after),
        cover_issue=_unless_set(cover.issue, space_before=body.space_after),
        recipients_label=_unless_set(closing.label, align="left",
                                     space_before=body.line_height),
        recipients=_unless_set(closing.item, align="left"),
        signature_authority=_unless_set(closing.authority, space_before=body.line_height),
    )
