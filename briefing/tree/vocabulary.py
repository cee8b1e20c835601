"""The semantic tree: the one intermediate document every writer reads, as typed nodes.

This module is the vocabulary. The templates (templates/*.xml.j2) write it as XML markup;
`briefing.tree.render` reads that markup into these nodes in one pass and refuses anything this
module does not define (`briefing.tree.builder`); writers visit the nodes
(`briefing.tree.visitor`) and never see XML. Text is exact source text (NFC); every number and
marker is already computed (`briefing.tree.prepare`).

    document[form, profile, lang]
      info: title, author, subject, date        document properties (PDF/DOCX metadata)
      cover (booklet)                           page 1, alone: issuer, title, subject?, issue?,
                                                meeting?, mark?, foot
      masthead (official)                       first-page band: issuer beside the profile's
                                                title lines, number beside place-date
        issuer: superior?, name, star|rule, number?
        place-date?, subject? ("V/v …" under the number)
      mark?                                     circulation or secrecy mark, boxed
      body: title-block? (doc-type, subject?),  the lines the document type adds:
            addressees? (label, item*), authority-line?, basis? (p+), enactment?, blocks
      closing?[arrangement]: recipients?,       Nơi nhận beside (left of) or below the
            signature*                          signature blocks (one, or two side by side)
      appendices?: appendix[id, label]+         each on a new page: title, subtitle?, rule?,
                                                blocks (an attached text: its type as label)

    blocks: p[kind?] · section[id, kind, level] (number, title, blocks) · numbered[number,
    level, id?] (p+; its numbered children follow it) · legal-heading[rank, id?] (label, title,
    blocks) · article[label, id?] (title?, text(p+)?, blocks) · clause[label, id?] (titled?,
    text(p+), blocks; its points a list of style "point") · intertitle[id?] · list[type,
    style] (item[marker]: blocks) · quote (p+, attribution?) · turn[role, label] (p+) ·
    table[id?, number, label] (caption?, cols/col[width], thead?/tbody of row/cell[colspan,
    rowspan, align] holding p+, note?) · figure[id?, src, width-mm, height-mm, number, label]
    (caption?, credit?)

    inline (inside p, titles, captions, cells, notes): text · em · strong · marker (a run-in
    enumeration marker) · br (a computed line break) · fn[n, id] (a footnote: p+; its call
    stands where the node is) · blank[width?, fill?] (a fill-in blank)

How a field is written in the markup is declared beside it (`briefing.tree.base`):
`attribute()` (an XML attribute; its type converts and checks the value), `part()` (a child
element of that name holding text, inline content, nodes, or nothing for a flag), `content()`
(the element's own text or inline content); a field of node type without a declaration holds
child elements of those classes, in field order.

Adding a construct means one class here, one line in a template and one `visit_…` method per
writer (a writer without it fails when it is imported). A new `Block` is allowed wherever blocks
are, a new `Inline` wherever inline content is. The lines a document type adds are fields of
`Masthead` (the "V/v" line) and `Body` (Kính gửi, the enacting authority, Căn cứ, the
enactment line) in reading order; the signature blocks a list in `Closing`; the end mark is
text of the last paragraph, put there once the tree is built (`briefing.tree.end_mark`). The
constructs asked for next would go so: the legal structure (Phần, Chương, Mục, Điều, khoản,
điểm) as blocks holding blocks, as `Section` does; a fill-in blank as an inline node.
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
    (never read by path)."""

    tag = "figure"
    id: str | None = attribute(default=None)
    src: str = attribute()
    width_mm: float = attribute()
    height_mm: float = attribute()
    number: int = attribute()
    label: str = attribute()
    caption: list[Inline] | None = part(default=None)
    credit: list[Inline] | None = part(default=None)


# -- the parts of a document ------------------------------------------------------------------
@node
class Info(Node):
    """Document properties; `date` is YYYY[-MM[-DD]] (every file timestamp comes from it)."""

    tag = "info"
    title: str = part()
    author: str = part()
    subject: str = part()
    date: str = part()


