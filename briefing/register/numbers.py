"""How a profile numbers documents: the symbol's parts, the period a number counts in, and the
number as printed.

Each rulebook orders number, type and issuer its own way (HD 36: `12-HD/BTGTU`; ND 30:
`12/QĐ-UBND`); the profile's `document_number.shape` ("number-TYPE/ISSUER") says which, so the
separators are read from it rather than written here. Numbers run from 01 in each period: the
calendar year (ND 30 Điều 15) or the committee's term (HD 36), as `document_number.counted`
says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from briefing.messages import Message, msg
from briefing.problems import BriefingError, Position, Problem
from briefing.profile.model import Profile

#: `meta.number: auto`: the register gives the number when an edition is made
AUTO = "auto"

_SHAPE = re.compile(r"number(?P<lead>[^A-Za-z]+)TYPE(?P<middle>[^A-Za-z]+)ISSUER")


@dataclass(frozen=True)
class NumberScheme:
    """A profile's way of numbering: separators, zero-padding, the counting period."""

    profile: str
    lead: str  # between the number and the type ("-" or "/")
    middle: str  # between the type and the issuer ("/" or "-")
    counted: str  # "year" or "term"
    term_start: dt.date | None
    blank: str  # printed where a draft's number will go

    @classmethod
    def of(cls, profile: Profile) -> NumberScheme:
        rules = profile.document_number
        match = _SHAPE.fullmatch(rules.shape.strip())
        if match is None:
            raise BriefingError(Problem(
                Position(profile.source or f"profiles/{profile.name}.yaml"),
                msg("number-shape-unknown", "document_number.shape '{shape}' does not say how "
                    "to write a number from its type and issuer", shape=rules.shape),
                hint=msg("number-shape-unknown-hint", "e.g. number-TYPE/ISSUER or "
                                                      "number/TYPE-ISSUER")))
        return cls(profile.name, match["lead"], match["middle"], rules.counted,
                   rules.term_start, rules.blank)

    def period(self, date: dt.date) -> str:
        """The period a document of this date is counted in: "2026", or "term 2025-10-15"."""
        if self.counted == "year":
            return str(date.year)
        assert self.term_start is not None  # the profile requires it for "term"
        if date < self.term_start:
            raise BriefingError(Problem(
                Position("--date"), msg(
                    "register-before-term", "{date} is before the committee's term, which the "
                    "'{profile}' profile starts on {start}", date=date.isoformat(),
                    profile=self.profile, start=self.term_start.isoformat()),
                hint=msg("register-before-term-hint", "numbers of an earlier term are in "
                                                      "that term's register")))
        return f"term {self.term_start.isoformat()}"

    def symbol(self, type_code: str, issuer: str) -> str:
        """The number's symbol without the number: "-HD/BTGTU", "/QĐ-UBND"."""
        return f"{self.lead}{type_code}{self.middle}{issuer}"

    def number(self, sequence: int, type_code: str, issuer: str) -> str:
        """The number as written in `meta.number`: 01–09 zero-padded ("05-HD/BTGTU")."""
        return f"{sequence:02d}{self.symbol(type_code, issuer)}"

    def split(self, text: str) -> tuple[int | None, str, str]:
        """"12-HD/BTGTU" -> (12, "HD", "BTGTU"); "-HD/BTGTU" (blank) -> (None, …)."""
        digits = re.match(r"\d*", text).group()
        rest = text[len(digits):]
        if not rest.startswith(self.lead) or self.middle not in rest[len(self.lead):]:
            raise BriefingError(Problem(Position("number"), msg(
                "register-not-number", "'{text}' is not a number and symbol of the "
                "'{profile}' profile", text=text, profile=self.profile)))
        type_code, _, issuer = rest[len(self.lead):].partition(self.middle)
        if not type_code or not issuer:
            raise BriefingError(Problem(Position("number"), msg(
                "register-number-parts", "'{text}' lacks a type or an issuer", text=text)))
        return (int(digits) if digits else None), type_code, issuer


def auto_parts(meta: Any, profile: Profile) -> tuple[tuple[str, str] | None, list[Message]]:
    """The register's key of a `number: auto` document: (the type's symbol, the issuer's
    code), or None and why it has none (no type the profile knows, a type without a symbol,
    no `issuer.code`)."""
    problems: list[Message] = []
    found = profile.document_type(meta.type)
    if found is None or found[1].symbol is None:
        problems.append(msg("auto-number-type", "number: auto needs a document type with a "
                                                "symbol (HD, QĐ, …) in meta.type"))
    code = getattr(meta.issuer, "code", None)
    if not code:
        problems.append(msg("auto-number-issuer", "number: auto needs the issuer's code in "
                                                  "its number: meta.issuer.code (BTGTU, "
                                                  "UBND, …)"))
    if problems or found is None or found[1].symbol is None or not code:
        return None, problems
    return (found[1].symbol, code), []


def draft_number(meta: Any, profile: Profile) -> str | None:
    """What a build that is not an edition prints for `number: auto`: the symbol without its
    number ("-HD/BTGTU"), which the layout prints after a blank; None if it cannot be told."""
    parts, _ = auto_parts(meta, profile)
    if parts is None:
        return None
    return NumberScheme.of(profile).symbol(*parts)
