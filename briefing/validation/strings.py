"""Run the string checks (hygiene, typed numbering, markup, proofreading) on every scalar of a
file.

They work from the YAML data and the path of each value (`roles.role_of`), not from the
checked model, so a file that fails the schema still gets exact columns for its text problems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from briefing.messages import msg
from briefing.problems import WARNING, BriefingError, Problem
from briefing.profile.model import Profile, load_profile
from briefing.source.yaml_source import Path_, SourceMap
from briefing.validation.findings import Finding, TextIssue, ValueFix, fix_hint
from briefing.validation.locate import Locator
from briefing.validation.proofreading import Proofreader
from briefing.validation.roles import INLINE_ROLES, role_of
from briefing.validation.string_issues import StringIssues

_TRAILING_COMMENT = re.compile(r"[ \t]+#")


def strings(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string in `data` (YAML data or a dumped model) with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


def text_findings(data: Any, source: SourceMap, locator: Locator | None = None,
                  profile: Profile | None = None, *, own_only: bool = False,
                  fonts: bool = False) -> list[Finding]:
    """The string checks on every string of `data`, located through `source`, in one walk;
    proofreading follows `profile` (by default the one the data's meta names, if it loads),
    and with `fonts` (and a profile) the checks of its font run on each string too.

    Positions are exact (and fixes offered) where `source` has the scalar that wrote the string;
    a document assembled from several files (unit variants) gets the value's position instead.
    With `own_only`, values that came from another file (a unit's or a meeting's, checked in
    their own file with exact columns) are skipped.
    """
    locator = locator or Locator(source)
    texts = [(path, value, role_of(path)) for path, value in strings(data)]
    reader = Proofreader(texts, tone_style(data, profile), data)  # every text is context
    string_issues = StringIssues(reader, profile if fonts else None)
    findings: list[Finding] = []
    for path, value, role in texts:
        if own_only and source.at(path).file != source.file:
            continue
        scalar = source.scalars.get(path)
        exact = scalar is not None and unicodedata.normalize("NFC", scalar.raw) == value
        issues = string_issues(value, role, path)
        findings.extend(_finding(locator, path, value, issue, exact) for issue in issues)
        if exact and scalar is not None and scalar.style is None and role in INLINE_ROLES:
            findings.extend(_cut_by_comment(source, path, scalar.end))
    return findings


def tone_style(data: Any, profile: Profile | None = None) -> str:
    """The tone-mark style the document's profile asks for; "consistent" when the profile
    cannot be told (the structure checks report a profile that does not load)."""
    if profile is None:
        meta = data.get("meta") if isinstance(data, dict) else None
        name = meta.get("profile", "party") if isinstance(meta, dict) else "party"
        try:
            profile = load_profile(name if isinstance(name, str) else "")
        except BriefingError:
            return "consistent"
    return profile.spelling.tone_marks


def _cut_by_comment(source: SourceMap, path: Path_, end: int) -> list[Finding]:
    """Running text that goes on after " #": YAML reads the rest of the line as a comment."""
    match = _TRAILING_COMMENT.match(source.text, end)
    if match is None:
        return []
    position = source.position_at(match.end() - 1)
    return [Finding(Problem(position, msg("comment", "the text after ' #' is a YAML comment "
                                                     "and is not printed"), WARNING,
                            msg("comment-hint", "put the whole text in quotes if it belongs to "
                                                "it")))]


def _finding(locator: Locator, path: Path_, value: str, issue: TextIssue,
             exact: bool) -> Finding:
    start, end = issue.fixed
    old = value[start:end]
    fix = None
    hint = issue.hint
    if issue.replacement is not None:
        hint = fix_hint(issue.hint, old, issue.replacement)
        if exact:
            fix = ValueFix(path, start, end, issue.replacement)
    position = locator.position(path, issue.start) if exact else locator.source.at(path)
    problem = Problem(position, issue.message, issue.severity, hint,
                      fix=(old, issue.replacement) if fix else None)
    return Finding(problem, fix)
