"""Figures and numbered captions in the DOCX.

A figure is an inline picture (python-docx stores the image part and writes the drawing) in a
centred paragraph, at the size the tree gives (computed once, for both writers, by
`briefing.layout.figure_size`). A caption's number is a real SEQ field ("Bảng { SEQ Table }.") with
our computed number as its result, so Word's Insert Caption and cross-references go on counting
from it when a clerk adds a table.
"""

from __future__ import annotations

import io

from docx.parts.document import DocumentPart
from docx.shared import Emu

from briefing.content.media import MediaStore
from briefing.numbering.counters import format_counter, format_pieces
from briefing.profile.model import Caption, Profile
from briefing.tree.vocabulary import Figure, Table
from briefing.writers.docx.fields import field_runs
from briefing.writers.docx.inline import InlineSink, text_run
from briefing.writers.docx.ooxml import Element, w

EMU_PER_MM = 36000
#: Word's SEQ switches for the counter styles of the profile's formats
_SEQ_FORMATS = {"": "ARABIC", "R": "ROMAN", "r": "roman", "a": "alphabetic"}


class Pictures:
    """Adds the document's figures as image parts of `part`, from the checked `media`."""

    def __init__(self, part: DocumentPart, media: MediaStore, profile: Profile):
        self.part = part
        self.media = media
        self.profile = profile

    def run(self, node: Figure) -> Element:
        """The w:r holding the picture of a figure (a draft's words where it has none)."""
        if node.missing is not None:
            return text_run(node.missing)
        image = self.media[node.src]
        inline = self.part.new_pic_inline(io.BytesIO(image.data),
                                          Emu(round(node.width_mm * EMU_PER_MM)),
                                          Emu(round(node.height_mm * EMU_PER_MM)))
        return w("w:r", w("w:drawing", inline))


def caption_runs(style: Caption, number: int, identifier: str) -> list[Element]:
    """The caption's label: its literal text around a SEQ field whose result is `number`."""
    runs: list[Element] = []
    for literal, name, spec in format_pieces(style.format):
        if literal:
            runs.append(text_run(literal))
        if name is not None:
            shown = format_counter("{n" + (":" + spec if spec else "") + "}", number)
            runs += field_runs(f" SEQ {identifier} \\* {_SEQ_FORMATS.get(spec, 'ARABIC')} ",
                               shown)
    return runs


def caption(p: Element, node: Table | Figure, style: Caption, identifier: str,
            inline: InlineSink) -> Element:
    """Fill paragraph `p` with the label of `node` (a table or figure) and its caption."""
    if node.number:
        for run in caption_runs(style, node.number, identifier):
            p.append(run)
    if node.caption is not None:
        inline(p, node.caption)
    return p
