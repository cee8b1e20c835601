"""The parts of a document around its body: the date line, the masthead, the title block, the
booklet's cover, the closing (Nơi nhận and the signature). The number line has a module of its
own (`document_number`), since each document type has its own symbol in it."""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from briefing.messages import msg
from briefing.profile.values import Columns, Length, Positive, Share, Strict, TextStyle, near

#: The fields each date line may use, and must: a line for a partial date has no day.
DATE_FIELDS = {
    "format": ("place", "day", "month", "year"),
    "month_only": ("place", "month", "year"),
    "year_only": ("place", "year"),
    "cover": ("place", "month", "year"),
}
_ALL_DATE_FIELDS = ("place", "day", "month", "year")


class DateFormat(Strict):
    format: str
    month_only: str
    year_only: str
    pad_months: list[Annotated[int, Field(ge=1, le=12)]]
    cover: str

    @field_validator("format", "month_only", "year_only", "cover")
    @classmethod
    def _date_fields(cls, value: str, info: ValidationInfo) -> str:
        wanted = DATE_FIELDS[info.field_name or "format"]
        listed = ", ".join("{" + name + "}" for name in wanted)
        try:
            parsed = list(string.Formatter().parse(value))
        except ValueError as exc:
            raise ValueError(msg("format-invalid", "not a valid format: {reason}; write a "
                                 "literal brace as '{{{{' or '}}}}'", reason=str(exc))) from None
        used = set()
        for _, name, spec, conversion in parsed:
            if name is None:
                continue
            shown = "{" + name + (f"!{conversion}" if conversion else "") + \
                (f":{spec}" if spec else "") + "}"
            if name not in _ALL_DATE_FIELDS:
                close = near(name, list(_ALL_DATE_FIELDS), shown="{{{}}}")
                raise ValueError(msg("date-field", "unknown field {field}{near}: the fields are "
                                     "{listed}", field=shown, near=close, listed=listed))
            if name not in wanted:
                raise ValueError(msg("date-field", "{field} cannot be used here (this line is "
                                     "for a date without a {name}): the fields are {listed}",
                                     field=shown, name=name, listed=listed))
            if spec or conversion:
                raise ValueError(msg("date-field", "{field}: write the field bare, as {{{name}}} "
                                     "(the profile pads days and pad_months itself)",
                                     field=shown, name=name))
            used.add(name)
        missing = [name for name in wanted if name not in used]
        if missing:
            raise ValueError(msg("date-field", "must contain {missing} (the fields are "
                                               "{listed})", listed=listed,
                                 missing=", ".join("{" + n + "}" for n in missing)))
        return value


class TitleLine(TextStyle):
    """One line of the masthead's right column, in its own look: the party name (HD 36), or
    the national title and the motto (ND 30), which differ in size and caps."""

    text: str


class Masthead(Strict):
    """Fields are checked in order: issuer_rule needs issuer_mark."""

    columns: Columns
    title_lines: Annotated[list[TitleLine], Field(min_length=1)]
    title_rule: bool = True
    superior: TextStyle
    issuer: TextStyle
    issuer_mark: Literal["star", "rule"] = "star"
    star: str = "*"
    issuer_rule: Share | None = Field(default=None, validate_default=True)
    number: TextStyle
    place_date: TextStyle

    @field_validator("issuer_rule")
    @classmethod
    def _rule_length(cls, value: float | None, info: ValidationInfo) -> float | None:
        if value is None and info.data.get("issuer_mark") == "rule":
            raise ValueError(msg("issuer-rule", "issuer_mark 'rule' needs its length: "
                                 "issuer_rule, a share of the issuer line (ND 30: 1/3 to 1/2)"))
        return value


class TitleBlock(Strict):
    type: TextStyle
    subject: TextStyle
    rule: Length = 30
    #: mm kept free on each side of the subject; its lines are balanced within the rest
    subject_margin: Length = 10


class Cover(Strict):
    title_default: str
    title: TextStyle
    subject: TextStyle
    #: mm kept free on each side of the subject; its lines are balanced within the rest
    subject_margin: Length = 10
    issue: TextStyle
    mark: TextStyle
    foot: TextStyle


class Closing(Strict):
    columns: Columns
    recipients_label: str
    label: TextStyle
    item: TextStyle
    item_prefix: str = "- "
    authority: TextStyle
    title: TextStyle
    name: TextStyle
    signature_space: Annotated[int, Field(ge=0)] = 4
    #: how this rulebook writes the signing authorities (ND 30: "TM.", "KT.", "TL.", "TUQ.",
    #: "Q."; HD 36: "T/M", "K/T", "T/L"); the other rulebook's spelling of one is a warning
    authorities: list[str] = Field(default_factory=list)

    @field_validator("authorities")
    @classmethod
    def _one_word_each(cls, value: list[str]) -> list[str]:
        for authority in value:
            if not authority or any(c.isspace() for c in authority):
                raise ValueError(msg("authority-word", "'{authority}' is not one word: list the "
                                     "abbreviation only, like 'KT.' or 'K/T'",
                                     authority=authority))
        return value


class ESignature(Strict):
    """Where digital signatures appear (ND 30 PL I §II.7.d, §II.8; HD 36 has no rule of its
    own, so both profiles follow ND 30): the signer's image centred in the signature space,
    the seal at its actual size over `seal_overlap` of it from the left; on an attachment in a
    file of its own, a stamp line at the top right of its first page."""

    seal_overlap: Share = 1 / 3
    #: mm: the seal's box while no seal image is known yet (a field made before the seal)
    seal_size: Positive = 36
    #: width / height of the signer's image while none is known yet
    signature_aspect: Positive = 2.5
    stamp: TextStyle = TextStyle(size=10, align="right")
    #: the stamp line: {number} and {time} (ISO 8601, Viet Nam's time zone)
    stamp_format: str = "Số: {number}; {time}"
    #: mm from the top edge of the page to the top of the stamp line
    stamp_top: Length = 8

    @field_validator("stamp_format")
    @classmethod
    def _stamp_fields(cls, value: str) -> str:
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(value) if name}
        except ValueError as exc:
            raise ValueError(msg("stamp-format", "not a format: {reason}",
                                 reason=str(exc))) from None
        if fields != {"number", "time"}:
            raise ValueError(msg("stamp-format", "the stamp line names {{number}} and {{time}}, "
                                                 "and nothing else"))
        return value
