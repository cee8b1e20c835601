"""The layout profile: every number of the official layout, read from `profiles/<name>.yaml`.

Both writers take their margins, sizes, fonts and numbering from here and nowhere else, so the
PDF and the DOCX cannot drift apart, and a new rulebook is a new data file, not new code.

A profile is user data (an office copies party.yaml to make its own), so everything the writers
rely on is checked on load: a mistake is reported at its line and column, in one pass with every
other mistake of the file, never as a traceback or a silently wrong document.
"""

from __future__ import annotations

import difflib
import math
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from briefing import FONTS_DIR, PROJECT_ROOT
from briefing.layout.numbering import STYLES, field_text, format_pieces
from briefing.messages import Message, msg
from briefing.problems import BriefingError

PROFILES_DIR = PROJECT_ROOT / "profiles"

#: The first bytes of the font files the writers can read (TrueType, OpenType, collections).
_FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


# -- checks on single values ------------------------------------------------------------------

def _number(value: float) -> str:
    return f"{value:g}"


def _positive(value: float) -> float:
    if not (math.isfinite(value) and value > 0):
        raise ValueError(msg("positive", "must be positive, found {value}",
                             value=_number(value)))
    return value


def _not_negative(value: float) -> float:
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(msg("not-negative", "must not be negative, found {value}",
                             value=_number(value)))
    return value


#: A size that must be there: page size, type size, line height (mm or pt).
Positive = Annotated[float, AfterValidator(_positive)]
#: A length that may be zero: margins, indents, spacing (mm or pt).
Length = Annotated[float, AfterValidator(_not_negative)]
#: What both writers can do with a paragraph (CSS text-align and DOCX w:jc alike).
Align = Literal["left", "center", "right", "justify"]


def _fail(errors: list[tuple[tuple[str | int, ...], str, Message, Any]]) -> None:
    """Report several problems below the value being checked, each at its own place.

    `errors` are (location relative to the value, error code, message, input). pydantic adds
    the location of the value itself, so each problem points at the exact YAML entry.
    """
    if errors:
        raise ValidationError.from_exception_data("profile", [
            {"type": PydanticCustomError(code, "{message}", {"message": message}),
             "loc": loc, "input": value}
            for loc, code, message, value in errors])


def _near(word: str, choices: list[str], shown: str = '"{}"') -> Message | str:
    """' (did you mean "x"?)' for a near miss among `choices`, else ""."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return msg("did-you-mean-inline", " (did you mean {word}?)",
               word=shown.format(close[0])) if close else ""


# -- the profile -------------------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextStyle(_Strict):
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


class PageNumber(_Strict):
    position: Literal["top-left", "top-center", "top-right",
                      "bottom-left", "bottom-center", "bottom-right"] = "top-center"
    size: Positive = 14
    first_page: bool = False


class Page(_Strict):
    size: tuple[Positive, Positive]
    margins: dict[str, Length]
    header_distance: Length = 10
    number: PageNumber

    @field_validator("margins")
    @classmethod
    def _four_sides(cls, value: dict[str, float], info: ValidationInfo) -> dict[str, float]:
        if set(value) != {"top", "bottom", "left", "right"}:
            raise ValueError(msg("margins", "margins need exactly top, bottom, left and right"))
        size = info.data.get("size")
        if size is not None:
            width, height = size
            if value["left"] + value["right"] >= width:
                raise ValueError(msg("margins", "left + right ({sum} mm) leave no room for text "
                                     "on a page {width} mm wide",
                                     sum=_number(value["left"] + value["right"]),
                                     width=_number(width)))
            if value["top"] + value["bottom"] >= height:
                raise ValueError(msg("margins", "top + bottom ({sum} mm) leave no room for text "
                                     "on a page {height} mm high",
                                     sum=_number(value["top"] + value["bottom"]),
                                     height=_number(height)))
        return value


class FontFiles(_Strict):
    """Font files, relative to fonts/ (the PDF may load nothing from anywhere else)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    @field_validator("regular", "bold", "italic", "bold_italic")
    @classmethod
    def _under_fonts(cls, value: str) -> str:
        example = msg("font-path-hint", "write it relative to fonts/, like "
                                        "'liberation-serif/LiberationSerif-Bold.ttf'")
        if "\0" in value or "\\" in value:
            raise ValueError(msg("font-file", "'{path}' is not a usable path: {example}",
                                 path=value, example=example))
        relative = Path(value)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(msg("font-file", "'{path}' is outside fonts/: {example}",
                                 path=value, example=example))
        root = FONTS_DIR.resolve()
        path = (root / relative).resolve()
        if not path.is_relative_to(root):
            raise ValueError(msg("font-file", "'{path}' leads outside fonts/ (a link?): "
                                              "{example}", path=value, example=example))
        if not path.is_file():
            raise ValueError(msg("font-file", "there is no font file fonts/{path}", path=value))
        with path.open("rb") as handle:
            if handle.read(4) not in _FONT_MAGIC:
                raise ValueError(msg("font-file", "fonts/{path} is not a TrueType or OpenType "
                                                  "font", path=value))
        return value


