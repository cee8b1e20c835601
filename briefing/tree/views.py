"""What the templates see: the document view, every number already computed.

`briefing.tree.prepare` makes it from the content model; the Jinja templates arrange it into
the tree's markup (`templates/*.xml.j2`). Inline text is tree markup already (`Markup`:
emphasis and footnote calls as elements); every other value is plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from briefing.content.media import MediaStore
from briefing.content.schema import Meta
from briefing.profile.model import Profile


@dataclass
class ParagraphView:
    """A paragraph; `style` names its look: "body", or a furniture construct ("standfirst",
    "dateline", "byline", "credit", "note", "salutation")."""

    markup: Markup
    style: str = "body"
    kind: str = "paragraph"


@dataclass
class NumberedView:
    """Body paragraphs that carry a run-in number from the ladder (the first shows it)."""

    number: str
    level: int
    paragraphs: list[Markup]
    id: str | None = None
    #: numbered children one level down ("1.1.", "1.2."), printed after it
    body: list[Any] = field(default_factory=list)
    kind: str = "numbered"


@dataclass
class IntertitleView:
    markup: Markup
    id: str | None = None
    kind: str = "intertitle"


@dataclass
class QuoteView:
    paragraphs: list[Markup]
    attribution: Markup | None
    kind: str = "quote"


@dataclass
class TurnView:
    """An interview turn; `label` is the speaker as printed run-in ("Phóng viên: ")."""

    role: str  # "question" | "answer"
    label: str
    paragraphs: list[Markup]
    kind: str = "turn"


@dataclass
class CellView:
    paragraphs: list[Markup]
    colspan: int
    rowspan: int
    align: str


@dataclass
class TableView:
    id: str | None
    number: int  # the caption's counter, 0 without a caption
    label: str  # "Bảng 1. " for a captioned table, "" without a caption
    caption: Markup | None
    widths: list[float]
    header: list[list[CellView]]
    rows: list[list[CellView]]
    note: Markup | None
    kind: str = "table"


@dataclass
class FigureView:
    id: str | None
    src: str
    width_mm: float  # the printed size, the same in both writers
    height_mm: float
    number: int
    label: str
    caption: Markup | None
    credit: Markup | None
    kind: str = "figure"
    #: a draft's figure whose file cannot be read yet: the words its marked box prints
    missing: str | None = None


@dataclass
class AppendixView:
    id: str
    label: str  # "PHỤ LỤC" or "PHỤ LỤC II"
    title: Markup
    subtitle: Markup | None
    body: list[Any]
    #: a short rule under the head (an attached text)
    rule: bool = False
    #: "./." after its last paragraph (an attached text whose type has one)
    end_mark: str | None = None


@dataclass
class ItemView:
    marker: str
    body: list[Any]


@dataclass
class ListView:
    type: str  # "bullet" | "enum"
    style: str
    items: list[ItemView]
    kind: str = "list"


@dataclass
class SectionView:
    id: str
    section_kind: str
    level: int
    number: str
    title: Markup
    body: list[Any]
    kind: str = "section"


@dataclass
class DocumentView:
    """What a template sees: `meta`, `profile`, computed lines and the numbered body."""

    meta: Meta
    profile: Profile
    preamble: list[Any]
    blocks: list[Any]
    conclusion: list[Any]
    appendices: list[AppendixView]
    number_line: str | None
    date_line: str
    cover_foot: str
    footnote_count: int
    #: the subject broken into balanced lines: in the title block, on the cover
    subject_lines: list[str] = field(default_factory=list)
    cover_subject_lines: list[str] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    #: the checked figure files, by their `src` (the writers read bytes from here only)
    media: MediaStore = field(default_factory=MediaStore)
    #: what the document's type prints around the body (`briefing.tree.type_view`)
    layout: Any = None


@dataclass
class LegalHeadingView:
    """Phần, Chương, Mục, Tiểu mục: `rank` names which; `label` ("Chương II") is computed."""

    rank: str  # "part" | "chapter" | "division" | "subdivision"
    label: str
    title: Markup
    body: list[Any]
    id: str | None = None
    kind: str = "legal-heading"


@dataclass
class ArticleView:
    """Điều: `label` ("Điều 5.") with its `title` run in, or, untitled, its first paragraph."""

    label: str
    title: Markup | None
    paragraphs: list[Markup]
    body: list[Any]
    id: str | None = None
    kind: str = "article"


@dataclass
class ClauseView:
    """Khoản: `label` ("2.") opens its first paragraph, or its title line when `titled`."""

    label: str
    titled: bool
    paragraphs: list[Markup]
    body: list[Any]
    id: str | None = None
    kind: str = "clause"
