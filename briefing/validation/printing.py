"""The checks that need the profile's font: every character drawable, no run wider than a line.

They run on every string a document prints, wherever it comes from (content, unit and meeting
files alike), each at its own file, line and column.
"""

from __future__ import annotations

from typing import Any

from briefing.profile.model import Profile
from briefing.source.yaml_source import Path_, SourceMap
from briefing.validation.blanks import blank_width_issues, blanks_as_spaces
from briefing.validation.coverage import coverage_issues, drawable
from briefing.validation.findings import Finding, TextIssue
from briefing.validation.locate import Locator
from briefing.validation.overflow import overflow_issues
from briefing.validation.roles import INLINE_ROLES
from briefing.validation.strings import located_findings


def font_findings(data: Any, source: SourceMap, locator: Locator, profile: Profile, *,
                  own_only: bool = False) -> list[Finding]:
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

    return located_findings(data, source, locator, check, own_only=own_only)
