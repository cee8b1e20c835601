"""The nodes of a document's body: its blocks (paragraphs, sections, numbered paragraphs, the
legal structure, lists, quotes, turns, tables, figures) and the inline content inside them.

Part of the tree's vocabulary (`briefing.tree.vocabulary`, which holds the parts of a document
around the body and names every node); written apart so each module reads in one sitting.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal, get_args

from briefing.tree.base import Node, attribute, content, node, part

ParagraphKind = Literal["standfirst", "dateline", "byline", "credit", "note", "salutation"]
Align = Literal["left", "center", "right", "justify"]


class Block(Node, abstract=True):
    """A construct of the body's flow: paragraphs, sections, lists, tables, …"""

    __slots__ = ()


class Inline(Node, abstract=True):
    """Content inside a paragraph, a title, a caption, a cell or a note."""

    __slots__ = ()


# -- inline -----------------------------------------------------------------------------------
@node
class Text(Inline):
    """Characters, exactly as in the source."""

    text: str


@node
class Emphasis(Inline):
    tag = "em"
    content: list[Inline] = content(default_factory=list)


@node
class Strong(Inline):
    tag = "strong"
    content: list[Inline] = content(default_factory=list)


@node
class Marker(Inline):
    """A run-in enumeration marker ("(i)", "a)") inside a paragraph of inline items."""

    tag = "marker"
    content: list[Inline] = content(default_factory=list)


@node
class LineBreak(Inline):
    """A computed line break (balanced display lines of a subject)."""

    tag = "br"


@node
class Footnote(Inline):
    """A footnote: its call stands where the node is; `number` counts calls in order."""

    tag = "fn"
    number: int = attribute("n")
    id: str = attribute()
    paragraphs: list[Paragraph]


@node
class Blank(Inline):
    """A fill-in blank: dots `width` mm wide (None: the profile's width), or, with `fill`,
    dots to the end of the line."""

    tag = "blank"
    width: float | None = attribute(default=None)
    fill: Literal["fill"] | None = attribute(default=None)


# -- blocks -----------------------------------------------------------------------------------
@node
class Paragraph(Block):
    """A paragraph; `kind` names a furniture construct with a look of its own."""

    tag = "p"
    kind: ParagraphKind | None = attribute(default=None)
    content: list[Inline] = content(default_factory=list)


@node
class TitleBlock(Node):
    """The centred document type and subject (trích yếu), lines balanced by <br/>."""

    tag = "title-block"
    doc_type: str = part()
    subject: list[Inline] | None = part(default=None)


@node
class Section(Block):
    """A numbered heading and the blocks under it; `level` counts from 1."""

    tag = "section"
    id: str = attribute()
    kind: str = attribute()
    level: int = attribute()
    number: str = part()
    title: list[Inline] = part()
    body: list[Block] = field(default_factory=list)


@node
class Numbered(Block):
    """Body paragraphs carrying a run-in number from the ladder ("1.1. …"): not a heading."""

    tag = "numbered"
    number: str = attribute()
    level: int = attribute()
    id: str | None = attribute(default=None)
    paragraphs: list[Paragraph]


LegalRank = Literal["part", "chapter", "division", "subdivision"]
#: the legal headings from the top down (h1–h4 in the PDF, outline levels 0–3 in the DOCX)
LEGAL_RANKS: tuple[str, ...] = get_args(LegalRank)


@node
class LegalHeading(Block):
    """Phần, Chương, Mục or Tiểu mục (`rank`): its label ("Chương II") on a line of its own,
    its title under it, then the blocks it holds."""

    tag = "legal-heading"
    rank: LegalRank = attribute()
    id: str | None = attribute(default=None)
    label: str = part()
    title: list[Inline] = part()
    body: list[Block] = field(default_factory=list)


@node
class Article(Block):
    """Điều: the label ("Điều 5.") with its `title` run in — or, without a title, the first
    of its `text` paragraphs — then the blocks it holds (clauses, paragraphs, lists, …)."""

    tag = "article"
    label: str = attribute()
    id: str | None = attribute(default=None)
    title: list[Inline] | None = part(default=None)
    text: list[Paragraph] = part(default_factory=list)
    body: list[Block] = field(default_factory=list)


@node
class Clause(Block):
    """Khoản: the label ("2.") opens its first `text` paragraph; a `titled` clause's label and
    one-line title stand on a line of their own. Its points and other blocks follow."""

    tag = "clause"
    label: str = attribute()
    id: str | None = attribute(default=None)
    titled: bool = part(default=False)
    text: list[Paragraph] = part(default_factory=list)
    body: list[Block] = field(default_factory=list)


@node
class Intertitle(Block):
    """An unnumbered heading in the flow."""

    tag = "intertitle"
    id: str | None = attribute(default=None)
    content: list[Inline] = content(default_factory=list)


@node
class Item(Node):
    """A list item: `marker` ("-", "(i)", "Thứ nhất,") opens its first paragraph."""

    tag = "item"
    marker: str = attribute()
    body: list[Block] = field(default_factory=list)


@node
class ItemList(Block):
    """Bullets (`type` "bullet") or an enumeration ("enum", `style` the profile's name)."""

    tag = "list"
    type: Literal["bullet", "enum"] = attribute()
    style: str = attribute()
    items: list[Item]


@node
class Quote(Block):
    tag = "quote"
    paragraphs: list[Paragraph]
    attribution: list[Inline] | None = part(default=None)


@node
class Turn(Block):
    """An interview turn; `label` ("Phóng viên: ") is printed run-in before the first p."""

    tag = "turn"
    role: Literal["question", "answer"] = attribute()
    label: str = attribute()
    paragraphs: list[Paragraph]


@node
class Column(Node):
    """A table column; `width` is its share of the text width, in %."""

    tag = "col"
    width: float = attribute()


@node
class Cell(Node):
    tag = "cell"
    colspan: int = attribute()
    rowspan: int = attribute()
    align: Align = attribute()
    paragraphs: list[Paragraph] = field(default_factory=list)


@node
class Row(Node):
    tag = "row"
    cells: list[Cell] = field(default_factory=list)


@node
class Table(Block):
    """A data table; `label` is "Bảng 1. " when captioned (`number` 1), else "" (0)."""

    tag = "table"
    id: str | None = attribute(default=None)
    number: int = attribute()
    label: str = attribute()
    caption: list[Inline] | None = part(default=None)
    columns: list[Column] = part("cols")
    header: list[Row] = part("thead", default_factory=list)
    rows: list[Row] = part("tbody")
    note: list[Inline] | None = part(default=None)


@node
class Figure(Block):
    """A picture at its printed size; `src` names a checked file of the document's media
    (never read by path). A draft's figure whose file cannot be read says so in `missing`:
    a marked box of its size is drawn with those words."""

    tag = "figure"
    id: str | None = attribute(default=None)
    src: str = attribute()
    width_mm: float = attribute()
    height_mm: float = attribute()
    number: int = attribute()
    label: str = attribute()
    missing: str | None = attribute(default=None)
    caption: list[Inline] | None = part(default=None)
    credit: list[Inline] | None = part(default=None)
