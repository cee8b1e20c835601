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
body's nodes (blocks, the legal structure, inline content) are in `briefing.tree.body_nodes`;
this module holds the parts around them and names them all.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from briefing.tree.base import Node, attribute, content, node, part
from briefing.tree.body_nodes import (  # noqa: F401 - the vocabulary names every node
    LEGAL_RANKS,
    Align,
    Article,
    Blank,
    Block,
    Cell,
    Clause,
    Column,
    Emphasis,
    Figure,
    Footnote,
    Inline,
    Intertitle,
    Item,
    ItemList,
    LegalHeading,
    LegalRank,
    LineBreak,
    Marker,
    Numbered,
    Paragraph,
    ParagraphKind,
    Quote,
    Row,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
    Turn,
)


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
