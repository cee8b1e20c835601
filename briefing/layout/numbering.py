"""Computed numbering: heading ladders (I. -> 1.1. -> 2.1.1.) and enumeration markers.

Users never type numbers; the formats come from the layout profile, e.g. "{1}.{2}." is the
counter of level 1 and of level 2 in Arabic digits, "{1:R}" upper-case Roman, "{3:a}" a letter.
"""

from __future__ import annotations

import re

from briefing.layout.profile import Enumeration

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_FIELD = re.compile(r"\{(\d+|n)(?::([Rra]))?\}")


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """a, b, …, z, aa, ab, … (Vietnamese documents use the Latin letters a–z)."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _render(value: int, style: str | None) -> str:
    if style == "R":
        return roman(value)
    if style == "r":
        return roman(value).lower()
    if style == "a":
        return letter(value)
    return str(value)


def heading_number(ladder: list[str], counters: list[int]) -> str:
    """The number of a heading at depth len(counters) from the counters of every level."""
    pattern = ladder[min(len(counters), len(ladder)) - 1]

    def field(match: re.Match[str]) -> str:
        level = int(match.group(1))
        value = counters[level - 1] if level <= len(counters) else 0
        return _render(value, match.group(2))

    return _FIELD.sub(field, pattern)


def enumeration_marker(style: Enumeration, n: int) -> str:
    """The marker of item n: "(iv)", "(2)", "c)", "Thứ tư,"."""
    text = _FIELD.sub(lambda m: _render(n, m.group(2)), style.format)
    if "{word}" in text:
        if n > len(style.words):
            raise ValueError(f"no ordinal word for item {n}: the profile lists {len(style.words)}")
        text = text.replace("{word}", style.words[n - 1])
    return text