def _font_name(value: str) -> str:
    if not value.strip() or any(c in value for c in '"\\;{}<>') or not value.isprintable():
        raise ValueError(msg("font-name", "'{name}' is not a font name (no quotes, braces, ';' "
                                          "or '\\')", name=value))
    return value


class Font(_Strict):
    family: Annotated[str, AfterValidator(_font_name)]
    pdf_family: Annotated[str, AfterValidator(_font_name)]
    files: FontFiles

    def path(self, face: str) -> Path:
        return FONTS_DIR / getattr(self.files, face)


class Body(_Strict):
    size: Positive
    line_height: Positive
    space_after: Length
    first_line_indent: Length
    align: Align = "justify"
    #: the height of a single-spaced line, in type sizes (Word's "single" for Times New Roman)
    single_line: Positive = 1.15


class Footnote(_Strict):
    size: Positive
    line_height: Positive
    space_after: Length = 0
    #: mm, first line of each note paragraph (0: the number flush with the margin)
    first_line_indent: Length = 0
    #: the rule above the notes: length (mm), weight (pt), space above and below it (mm)
    separator: Length = 50.8
    separator_weight: Positive = 0.5
    separator_above: Length = 1
    separator_below: Length = 1


class Numbering(_Strict):
    """Heading ladders. Fields are checked in this order, so each check sees the ones before:
    the ladders need max_depth, the default needs the ladders."""

    max_depth: int = 6
    ladders: dict[str, list[str]]
    default: str

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
        _fail(errors)
        return value

    @field_validator("default")
    @classmethod
    def _names_a_ladder(cls, value: str, info: ValidationInfo) -> str:
        ladders = info.data.get("ladders")
        if ladders is not None and value not in ladders:
            raise ValueError(msg("ladder-default", "there is no ladder '{name}'{near}; the "
                                 "ladders are: {ladders}", name=value,
                                 near=_near(value, list(ladders)), ladders=tuple(ladders)))
        return value


def _ladder_step_problem(pattern: str, level: int) -> Message | None:
    """What is wrong with the number format of heading level `level`, or None."""
    try:
        pieces = format_pieces(pattern)
    except ValueError as exc:
        return exc.args[0]
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


class HeadingStyle(TextStyle):
    align: Align = "justify"


def _only_field(value: str, name: str, example: str) -> str:
    """A format that must hold the field {name} and no other (a caption's counter, a
    speaker's name)."""
    names = {field for _, field, _ in format_pieces(value) if field is not None}
    if names != {name}:
        raise ValueError(msg("only-field", "must contain {{{name}}} and no other field, e.g. "
                                           "{example}", name=name, example=example))
    return value


class ParagraphStyle(TextStyle):
    """A paragraph of the body in a look of its own (quote, byline, note, …): a text style
    plus side indents, the space after it and its exact line height (default: the body's)."""

    align: Align = "justify"
    left: Length = 0
    right: Length = 0
    space_after: Length | None = None
    line_height: Positive | None = None


class RunStyle(_Strict):
    """How a run-in part of a paragraph looks (a paragraph number, a speaker's label)."""

    bold: bool = False
    italic: bool = False


class NumberedParagraphs(_Strict):
    """Body paragraphs that carry a run-in heading number ("1.1. Quan hệ với Lào …")."""

    number: RunStyle = RunStyle(bold=True)


class Furniture(_Strict):
    """The named constructs of articles, speeches and interviews, each in its own look."""

    intertitle: ParagraphStyle
    standfirst: ParagraphStyle
    dateline: ParagraphStyle
    byline: ParagraphStyle
    credit: ParagraphStyle
    note: ParagraphStyle
    salutation: ParagraphStyle
    quote: ParagraphStyle
    attribution: ParagraphStyle
    question: ParagraphStyle
    answer: ParagraphStyle
    speaker: RunStyle = RunStyle(bold=True)
    speaker_format: str = "{speaker}: "

    @field_validator("speaker_format")
    @classmethod
    def _speaker_field(cls, value: str) -> str:
        return _only_field(value, "speaker", "'{speaker}: '")


class TableLook(_Strict):
    """Tables of the body: type, rules and padding (mm), header look."""

    size: Positive = 13
    line_height: Positive = 16
    header: RunStyle = RunStyle(bold=True)
    header_align: Align = "center"
    border: Positive = 0.5                # pt, every cell edge
    padding: tuple[Length, Length] = (0.8, 1.5)   # mm: top/bottom, left/right
    space_before: Length = 6
    space_after: Length = 6
    #: pt between the table and its note line ("Nguồn: …")
    note_space: Length = 3


class Caption(ParagraphStyle):
    """A numbered caption: "Bảng 1. …" above a table, "Hình 1. …" below a figure."""

    format: str
    position: Literal["above", "below"] = "above"
    align: Align = "center"

    @field_validator("format")
    @classmethod
    def _counter(cls, value: str) -> str:
        return _only_field(value, "n", "'Bảng {n}. '")


class Captions(_Strict):
    table: Caption
    figure: Caption


