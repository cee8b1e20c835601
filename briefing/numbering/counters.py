"""Computed numbering: heading ladders (I. -> 1.1. -> 2.1.1.) and enumeration markers.

Users never type numbers; the formats come from the layout profile, e.g. "{1}.{2}." is the
counter of level 1 and of level 2 in Arabic digits, "{1:R}" upper-case Roman, "{3:a}" a letter
of the profile's alphabet (`letters.py`: Vietnamese, a b c d đ e g h i k …).
Formats are read with Python's format-string grammar (`string.Formatter().parse`), the same
parser the profile's checks use, so what loads is exactly what prints ("{{" is a literal "{").
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Protocol

from briefing.messages import msg
from briefing.numbering.letters import VIETNAMESE, Letters


class MarkerStyle(Protocol):
    """What an enumeration marker is made from (the profile's `Enumeration` has both): the
    numbering package stays below the profile that uses it."""

    format: str
    words: Sequence[str]

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
#: The ways a counter may be written: Arabic (no style), Roman upper/lower case, letter.
STYLES = ("", "R", "r", "a")

#: (literal text, field name or None, style) — one piece of a parsed format.
Piece = tuple[str, str | None, str]


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int, letters: Letters = VIETNAMESE) -> str:
    """The letter of item `number` in the profile's alphabet: a, b, c, d, đ, e, g, … y."""
    return letters.letter(number)


def format_pieces(pattern: str) -> list[Piece]:
    """The pieces of a profile format: literal text and {name} or {name:style} fields.

    ValueError (with a message for the profile's author) for a malformed format or a field
    with a conversion ("{1!r}"); which names and styles are allowed is the caller's business.
    """
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise ValueError(msg("format-invalid", "not a valid format: {reason}; write a literal "
                             "brace as '{{{{' or '}}}}'", reason=str(exc))) from None
    pieces: list[Piece] = []
    for literal, name, spec, conversion in parsed:
        if name is not None and conversion is not None:
            raise ValueError(msg("format-conversion", "'{{{name}!{conversion}}}': conversions "
                                 "('!{conversion}') are not allowed", name=name,
                                 conversion=conversion))
        pieces.append((literal, name, spec or ""))
    return pieces


def field_text(name: str, style: str) -> str:
    """How a field is written in a format, for messages: "{1:R}"."""
    return "{" + name + (":" + style if style else "") + "}"


def _render(value: int, style: str | None, letters: Letters) -> str:
    if style == "R":
        return roman(value)
    if style == "r":
        return roman(value).lower()
    if style == "a":
        return letters.letter(value)
    return str(value)


def heading_number(ladder: list[str], counters: list[int],
                   letters: Letters = VIETNAMESE) -> str:
    """The number of a heading at depth len(counters) from the counters of every level."""
    pattern = ladder[min(len(counters), len(ladder)) - 1]
    out = []
    for literal, name, style in format_pieces(pattern):
        out.append(literal)
        if name is not None:
            level = int(name)
            value = counters[level - 1] if level <= len(counters) else 0
            out.append(_render(value, style, letters) if value or style != "a" else "")
    return "".join(out)


def format_counter(pattern: str, n: int, letters: Letters = VIETNAMESE) -> str:
    """A profile format with one counter {n} ({n:R}, {n:r}, {n:a}): "Bảng 3. ", "PHỤ LỤC II"."""
    out = []
    for literal, name, style in format_pieces(pattern):
        out.append(literal)
        if name is not None:
            out.append(_render(n, style, letters))
    return "".join(out)


def enumeration_marker(style: MarkerStyle, n: int, letters: Letters = VIETNAMESE) -> str:
    """The marker of item n: "(iv)", "(2)", "c)", "Thứ tư,"."""
    out = []
    for literal, name, spec in format_pieces(style.format):
        out.append(literal)
        if name == "word":
            if n > len(style.words):
                raise ValueError(msg("style", "no ordinal word for item {n}: the profile lists "
                                     "{count}", n=n, count=len(style.words)))
            out.append(style.words[n - 1])
        elif name is not None:
            out.append(_render(n, spec, letters))
    return "".join(out)
