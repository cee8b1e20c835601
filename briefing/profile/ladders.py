"""Ladders and letters: the heading ladders (I. -> 1.1. -> 2.1.1.), the alphabet of lettered
points, and the enumeration markers ((i), a), Thứ nhất,)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from briefing.messages import Message, msg, reason
from briefing.numbering.counters import STYLES, field_text, format_pieces
from briefing.numbering.letters import VIETNAMESE_LETTERS, Letters
from briefing.profile.values import Strict, fail, near


class Numbering(Strict):
    """Heading ladders and the alphabet of lettered points. Fields are checked in this order,
    so each check sees the ones before: the ladders need max_depth, the default the ladders."""

    max_depth: int = 6
    ladders: dict[str, list[str]]
    default: str
    #: the letters of "{n:a}" in order (ND 30 PL I §II.6.đ: the Vietnamese alphabet)
    letters: list[str] = Field(default_factory=lambda: list(VIETNAMESE_LETTERS))
    #: after the last letter: "error" (the item cannot be lettered) or "double" (aa, bb, …)
    after_letters: Literal["error", "double"] = "error"

    @field_validator("letters")
    @classmethod
    def _letters(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError(msg("letters-none", "must list at least one letter"))
        for letter in value:
            if len(letter) != 1 or not letter.isalpha() or letter != letter.lower():
                raise ValueError(msg("letters-one", "'{letter}' is not one lower-case letter",
                                     letter=letter))
        repeated = sorted({x for x in value if value.count(x) > 1})
        if repeated:
            raise ValueError(msg("letters-twice", "letters listed twice: {letters}",
                                 letters=", ".join(repeated)))
        return value

    @property
    def alphabet(self) -> Letters:
        """The letters of lettered items, as `briefing.numbering` uses them."""
        return Letters(tuple(self.letters), self.after_letters)

    @field_validator("max_depth")
    @classmethod
    def _at_least_one(cls, value: int) -> int:
        if value < 1:
            raise ValueError(msg("at-least-one", "must be at least 1, found {value}",
                                 value=value))
        return value

    @field_validator("ladders")
    @classmethod
    def _ladders(cls, value: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        if not value:
            raise ValueError(msg("ladders", "must name at least one ladder"))
        depth = info.data.get("max_depth")
        errors: list[tuple[tuple[str | int, ...], str, Message, Any]] = []
        for name, ladder in value.items():
            if depth is not None and len(ladder) < depth:
                errors.append(((name,), "ladder_depth", msg(
                    "ladder_depth", "{count} formats for numbering.max_depth {depth}: give one "
                    "format per level, or lower max_depth", count=len(ladder), depth=depth),
                    ladder))
            for index, pattern in enumerate(ladder):
                message = _ladder_step_problem(pattern, index + 1)
                if message:
                    errors.append(((name, index), "ladder_format", message, pattern))
        fail(errors)
        return value

    @field_validator("default")
    @classmethod
    def _names_a_ladder(cls, value: str, info: ValidationInfo) -> str:
        ladders = info.data.get("ladders")
        if ladders is not None and value not in ladders:
            raise ValueError(msg("ladder-default", "there is no ladder '{name}'{near}; the "
                                 "ladders are: {ladders}", name=value,
                                 near=near(value, list(ladders)), ladders=tuple(ladders)))
        return value


def _ladder_step_problem(pattern: str, level: int) -> Message | None:
    """What is wrong with the number format of heading level `level`, or None."""
    try:
        pieces = format_pieces(pattern)
    except ValueError as exc:
        return reason(exc)  # type: ignore[return-value]
    allowed = "{1}, {1:R}, {1:r} or {1:a}" if level == 1 else \
        msg("ladder-fields", "{{N}}, {{N:R}}, {{N:r}} or {{N:a}} with N from 1 to {level}",
            level=level)
    levels = set()
    for _, name, style in pieces:
        if name is None:
            continue
        shown = field_text(name, style)
        if not re.fullmatch(r"[0-9]+", name) or style not in STYLES:
            return msg("ladder_format", "unknown field {field}: a level-{level} number uses "
                                        "{allowed}", field=shown, level=level, allowed=allowed)
        if not 1 <= int(name) <= level:
            return msg("ladder_format", "{field} is not a level of a level-{level} heading: a "
                       "level-{level} number uses {allowed}", field=shown, level=level,
                       allowed=allowed)
        levels.add(int(name))
    if level not in levels:
        return msg("ladder_format", "a level-{level} number must contain the counter of its "
                                    "level, {{{level}}}", level=level)
    return None


class Enumeration(Strict):
    format: str
    words: list[str] = Field(default_factory=list, validate_default=True)

    @field_validator("format")
    @classmethod
    def _marker_fields(cls, value: str) -> str:
        pieces = format_pieces(value)
        allowed = "{n}, {n:R}, {n:r}, {n:a} or {word}"
        names = set()
        for _, name, style in pieces:
            if name is None:
                continue
            shown = field_text(name, style)
            if not ((name == "n" and style in STYLES) or (name == "word" and not style)):
                raise ValueError(msg("marker-field", "unknown field {field}{near}: a marker uses "
                                     "{allowed}", field=shown,
                                     near=near(name, ["n", "word"], "{{{}}}"),
                                     allowed=allowed))
            names.add(name)
        if not names:
            raise ValueError(msg("marker-field", "'{format}' has no counter: a marker uses "
                                                 "{allowed}", format=value, allowed=allowed))
        return value

    @field_validator("words")
    @classmethod
    def _words_for_word(cls, value: list[str], info: ValidationInfo) -> list[str]:
        form = info.data.get("format")
        if form is not None and not value and any(
                name == "word" for _, name, _ in format_pieces(form)):
            raise ValueError(msg("marker-words",
                                 "a format with {{word}} needs the list of ordinal words"))
        return value
