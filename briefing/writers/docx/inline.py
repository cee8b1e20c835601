"""Inline content -> runs: text, em, strong, run-in markers and footnote calls.

Text is copied exactly (the tree is NFC already): no trimming, no smart quotes, no merging of
spaces. Emphasis is direct bold/italic on the run because it is part of the content, not of
the layout; nested em/strong give a run with both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from briefing.writers.docx.formatting import ParagraphLook, RunLook, paragraph, run_properties
from briefing.writers.docx.ooxml import Element, text, w
from briefing.writers.docx.styles import FOOTNOTE_REFERENCE

#: Called with an <fn> element where its call stands; returns the footnote id to reference.
FootnoteCall = Callable[[ET.Element], int]

_BREAKS = re.compile(r"(\t|\n)")


@dataclass(frozen=True)
class Emphasis:
    bold: bool = False
    italic: bool = False


def text_run(content: str, emphasis: Emphasis = Emphasis()) -> Element:
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


def append_inline(p: Element, node: ET.Element, on_footnote: FootnoteCall | None,
                  emphasis: Emphasis = Emphasis()) -> None:
    """Append runs for `node`'s text and inline children (not its tail) to paragraph `p`."""
    if node.text:
        p.append(text_run(node.text, emphasis))
    for child in node:
        if child.tag == "em":
            append_inline(p, child, on_footnote, replace(emphasis, italic=True))
        elif child.tag == "strong":
            append_inline(p, child, on_footnote, replace(emphasis, bold=True))
        elif child.tag == "marker":
            append_inline(p, child, on_footnote, emphasis)
        elif child.tag == "br":  # a computed line break (balanced display lines)
            p.append(w("w:r", w("w:br")))
        elif child.tag == "fn":
            if on_footnote is None:
                raise ValueError("a footnote call cannot stand inside a footnote")
            p.append(footnote_reference(on_footnote(child)))
        else:
            raise ValueError(f"the DOCX writer does not know the inline element <{child.tag}>")
        if child.tail:
            p.append(text_run(child.tail, emphasis))


def styled(style: str, node: ET.Element, **direct: Any) -> Element:
    """A paragraph in `style` holding `node`'s inline content (no footnote calls), with
    optional direct paragraph properties (`ParagraphLook` fields)."""
    p = paragraph(ParagraphLook(style=style, **direct))
    append_inline(p, node, None)
    return p
