"""Words the studio shows beside its own pages (labels of forms, fields and kinds), kept apart
from the code that shows them: messages of the catalogue, worded in the studio's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.messages import Message, msg

__all__ = ["ADD_LABELS", "BLOCK_LABELS", "FORM_NAMES", "ITEM_KINDS", "TITLED_LABELS",
           "add_kinds", "humanize_time"]  # and META_FIELDS (`__getattr__`)

FORM_NAMES = {"booklet": msg("form-booklet", "Internal information booklet"),
              "official": msg("form-official", "Official document")}
ITEM_KINDS: tuple[tuple[str, Message], ...] = (
    ("paragraph", msg("kind-paragraph", "Paragraph")),
    ("numbered", msg("kind-numbered", "Numbered paragraph")),
    ("bullets", msg("kind-bullets", "Bulleted list")),
    ("enumerate", msg("kind-enumerate", "Numbered list")),
    ("table", msg("kind-table", "Table")),
    ("intertitle", msg("kind-intertitle", "Intertitle")),
    ("quote", msg("kind-quote", "Quotation")),
    ("question", msg("kind-question", "Question (interview)")),
    ("answer", msg("kind-answer", "Answer (interview)")),
    ("note", msg("kind-note", "Note line")))

#: Every key of a body item the editor shows a box for, as a clerk names it (the content
#: model's keys: `briefing.content.schema.BODY_ITEM_KEYS`, `legal.py`, `furniture.py`); a key
#: inside one kind only is `kind.key` (a figure's `credit` is the photo's source).
BLOCK_LABELS: dict[str, Message] = {
    "part": msg("block-part", "Part"),
    "chapter": msg("block-chapter", "Chapter"),
    "division": msg("block-division", "Division"),
    "subdivision": msg("block-subdivision", "Subdivision"),
    "article": msg("block-article", "Article"),
    "clause": msg("block-clause", "Clause"),
    "points": msg("block-points", "Points (a, b, c…)"),
    "basis": msg("block-basis", "Legal bases"),
    "bullets": msg("kind-bullets", "Bulleted list"),
    "enumerate": msg("kind-enumerate", "Numbered list"),
    "numbered": msg("kind-numbered", "Numbered paragraph"),
    "intertitle": msg("kind-intertitle", "Intertitle"),
    "table": msg("kind-table", "Table"),
    "figure": msg("block-figure", "Picture (image file)"),
    "quote": msg("kind-quote", "Quotation"),
    "question": msg("kind-question", "Question (interview)"),
    "answer": msg("kind-answer", "Answer (interview)"),
    "standfirst": msg("block-standfirst", "Standfirst"),
    "dateline": msg("block-dateline", "Place and date line"),
    "byline": msg("block-byline", "Author"),
    "credit": msg("block-credit", "Source"),
    "note": msg("kind-note", "Note line"),
    "salutation": msg("block-salutation", "Salutation"),
    "attribution": msg("block-attribution", "Who said it"),
    "speaker": msg("block-speaker", "Speaker"),
    "caption": msg("block-caption", "Caption"),
    "width": msg("block-width", "Width (e.g. 80% or 120mm)"),
    "lead": msg("block-lead", "Lead-in sentence"),
    "figure.credit": msg("block-figure-credit", "Photo source"),
    "table.note": msg("block-table-note", "Note under the table"),
    "table.caption": msg("block-table-caption", "Table title"),
}
#: the add menu's names of what it adds (an item kind, a legal item, a section, points)
ADD_LABELS: dict[str, Message] = {
    **dict(ITEM_KINDS), **{key: BLOCK_LABELS[key] for key in (
        "part", "chapter", "division", "subdivision", "article", "clause", "points")},
    "section": msg("ui-subsection", "Subsection")}
#: the `titled` switch of an article and of a clause, as a labelled checkbox
TITLED_LABELS: dict[str, Message] = {
    "article": msg("titled-article", "The article has its own title (its text goes below)"),
    "clause": msg("titled-clause", "The clause is a title on its own line"),
}


def add_kinds(data: Any, list_path: list[Any]) -> list[tuple[str, Message]]:
    """What the "+ Add" menu of the list offers, named (`briefing.editing.addable`)."""
    from briefing.editing.addable import addable

    return [(kind, ADD_LABELS[kind]) for kind in addable(data, list_path)]


def humanize_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return str(msg("time-never", "not yet"))
    return moment.strftime("%d/%m/%Y %H:%M")


def __getattr__(name: str) -> Any:
    """`META_FIELDS`, the labels of the meta fields (`briefing.editing.places`), imported when
    a page that shows them is first asked for: the documents list, served first, needs none
    of the editing layer."""
    if name == "META_FIELDS":
        from briefing.editing.places import META_FIELDS

        return META_FIELDS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
