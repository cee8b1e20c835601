"""Words the studio shows beside its own pages (labels of forms, fields and kinds), kept apart
from the code that shows them: messages of the catalogue, worded in the studio's language."""

from __future__ import annotations

import datetime as dt

from briefing.messages import Message, msg

FORM_NAMES = {"booklet": msg("form-booklet", "Internal information booklet"),
              "official": msg("form-official", "Official document")}
#: meta fields of the form, in order, with their labels
META_FIELDS = (
    ("issuer.superior", msg("field-issuer-superior", "Superior body")),
    ("issuer.name", msg("field-issuer-name", "Issuing body")),
    ("number", msg("field-number", "Number and symbol")),
    ("place", msg("field-place", "Place")),
    ("date", msg("field-date", "Date of issue")),
    ("type", msg("field-type", "Document type")),
    ("title", msg("field-title", "Cover title")),
    ("subject", msg("field-subject", "Summary (trích yếu) / subject")),
    ("issue", msg("field-issue", "Issue (number line, month)")),
    ("circulation", msg("field-circulation", "Circulation")),
    ("signer.authority", msg("field-signer-authority", "Signing authority (K/T, T/M…)")),
    ("signer.title", msg("field-signer-title", "Signer's title")),
    ("signer.name", msg("field-signer-name", "Signer's name")),
)
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
