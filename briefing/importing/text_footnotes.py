"""Footnotes typed as text: definitions taken out of the flow, calls kept.

In text pasted from a PDF (or a Word file made from one) each page's notes sit where the page
ended: "¹ Trong đó, …" or "<sup>1</sup> Kết luận …" between two halves of a paragraph. Readers
turn the leading mark into a call at the start of the line; here every such line becomes the
definition of note n, a paragraph between two definitions becomes the next paragraph of the
first, and the body line after the notes is marked as following a page break so the cut
paragraph can be joined again.
"""

from __future__ import annotations

import re

from briefing.importing.guesses import Notebook
from briefing.readers.source import Block, Line
from briefing.text.inline_markdown import FOOTNOTE_ID

_DEFINITION = re.compile(rf"^\[\^({FOOTNOTE_ID})\]\s*(?P<text>\S.*)$", re.DOTALL)


class NoteSet:
    """The notes of one document: id -> paragraphs, and where each was found."""

    def __init__(self, notes: dict[str, list[str]] | None = None,
                 where: dict[str, str] | None = None):
        self.notes: dict[str, list[str]] = dict(notes or {})
        self.note_where: dict[str, str] = dict(where or {})
        #: the ids called in the text (filled when the body is written)
        self.called: set[str] = set()


def take_notes(blocks: list[Block], doc: NoteSet, notes: Notebook) -> list[Block]:
    """`blocks` without the note definitions, which go into `doc`."""
    kept: list[Block] = []
    current: str | None = None
    removed = False
    for index, block in enumerate(blocks):
        if isinstance(block, Line) and block.role is None and not block.heading:
            match = _DEFINITION.match(block.text)
            if match and match.group(1) not in doc.notes:
                current = match.group(1)
                doc.notes[current] = [match.group("text").replace("\n", " ")]
                doc.note_where[current] = block.where
                removed = True
                continue
            if current is not None and _next_is_definition(blocks, index, doc):
                doc.notes[current].append(block.text.replace("\n", " "))
                continue
        current = None
        if removed and isinstance(block, Line):
            block.page_break = True
        removed = False
        kept.append(block)
    return kept


def _next_is_definition(blocks: list[Block], index: int, doc: NoteSet) -> bool:
    for block in blocks[index + 1:]:
        if not isinstance(block, Line):
            return False
        match = _DEFINITION.match(block.text)
        return bool(match) and match.group(1) not in doc.notes
    return False
