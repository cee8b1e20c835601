"""What the studio's "+ Add" menu of a list offers: only what the document's type lets that
list hold (ND 30/2020 PL I §II.6 for legal texts, as `briefing.validation.legal_nesting`
checks it), so a clerk is never offered an item `check` would then refuse.

A legal text — a type that `expects` articles (quyết định, quy chế, quy định…), or a document
whose blocks already hold legal items — is made of articles: its top holds parts, chapters,
divisions and articles; each level holds the levels under it; an article holds clauses and
ordinary paragraphs, lists and tables; a clause, its lettered points and paragraphs. It has no
sections (I., 1.…). Any other official document holds sections and an official letter's
paragraphs, lists and tables; a booklet every kind of its articles (intertitles, interviews,
notes) too."""

from __future__ import annotations

from typing import Any

from briefing.content.legal import legal_key
from briefing.editing.type_fields import document_type
from briefing.validation.legal_nesting import ALLOWED

#: an official document's own kinds; a booklet's adds the magazine's
OFFICIAL = ("paragraph", "numbered", "bullets", "enumerate", "table", "quote")
BOOKLET = ("paragraph", "numbered", "bullets", "enumerate", "table", "intertitle", "quote",
           "question", "answer", "note")
#: inside an article or a clause: paragraphs, lists, tables, quotes (never numbered ones)
PROSE = ("paragraph", "bullets", "enumerate", "table", "quote")
#: the legal kinds in the order the menu offers them
LEGAL_ORDER = ("article", "clause", "chapter", "part", "division", "subdivision")


def _legal_children(where: str) -> tuple[str, ...]:
    """The legal kinds `check` lets a list of `where` hold (`legal_nesting.ALLOWED`, read
    downwards: one rule for the menu and the check)."""
    return tuple(kind for kind in LEGAL_ORDER if where in ALLOWED.get(kind, ()))


#: what each level of a legal text holds
LEGAL = {where: _legal_children(where) for where in ("top", "part", "chapter", "division",
                                                     "subdivision")}
LEGAL["article"] = (*_legal_children("article"), *PROSE)
LEGAL["clause"] = ("points", *PROSE)  # a clause's lettered points, beside its body
SECTION = "section"


def is_legal_text(data: Any) -> bool:
    """A text made of articles: its type expects them, or its blocks already hold one."""
    found = document_type(data)
    if found is not None and "articles" in found.expects:
        return True
    blocks = data.get("blocks") if isinstance(data, dict) else None
    return any(legal_key(item) for item in blocks or [])


def _holder(data: Any, list_path: list[Any]) -> Any:
    node = data
    for step in list_path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _where(data: Any, list_path: list[Any]) -> str:
    """The kind of the list: top, appendix, preamble, a section's or a legal item's body."""
    if list_path == ["blocks"]:
        return "top"
    if list_path[0] == "appendices" and len(list_path) == 3:
        return "appendix"
    if len(list_path) == 1:
        return "prose"  # preamble, conclusion
    holder = _holder(data, list_path)
    if isinstance(holder, dict) and "title" in holder:
        return SECTION
    return legal_key(holder) or SECTION


def addable(data: Any, list_path: list[Any]) -> tuple[str, ...]:
    """The kinds of item the list at `list_path` may be given, in the menu's order (a new
    section is `section`)."""
    where = _where(data, list_path)
    kinds = OFFICIAL if _official(data) else BOOKLET
    if where == "top":  # a new main section has its own box (its title typed first)
        return LEGAL["top"] if is_legal_text(data) else ()
    if where in LEGAL:
        return LEGAL[where]
    if where == "appendix" and is_legal_text(data):  # an attached quy chế, or a list
        items = _holder(data, [*list_path, None]) or []
        legal = [bool(legal_key(item)) for item in items if item is not None]
        if legal and all(legal):
            return LEGAL["top"]
        if not legal:
            return (*LEGAL["top"], *kinds, SECTION)
    if where == "prose":
        return kinds
    return (*kinds, SECTION)


def _official(data: Any) -> bool:
    found = document_type(data)
    meta = data.get("meta") if isinstance(data, dict) else None
    form = meta.get("form") if isinstance(meta, dict) else None
    return (form or (found.form if found is not None else "booklet")) == "official"