@node
class Issuer(Node):
    """The issuing body: "*" under its name (HD 36) or a short `rule` (ND 30)."""

    tag = "issuer"
    superior: str | None = part(default=None)
    name: str = part()
    star: str | None = part(default=None)
    rule: bool = part(default=False)
    number: str | None = part(default=None)


@node
class Mark(Node):
    """The circulation or secrecy mark ("LƯU HÀNH NỘI BỘ")."""

    tag = "mark"
    text: str = content()


@node
class Cover(Node):
    """Page 1 of a booklet; `foot` (place and month) stands at the bottom of the page."""

    tag = "cover"
    issuer: Issuer
    title: str = part()
    subject: list[Inline] | None = part(default=None)
    issue: str | None = part(default=None)
    meeting: str | None = part(default=None)
    mark: Mark | None = None
    foot: str = part()


@node
class Masthead(Node):
    """The official first-page band: the issuer beside the profile's title lines ("ĐẢNG CỘNG
    SẢN VIỆT NAM"; national title and motto), the number beside the place and date."""

    tag = "masthead"
    issuer: Issuer
    title_lines: list[str] = part("title-line")
    #: none in a biên bản (its type says `place_date: false`)
    place_date: str | None = part(default=None)
    #: "V/v …": a công văn's subject, in the left column under the number
    subject: list[Inline] | None = part(default=None)


@node
class Addressees(Node):
    """"Kính gửi:" and whom: one addressee on the label's line, several one per line (each
    with its prefix, "- "), as the document type prints them."""

    tag = "addressees"
    label: str = part()
    items: list[str] = part("item", default_factory=list)


@node
class AuthorityLine(Node):
    """The enacting authority ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH") over the Căn cứ lines."""

    tag = "authority-line"
    text: str = content()


@node
class Basis(Node):
    """The Căn cứ lines, one paragraph each, under the title block."""

    tag = "basis"
    paragraphs: list[Paragraph]


@node
class Enactment(Node):
    """The line before the articles ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")."""

    tag = "enactment"
    text: str = content()


@node
class Body(Node):
    """The title block and the lines the document's type adds, in reading order, then the
    blocks (the end mark, where the type has one, is already in the last paragraph)."""

    tag = "body"
    title_block: TitleBlock | None = None
    addressees: Addressees | None = None
    authority: AuthorityLine | None = None
    basis: Basis | None = None
    enactment: Enactment | None = None
    blocks: list[Block] = field(default_factory=list)


@node
class Recipients(Node):
    """Nơi nhận: the label and one line per recipient (prefix included)."""

    tag = "recipients"
    label: str = part()
    items: list[str] = part("item", default_factory=list)


@node
class Signature(Node):
    tag = "signature"
    authority: str | None = part(default=None)
    title: str | None = part(default=None)
    name: str = part()


@node
class Closing(Node):
    """Nơi nhận and one or two signature blocks (side by side: a biên bản's secretary left,
    its chair right). `recipients` "beside": Nơi nhận left of the one signature; "below":
    under the left signature block."""

    tag = "closing"
    arrangement: Literal["beside", "below"] = attribute(default="beside")
    recipients: Recipients | None = None
    signatures: list[Signature] = field(default_factory=list)


@node
class Appendix(Node):
    """"PHỤ LỤC" or "PHỤ LỤC II" (`label`), on a new page; its blocks are numbered afresh."""

    tag = "appendix"
    id: str = attribute()
    label: str = attribute()
    title: list[Inline] = part()
    subtitle: list[Inline] | None = part(default=None)
    #: a short rule under the head (an attached text: its type's name as the label, its
    #: "(Ban hành kèm theo …)" line as the subtitle)
    rule: bool = part(default=False)
    body: list[Block] = field(default_factory=list)


@node
class Appendices(Node):
    tag = "appendices"
    appendices: list[Appendix]


@node
class Document(Node):
    """The root: `form` "booklet" (a cover) or "official" (a masthead)."""

    tag = "document"
    form: Literal["booklet", "official"] = attribute()
    profile: str = attribute()
    lang: str = attribute()
    info: Info
    cover: Cover | None = None
    masthead: Masthead | None = None
    mark: Mark | None = None
    body: Body
    closing: Closing | None = None
    appendices: Appendices | None = None