class AppendixLook(_Strict):
    """PHỤ LỤC pages: the label ("PHỤ LỤC", or "PHỤ LỤC I", "II" … when there are several),
    the title and the subtitle, each on its own line, centred."""

    label: str = "PHỤ LỤC"
    numbered_label: str = "PHỤ LỤC {n:R}"
    label_style: TextStyle
    title: TextStyle
    subtitle: TextStyle
    #: pt between the head (label, title, subtitle) and the appendix's body
    space_after: Length = 12

    @field_validator("numbered_label")
    @classmethod
    def _counter(cls, value: str) -> str:
        return _only_field(value, "n", "'PHỤ LỤC {n:R}'")


class Media(_Strict):
    """Limits on figure files (content/media/…), and the tallest a figure may print."""

    max_bytes: Annotated[int, Field(gt=0)] = 10_000_000
    max_pixels: Annotated[int, Field(gt=0)] = 40_000_000
    #: share of the text block's height: room is left for the caption on the same page
    max_height: Share = 0.8


class Enumeration(_Strict):
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
                                     near=_near(name, ["n", "word"], "{{{}}}"),
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


class DocumentNumber(_Strict):
    """How the number line is printed and checked; `shape` and `example` word the hint for a
    number that does not match, since each rulebook orders number, type and issuer its own way."""

    prefix: str
    pattern: str
    blank: str = "     "
    shape: str = ""
    example: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(msg("regex", "not a valid regular expression: {reason}",
                                 reason=str(exc))) from None
        except (RecursionError, OverflowError, MemoryError):
            raise ValueError(msg("regex", "not a valid regular expression: too complex")
                             ) from None
        return value

    @field_validator("example")
    @classmethod
    def _example_matches(cls, value: str, info: ValidationInfo) -> str:
        pattern = info.data.get("pattern")
        if value and pattern is not None and not re.search(pattern, value):
            raise ValueError(msg("number-example", "'{example}' does not match the pattern, so "
                                 "it would mislead the hint it is shown in", example=value))
        return value

    def blank_example(self) -> str:
        """The example without its number ("-HD/BTGTU"), if the pattern allows a blank."""
        blank = re.sub(r"^\d+", "", self.example)
        return blank if blank != self.example and re.search(self.pattern, blank) else ""


#: The fields each date line may use, and must: a line for a partial date has no day.
DATE_FIELDS = {
    "format": ("place", "day", "month", "year"),
    "month_only": ("place", "month", "year"),
    "year_only": ("place", "year"),
    "cover": ("place", "month", "year"),
}
_ALL_DATE_FIELDS = ("place", "day", "month", "year")


class DateFormat(_Strict):
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
                near = _near(name, list(_ALL_DATE_FIELDS), shown="{{{}}}")
                raise ValueError(msg("date-field", "unknown field {field}{near}: the fields are "
                                     "{listed}", field=shown, near=near, listed=listed))
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


def _columns(value: tuple[float, float]) -> tuple[float, float]:
    if sum(value) > 100:
        raise ValueError(msg("columns", "{first} + {second} is more than 100 % of the text "
                                        "width", first=_number(value[0]),
                             second=_number(value[1])))
    return value


#: Two columns side by side, in % of the text width.
Columns = Annotated[tuple[Positive, Positive], AfterValidator(_columns)]


class TitleLine(TextStyle):
    """One line of the masthead's right column, in its own look: the party name (HD 36), or
    the national title and the motto (ND 30), which differ in size and caps."""

    text: str


def _share(value: float) -> float:
    if not (math.isfinite(value) and 0 < value <= 1):
        raise ValueError(msg("share", "must be a share of the line, more than 0 and at most 1, "
                                      "found {value}", value=_number(value)))
    return value


#: A part of a length, 0 < share <= 1 (a rule as long as a third of its line is 0.33).
Share = Annotated[float, AfterValidator(_share)]


class Masthead(_Strict):
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


class TitleBlock(_Strict):
    type: TextStyle
    subject: TextStyle
    rule: Length = 30
    #: mm kept free on each side of the subject; its lines are balanced within the rest
    subject_margin: Length = 10


class Cover(_Strict):
    title_default: str
    title: TextStyle
    subject: TextStyle
    #: mm kept free on each side of the subject; its lines are balanced within the rest
    subject_margin: Length = 10
    issue: TextStyle
    mark: TextStyle
    foot: TextStyle


class Closing(_Strict):
    columns: Columns
    recipients_label: str
    label: TextStyle
    item: TextStyle
    item_prefix: str = "- "
    authority: TextStyle
    title: TextStyle
    name: TextStyle
    signature_space: Annotated[int, Field(ge=0)] = 4


class Spelling(_Strict):
    """Where Vietnamese allows two spellings of one word, which one documents use (checked by
    briefing/validation/proofreading/): `tone_marks` new (hòa, ủy, khỏe), old (hoà, uỷ, khoẻ),
    or consistent (either, but one per document)."""

    tone_marks: Literal["new", "old", "consistent"] = "consistent"


class Profile(_Strict):
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


def available_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


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
