"""The content model: what a content file may say, checked on load (pydantic).

One uniform node, `Section`, is used at every depth: top-level blocks are sections that must
carry a `kind`; nested sections may carry one. Every section has an `id`, so unit profiles can
address any section (exclude, replace, insert after) and error messages can name it.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from briefing.content.furniture import (
    Answer,
    Byline,
    Credit,
    Dateline,
    Intertitle,
    NoteLine,
    Question,
    Quote,
    Salutation,
    Standfirst,
)
from briefing.content.legal import (
    Article,
    Chapter,
    Clause,
    Division,
    Part,
    Points,
    Subdivision,
)
from briefing.content.meta import (
    FORM_REQUIRES,
    DocumentDate,
    Issuer,
    Meta,
    Signer,
    form_requires,
    missing_for_form,
)
from briefing.content.nodes import (
    ID_PATTERN,
    Align,
    ItemId,
    Node,
    Paragraphs,
    Text,
    check_id,
    paragraphs_of,
)
from briefing.messages import msg

__all__ = [
    "BLOCK_KINDS", "BODY_ITEM_KEYS", "BODY_ITEM_TAGS", "FORMS", "FORM_REQUIRES", "ID_PATTERN",
    "Align", "Answer", "Appendix", "Article", "Block", "BodyItem", "Bullets", "Byline", "Cell",
    "Chapter", "Clause", "Column", "Credit", "Dateline", "Division", "Document", "DocumentDate",
    "Enumeration", "Figure", "Footnote", "Intertitle", "Issuer", "ItemId", "ListItem", "Meta",
    "Node", "NoteLine", "NumberedParagraph", "Paragraphs", "Part", "Points", "Question",
    "Quote", "Salutation", "Section", "Signer", "Standfirst", "Subdivision", "Table", "Text",
    "TopItem", "check_footnote_ids", "check_id", "footnote_paragraphs", "form_requires",
    "missing_for_form",
    "paragraphs_of", "schema_namespace",
]

BLOCK_KINDS = ("context", "achievements", "lessons", "directions", "guidance", "section")
FORMS = ("booklet", "official")

Kind = Literal["context", "achievements", "lessons", "directions", "guidance", "section"]


#: The key that says what a body mapping is, in the order they are tried, with the union tag.
#: A mapping with `title` is a section whatever else it holds (its other keys are then checked
#: as a section's); every other kind is named by its one text key, like `bullets:`.
BODY_ITEM_KEYS: tuple[tuple[str, str], ...] = (
    ("title", "section"),
    ("part", "legal-part"),
    ("chapter", "legal-chapter"),
    ("division", "legal-division"),
    ("subdivision", "legal-subdivision"),
    ("article", "legal-article"),
    ("clause", "legal-clause"),
    ("points", "loose-points"),
    ("bullets", "bullets-list"),
    ("enumerate", "enumeration"),
    ("numbered", "numbered-paragraph"),
    ("intertitle", "intertitle"),
    ("table", "table"),
    ("figure", "figure"),
    ("quote", "quote"),
    ("question", "question"),
    ("answer", "answer"),
    ("standfirst", "standfirst"),
    ("dateline", "dateline"),
    ("byline", "byline"),
    ("credit", "credit"),
    ("note", "note-line"),
    ("salutation", "salutation"),
)
#: Keys only a section has: a mapping with one of them and no kind key is a section.
SECTION_ONLY_KEYS = ("kind", "body")
#: union tag -> key, for messages and for the tree
BODY_ITEM_TAGS = {tag: key for key, tag in BODY_ITEM_KEYS}


def _body_item_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for key, tag in BODY_ITEM_KEYS:
            if key in value:
                return tag
        if any(key in value for key in SECTION_ONLY_KEYS):
            return "section"  # a section whose title is missing or misspelt: say so
        return None
    for tag, model in _MODEL_TAGS.items():
        if isinstance(value, model):
            return tag
    return None


_BODY_ITEM_MESSAGE = msg(
    "body_item", "a body item is a paragraph (text), a section (with 'title') or a mapping "
    "with one of: {keys}", keys=tuple(f"'{key}'" for key, _ in BODY_ITEM_KEYS[1:]
                                      if key != "points"))
_LIST_ITEM_MESSAGE = msg("list_item", "a list item is a text or a list of paragraphs")
_TABLE_CELL_MESSAGE = msg("table_cell", "a table cell is a text or a mapping with 'text' (and "
                                        "'colspan', 'rowspan', 'align')")
#: the messages of the unions' own errors ("what a body item is"), by error type
DISCRIMINATOR_MESSAGES = {"body_item": _BODY_ITEM_MESSAGE, "list_item": _LIST_ITEM_MESSAGE,
                          "table_cell": _TABLE_CELL_MESSAGE}


def _body_union(section: str) -> Any:
    """The union of body items, with `section` as the model of a mapping with a title (a
    top-level block must say its kind; a nested section need not)."""
    return Annotated[
        Annotated[Text, Tag("paragraph")]
        | Annotated[section, Tag("section")]
        | Annotated["Part", Tag("legal-part")]
        | Annotated["Chapter", Tag("legal-chapter")]
        | Annotated["Division", Tag("legal-division")]
        | Annotated["Subdivision", Tag("legal-subdivision")]
        | Annotated["Article", Tag("legal-article")]
        | Annotated["Clause", Tag("legal-clause")]
        | Annotated["Points", Tag("loose-points")]
        | Annotated["Bullets", Tag("bullets-list")]
        | Annotated["Enumeration", Tag("enumeration")]
        | Annotated["NumberedParagraph", Tag("numbered-paragraph")]
        | Annotated["Intertitle", Tag("intertitle")]
        | Annotated["Table", Tag("table")]
        | Annotated["Figure", Tag("figure")]
        | Annotated["Quote", Tag("quote")]
        | Annotated["Question", Tag("question")]
        | Annotated["Answer", Tag("answer")]
        | Annotated["Standfirst", Tag("standfirst")]
        | Annotated["Dateline", Tag("dateline")]
        | Annotated["Byline", Tag("byline")]
        | Annotated["Credit", Tag("credit")]
        | Annotated["NoteLine", Tag("note-line")]
        | Annotated["Salutation", Tag("salutation")],
        Discriminator(_body_item_kind, custom_error_type="body_item",
                      custom_error_message=_BODY_ITEM_MESSAGE.text("en")),
    ]


BodyItem = _body_union("Section")
#: What `blocks:` holds: any body item, but a section there is a `Block` (it needs a kind).
TopItem = _body_union("Block")


def _list_item_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "paragraphs"
    return None


ListItem = Annotated[
    Annotated[Text, Tag("text")] | Annotated[list[BodyItem], Tag("paragraphs")],
    Discriminator(_list_item_kind, custom_error_type="list_item",
                  custom_error_message=_LIST_ITEM_MESSAGE.text("en")),
]

class Bullets(Node):
    bullets: Annotated[list[ListItem], Field(min_length=1)]


class Enumeration(Node):
    enumerate: Annotated[list[ListItem], Field(min_length=1)]
    style: str = "paren-roman"
    inline: bool = False
    lead: str | None = None
    start: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _inline_items_are_text(self) -> Enumeration:
        if self.inline and not all(isinstance(i, str) for i in self.enumerate):
            raise ValueError(msg("inline-enumeration",
                                 "an inline enumeration takes one text per item"))
        if self.lead is not None and not self.inline:
            raise ValueError(msg("lead-inline", "'lead' goes with 'inline: true'"))
        return self


class NumberedParagraph(Node):
    """Body text that carries a run-in number from the heading ladder ("1.1. Quan hệ …"):
    it counts with the sections beside it but prints as a paragraph, not a heading. Its
    `body` may hold numbered children one level down ("1." -> "1.1.", "1.2.")."""

    numbered: Paragraphs
    id: ItemId = None
    #: left out of dumps when empty: a numbered paragraph without children reads as before
    body: list[BodyItem] = Field(default_factory=list, exclude_if=lambda body: not body)


#: Word's limit on a table's columns; rows are capped far above any real table (a span is
#: checked against these before a grid is laid out, so no cell can ask for a huge grid).
MAX_TABLE_COLUMNS = 63
MAX_TABLE_ROWS = 5_000


class Cell(Node):
    """A table cell that spans, aligns or holds several paragraphs; a plain cell is a text."""

    text: str | list[str] = ""
    colspan: int = Field(default=1, ge=1, le=MAX_TABLE_COLUMNS)
    rowspan: int = Field(default=1, ge=1, le=MAX_TABLE_ROWS)
    align: Align | None = None


def _cell_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "cell-text"
    if isinstance(value, dict | Cell):
        return "cell"
    return None


TableCell = Annotated[
    Annotated[str, Tag("cell-text")] | Annotated[Cell, Tag("cell")],
    Discriminator(_cell_kind, custom_error_type="table_cell",
                  custom_error_message=_TABLE_CELL_MESSAGE.text("en")),
]


class Column(Node):
    """A table column: its width relative to the others, and how its cells align."""

    width: float = Field(default=1, gt=0, le=1000)
    align: Align | None = None


class Table(Node):
    """Rows of cells; the first `header_rows` repeat on every page. Spans, widths and the
    caption number are checked and computed in `briefing.content.table_grid`."""

    table: Annotated[list[Annotated[list[TableCell],
                                    Field(min_length=1, max_length=MAX_TABLE_COLUMNS)]],
                     Field(min_length=1, max_length=MAX_TABLE_ROWS)]
    caption: str | None = None
    header_rows: int = Field(default=1, ge=0)
    columns: Annotated[list[Column], Field(max_length=MAX_TABLE_COLUMNS)] | None = None
    note: str | None = None
    id: ItemId = None


#: "80%" of the text width or "120mm"
FIGURE_WIDTH = re.compile(r"^(\d{1,4}(?:\.\d{1,2})?)\s*(%|mm)$")


class Figure(Node):
    """A PNG or JPEG beside the content (path relative to the content file's folder)."""

    figure: Text
    caption: str | None = None
    width: str | None = None
    credit: str | None = None
    id: ItemId = None

    @field_validator("width", mode="before")
    @classmethod
    def _width_shape(cls, value: Any) -> Any:
        if value is None:
            return value
        text = str(value).strip()
        match = FIGURE_WIDTH.match(text)
        if not match:
            raise ValueError(msg("width-shape", "'{text}' is not a width: write a share of the "
                                 "text width like '80%' or a length like '120mm'", text=text))
        amount = float(match.group(1))
        if amount <= 0 or (match.group(2) == "%" and amount > 100):
            raise ValueError(msg("width-range", "'{text}': a width is more than 0 and at most "
                                                "100%", text=text))
        return text


class Section(Node):
    id: str
    title: Text
    kind: Kind | None = None
    body: list[BodyItem] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        check_id(value)
        return value


class Block(Section):
    """A top-level block: a section that must say what kind of block it is (units address
    blocks by kind), so a missing kind is reported at the block itself."""

    kind: Kind


Footnote = Text | Annotated[list[Text], Field(min_length=1)]


def check_footnote_ids(notes: dict[str, Any]) -> dict[str, Any]:
    """Footnote ids are what a call `[^id]` can name (content, unit and meeting files)."""
    from briefing.text.inline_markdown import FOOTNOTE_ID

    for key in notes:
        if not re.fullmatch(FOOTNOTE_ID, key):
            raise ValueError(msg("footnote-id", "footnote id '{id}' may use letters, digits, '-' "
                                                "and '_' only", id=key))
    return notes


class Appendix(Node):
    """A PHỤ LỤC after the body and the closing: on a new page, with its own numbering.

    With a `type` it is an attached text instead (ND 30 PL III Mẫu 1.3: the quy chế a
    quyết định issues): the type's name over its title, the computed line "(Ban hành kèm theo
    Quyết định số … ngày … của …)", articles numbered afresh, no signature."""

    id: str
    title: Text
    subtitle: str | None = None
    numbering: str | None = None
    kind: Kind | None = None
    type: str | None = None
    body: Annotated[list[BodyItem], Field(min_length=1)]

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        check_id(value)
        return value


class Document(Node):
    meta: Meta
    footnotes: dict[str, Footnote] = Field(default_factory=dict)
    #: the Căn cứ lines, printed in italic under the title block (each ends ";", the last ".")
    basis: list[Text] = Field(default_factory=list)
    preamble: list[BodyItem] = Field(default_factory=list)
    blocks: Annotated[list[TopItem], Field(min_length=1)]
    conclusion: list[BodyItem] = Field(default_factory=list)
    appendices: list[Appendix] = Field(default_factory=list)

    @field_validator("footnotes")
    @classmethod
    def _footnote_ids(cls, notes: dict[str, Any]) -> dict[str, Any]:
        return check_footnote_ids(notes)


#: union tag -> model, for values that are already models (units re-validate them)
_MODEL_TAGS: dict[str, type[BaseModel]] = {
    "section": Section, "bullets-list": Bullets, "enumeration": Enumeration,
    "numbered-paragraph": NumberedParagraph, "intertitle": Intertitle, "table": Table,
    "figure": Figure, "quote": Quote, "question": Question, "answer": Answer,
    "standfirst": Standfirst, "dateline": Dateline, "byline": Byline, "credit": Credit,
    "note-line": NoteLine, "salutation": Salutation, "legal-part": Part,
    "legal-chapter": Chapter, "legal-division": Division, "legal-subdivision": Subdivision,
    "legal-article": Article, "legal-clause": Clause, "loose-points": Points,
}

for _model in (Part, Chapter, Division, Subdivision, Article, Clause, Points):
    _model.model_rebuild(_types_namespace=globals())
for _model in (Section, Block, Bullets, Enumeration, NumberedParagraph, Appendix, Document):
    _model.model_rebuild()


def footnote_paragraphs(note: Footnote) -> list[str]:
    return [note] if isinstance(note, str) else list(note)


def schema_namespace() -> dict[str, Any]:
    """The names the body-item unions refer to, for models built elsewhere (unit and meeting
    files) that embed body items: their forward references resolve against this module."""
    return dict(globals())
