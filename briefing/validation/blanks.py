"""Fill-in blanks: where they may stand, how wide they are, and dots typed in their place.

`{blank}`, `{blank:40}` (mm) and `{fill}` (to the end of the line) belong to running text that
prints as inline Markdown: paragraphs, list items and points, numbered paragraphs and clauses,
table cells, footnotes, one-line constructs and Căn cứ lines ("Căn cứ {fill};"). Not in titles
or captions (a heading with a gap in it is a form's label, a body line), nor in meta: the
number is left blank by writing it without its digits ("/QĐ-UBND"), the date by leaving out
its day and month ("2024"); Nơi nhận and Kính gửi print as written.

A run of five dots or more, or of three "…" or more, is a blank typed by hand: its width
depends on the font and it breaks badly; the fix writes `{fill}` at the end of a paragraph and
`{blank}` elsewhere. A blank is never "an unbreakable run wider than a line" (`overflow`);
one wider than the line itself is an error.
"""

from __future__ import annotations

import difflib
import re

from briefing.messages import msg
from briefing.profile.model import Profile
from briefing.text.inline_markdown import BLANK
from briefing.validation.findings import ERROR, TextIssue

#: Roles whose text may hold blanks (`roles.role_of`).
BLANK_ROLES = frozenset({"paragraph", "item", "numbered", "clause", "cell", "line",
                         "footnote"})
#: Anything written like a blank, well formed or not: {blank…}, {fill…}, and near misses.
_LOOKS_LIKE = re.compile(r"(?<!\{)\{(?P<word>[A-Za-z]{3,6})(?P<rest>:[^{}\s]{0,12})?\}(?!\})")
#: Dots typed for a blank: "." and "…" mixed, at least two characters.
_DOTS = re.compile(r"[.…]{2,}")
#: What may follow a blank at the end of a paragraph: its punctuation ("……;", "…… ./.").
_AT_END = re.compile(r"\s*(?:\./\.|[.;:,])?\s*$")
_SYNTAX = msg("blank-hint", "write {{blank}} (the default width), {{blank:40}} (40 mm) or "
                            "{{fill}} (to the end of the line)")
_WHERE = {"title": msg("blank-in-title", "a title"),
          "caption": msg("blank-in-caption", "a caption"),
          "meta": msg("blank-in-meta", "meta"),
          "recipient": msg("blank-in-recipient", "a Nơi nhận item"),
          "addressee": msg("blank-in-addressee", "an addressee"),
          "lead": msg("blank-in-lead", "an inline enumeration's lead"),
          "label": msg("blank-in-label", "a speaker's label")}


def blank_issues(value: str, role: str) -> list[TextIssue]:
    """Blanks that are malformed or out of place, and dots typed where a blank belongs."""
    if "{" not in value and "." not in value and "…" not in value:
        return []
    issues = []
    for match in _LOOKS_LIKE.finditer(value):
        issues += _written(match, role)
    if role in BLANK_ROLES:
        issues += _typed_dots(value)
    return issues


def _written(match: re.Match[str], role: str) -> list[TextIssue]:
    written = match.group()
    word = match.group("word")
    start, end = match.span()
    if word not in ("blank", "fill"):
        near = difflib.get_close_matches(word.lower(), ["blank", "fill"], n=1, cutoff=0.6)
        if not near:
            return []
        return [TextIssue(start, end, msg("blank", "'{written}' is printed as written: did you "
                                          "mean {{{near}}}?", written=written, near=near[0]),
                          _SYNTAX)]
    blank = BLANK.fullmatch(written)
    if blank is None:
        return [TextIssue(start, end, msg("blank", "'{written}' is not a fill-in blank",
                                          written=written), _SYNTAX, severity=ERROR)]
    if blank.group("width") is not None and float(blank.group("width")) <= 0:
        return [TextIssue(start, end, msg("blank", "'{written}': a blank is more than 0 mm wide",
                                          written=written), _SYNTAX, severity=ERROR)]
    if role not in BLANK_ROLES:
        where = _WHERE.get(role) or msg("blank-in-other", "this place")
        hint = msg("blank-meta-hint", "meta prints as written; a number is left blank without "
                   "its digits ('/QĐ-UBND'), a date without its day and month ('2024')") \
            if role == "meta" else msg("blank-place-hint", "blanks stand in running text: "
                                       "paragraphs, list items, clauses, cells")
        return [TextIssue(start, end, msg("blank", "a fill-in blank cannot stand in {where}",
                                          where=where), hint, severity=ERROR)]
    return []


def _typed_dots(value: str) -> list[TextIssue]:
    issues = []
    for match in _DOTS.finditer(value):
        run = match.group()
        if run.count(".") < 5 and run.count("…") < 3:
            continue
        start, end = match.span()
        if run.endswith(".") and run.rstrip(".").endswith("…") and run.count(".") == 1:
            end -= 1  # "……………." — the last dot ends the sentence
        at_end = _AT_END.fullmatch(value, end) is not None
        blank = "{fill}" if at_end else "{blank}"
        issues.append(TextIssue(start, end, msg("blank", "a run of {n} dots typed for a "
                                                "fill-in blank", n=end - start),
                                msg("blank-dots-hint", "a blank is drawn, as wide as the "
                                                       "layout says"),
                                replacement=blank))
    return issues


def blank_width_issues(value: str, profile: Profile) -> list[TextIssue]:
    """Blanks wider than the text block (they could not print on one line)."""
    if "{blank:" not in value:
        return []
    limit = profile.text_width_mm
    issues = []
    for match in BLANK.finditer(value):
        width = match.group("width")
        if width is not None and float(width) > limit:
            issues.append(TextIssue(
                match.start(), match.end(), msg("blank", "a blank {width:g} mm wide is wider than "
                                                "the {limit:.0f} mm of a line",
                                                width=float(width), limit=limit),
                msg("blank-width-hint", "write {{fill}} for a blank to the end of the line, or "
                                        "a narrower width"), severity=ERROR))
    return issues


def blanks_as_spaces(value: str) -> str:
    """`value` with each blank replaced by spaces of its length: a blank breaks a line like a
    space (the width of a blank is checked on its own), offsets unchanged."""
    return BLANK.sub(lambda m: " " * len(m.group()), value) if "{" in value else value
