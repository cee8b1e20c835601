"""`meta:` of a content file: who issues the document, its number, date, type and closing.

What a document type needs beyond what every form needs (a quyết định's Căn cứ lines, a công
văn's addressees, a biên bản's two signers) is the profile's to say (`document_types:`), so it
is checked against the profile in `briefing.validation.type_rules`, not here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from briefing.content.nodes import Node, Text
from briefing.messages import Message, msg


class Issuer(Node):
    superior: str | None = None
    name: Text
    #: the issuer as running text names it ("Ủy ban nhân dân tỉnh Hà Tĩnh"): the line under an
    #: attached text ("Ban hành kèm theo Quyết định số … của …"); default: `name`
    in_text: str | None = None
    #: the issuer's part of a document number ("BTGTU" in 12-HD/BTGTU): with `number: auto`,
    #: the register counts the numbers of each issuer apart
    code: str | None = None


class Signer(Node):
    authority: str | None = None
    title: str | None = None
    name: Text


class DocumentDate(BaseModel):
    """A date that may be partial: an undated draft keeps the day (or month) blank."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> DocumentDate:
        if isinstance(value, DocumentDate):
            return value
        if isinstance(value, dt.date):
            return cls(year=value.year, month=value.month, day=value.day)
        text = str(value).strip()
        match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
        if not match:
            raise ValueError(msg("date-shape", "'{text}' is not a date: write YYYY-MM-DD (or "
                                               "YYYY-MM, YYYY)", text=text))
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(msg("date-month", "'{text}': there is no month {month}", text=text,
                                 month=month))
        if day is not None:
            try:
                dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                raise ValueError(msg("date-calendar", "'{text}' does not exist in the calendar",
                                     text=text)) from None
        return cls(year=year, month=month, day=day)

    @classmethod
    def parse_day(cls, value: Any, what: Message | str) -> DocumentDate:
        """A full calendar day, for dates that cannot stay blank (editions, meetings)."""
        date = cls.parse(value)
        if date.day is None:
            raise ValueError(msg("date-day", "'{value}': {what} needs the day (YYYY-MM-DD)",
                                 value=str(value), what=what))
        return date

    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


class Meta(Node):
    form: Literal["booklet", "official"] = "booklet"
    profile: str = "party"
    numbering: str | None = None
    issuer: Issuer
    number: str | None = None
    place: Text
    date: DocumentDate
    #: a document type of the profile: its key ("quyet-dinh") or its printed name ("QUYẾT ĐỊNH")
    type: str | None = None
    title: str | None = None
    subject: str | None = None
    issue: str | None = None
    circulation: str | None = None
    meeting: str | None = None
    #: "THẨM QUYỀN BAN HÀNH": the line above the Căn cứ lines of a quyết định, a nghị quyết
    enacting_authority: str | None = None
    #: "Kính gửi:" — one addressee on the same line, several one per line
    addressees: list[Text] = Field(default_factory=list)
    signer: Signer | None = None
    #: two signature blocks side by side (a biên bản: the secretary left, the chair right)
    signers: Annotated[list[Signer], Field(min_length=2, max_length=2)] | None = None
    recipients: list[Text] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: Any) -> DocumentDate:
        return DocumentDate.parse(value)

    @field_validator("signers")
    @classmethod
    def _one_or_two(cls, value: list[Signer] | None, info: ValidationInfo) -> list[Signer] | None:
        if value is not None and info.data.get("signer") is not None:
            raise ValueError(msg("signer-and-signers", "give one signature block (signer) or two "
                                                       "(signers), not both"))
        return value

    @model_validator(mode="after")
    def _form_needs(self) -> Meta:
        missing = missing_for_form(self.form, self.model_dump())
        if missing:
            raise PydanticCustomError("form_requires", "{message}",
                                      {"message": form_requires(self.form, missing)})
        return self


def form_requires(form: str, missing: list[str]) -> Message:
    """What a document form cannot do without ("an official document needs meta.type, …")."""
    return msg("form_requires", "an {form} document needs meta.{fields}", form=form,
               fields=", meta.".join(missing))


#: Meta fields each document form cannot do without (beyond those every form needs).
FORM_REQUIRES: dict[str, tuple[str, ...]] = {
    "official": ("type", "subject", "number", "signer"),
    "booklet": (),
}


def missing_for_form(form: Any, meta: dict[str, Any]) -> list[str]:
    """The fields `form` requires that `meta` (a mapping, checked or not) leaves out.

    Two signers stand for the signer; with a type, whether it needs a subject is the type's
    to say (a giấy giới thiệu has none), checked against the profile."""
    required = FORM_REQUIRES.get(form, ()) if isinstance(form, str) else ()
    missing = [name for name in required if meta.get(name) in (None, "")]
    if "signer" in missing and meta.get("signers"):
        missing.remove("signer")
    if "subject" in missing and meta.get("type") not in (None, ""):
        missing.remove("subject")
    return missing
