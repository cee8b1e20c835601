"""Numbers and markers a clerk typed (or Word displayed) at the start of a paragraph.

"I." "II." (Roman), "1." "1.1" "2.1.1." (a path of Arabic numbers), "a)" "đ)" "(a)", "(i)"
"I-" "1-" "a-" (the hyphen the Party's documents long used, followed by a space),
"i)", "(1)" "1)", "Thứ nhất," "Một là,", and the bullets "-" "+" "•". `parse` tells what the
marker is and its value(s) and returns the text after it, keeping emphasis that wraps the whole
line: "**I. Công tác khoa giáo**" -> roman [1], "**Công tác khoa giáo**".

Letters count in the Vietnamese alphabet (a b c d đ e g h i k …, `letters.py`); a Latin-only
letter (f, j, w, z) in the Latin one. "i)", "v)", "x)", "l)" may be Roman numerals or letters:
they are read as Roman here and carry their `letter`, so whoever knows the item before (the
importer, the lint: `sequence.py`) can read "i)" after "h)" as the letter it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.numbering.letters import LATIN_ONLY, VIETNAMESE, latin_value

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ORDINAL_WORDS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
                 "mười một", "mười hai", "mười ba", "mười bốn", "mười lăm", "mười sáu",
                 "mười bảy", "mười tám", "mười chín", "hai mươi"]
SPOKEN_WORDS = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
BULLETS = "-–—+•·●○◦▪■□‣⁃➢❖✓→\uf0b7\uf0a7"

_ORDINAL = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_SPOKEN = "|".join(SPOKEN_WORDS)

#: (kind, pattern); each must be followed by a space (ordinals carry their own comma).
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("roman", r"(?P<v>[IVXL]{1,6})\s?[.:-]"),  # I.  II.  IV:  I- (the Party's older style)
    ("path", r"(?P<v>\d{1,2}(?:\.\d{1,2}){1,4})\.?"),  # 1.1  2.1.3.
    ("arabic", r"(?P<v>\d{1,2})[.-]"),  # 1.  1-
    ("paren-arabic", r"\((?P<v>\d{1,2})\)"),  # (1)
    ("arabic-paren", r"(?P<v>\d{1,2})\)"),  # 1)
    ("paren-roman", r"\((?P<v>[ivxl]{1,6})\)"),  # (iv)
    ("roman-paren", r"(?P<v>[ivxl]{1,6})\)"),  # iv)
    ("alpha", r"(?P<v>[a-zđ])[)-]"),  # a)  đ)  a-
    ("paren-alpha", r"\((?P<v>[a-zđ])\)"),  # (a)
    ("ordinal", rf"(?i:thứ\s+(?P<v>{_ORDINAL}))(?P<c1>\*{{0,3}})\s*[,:.]"),  # Thứ nhất,
    ("ordinal-spoken", rf"(?P<v>(?i:{_SPOKEN}))\s+là(?P<c1>\*{{0,3}})\s*[,:.]"),  # Một là,
    ("bullet", rf"(?P<v>[{BULLETS}])"),
)
_COMPILED = [(kind, re.compile(rf"(?P<stars>\*{{0,3}})(?:{pattern})(?P<close>\*{{0,3}})"
                               + (r"\s*" if kind.startswith("ordinal") else r"(?:\s+|$)")))
             for kind, pattern in _PATTERNS]


@dataclass(frozen=True)
class Marker:
    kind: str  # one of the kinds above
    values: tuple[int, ...]  # (1,) for "I." / "1." / "(i)"; (2, 1, 3) for "2.1.3."
    raw: str  # the marker as typed, "2.1.3."
    rest: str  # the text after it (emphasis kept)
    dotted: bool = True  # a path written with its final dot ("1.1." rather than "1.1")
    #: the letter typed, for letters and for Roman numerals that are also letters ("i)")
    letter: str | None = None

    @property
    def value(self) -> int:
        return self.values[-1]

    @property
    def depth(self) -> int:
        return len(self.values)


def roman_value(text: str) -> int | None:
    text = text.upper()
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        following = _ROMAN_VALUES.get(text[index + 1]) if index + 1 < len(text) else 0
        total += -value if following and following > value else value
    from briefing.numbering.counters import roman

    return total if roman(total) == text else None


def parse(text: str) -> Marker | None:
    """The marker at the start of `text` (inline Markdown), or None."""
    for kind, pattern in _COMPILED:
        match = pattern.match(text)
        if match is None:
            continue
        raw_value = match.group("v")
        values = _values(kind, raw_value)
        if values is None:
            continue
        stars = match.group("stars")
        close = match.group("close") or (match.groupdict().get("c1") or "")
        rest = text[match.end():]
        if not rest.strip() or (kind == "bullet" and stars):
            continue
        if stars and close == stars:
            rest = rest  # "**I.** Bối cảnh": the emphasis was the marker's
        elif stars:
            rest = stars + rest  # "**I. Bối cảnh**": keep the emphasis of the text
        if kind == "bullet" and raw_value in "-–—" and rest[:1].isdigit():
            continue  # "- 5 %" or a negative number, not a bullet
        raw = match.group(0).replace("*", "").strip()
        dotted = not (kind == "path" and not raw.rstrip("*").endswith("."))
        letter = raw_value.lower() if kind in _LETTER_KINDS and len(raw_value) == 1 else None
        return Marker(kind, values, raw, rest, dotted, letter)
    return None


#: kinds whose value may be a single letter of the alphabet
_LETTER_KINDS = ("alpha", "paren-alpha", "roman-paren", "paren-roman")
#: a Roman kind and the letter kind written the same way
AS_LETTER = {"roman-paren": "alpha", "paren-roman": "paren-alpha"}


def as_letter(marker: Marker) -> Marker | None:
    """`marker` ("i)", "(v)") read as a letter instead of a Roman numeral, if it can be."""
    kind = AS_LETTER.get(marker.kind)
    if kind is None or marker.letter is None:
        return None
    value = letter_value(marker.letter)
    if value is None:
        return None
    return Marker(kind, (value,), marker.raw, marker.rest, marker.dotted, marker.letter)


def letter_value(letter: str) -> int | None:
    """A letter's place: in the Vietnamese alphabet, or the Latin one for f, j, w, z."""
    if letter in LATIN_ONLY:
        return latin_value(letter)
    return VIETNAMESE.value(letter)


