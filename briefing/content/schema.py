"""The content model: what a content file may say, checked on load (pydantic).

One uniform node, `Section`, is used at every depth: top-level blocks are sections that must
carry a `kind`; nested sections may carry one. Every section has an `id`, so unit profiles can
address any section (exclude, replace, insert after) and error messages can name it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

BLOCK_KINDS = ("context", "achievements", "lessons", "directions", "guidance", "section")
FORMS = ("booklet", "official")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Kind = Literal["context", "achievements", "lessons", "directions", "guidance", "section"]


class Node(BaseModel):
    """Base of every mapping in a content file: unknown keys are errors.

    pydantic reports them (`extra_forbidden`) together with every other error of the same
    mapping; `briefing.content.errors` turns them into "unknown key 'titel' (did you mean
    "title"?)" by looking up the model's fields.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


Text = Annotated[str, Field(min_length=1)]


def _body_item_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for key, tag in (("title", "section"), ("bullets", "bullets-list"),
                         ("enumerate", "enumeration")):
            if key in value:
                return tag
        return None
    if isinstance(value, Section):
        return "section"
    if isinstance(value, Bullets):
        return "bullets-list"
    if isinstance(value, Enumeration):
        return "enumeration"
    return None


BodyItem = Annotated[
    Annotated[Text, Tag("paragraph")]
    | Annotated["Section", Tag("section")]
    | Annotated["Bullets", Tag("bullets-list")]
    | Annotated["Enumeration", Tag("enumeration")],
    Discriminator(
        _body_item_kind,
        custom_error_type="body_item",
        custom_error_message=("a body item is a paragraph (text), a section (with 'title'), "
                              "'bullets' or 'enumerate'"),
    ),
]


def _list_item_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "paragraphs"
    return None


ListItem = Annotated[
    Annotated[Text, Tag("text")] | Annotated[list[BodyItem], Tag("paragraphs")],
    Discriminator(_list_item_kind, custom_error_type="list_item",
                  custom_error_message="a list item is a text or a list of paragraphs"),
]


class Bullets(Node):
    bullets: Annotated[list[ListItem], Field(min_length=1)]


class Enumeration(Node):
    enumerate: Annotated[list[ListItem], Field(min_length=1)]
    style: str = "paren-roman"
    inline: bool = False
    lead: str | None = None
    start: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _inline_items_are_text(self) -> Enumeration:
        if self.inline and not all(isinstance(i, str) for i in self.enumerate):
            raise ValueError("an inline enumeration takes one text per item")
        if self.lead is not None and not self.inline:
            raise ValueError("'lead' goes with 'inline: true'")
        return self


class Section(Node):
    id: str
    title: Text
    kind: Kind | None = None
    body: list[BodyItem] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not re.match(ID_PATTERN, value):
            raise ValueError(
                f"id '{value}' must be lower-case letters, digits and '-' (e.g. 'lessons-learnt')")
        return value


class Block(Section):
    """A top-level block: a section that must say what kind of block it is (units address
    blocks by kind), so a missing kind is reported at the block itself."""

    kind: Kind


class Issuer(Node):
    superior: str | None = None
    name: Text


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
            raise ValueError(f"'{text}' is not a date: write YYYY-MM-DD (or YYYY-MM, YYYY)")
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}': there is no month {month}")
        if day is not None:
            try:
                dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                raise ValueError(f"'{text}' does not exist in the calendar") from None
        return cls(year=year, month=month, day=day)

    @classmethod
    def parse_day(cls, value: Any, what: str) -> DocumentDate:
        """A full calendar day, for dates that cannot stay blank (editions, meetings)."""
        date = cls.parse(value)
        if date.day is None:
            raise ValueError(f"'{value}': {what} needs the day (YYYY-MM-DD)")
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
    type: str | None = None
    title: str | None = None
    subject: str | None = None
    issue: str | None = None
    circulation: str | None = None
    meeting: str | None = None
    signer: Signer | None = None
    recipients: list[Text] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: Any) -> DocumentDate:
        return DocumentDate.parse(value)

    @model_validator(mode="after")
    def _form_needs(self) -> Meta:
        missing = missing_for_form(self.form, self.model_dump())
        if missing:
            raise PydanticCustomError(
                "form_requires", "an {form} document needs meta.{fields}",
                {"form": self.form, "fields": ", meta.".join(missing)})
        return self


#: Meta fields each document form cannot do without (beyond those every form needs).
FORM_REQUIRES: dict[str, tuple[str, ...]] = {
    "official": ("type", "subject", "number", "signer"),
    "booklet": (),
}


def missing_for_form(form: Any, meta: dict[str, Any]) -> list[str]:
    """The fields `form` requires that `meta` (a mapping, checked or not) leaves out."""
    required = FORM_REQUIRES.get(form, ()) if isinstance(form, str) else ()
    return [name for name in required if meta.get(name) in (None, "")]


Footnote = Text | Annotated[list[Text], Field(min_length=1)]


class Document(Node):
    meta: Meta
    footnotes: dict[str, Footnote] = Field(default_factory=dict)
    preamble: list[BodyItem] = Field(default_factory=list)
    blocks: Annotated[list[Block], Field(min_length=1)]
    conclusion: list[BodyItem] = Field(default_factory=list)

    @field_validator("footnotes")
    @classmethod
    def _footnote_ids(cls, notes: dict[str, Any]) -> dict[str, Any]:
        for key in notes:
            if not re.fullmatch(r"[A-Za-z0-9_-]+", key):
                raise ValueError(f"footnote id '{key}' may use letters, digits, '-' and '_' only")
        return notes


Section.model_rebuild()
Block.model_rebuild()
Bullets.model_rebuild()
Enumeration.model_rebuild()
Document.model_rebuild()


def footnote_paragraphs(note: Footnote) -> list[str]:
    return [note] if isinstance(note, str) else list(note)
