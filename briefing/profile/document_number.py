"""The number and symbol line ("Số: 12/QĐ-UBND", "Số 12-HD/BTGTU"): how it is printed and what
a number must look like, for the document and for each document type.

Each rulebook orders number, type and issuer its own way, so the profile says it all: the
overall `pattern`, where the type's symbol stands in a number (`symbol`, a regular expression
with a group named "symbol"), and the words of the hint (`shape`, `example`; the word TYPE in
`shape` and the symbol of `example` are replaced by a type's own). A type without a symbol
(a state công văn: issuer and drafting unit, "05/BNV-VP") has a shape of its own (`untyped_*`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from briefing.messages import msg
from briefing.profile.values import Strict


def _compiled(value: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except re.error as exc:
        raise ValueError(msg("regex", "not a valid regular expression: {reason}",
                             reason=str(exc))) from None
    except (RecursionError, OverflowError, MemoryError):
        raise ValueError(msg("regex", "not a valid regular expression: too complex")) from None


def zero_padded(number: str) -> str:
    """"5-HD/BTGTU" -> "05-HD/BTGTU": a number below 10 written with two digits [C]."""
    return re.sub(r"^(\d)(?=\D)", r"0\1", number)


class DocumentNumber(Strict):
    """How the number line is printed and checked; `shape` and `example` word the hint for a
    number that does not match, since each rulebook orders number, type and issuer its own way."""

    prefix: str
    pattern: str
    blank: str = "     "
    shape: str = ""
    example: str = ""
    #: where the type's symbol stands in a number: a regular expression with a group "symbol"
    symbol: str = ""
    #: the shape and an example of the number of a type without a symbol (state công văn)
    untyped_shape: str = ""
    untyped_example: str = ""
    #: how the register counts (ND 30 Điều 15: from 01 each calendar year; HD 36: from 01
    #: each term of the committee, which starts on `term_start`)
    counted: Literal["year", "term"] = "year"
    term_start: date | None = Field(default=None, validate_default=True)

    @field_validator("term_start")
    @classmethod
    def _term_needs_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None and info.data.get("counted") == "term":
            raise ValueError(msg("term-start", "numbers counted per term need the term's first "
                                               "day: term_start: YYYY-MM-DD"))
        return value

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        _compiled(value)
        return value

    @field_validator("example", "untyped_example")
    @classmethod
    def _example_matches(cls, value: str, info: ValidationInfo) -> str:
        pattern = info.data.get("pattern")
        if value and pattern is not None and not re.search(pattern, value):
            raise ValueError(msg("number-example", "'{example}' does not match the pattern, so "
                                 "it would mislead the hint it is shown in", example=value))
        return value

    @field_validator("symbol")
    @classmethod
    def _finds_the_symbol(cls, value: str, info: ValidationInfo) -> str:
        if not value:
            return value
        if "symbol" not in _compiled(value).groupindex:
            raise ValueError(msg("symbol-group", "must have a group named 'symbol', like "
                                                 "'{example}'",
                                 example="^\\d*/(?P<symbol>[^-/]+)-"))
        example = info.data.get("example")
        if example and not re.search(value, example):
            raise ValueError(msg("symbol-example", "finds no symbol in the example '{example}'",
                                 example=example))
        return value

    def fits(self, number: str) -> bool:
        """Whether `number`, as another text or another office writes it, is in this
        profile's shape: the pattern judges it whole, as it judges our own numbers, with a
        number below 10 zero-padded (an older text's "5-CT/TW")."""
        return re.search(self.pattern, zero_padded(number)) is not None

    def cites(self, number: str) -> bool:
        """Whether `number`, read in running text ("Kèm theo Hướng dẫn số 36-HD/VPTW"), fits
        this profile: never a blank number, since a citation names a text that was numbered."""
        return re.match(r"\d", number) is not None and self.fits(number)

    def blank_example(self, example: str | None = None) -> str:
        """The example without its number ("-HD/BTGTU"), if the pattern allows a blank."""
        example = self.example if example is None else example
        blank = re.sub(r"^\d+", "", example)
        return blank if blank != example and re.search(self.pattern, blank) else ""

    def symbol_of(self, number: str) -> str | None:
        """The type's symbol in `number` ("QĐ" in "12/QĐ-UBND"), if the profile says where."""
        match = re.search(self.symbol, number) if self.symbol else None
        return match.group("symbol") if match else None

    def for_symbol(self, symbol: str | None) -> DocumentNumber:
        """These rules worded for a type: its symbol in the shape and the example, or the
        untyped shape for a type without one."""
        if symbol is None:
            if not self.untyped_shape and not self.untyped_example:
                return self
            return self.model_copy(update={"shape": self.untyped_shape,
                                           "example": self.untyped_example})
        shape = self.shape.replace("TYPE", symbol)
        example = self.example
        match = re.search(self.symbol, example) if self.symbol else None
        if match:
            start, end = match.span("symbol")
            example = example[:start] + symbol + example[end:]
        return self.model_copy(update={"shape": shape, "example": example})