def _values(kind: str, raw: str) -> tuple[int, ...] | None:
    if kind == "roman":
        value = roman_value(raw)
        return (value,) if value else None
    if kind in ("paren-roman", "roman-paren"):
        value = roman_value(raw)
        return (value,) if value else None
    if kind == "path":
        return tuple(int(part) for part in raw.split("."))
    if kind in ("alpha", "paren-alpha"):
        value = letter_value(raw)
        return (value,) if value else None
    if kind == "ordinal":
        return (ORDINAL_WORDS.index(" ".join(raw.lower().split())) + 1,)
    if kind == "ordinal-spoken":
        return (SPOKEN_WORDS.index(raw.lower()) + 1,)
    if kind == "bullet":
        return (0,)
    return (int(raw),)


#: Enumeration styles of the profiles by marker kind.
ENUMERATION_STYLES = {"paren-roman": "paren-roman", "roman-paren": "paren-roman",
                      "paren-arabic": "paren-arabic", "arabic-paren": "paren-arabic",
                      "alpha": "alpha", "paren-alpha": "alpha", "arabic": "arabic",
                      "ordinal": "ordinal", "ordinal-spoken": "ordinal-spoken"}


def shown(kind: str, value: int) -> str:
    """How a marker of `kind` with `value` is written (for gap messages); letters in the
    Vietnamese alphabet, as the output prints them."""
    from briefing.numbering.counters import roman

    forms = {"roman": f"{roman(value)}.", "arabic": f"{value}.",
             "paren-arabic": f"({value})", "arabic-paren": f"{value})",
             "paren-roman": f"({roman(value).lower()})", "roman-paren": f"{roman(value).lower()})",
             "alpha": f"{_letter(value)})", "paren-alpha": f"({_letter(value)})",
             "ordinal": f"Thứ {ORDINAL_WORDS[value - 1]}," if value <= len(ORDINAL_WORDS) else "",
             "ordinal-spoken": f"{SPOKEN_WORDS[value - 1].capitalize()} là,"
             if value <= len(SPOKEN_WORDS) else ""}
    return forms.get(kind, str(value))


def _letter(value: int) -> str:
    from briefing.numbering.counters import letter
    from briefing.numbering.letters import PastLastLetter

    try:
        return letter(value)
    except PastLastLetter:
        return str(value)
