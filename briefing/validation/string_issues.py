"""The issues of each string of a document, remembered from one check to the next.

The studio checks the whole document after every save, and a save changes one paragraph of
hundreds: the text checks of every other string (hygiene, typed numbering, markup, tone
marks, years, the font's coverage and widths: ~0.1 s on a 24-page booklet) would find what
they found a moment ago. What a string's checks find depends on the string, its role and
place, the document's tone-mark style, whether it runs on into the next item, and the
profile's font — that is the key. Only the doubled words found in it are judged again each
time, against the whole document's phrases (`proofreading.phrases`), which did change.
`tests/test_string_issues.py` compares the findings with those of the checks run afresh.
"""

from __future__ import annotations

import threading
from typing import Any

from briefing.profile.model import Profile
from briefing.source.yaml_source import Path_
from briefing.validation.blanks import blank_issues
from briefing.validation.findings import TextIssue
from briefing.validation.hygiene import character_issues, quote_issues, spacing_issues
from briefing.validation.markup import markup_issues
from briefing.validation.printing import StringCheck, font_check
from briefing.validation.proofreading import Proofreader
from briefing.validation.proofreading.doubled import Doubled, doubled_words
from briefing.validation.roles import TEXT_ROLES
from briefing.validation.typed_numbers import numbering_issues

#: strings remembered at most (all of a few long documents); then forgotten all at once
LIMIT = 20_000

_Found = tuple[list[TextIssue], list[Doubled], list[TextIssue]]
_found: dict[tuple[Any, ...], _Found] = {}
#: the profiles whose font checks are remembered, by id (kept alive: an id is never reused)
_profiles: dict[int, Profile] = {}
_guard = threading.Lock()


def issues_of(value: str, role: str, path: Path_ = ()) -> list[TextIssue]:
    """Every problem of one string, given what it is and where it sits (not the proofreading,
    which needs the whole document, nor the font's)."""
    issues = character_issues(value)
    if role in TEXT_ROLES:
        issues += spacing_issues(value)
        issues += quote_issues(value)
        issues += markup_issues(value, role)
        issues += numbering_issues(value, role, path)
        issues += blank_issues(value, role)
    return issues


class StringIssues:
    """Every issue of one string of one document, as `text_findings` asks for them."""

    def __init__(self, reader: Proofreader, font_of: Profile | None = None):
        """`font_of`: the profile whose font's checks run on each string too, if any."""
        self.reader = reader
        self.font: StringCheck | None = None
        self.font_key: int | None = None
        if font_of is not None:
            self.font, self.font_key = font_check(font_of), id(font_of)
            with _guard:
                _profiles[self.font_key] = font_of

    def __call__(self, value: str, role: str, path: Path_) -> list[TextIssue]:
        reader = self.reader
        key = (value, role, path, reader.style, reader.mixed, path in reader.run_in,
               self.font_key)
        found = _found.get(key)
        if found is None:
            found = self._parts(value, role, path)
            if len(_found) >= LIMIT:
                _found.clear()
            _found[key] = found
        head, doubled, tail = found
        return head + reader.doubled_issues(doubled) + tail if doubled else head + tail

    def _parts(self, value: str, role: str, path: Path_) -> _Found:
        """The issues before the doubled words' (the string's own checks, its tone marks),
        the doublings found, the issues after them (years, brackets, ending, font)."""
        head = issues_of(value, role, path)
        doubled: list[Doubled] = []
        tail: list[TextIssue] = []
        if role in TEXT_ROLES:
            head += self.reader.tone_issues(value)
            doubled = doubled_words(value)
            tail = self.reader.local_issues(value, role, path)
        if self.font is not None:
            tail += self.font(value, role, path)
        return head, doubled, tail


def forget() -> None:
    """Forget every string's issues (tests)."""
    with _guard:
        _found.clear()
        _profiles.clear()
