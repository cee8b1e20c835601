"""Words the studio shows beside its own pages (labels of forms, fields and kinds), kept apart
from the code that shows them: messages of the catalogue, worded in the studio's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.messages import Message, msg

__all__ = ["FORM_NAMES", "ITEM_KINDS", "humanize_time"]  # and META_FIELDS (`__getattr__`)

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
