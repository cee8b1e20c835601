"""Characters the profile's font cannot draw: an error at the file, line and column of each.

Every glyph of a briefing comes from the vendored font the profile names (Liberation Serif):
a character outside its cmap would print as a blank, or — had the PDF writer any other font
to take it from — as a glyph of another typeface (an emoji from a colour font, a Chinese
character from a system fallback). Neither is acceptable in an official document, so it is an
**error** (the build refuses), not a warning: the message names the character, its code point
and Unicode name, and suggests a replacement where one is obvious (the compatibility form,
"ＡＢＣ" -> "ABC", "①" -> "1", or a typographic near-equivalent); `check --fix` applies those.

The four faces (regular, bold, italic, bold italic) are read once per font file (fontTools);
a character counts as drawable when every face has it, as any text may be set in any face.
Characters the hygiene checks already report (invisible, control, private-use and unassigned
ones, line separators) are left to them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from briefing.messages import Message, msg
from briefing.profile.model import Profile
from briefing.validation.findings import ERROR, TextIssue

FACES = ("regular", "bold", "italic", "bold_italic")
#: left to the hygiene checks (briefing/validation/hygiene.py), or never drawn (\n, \t)
_NOT_DRAWN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
#: near-equivalents the font has, for characters whose compatibility form does not help
NEAR: dict[str, str] = {
    "\u2010": "-",  # HYPHEN
    "\u2011": "-",  # NON-BREAKING HYPHEN
    "\u2012": "–",  # FIGURE DASH
    "\u2015": "—",  # HORIZONTAL BAR
    "\u2212": "-",  # MINUS SIGN
    "\u2043": "-",  # HYPHEN BULLET
    "\u2219": "•",  # BULLET OPERATOR
    "\u25cf": "•",  # BLACK CIRCLE
    "\u2713": "x",  # CHECK MARK
    "\u2714": "x",  # HEAVY CHECK MARK
    "\u275d": "“", "\u275e": "”", "\u275b": "‘", "\u275c": "’",  # ornamental quotes
    "\u3001": ",", "\u3002": ".",  # ideographic comma and full stop
    "\uff0c": ",", "\uff0e": ".",
}


#: scripts a clerk may paste from the web, by the first word of their characters' names
_JAPANESE = msg("script-japanese", "Japanese")
SCRIPTS = {"CJK": msg("script-chinese", "Chinese"), "HIRAGANA": _JAPANESE,
           "KATAKANA": _JAPANESE, "HANGUL": msg("script-korean", "Korean"),
           "ARABIC": msg("script-arabic", "Arabic"), "HEBREW": msg("script-hebrew", "Hebrew"),
           "THAI": msg("script-thai", "Thai"), "LAO": msg("script-lao", "Lao"),
           "KHMER": msg("script-khmer", "Khmer"),
           "DEVANAGARI": msg("script-devanagari", "Devanagari"),
           "MYANMAR": msg("script-myanmar", "Myanmar")}
#: characters named one by one in a message
MAX_NAMED = 5


@lru_cache(maxsize=16)
def _cmap(path: str) -> frozenset[str]:
    font = TTFont(path, lazy=True)
    try:
        return frozenset(chr(code) for code in font.getBestCmap())
    finally:
        font.close()


@lru_cache(maxsize=8)
def _drawable(paths: tuple[str, ...]) -> frozenset[str]:
    return frozenset.intersection(*(_cmap(path) for path in paths))


def drawable(profile: Profile) -> frozenset[str]:
    """Every character all four faces of the profile's font can draw."""
    return _drawable(tuple(str(Path(profile.font.path(face))) for face in FACES))


def coverage_issues(value: str, chars: frozenset[str], family: str) -> list[TextIssue]:
    """One error per run of characters of `value` that the font (`chars`) cannot draw, each
    character named with its code point (a pasted Chinese sentence is one line, not fifty)."""
    if chars.issuperset(value):  # the usual case, in one C-speed test
        return []
    issues = []
    index = 0
    while index < len(value):
        if not _missing(value[index], chars):
            index += 1
            continue
        end = index + 1
        while end < len(value) and _missing(value[end], chars):
            end += 1
        issues.append(_issue(value, index, end, chars, family))
        index = end
    return issues


def _missing(char: str, chars: frozenset[str]) -> bool:
    return char not in chars and unicodedata.category(char) not in _NOT_DRAWN


def _issue(value: str, start: int, end: int, chars: frozenset[str], family: str) -> TextIssue:
    run = value[start:end]
    distinct = list(dict.fromkeys(run))
    named: Message | str = ", ".join(
        f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}" for c in distinct[:MAX_NAMED])
    if len(distinct) > MAX_NAMED:
        named = msg("font-coverage-more", "{named}, and {more} more", named=named,
                    more=len(distinct) - MAX_NAMED)
    shown = run if len(run) <= 20 else run[:19] + "…"
    replacements = [suggestion(char, chars) for char in run]
    replacement = None if None in replacements else "".join(replacements)  # type: ignore[arg-type]
    hint = msg("replace-it", "replace it") if replacement is not None else _advice(distinct[0])
    what = f"'{shown}' ({named})" if len(run) == 1 else \
        msg("font-coverage-run", "these {count} characters: '{run}' ({named})", count=len(run),
            run=shown, named=named)
    return TextIssue(start, end, msg("font-coverage", "the font {family} cannot draw {what}: "
                                     "the PDF would show blanks or another font's glyphs",
                                     family=family, what=what),
                     hint=hint, severity=ERROR, replacement=replacement)


def suggestion(char: str, chars: frozenset[str]) -> str | None:
    """An obvious replacement the font can draw, or None."""
    for candidate in (NEAR.get(char), unicodedata.normalize("NFKC", char)):
        if candidate and candidate != char and chars.issuperset(candidate):
            return candidate
    return None


def _advice(char: str) -> Message:
    name = unicodedata.name(char, "")
    if unicodedata.category(char) == "So" or "EMOJI" in name or ord(char) >= 0x1F000:
        return msg("font-emoji-hint",
                   "delete it: a symbol or emoji has no place in the text of a briefing")
    script = name.split(" ")[0] if name else ""
    if script in SCRIPTS:
        return msg("font-script-hint", "the font has no {script} characters: write it in "
                   "Vietnamese, or a name in Latin transcription", script=SCRIPTS[script])
    return msg("font-other-hint", "delete it or write it out in words")
