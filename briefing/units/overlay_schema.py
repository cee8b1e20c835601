"""What a unit file and a meeting file may say, checked on load (pydantic, like the content).

Both are overlays with the same `sections:` rules; a unit also overrides header and closing
fields (`meta:`), a meeting sets the cover line and circulation mark. Sections are addressed by
*selector*: a section id (`lessons`) or a kind (`kind:directions`, every section of that kind).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, field_validator, model_validator

from briefing.content.schema import (
    BLOCK_KINDS,
    ID_PATTERN,
    BodyItem,
    DocumentDate,
    Footnote,
    Issuer,
    Node,
    Section,
    Signer,
    Text,
    check_footnote_ids,
    schema_namespace,
)
from briefing.content.schema_problems import did_you_mean
from briefing.messages import msg

#: A unit code names files and folders: short, lower-case, no way out of its folder.
CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
KIND_PREFIX = "kind:"
#: what a meeting's date is called in messages
MEETING_DATE = msg("what-meeting-date", "a meeting date")


def check_selector(value: str) -> str:
    """`lessons` (an id) or `kind:lessons` (a kind); anything else is a clear error."""
    if value.startswith(KIND_PREFIX):
        kind = value[len(KIND_PREFIX):]
        if kind not in BLOCK_KINDS:
            raise ValueError(msg("unknown_kind", "unknown kind '{kind}' in '{value}' ({hint})",
                                 kind=kind, value=value, hint=did_you_mean(kind, BLOCK_KINDS)))
        return value
    if not re.match(ID_PATTERN, value):
        raise ValueError(msg("selector", "'{value}' is not a section id or 'kind:<kind>' (e.g. "
                                         "'lessons', 'kind:directions')", value=value))
    return value


Selector = Annotated[str, AfterValidator(check_selector)]


def check_code(value: str) -> str:
    if not re.match(CODE_PATTERN, value):
        raise ValueError(msg("unit_code", "unit code '{value}' must be lower-case letters, "
                             "digits and '-' (at most 64, e.g. 'quan-1'): it names the unit's "
                             "files", value=value))
    return value


class UnitInfo(Node):
    code: Annotated[str, AfterValidator(check_code)]
    name: Text
    short_name: str | None = None
    place: str | None = None


class MetaOverrides(Node):
    """The header and closing fields a unit may set; the rest of meta stays the briefing's."""

    issuer: Issuer | None = None
    number: str | None = None
    place: str | None = None
    signer: Signer | None = None
    recipients: list[Text] | None = None
    circulation: str | None = None
    issue: str | None = None
    subject: str | None = None
    title: str | None = None
    type: str | None = None


class Replacement(Node):
    """New heading and/or body for an existing section (its id and kind stay)."""

    title: Text | None = None
    body: list[BodyItem] | None = None

    @model_validator(mode="after")
    def _says_something(self) -> Replacement:
        if self.title is None and self.body is None:
            raise ValueError(msg("replacement", "a replacement gives a new 'title', a new 'body' "
                                                "or both"))
        return self


def _briefing_names(value: Any) -> list[str] | None:
    """`for: briefing-foreign-affairs` or a list of content file names (stems)."""
    if value is None:
        return None
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names:
        raise ValueError(msg("unit-for", "'for' names the briefing(s) these rules are for: a "
                             "content file name such as 'briefing-foreign-affairs', or a list "
                             "of them"))
    for name in names:
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
            raise ValueError(msg("unit-for", "'{name}' is not a content file name (write it "
                                 "without folder and '.yaml', e.g. 'briefing-foreign-affairs')",
                                 name=str(name)))
    return [name.removesuffix(".yaml") for name in names]


class SectionRules(Node):
    """Which sections a variant keeps, replaces or adds. A unit's rules may say which
    briefings they are for (`for:`): for any other briefing the unit's identity still applies
    and its section rules are left out."""

    briefings: Annotated[list[str] | None, BeforeValidator(_briefing_names)] = Field(
        default=None, alias="for")
    include: list[Selector] | None = None
    exclude: list[Selector] = Field(default_factory=list)
    replace: dict[Selector, Replacement] = Field(default_factory=dict)
    insert_after: dict[Selector, Annotated[list[Section], Field(min_length=1)]] = Field(
        default_factory=dict)
    append_to: dict[Selector, Annotated[list[BodyItem], Field(min_length=1)]] = Field(
        default_factory=dict)
    append: list[Section] = Field(default_factory=list)

    @field_validator("include")
    @classmethod
    def _include_not_empty(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and not value:
            raise ValueError(msg("include-empty", "an empty 'include' keeps nothing; leave it "
                                                  "out to keep every block"))
        return value


class UnitFile(Node):
    unit: UnitInfo
    meta: MetaOverrides = Field(default_factory=MetaOverrides)
    sections: SectionRules = Field(default_factory=SectionRules)
    footnotes: Annotated[dict[str, Footnote], AfterValidator(check_footnote_ids)] = Field(
        default_factory=dict)


class MeetingInfo(Node):
    name: Text
    date: DocumentDate | None = None
    place: str | None = None
    audience: str | None = None
    #: the cover line; default "Tài liệu phục vụ <name>" (see MEETING_LINE)
    line: str | None = None
    circulation: str | None = None
    #: a handout that keeps only some sections may promise less than the whole briefing
    subject: str | None = None
    title: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _full_date(cls, value: Any) -> DocumentDate | None:
        if value is None:
            return None
        return DocumentDate.parse_day(value, MEETING_DATE)


class MeetingFile(Node):
    meeting: MeetingInfo
    sections: SectionRules = Field(default_factory=SectionRules)
    footnotes: Annotated[dict[str, Footnote], AfterValidator(check_footnote_ids)] = Field(
        default_factory=dict)


for _model in (Replacement, SectionRules, UnitFile, MeetingFile):
    _model.model_rebuild(_types_namespace=schema_namespace())

#: The default cover line of a meeting handout; `meeting.line` in the file replaces it.
MEETING_LINE = "Tài liệu phục vụ {name}"
