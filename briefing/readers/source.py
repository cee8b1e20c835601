"""What every reader produces: the source as a flat list of paragraphs, tables and pictures.

Readers (Word, text, Markdown) know their format and nothing about briefings; the middle
(`structure`, `masthead`, `notes`, …) knows briefings and nothing about formats. This module is
the contract between them, like pandoc's AST: a paragraph carries its text as the content
format's inline Markdown (emphasis, `[^id]` calls, escapes) plus the hints its format gave —
a heading style, the number Word displayed, whether the whole line is bold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.messages import Message, msg

#: where a line, table or picture is in its source, for messages ("line 12", "paragraph 34")
Where = Message | None


def place_line(number: int) -> Message:
    """"line 12": the place of a line of a text or Markdown source."""
    return msg("place-line", "line {n}", n=number)


def place_paragraph(number: int) -> Message:
    """"paragraph 34": the place of a paragraph of a Word source."""
    return msg("place-paragraph", "paragraph {n}", n=number)


@dataclass
class Line:
    """One source paragraph (a text paragraph, a Word paragraph, a Markdown block)."""

    text: str
    #: where it is, for messages: "line 12", "paragraph 34", "table 2 (paragraph 5)"
    where: Where
    #: heading level the format says (Word heading style or outline level, Markdown '#'), or None
    heading: int | None = None
    #: a role the format names outright (the styles our own DOCX writer uses): "masthead-issuer",
    #: "recipients", "signature-name", "cover-title", "intertitle", "quote", …
    role: str | None = None
    #: the number Word displayed for an automatic list ("1.1.", "(i)", "•"), "" if none
    label: str = ""
    #: nesting level of an automatic list (Word's ilvl), or of a Markdown list
    list_level: int = 0
    bold: bool = False  # every letter of the line is bold
    italic: bool = False  # every letter of the line is italic
    align: str | None = None  # "left" | "center" | "right" | "justify" when the format says
    #: a page break (or the text's trace of one) comes right before this line
    page_break: bool = False
    #: a blank line comes right before this line (text sources)
    gap_before: bool = False
    #: inside a layout table (masthead, closing): (table, row, column)
    cell: tuple[int, int, int] | None = None

    @property
    def plain(self) -> str:
        from briefing.text.inline_markdown import plain_text

        return plain_text(self.text)


@dataclass
class Cell:
    lines: list[Line]
    colspan: int = 1
    rowspan: int = 1
    align: str | None = None
    column: int | None = None  # grid column, when the format says


@dataclass
class Table:
    rows: list[list[Cell]]
    where: Where
    #: a table without borders is page layout (masthead, closing), not data
    borderless: bool = False
    header_rows: int = 0
    #: column widths as the format gives them (Word: twips), [] when unknown
    widths: list[int] = field(default_factory=list)


@dataclass
class Picture:
    data: bytes
    extension: str  # "png" | "jpeg"
    where: Where
    width_percent: int | None = None


Block = Line | Table | Picture


@dataclass
class SourceDocument:
    """A whole source: its blocks in order, and the footnotes the format kept apart."""

    name: str
    kind: str  # "docx" | "text" | "markdown"
    blocks: list[Block] = field(default_factory=list)
    #: footnote id (as called in the text) -> its paragraphs (inline Markdown)
    notes: dict[str, list[str]] = field(default_factory=dict)
    #: where each footnote was found
    note_where: dict[str, Where] = field(default_factory=dict)
    #: lines of page headers and footers that carry a role (a booklet's cover foot)
    furniture: list[Line] = field(default_factory=list)
