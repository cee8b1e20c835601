"""Unbreakable runs wider than the text block: an error at the run's first character.

The PDF breaks lines only between words (and after a hyphen or dash): a "word" wider than the
text block — a pasted link, a run of characters without a space — cannot be broken and runs
off the right edge of the page, where it is cut. The run is measured with the profile's
vendored font at the size its text is set in (`briefing.layout.measure`), so only what would
really overflow is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.layout.measure import MM_PER_PT, text_width_pt
from briefing.messages import msg
from briefing.profile.model import Profile
from briefing.text.inline_markdown import FOOTNOTE_ID
from briefing.validation.findings import ERROR, TextIssue

#: text between blanks (the breaking ones: not the non-breaking space) …
_WORD = re.compile("[^ \t\n\r\u200b\u2028\u2029]+")
#: … cut after each hyphen or dash, where a line may also break
_PIECE = re.compile("[^-\u2013\u2014]*[-\u2013\u2014]+|[^-\u2013\u2014]+")
#: what Markdown prints as nothing (emphasis stars, escapes) or as a short number (calls)
_MARKUP = re.compile(rf"\\(?=.)|\*+|\[\^{FOOTNOTE_ID}\]")
#: the shortest run worth measuring: no glyph of a text face is narrower than a tenth of its
#: size, and no text block is 300 mm wide
_SHORTEST = 40
#: the longest prefix measured: past it the run overflows whatever it holds
_LONGEST = 4000


def overflow_issues(value: str, profile: Profile, size: float) -> list[TextIssue]:
    """An error for each run of `value` that is wider than the text block at `size` pt."""
    if len(value) < _SHORTEST:
        return []
    limit_mm = profile.text_width_mm
    issues = []
    for start, run in _runs(value):
        printed = _MARKUP.sub("9", run[:_LONGEST])
        width_mm = text_width_pt(printed, profile, size) * MM_PER_PT
        if width_mm <= limit_mm:
            continue
        if len(run) <= _LONGEST:
            message = msg("overflow", "an unbreakable run of {count:,} characters is "
                          "{width:,.0f} mm wide, more than the {limit:.0f} mm of a line: it "
                          "would run off the page", count=len(run), width=width_mm,
                          limit=limit_mm)
        else:
            message = msg("overflow", "an unbreakable run of {count:,} characters is wider "
                          "than the {limit:.0f} mm of a line: it would run off the page",
                          count=len(run), limit=limit_mm)
        issues.append(TextIssue(start, start + len(run), message, hint=msg(
            "overflow-hint", "add spaces where it may break, or shorten it"), severity=ERROR))
    return issues


def _runs(value: str) -> Iterator[tuple[int, str]]:
    """(offset, run) of every unbreakable run long enough to be measured."""
    for word in _WORD.finditer(value):
        if word.end() - word.start() < _SHORTEST:
            continue
        for piece in _PIECE.finditer(word.group()):
            if piece.end() - piece.start() >= _SHORTEST:
                yield word.start() + piece.start(), piece.group()
