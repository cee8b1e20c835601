"""The layout profile: every number of the official layout, read from `profiles/<name>.yaml`.

Both writers take their margins, sizes, fonts and numbering from here and nowhere else, so the
PDF and the DOCX cannot drift apart, and a new rulebook is a new data file, not new code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from briefing import PROJECT_ROOT
from briefing.errors import BriefingError

PROFILES_DIR = PROJECT_ROOT / "profiles"
FONTS_DIR = PROJECT_ROOT / "fonts"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextStyle(_Strict):
    """Character and paragraph look of one element."""

    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    boxed: bool = False
    align: str = "center"
    indent: float = 0
    space_before: float = 0


class PageNumber(_Strict):
    position: str = "top-center"
    size: float = 14
    first_page: bool = False


class Page(_Strict):
    size: tuple[float, float]
    margins: dict[str, float]
    header_distance: float = 10
    number: PageNumber

    @field_validator("margins")
    @classmethod
    def _four_sides(cls, value: dict[str, float]) -> dict[str, float]:
        if set(value) != {"top", "bottom", "left", "right"}:
            raise ValueError("margins need exactly top, bottom, left and right")
        return value


class FontFiles(_Strict):
    regular: str
    bold: str
    italic: str
    bold_italic: str


class Font(_Strict):
    family: str
    pdf_family: str
    files: FontFiles

    def path(self, face: str) -> Path:
        return FONTS_DIR / getattr(self.files, face)


class Body(_Strict):
    size: float
    line_height: float
    space_after: float
    first_line_indent: float
    align: str = "justify"


class Footnote(_Strict):
    size: float
    line_height: float
    space_after: float = 0
    separator: float = 50


class Numbering(_Strict):
    default: str
    ladders: dict[str, list[str]]
    max_depth: int = 6


class HeadingStyle(TextStyle):
    align: str = "justify"


class Enumeration(_Strict):
    format: str
    words: list[str] = Field(default_factory=list)


class DocumentNumber(_Strict):
    prefix: str
    pattern: str
    blank: str = "     "

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


class DateFormat(_Strict):
    format: str
    month_only: str
    year_only: str
    pad_months: list[int]
    cover: str


class Masthead(_Strict):
    columns: tuple[float, float]
    party_name: str
    party: TextStyle
    party_rule: bool = True
    superior: TextStyle
    issuer: TextStyle
    star: str = "*"
    number: TextStyle
    place_date: TextStyle


class TitleBlock(_Strict):
    type: TextStyle
    subject: TextStyle
    rule: float = 30


class Cover(_Strict):
    title_default: str
    title: TextStyle
    subject: TextStyle
    issue: TextStyle
    mark: TextStyle
    foot: TextStyle


class Closing(_Strict):
    columns: tuple[float, float]
    recipients_label: str
    label: TextStyle
    item: TextStyle
    item_prefix: str = "- "
    authority: TextStyle
    title: TextStyle
    name: TextStyle
    signature_space: int = 4


class Profile(_Strict):
    name: str
    description: str = ""
    lang: str = "vi-VN"
    page: Page
    font: Font
    body: Body
    footnote: Footnote
    numbering: Numbering
    headings: list[HeadingStyle]
    enumerations: dict[str, Enumeration]
    bullets: list[str]
    document_number: DocumentNumber
    date: DateFormat
    masthead: Masthead
    title_block: TitleBlock
    cover: Cover
    closing: Closing
    #: the file it was read from, for hashing into edition manifests
    source: str = ""

    def heading(self, level: int) -> HeadingStyle:
        return self.headings[min(level, len(self.headings)) - 1]

    @property
    def text_width_mm(self) -> float:
        return self.page.size[0] - self.page.margins["left"] - self.page.margins["right"]


def available_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


@lru_cache(maxsize=8)
def load_profile(name: str) -> Profile:
    """Read and check `profiles/<name>.yaml`; an unknown name lists the known ones."""
    from briefing.content.errors import problems_from_validation
    from briefing.source.yaml_source import load_yaml

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name or ""):
        raise BriefingError.at("profiles", f"invalid profile name '{name}'")
    path = PROFILES_DIR / f"{name}.yaml"
    if not path.is_file():
        raise BriefingError.at(path, f"unknown layout profile '{name}'",
                               hint="known: " + ", ".join(available_profiles()))
    document = load_yaml(path)
    try:
        return Profile.model_validate({**document.data, "source": str(path)})
    except Exception as exc:  # pydantic.ValidationError
        raise BriefingError(problems_from_validation(exc, document.source)) from None
