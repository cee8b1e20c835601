"""The layout profile: every number of the official layout, read from `profiles/<name>.yaml`.

Both writers take their margins, sizes, fonts and numbering from here and nowhere else, so the
PDF and the DOCX cannot drift apart, and a new rulebook is a new data file, not new code.

A profile is user data (an office copies party.yaml to make its own), so everything the writers
rely on is checked on load: a mistake is reported at its line and column, in one pass with every
other mistake of the file, never as a traceback or a silently wrong document.

The models live by concept — `values` (checks on single values, the shared looks), `page` (the
page and fonts), `ladders` (heading ladders, letters, enumerations), `parts` (number, date,
masthead, title block, cover, closing), `body_looks` (furniture, tables, captions, appendices),
`document_types` (what each type prints) — and are all importable from here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, ValidationInfo, field_validator

from briefing import FONTS_DIR
from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.profile.body_looks import (
    AppendixLook,
    Blanks,
    Caption,
    Captions,
    Furniture,
    NumberedParagraphs,
    Spelling,
    TableLook,
)
from briefing.profile.document_number import DocumentNumber
from briefing.profile.document_types import DocumentType, resolve, types_problems
from briefing.profile.ladders import Enumeration, Numbering
from briefing.profile.legal_looks import LegalLooks
from briefing.profile.names import PROFILES_DIR, available_profiles
from briefing.profile.page import Body, Font, FontFiles, Footnote, Media, Page, PageNumber
from briefing.profile.parts import (
    DATE_FIELDS,
    Closing,
    Cover,
    DateFormat,
    ESignature,
    Masthead,
    TitleBlock,
    TitleLine,
)
from briefing.profile.type_line_looks import TypeLines
from briefing.profile.values import (
    Align,
    HeadingStyle,
    Length,
    ParagraphStyle,
    Positive,
    RunStyle,
    Share,
    Strict,
    TextStyle,
    fail,
)

__all__ = [
    "DATE_FIELDS",
    "FONTS_DIR",
    "PROFILES_DIR",
    "Align",
    "AppendixLook",
    "Blanks",
    "Body",
    "Caption",
    "Captions",
    "Closing",
    "Cover",
    "DateFormat",
    "DocumentNumber",
    "DocumentType",
    "ESignature",
    "Enumeration",
    "Font",
    "FontFiles",
    "Footnote",
    "Furniture",
    "HeadingStyle",
    "LegalLooks",
    "Length",
    "Masthead",
    "Media",
    "NumberedParagraphs",
    "Numbering",
    "Page",
    "PageNumber",
    "ParagraphStyle",
    "Positive",
    "Profile",
    "RunStyle",
    "Share",
    "Spelling",
    "TableLook",
    "TextStyle",
    "TitleBlock",
    "TitleLine",
    "TypeLines",
    "available_profiles",
    "load_profile",
    "load_profile_file",
]

class Profile(Strict):
    name: str
    description: str = ""
    lang: str = "vi-VN"
    page: Page
    font: Font
    body: Body
    footnote: Footnote
    numbering: Numbering
    headings: Annotated[list[HeadingStyle], Field(min_length=1)]
    enumerations: dict[str, Enumeration]
    bullets: Annotated[list[str], Field(min_length=1)]
    document_number: DocumentNumber
    date: DateFormat
    masthead: Masthead
    title_block: TitleBlock
    cover: Cover
    closing: Closing
    numbered_paragraphs: NumberedParagraphs = NumberedParagraphs()
    furniture: Furniture
    table: TableLook = TableLook()
    captions: Captions
    appendix: AppendixLook
    media: Media = Media()
    spelling: Spelling = Field(default_factory=Spelling)
    e_signature: ESignature = Field(default_factory=ESignature)
    blanks: Blanks = Blanks()
    legal: LegalLooks = LegalLooks()
    #: the types of document this rulebook knows, by key (empty: any meta.type is printed as
    #: written, unchecked)
    document_types: dict[str, DocumentType] = Field(default_factory=dict)
    #: how the lines the types add look (V/v, Kính gửi, Căn cứ, the enactment line, …)
    type_lines: TypeLines = TypeLines()
    #: the file it was read from, for hashing into edition manifests
    source: str = ""

    @field_validator("headings")
    @classmethod
    def _a_style_per_level(cls, value: list[HeadingStyle],
                           info: ValidationInfo) -> list[HeadingStyle]:
        numbering = info.data.get("numbering")
        if numbering is not None and len(value) < numbering.max_depth:
            raise ValueError(msg("heading-styles", "{count} styles for numbering.max_depth "
                                 "{depth}: give one style per heading level, or lower max_depth",
                                 count=len(value), depth=numbering.max_depth))
        return value

    @field_validator("document_types")
    @classmethod
    def _types(cls, value: dict[str, DocumentType],
               info: ValidationInfo) -> dict[str, DocumentType]:
        fail(types_problems(value, info.data.get("document_number")))
        return value

    def document_type(self, written: str | None) -> tuple[str, DocumentType] | None:
        """The type `meta.type` names (by key or printed name), or None."""
        return resolve(self.document_types, written) if written else None

    def heading(self, level: int) -> HeadingStyle:
        return self.headings[min(level, len(self.headings)) - 1]

    @property
    def text_width_mm(self) -> float:
        return self.page.size[0] - self.page.margins["left"] - self.page.margins["right"]

    def single_line(self, size: float) -> float:
        """The exact height (pt, to the twip) of a single-spaced line of `size` pt type.

        Both writers give every single-spaced line (masthead, title block, cover, closing,
        appendix heads, page number) this exact height: Word's "single" and CSS's "normal"
        are each computed from the font in their own way, and differ by a point a line."""
        return round(size * self.body.single_line * 20) / 20

    @property
    def footer_distance_mm(self) -> float:
        """From the bottom edge of the page to the bottom of the footer: the page number's
        band when the number is at the foot, else the bottom margin (a cover's foot line
        then stands on the text area's bottom edge, in both writers)."""
        if self.page.number.position.startswith("bottom"):
            return self.page.header_distance
        return self.page.margins["bottom"]


@lru_cache(maxsize=8)
def load_profile(name: str) -> Profile:
    """Read and check `profiles/<name>.yaml`; an unknown name lists the known ones."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name or ""):
        raise BriefingError.at("profiles", msg("profile-name", "invalid profile name '{name}'",
                                               name=name))
    path = PROFILES_DIR / f"{name}.yaml"
    if not path.is_file():
        raise BriefingError.at(path, msg("profile", "unknown layout profile '{name}'", name=name),
                               hint=msg("profile-known", "known: {names}",
                                        names=tuple(available_profiles())))
    return load_profile_file(path)


def load_profile_file(path: Path) -> Profile:
    """Read and check a profile file; every mistake in it is a `BriefingError` problem at its
    line:col. (Not cached: `load_profile` is.)"""
    from briefing.content.schema_problems import problems_from_validation
    from briefing.source.yaml_source import load_yaml

    document = load_yaml(path, what=msg("what-profile", "profile"))
    if not isinstance(document.data, dict):
        raise BriefingError.at(path, msg("profile-mapping", "a layout profile is a mapping "
                                                            "('key: value' lines)"),
                               line=1, col=1)
    try:
        return Profile.model_validate({**document.data, "source": str(path)})
    except ValidationError as exc:
        raise BriefingError(problems_from_validation(exc, document.source, Profile)) from None
