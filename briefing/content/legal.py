"""Legal structure: phần, chương, mục, tiểu mục, điều, khoản, điểm (ND 30/2020 PL I §II.6.c–đ).

A quyết định holds articles (`article:`), a quy chế or quy định chapters of articles
(`chapter:`), each article its clauses (`clause:`), each clause its lettered points
(`points:`). Every number is computed: Phần and Chương Roman, Mục and Tiểu mục Arabic, Điều
continuing across the whole text, khoản restarting in each Điều, điểm in each khoản, lettered
in the profile's alphabet. Where each may stand is checked with the whole file in view
(`briefing.validation.legal_nesting`), so a clause outside an article is one line at its
place, not a schema error about a union.

The models refer to the body-item union of `briefing.content.schema` (`BodyItem`,
`ListItem`), which is built from them: the schema rebuilds them once the union exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from briefing.content.nodes import ItemId, Node, Paragraphs, Text
from briefing.messages import msg

if TYPE_CHECKING:
    from briefing.content.schema import BodyItem, ListItem

#: The keys of legal items from the top down, each with its Vietnamese name.
LEGAL_KEYS: dict[str, str] = {
    "part": "Phần",
    "chapter": "Chương",
    "division": "Mục",
    "subdivision": "Tiểu mục",
    "article": "Điều",
    "clause": "khoản",
}
#: The legal headings: items that hold other items and print a label and a title.
HEADING_KEYS = ("part", "chapter", "division", "subdivision", "article")


class _Heading(Node):
    """Phần, Chương, Mục, Tiểu mục: a label with a computed number over a title, a body. The
    title is the value of the heading's own key (`chapter: Quy định chung`)."""

    id: ItemId = None
    body: list[BodyItem] = Field(default_factory=list)


class Part(_Heading):
    """Phần: holds chapters, divisions or articles — or, in a document without articles
    ("Phần I / TÌNH HÌNH …"), ordinary sections and paragraphs."""

    part: Text


class Chapter(_Heading):
    """Chương: holds divisions or articles."""

    chapter: Text


class Division(_Heading):
    """Mục (numbered per chapter): holds subdivisions or articles."""

    division: Text


class Subdivision(_Heading):
    """Tiểu mục (numbered per division): holds articles."""

    subdivision: Text


class Article(Node):
    """Điều: "Điều 5. Title" run in, bold, its body (paragraphs, clauses, lists, tables,
    figures, quotes) under it. `titled: false` — a quyết định's articles ("Điều 1. Ban hành
    kèm theo Quyết định này …") — makes `article` the text itself, run in after the bold label;
    its body is then optional."""

    article: Paragraphs
    titled: bool = True
    id: ItemId = None
    body: list[BodyItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _title_is_one_line(self) -> Article:
        if self.titled and not isinstance(self.article, str):
            raise ValueError(msg("article-title-lines", "an article's title is one line in "
                                 "'article'; its paragraphs go under 'body:' (or write 'titled: "
                                 "false' for an article whose text runs in after its label)"))
        return self


class Clause(Node):
    """A khoản: its paragraphs (the first carries "1."), its lettered points, then more body.

    `titled: true` makes `clause` a one-line title printed bold on its own line
    ("3. Nguyên tắc"); the text is then in `points` and `body`."""

    clause: Paragraphs
    titled: bool = False
    points: list[ListItem] = Field(default_factory=list)
    body: list[BodyItem] = Field(default_factory=list)
    id: ItemId = None

    @model_validator(mode="after")
    def _title_is_one_line(self) -> Clause:
        if self.titled and not isinstance(self.clause, str):
            raise ValueError(msg("clause-title-lines", "a titled clause has a one-line title in "
                                 "'clause'; its paragraphs go under 'body:'"))
        return self


class Points(Node):
    """Lettered points written outside a clause. Read (rather than refused by the schema) so
    that `check` can say where they belong: they are always an error."""

    points: list[ListItem] = Field(default_factory=list)


LEGAL_MODELS: dict[str, type[Node]] = {
    "part": Part, "chapter": Chapter, "division": Division, "subdivision": Subdivision,
    "article": Article, "clause": Clause,
}

#: Every model of a legal item, loose points included (for isinstance).
LEGAL_ITEMS = (Part, Chapter, Division, Subdivision, Article, Clause, Points)


def legal_key(value: Any) -> str | None:
    """The legal key of an item (a model or plain data), or None if it is not a legal item."""
    if isinstance(value, dict):
        return next((key for key in LEGAL_KEYS if key in value and "title" not in value), None)
    for key, model in LEGAL_MODELS.items():
        if isinstance(value, model):
            return key
    return None


def title_key(value: dict[str, Any]) -> str:
    """Where a section or legal item (plain data) keeps its title: "title", "article", …"""
    return legal_key(value) or "title"


def legal_title(value: Any) -> str:
    """The title of a legal item, model or data; for a clause, its first paragraph."""
    key = legal_key(value)
    title = value.get(key) if isinstance(value, dict) else getattr(value, key or "", "")
    if isinstance(title, list):
        title = title[0] if title else ""
    return str(title or "")
