"""Real footnotes and endnotes of a Word file -> `SourceDocument.notes`.

A note's text starts after Word's own number (`w:footnoteRef`) and the space after it. Where
the author typed the number again after Word's ("5" + "5 Áp dụng …", which Word shows as
"55 Áp dụng …"), the typed copy is left out. Notes may be called from anywhere: headings,
table cells, masthead cells, dotted lines.
"""

from __future__ import annotations

import re

from lxml import etree

from briefing.importing.markdown_text import Run, runs_to_markdown
from briefing.messages import msg
from briefing.readers.docx.runs import RunReader
from briefing.readers.docx.styles import Styles
from briefing.readers.docx.wordml import attr, child, w
from briefing.readers.fill_in_blanks import blanks
from briefing.readers.source import SourceDocument

_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TYPED_NUMBER = re.compile(r"^\s*([0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+)[.)]?(?:\s+|$)")


#: where a note is, for messages ("footnote 3")
_PLACES = {"footnote": msg("place-footnote", "footnote {id}"),
           "endnote": msg("place-endnote", "endnote {id}")}


def read_notes(doc: SourceDocument, footnotes: etree._Element | None,
               endnotes: etree._Element | None, styles: Styles,
               body: etree._Element) -> None:
    reader = RunReader(styles, notes=False)
    for root, what, prefix in ((footnotes, "footnote", ""), (endnotes, "endnote", "e")):
        if root is None:
            continue
        shown = _display_numbers(body, what)
        for note in root.iter(w(what)):
            if (attr(note, "type") or "normal") != "normal":
                continue
            raw_id = attr(note, "id") or ""
            paragraphs = []
            for p in note.iter(w("p")):
                runs = reader.read(p, attr(child(child(p, "pPr"), "pStyle"), "val")).runs
                paragraphs.append(runs)
            if paragraphs:
                paragraphs[0] = _without_number(paragraphs[0], shown.get(raw_id))
            texts = [blanks(runs_to_markdown(runs)).strip() for runs in paragraphs]
            note_id = prefix + raw_id
            doc.notes[note_id] = [t for t in texts if t]
            doc.note_where[note_id] = _PLACES[what].given(id=raw_id)


def _display_numbers(body: etree._Element, what: str) -> dict[str, str]:
    """Note id -> the number Word shows for it: notes are numbered in order of call."""
    out: dict[str, str] = {}
    for reference in body.iter(w(f"{what}Reference")):
        if attr(reference, "customMarkFollows") in ("1", "true"):
            continue
        out.setdefault(attr(reference, "id") or "", str(len(out) + 1))
    return out


def _without_number(runs: list[Run], shown: str | None) -> list[Run]:
    """The note text after Word's number and the space after it, without a typed copy of
    that number."""
    out = list(runs)
    while out and out[0].note is None and not out[0].text.strip():
        out.pop(0)
    if not out or out[0].note is not None:
        return out
    text = out[0].text.lstrip()
    match = _TYPED_NUMBER.match(text)
    if shown and match and match.group(1).translate(_DIGITS) == shown:
        text = text[match.end():]
    out[0] = Run(text, out[0].bold, out[0].italic)
    if not text and len(out) > 1:
        return _without_number(out[1:], None)
    return out
