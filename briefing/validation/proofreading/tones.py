"""Where the tone mark sits on the open rhymes -oa, -oe, -uy: hòa or hoà, khỏe or khoẻ, thủy or
thuỷ, ủy or uỷ.

Both placements are in use and spell the same word. The "old" style puts the mark on the second
vowel (hoà, khoẻ, thuỷ), the "new" style on the first (hòa, khỏe, thủy); state forms and most
Party documents now write the new one, school books the old one. A document should keep to
one, the one its layout profile names (`spelling.tone_marks`). Only
these three rhymes differ, and only without a final consonant (hoàn, thuyết, huỳnh are the same
in both styles) and not after "q", where the u belongs to the consonant (quý, quỳ).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

OLD, NEW = "old", "new"
#: The profile's choice: one style, or either as long as the document keeps to it.
STYLES = (NEW, OLD, "consistent")

TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_RHYMES = frozenset({("o", "a"), ("o", "e"), ("u", "y")})
_VOWELS = frozenset("aăâeêioôơuưy")
_PAIR = "[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ]"
#: Words ending in o/u + a/e/y, tone marks aside: the only candidates, found in one pass.
CANDIDATE = re.compile(rf"(?<![^\W\d_])[^\W\d_]*{_PAIR}(?![^\W\d_])", re.IGNORECASE)


@dataclass(frozen=True)
class ToneMark:
    """A word at value[start:end] written in `style`; `other` is the same word in the other."""

    start: int
    end: int
    word: str
    style: str
    other: str


def _letters(word: str) -> list[list[str]]:
    """The word as letters, each [base, marks…] in NFD."""
    letters: list[list[str]] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) and letters:
            letters[-1].append(char)
        else:
            letters.append([char])
    return letters


@lru_cache(maxsize=4096)  # a document repeats its words: hòa, ủy, hóa …
def style_of(word: str) -> tuple[str, str] | None:
    """(style, the word in the other style) if the word's tone placement is a matter of style."""
    letters = _letters(word)
    if len(letters) < 2:
        return None
    first, second = letters[-2], letters[-1]
    if (first[0].lower(), second[0].lower()) not in _RHYMES:
        return None
    if len(letters) >= 3:
        before = letters[-3][0].lower()
        if before in _VOWELS or before == "q":
            return None  # "uoa" is no rhyme; "quy" is qu + y
    marks_first, marks_second = set(first[1:]), set(second[1:])
    if (marks_first | marks_second) - TONES:
        return None  # another diacritic on the pair: not one of these rhymes
    if any(TONES & set(letter[1:]) for letter in letters[:-2]):
        return None
    tone_first, tone_second = marks_first & TONES, marks_second & TONES
    if len(tone_first) + len(tone_second) != 1:
        return None
    if tone_first:
        style, moved = NEW, [[first[0]], [second[0], *tone_first]]
    else:
        style, moved = OLD, [[first[0], *tone_second], [second[0]]]
    other = "".join("".join(letter) for letter in letters[:-2] + moved)
    return style, unicodedata.normalize("NFC", other)


def tone_marks(value: str) -> list[ToneMark]:
    """Every word of `value` whose tone placement shows a style."""
    found = []
    for match in CANDIDATE.finditer(value):
        styled = style_of(match.group())
        if styled is not None:
            found.append(ToneMark(match.start(), match.end(), match.group(), *styled))
    return found
