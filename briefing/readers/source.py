"""What every reader produces: the source as a flat list of paragraphs, tables and pictures.

Readers (Word, text, Markdown) know their format and nothing about briefings; the middle
(`briefing.importing`) knows briefings and nothing about formats. This module is the contract
between them, like pandoc's AST: a paragraph carries its text as the content format's inline
Markdown (emphasis, `[^id]` calls, escapes, `{blank}`/`{fill}` for fill-in blanks) plus what a
reader of the file sees of it — its size, weight, capitals, alignment and indents, whether it
sits in a table cell or a text box, the number Word displayed in front of it — never the
name of a style (other than our own writer's, read back as a `role`).

Lengths are in millimetres and sizes in points, whatever the format; a Word section keeps
Word's own twips as well, because the layout rules are checked to the twip.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.messages import Message, msg

TWIPS_PER_MM = 1440 / 25.4

#: where a line, table or picture is in its source, for messages ("line 12", "paragraph 34"),
#: or the part of a Word file it was read from ("word/header1.xml", a name carried over)
Where = Message | str | None


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
    #: where it is, for messages: "line 12", "paragraph 34", "text box in paragraph 5"
    where: Where
    #: heading level the format says (Word heading style or outline level, Markdown '#'), or None
    heading: int | None = None
    #: a role our own DOCX writer names by a style ("masthead-issuer", "recipients",
    #: "signature-name", "cover-title", "intertitle", "quote", …), or "mark" for a boxed mark
    role: str | None = None
    #: the number Word displayed for an automatic list ("1.1.", "(i)", "•"), "" if none
    label: str = ""
    #: nesting level of an automatic list (Word's ilvl), or of a Markdown list
    list_level: int = 0
    bold: bool = False  # every letter of the line is bold
    italic: bool = False  # every letter of the line is italic
    #: every letter of the line shows as a capital (typed so, or by Word's "All caps")
    caps: bool = False
    align: str | None = None  # "left" | "center" | "right" | "justify" when the format says
    #: size in points of most of the line's letters (style chain and runs), None if unknown
    size: float | None = None
    #: font family of most of the line's letters ("Times New Roman Bold" reads as its family)
    font: str | None = None
    #: left indent and first-line indent in mm (a hanging indent is negative), when known
    indent: float | None = None
    first_line: float | None = None
    #: a page break (or the text's trace of one) comes right before this line
    page_break: bool = False
    #: a blank line comes right before this line (text sources)
    gap_before: bool = False
    #: inside a table: (table, row, column) — a layout table (masthead, closing) or data
    cell: tuple[int, int, int] | None = None
    #: the text of a text box, read apart and placed after the paragraph that holds the box:
    #: "stamp" (an electronic-signature stamp), "mark" (a boxed line in capitals such as
    #: HỎA TỐC), "text" (any other text box that is not a diagram or a sample)
    box: str | None = None
    #: index of the section (`SourceDocument.sections`) the line is in
    section: int = 0
    #: a picture the reader could not bring in stood right before this line (a Markdown
    #: image, whose file is outside the input; a chart or a metafile in Word)
    after_picture: bool = False

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
    #: rows that type the header rows again (a header repeated by hand after a page break)
    repeated_rows: list[int] = field(default_factory=list)
    #: tables that were nested in its cells, flattened into the cell's lines
    nested: int = 0


@dataclass
class Picture:
    data: bytes
    extension: str  # "png" | "jpg"
    where: Where
    width_percent: int | None = None
    #: what the picture stands for when it is not a picture of its own: "the preview of an
    #: embedded Visio drawing", …; None for an ordinary picture
    stands_for: Message | None = None


Block = Line | Table | Picture


@dataclass
class HeaderFooter:
    """A page header or footer a section shows."""

    kind: str  # "header" | "footer"
    type: str  # "default" | "first" | "even"
    part: str  # the part it is read from ("word/header1.xml")
    #: it holds a PAGE field (the page number)
    page_number: bool = False
    #: the section has no reference of its own and shows the previous section's
    inherited: bool = False
    lines: list[Line] = field(default_factory=list)


@dataclass
class Section:
    """Page set-up of one section (Word's `w:sectPr`), in twips as Word writes it."""

    where: Where  # "section 2 (from paragraph 190)"
    width: int = 0
    height: int = 0
    landscape: bool = False
    #: top, bottom, left, right, header, footer, gutter -> twips
    margins: dict[str, int] = field(default_factory=dict)
    #: "Different first page" (w:titlePg)
    title_page: bool = False
    #: how the section starts: "nextPage", "continuous", "evenPage", "oddPage", "nextColumn"
    start: str = "nextPage"
    columns: int = 1
    #: the page number restarts at this value (w:pgNumType w:start), None if it continues
    page_start: int | None = None
    headers: list[HeaderFooter] = field(default_factory=list)
    #: index in `SourceDocument.blocks` of the first block of the section
    first_block: int = 0

    def mm(self, twips: int) -> float:
        return round(twips / TWIPS_PER_MM, 1)


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
    #: the sections of a Word file, in order (none for text and Markdown, which have no pages)
    sections: list[Section] = field(default_factory=list)
    #: superscript digits in the text are kept as text (¹ ² ³), not read as footnote calls:
    #: the document has real footnotes, or a "Ghi chú:" box the digits point to
    callouts: bool = False
