"""The cover of a booklet laid out once, for both writers: page 1, alone.

Top-centred, the issuer block (superior, issuer, "*" or a short rule, number) over the title,
the subject (balanced lines), issue, meeting and the boxed mark; the place-and-month foot stands
at the bottom of the page (the DOCX pins it in the first-page footer, the PDF places it
absolutely at the same height). Each line carries its role; the writers name its style.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.layout.masthead import Line, Rule, issuer_lines
from briefing.profile.model import Profile
from briefing.tree.vocabulary import Cover


class CoverLayout(NamedTuple):
    issuer: tuple[Line | Rule, ...]
    #: title, subject?, issue?, meeting?, mark? in order
    lines: tuple[Line, ...]
    foot: Line


def cover_layout(cover: Cover, profile: Profile) -> CoverLayout:
    issuer: list[Line | Rule] = issuer_lines(cover.issuer, profile, profile.text_width_mm)
    if cover.issuer.number is not None:
        issuer.append(Line("number", cover.issuer.number))
    lines = [Line("title", cover.title)]
    for role, text in (("subject", cover.subject), ("issue", cover.issue),
                       ("meeting", cover.meeting),
                       ("mark", cover.mark.text if cover.mark is not None else None)):
        if text is not None:
            lines.append(Line(role, text))  # type: ignore[arg-type]
    return CoverLayout(tuple(issuer), tuple(lines), Line("foot", cover.foot))
