"""How the body's own constructs look: numbered paragraphs, the furniture of articles and
interviews, tables, captions, appendices, and the spelling the proofreader asks for."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from briefing.messages import msg
from briefing.profile.values import (
    Align,
    Length,
    ParagraphStyle,
    Positive,
    RunStyle,
    Strict,
    TextStyle,
    only_field,
)


class NumberedParagraphs(Strict):
    """Body paragraphs that carry a run-in heading number ("1.1. Quan hệ với Lào …")."""

    number: RunStyle = RunStyle(bold=True)


class Furniture(Strict):
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
        return only_field(value, "speaker", "'{speaker}: '")


class TableLook(Strict):
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
        return only_field(value, "n", "'Bảng {n}. '")


class Captions(Strict):
    table: Caption
    figure: Caption


class AppendixLook(Strict):
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
        return only_field(value, "n", "'PHỤ LỤC {n:R}'")


class Spelling(Strict):
    """Where Vietnamese allows two spellings of one word, which one documents use (checked by
    briefing/validation/proofreading/): `tone_marks` new (hòa, ủy, khỏe), old (hoà, uỷ, khoẻ),
    or consistent (either, but one per document)."""

    tone_marks: Literal["new", "old", "consistent"] = "consistent"


class Blanks(Strict):
    """Fill-in blanks ({blank}, {blank:40}, {fill}): the default width of {blank} (mm) and
    the character they are drawn with (a dot leader in the DOCX, dots in the PDF)."""

    width: Positive = 30
    leader: str = "."

    @field_validator("leader")
    @classmethod
    def _one_character(cls, value: str) -> str:
        if len(value) != 1 or not value.isprintable() or value.isspace():
            raise ValueError(msg("one-character", "'{value}' is not one visible character (a "
                                                  "dot: '.')", value=value))
        return value
