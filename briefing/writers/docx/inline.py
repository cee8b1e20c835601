"""Runs: text, emphasis, footnote calls and marks (the inline nodes are visited by
`briefing.writers.docx.document.DocxWriter`, which builds them from here).

Text is copied exactly (the tree is NFC already): no trimming, no smart quotes, no merging of
spaces. Emphasis is direct bold/italic on the run because it is part of the content, not of
the layout; nested em/strong give a run with both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.tree.vocabulary import Inline
from briefing.writers.docx.formatting import ParagraphLook, RunLook, paragraph, run_properties
from briefing.writers.docx.ooxml import Element, text, w
from briefing.writers.docx.style_ids import FOOTNOTE_REFERENCE

#: Fills a paragraph with inline content (the writer visits it: text, emphasis, notes).
InlineSink = Callable[[Element, Sequence[Inline]], None]

_BREAKS = re.compile(r"(\t|\n)")


@dataclass(frozen=True)
class RunEmphasis:
    bold: bool = False
    italic: bool = False


def text_run(content: str, emphasis: RunEmphasis = RunEmphasis()) -> Element:
    """One run of `content`; a tab or newline in the source becomes w:tab / w:br."""
    look = RunLook(bold=emphasis.bold or None, italic=emphasis.italic or None)
    run = w("w:r")
    rpr = run_properties(look)
    if len(rpr):
        run.append(rpr)
    for piece in _BREAKS.split(content):
        if piece == "\t":
            run.append(w("w:tab"))
        elif piece == "\n":
            run.append(w("w:br"))
        elif piece:
            run.append(text(piece))
    return run


def footnote_reference(note_id: int) -> Element:
    """The call in the text: a superscript number Word keeps in step with the note."""
    return w("w:r", run_properties(RunLook(style=FOOTNOTE_REFERENCE)),
             w("w:footnoteReference", id=note_id))


def footnote_mark() -> Element:
    """The number at the head of the note itself."""
    return w("w:r", run_properties(RunLook(style=FOOTNOTE_REFERENCE)), w("w:footnoteRef"))


def text_paragraph(style: str, text: str, **direct: Any) -> Element:
    """A paragraph in `style` holding plain `text`, with optional direct paragraph properties
    (`ParagraphLook` fields)."""
    p = paragraph(ParagraphLook(style=style, **direct))
    if text:
        p.append(text_run(text))
    return p
