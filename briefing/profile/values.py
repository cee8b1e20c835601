"""Checks on single values of a layout profile, and the look every printed element shares.

The profile's models (page, ladders, document parts, document types) are built from these, so
a mistake anywhere in a profile is worded the same way and reported at its own line.
"""

from __future__ import annotations

import difflib
import math
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from briefing.messages import Message, msg
from briefing.numbering.counters import format_pieces


def shown_number(value: float) -> str:
    return f"{value:g}"


def _positive(value: float) -> float:
    if not (math.isfinite(value) and value > 0):
        raise ValueError(msg("positive", "must be positive, found {value}",
                             value=shown_number(value)))
    return value


def _not_negative(value: float) -> float:
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(msg("not-negative", "must not be negative, found {value}",
                             value=shown_number(value)))
    return value


#: A size that must be there: page size, type size, line height (mm or pt).
Positive = Annotated[float, AfterValidator(_positive)]
#: A length that may be zero: margins, indents, spacing (mm or pt).
Length = Annotated[float, AfterValidator(_not_negative)]
#: What both writers can do with a paragraph (CSS text-align and DOCX w:jc alike).
Align = Literal["left", "center", "right", "justify"]


def _share(value: float) -> float:
    if not (math.isfinite(value) and 0 < value <= 1):
        raise ValueError(msg("share", "must be a share of the line, more than 0 and at most 1, "
                                      "found {value}", value=shown_number(value)))
    return value


#: A part of a length, 0 < share <= 1 (a rule as long as a third of its line is 0.33).
Share = Annotated[float, AfterValidator(_share)]


def _columns(value: tuple[float, float]) -> tuple[float, float]:
    if sum(value) > 100:
        raise ValueError(msg("columns", "{first} + {second} is more than 100 % of the text "
                                        "width", first=shown_number(value[0]),
                             second=shown_number(value[1])))
    return value


#: Two columns side by side, in % of the text width.
Columns = Annotated[tuple[Positive, Positive], AfterValidator(_columns)]


def fail(errors: list[tuple[tuple[str | int, ...], str, Message, Any]]) -> None:
    """Report several problems below the value being checked, each at its own place.

    `errors` are (location relative to the value, error code, message, input). pydantic adds
    the location of the value itself, so each problem points at the exact YAML entry.
    """
    if errors:
        raise ValidationError.from_exception_data("profile", [
            {"type": PydanticCustomError(code, "{message}", {"message": message}),
             "loc": loc, "input": value}
            for loc, code, message, value in errors])


def near(word: str, choices: list[str], shown: str = '"{}"') -> Message | str:
    """' (did you mean "x"?)' for a near miss among `choices`, else ""."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return msg("did-you-mean-inline", " (did you mean {word}?)",
               word=shown.format(close[0])) if close else ""


def only_field(value: str, name: str, example: str) -> str:
    """A format that must hold the field {name} and no other (a caption's counter, a
    speaker's name)."""
    names = {field for _, field, _ in format_pieces(value) if field is not None}
    if names != {name}:
        raise ValueError(msg("only-field", "must contain {{{name}}} and no other field, e.g. "
                                           "{example}", name=name, example=example))
    return value


class Strict(BaseModel):
    """Every mapping of a profile: unknown keys are errors, values never change once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TextStyle(Strict):
    """Character and paragraph look of one element."""

    size: Positive = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    boxed: bool = False
    align: Align = "center"
    indent: Length = 0
    space_before: Length = 0


class HeadingStyle(TextStyle):
    align: Align = "justify"


class ParagraphStyle(TextStyle):
    """A paragraph of the body in a look of its own (quote, byline, note, …): a text style
    plus side indents, the space after it and its exact line height (default: the body's)."""

    align: Align = "justify"
    left: Length = 0
    right: Length = 0
    space_after: Length | None = None
    line_height: Positive | None = None


class RunStyle(Strict):
    """How a run-in part of a paragraph looks (a paragraph number, a speaker's label)."""

    bold: bool = False
    italic: bool = False
