"""The page and its fonts: paper, margins, page numbers, the font files, the body text and
the footnotes, and the limits on figure files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from briefing import FONTS_DIR
from briefing.messages import msg
from briefing.profile.values import Align, Length, Positive, Share, Strict, shown_number

#: The first bytes of the font files the writers can read (TrueType, OpenType, collections).
_FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


class PageNumber(Strict):
    position: Literal["top-left", "top-center", "top-right",
                      "bottom-left", "bottom-center", "bottom-right"] = "top-center"
    size: Positive = 14
    first_page: bool = False


class Page(Strict):
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
            across = value["left"] + value["right"]
            if across >= width:
                raise ValueError(msg("margins", "left + right ({sum} mm) leave no room for text "
                                     "on a page {width} mm wide", sum=shown_number(across),
                                     width=shown_number(width)))
            down = value["top"] + value["bottom"]
            if down >= height:
                raise ValueError(msg("margins", "top + bottom ({sum} mm) leave no room for text "
                                     "on a page {height} mm high", sum=shown_number(down),
                                     height=shown_number(height)))
        return value


class FontFiles(Strict):
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


class Font(Strict):
    family: Annotated[str, AfterValidator(_font_name)]
    pdf_family: Annotated[str, AfterValidator(_font_name)]
    files: FontFiles

    def path(self, face: str) -> Path:
        return FONTS_DIR / getattr(self.files, face)


class Body(Strict):
    size: Positive
    line_height: Positive
    space_after: Length
    first_line_indent: Length
    align: Align = "justify"
    #: the height of a single-spaced line, in type sizes (Word's "single" for Times New Roman)
    single_line: Positive = 1.15
    #: appended to the last paragraph of the body where the document type says `end_mark`
    end_mark: str = "./."


class Footnote(Strict):
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


class Media(Strict):
    """Limits on figure files (content/media/…), and the tallest a figure may print."""

    max_bytes: Annotated[int, Field(gt=0)] = 10_000_000
    max_pixels: Annotated[int, Field(gt=0)] = 40_000_000
    #: share of the text block's height: room is left for the caption on the same page
    max_height: Share = 0.8
