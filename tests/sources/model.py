"""The abstract document the renderers print, and the reading a reader should get back.

A `Document` is a head (masthead, cover or headline), a title, a body of lines, tables and
pictures, and a closing. Each body `Line` carries the `Para` a reader sees (role, printed
marker, text) and hints on how a clerk typed it (a Word list, a bold label, a fill-in leader,
a hard wrap). Renderers decide the cosmetics; what a reader must get back is fixed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Roles of a paragraph in the expected reading (the scorer classifies our DOCX into these).
ROLES = ("heading", "article", "clause", "point", "numbered", "item", "paragraph", "turn",
         "cell", "caption", "byline", "credit", "standfirst", "dateline", "intertitle",
         "basis", "formula", "fill")

#: The letters of the Vietnamese alphabet that number points: no f, j, w, z; đ after d.
LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q",
           "r", "s", "t", "u", "v", "x", "y")
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


@dataclass(frozen=True)
class Para:
    """One paragraph as printed: its role, its marker ("Điều 3.", "1.", "đ)", "-",
    "Phóng viên:"), and its text after the marker."""

    role: str
    text: str
    marker: str = ""

    @property
    def printed(self) -> str:
        return f"{self.marker} {self.text}".strip() if self.marker else self.text


@dataclass
class Line:
    """A body paragraph and how it was typed."""

    para: Para
    level: int = 0
    #: (list id, level) when Word's automatic numbering prints the marker (DOCX only)
    auto: tuple[int, int] | None = None
    #: "" (the role's usual look), "bold", "italic", "centre", "plain"
    look: str = ""
    #: fill-in line: "leader" (tab to a dot-leader stop), "dots", "ellipsis", "date"
    fill: str = ""
    #: hard-wrapped over several lines in a text rendering
    wrap: bool = False


@dataclass
class Cell:
    paragraphs: list[str]
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False


@dataclass
class Table:
    """Rows of cells; a cell spanning others leaves `None` where it covers them."""

    rows: list[list[Cell | None]]


@dataclass
class Picture:
    caption: Line | None


Block = Line | Table | Picture


@dataclass
class WordList:
    """A list Word numbers: per level the number format and the level text ("%1.")."""

    levels: list[tuple[str, str]]


@dataclass
class Head:
    """The head of a document. kind: party | state | cover | headline."""

    kind: str
    issuer: str = ""
    superior: str = ""
    number: str = ""
    place: str = ""
    date: tuple[int, int, int] | None = None
    #: the masthead as a 1x2 table with several paragraphs per cell (else two rows)
    one_row: bool = True

    def place_date(self) -> str:
        """"Hà Nội, ngày 05 tháng 3 năm 2020": the day padded, months 1 and 2 padded."""
        year, month, day = self.date or (2024, 1, 1)
        shown = f"{month:02d}" if month < 3 else str(month)
        return f"{self.place}, ngày {day:02d} tháng {shown} năm {year}"


@dataclass
class Signer:
    authority: str
    title: str
    name: str


@dataclass
class Closing:
    recipients: list[str]
    signers: list[Signer]
    #: "(Đã ký)" where the signature goes, as in published texts
    signed: bool = False

    def printed_recipients(self) -> list[str]:
        """"- X;" lines, the last one ending with its own stop."""
        last = len(self.recipients) - 1
        return [f"- {item}{'' if i == last or item.endswith(('.', ';')) else ';'}"
                for i, item in enumerate(self.recipients)]


@dataclass
class Document:
    kind: str
    seed: int
    head: Head | None
    type: str = ""
    subject: str = ""
    #: "V/v": the công văn's subject in the masthead's left cell
    subject_prefix: str = ""
    addressees: list[str] = field(default_factory=list)
    preamble: list[Line] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    end_mark: bool = False
    after: list[Line] = field(default_factory=list)
    closing: Closing | None = None
    lists: dict[int, WordList] = field(default_factory=dict)

    def lines(self) -> list[Line]:
        """Every body line in order, pictures' captions included (not table cells)."""
        out = list(self.preamble)
        for block in self.body:
            if isinstance(block, Line):
                out.append(block)
            elif isinstance(block, Picture) and block.caption:
                out.append(block.caption)
        return out + self.after


@dataclass
class Rendering:
    """One rendering of a document: the file, and what a reader should get back from it."""

    name: str
    data: bytes
    reading: list[Para]
    meta: dict[str, object]
