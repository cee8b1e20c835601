"""The checks that need the profile's font: every character drawable, no run wider than a line.

They run on every string a document prints, wherever it comes from (content, unit and meeting
files alike), each at its own file, line and column — in the same walk over the strings as the
text checks (`strings.text_findings(..., fonts=True)`).
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.profile.model import Profile
from briefing.source.yaml_source import Path_
from briefing.validation.blanks import blank_width_issues, blanks_as_spaces
from briefing.validation.coverage import coverage_issues, drawable
from briefing.validation.findings import TextIssue
from briefing.validation.overflow import overflow_issues
from briefing.validation.roles import INLINE_ROLES

#: the issues of one string, given its role and its path
StringCheck = Callable[[str, str, Path_], list[TextIssue]]


def font_check(profile: Profile) -> StringCheck:
    """Characters the font cannot draw (every printed string), unbreakable runs and blanks
    wider than a line (running text, measured at the size it is set in)."""
    chars = drawable(profile)
    family = profile.font.pdf_family

    def check(value: str, role: str, path: Path_) -> list[TextIssue]:
        if role == "code":  # ids, kinds, dates, styles: never printed as written
            return []
        issues = coverage_issues(value, chars, family)
        if role in INLINE_ROLES:
            size = profile.footnote.size if role == "footnote" else profile.body.size
            issues += overflow_issues(blanks_as_spaces(value), profile, size)
            issues += blank_width_issues(value, profile)
        return issues

    return check
