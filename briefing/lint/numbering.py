"""The typed numbers of a Word file's running text, judged as the layout numbers them
(`numbering.outline`: khoản under each Điều, điểm under each khoản, Điều across chapters, the
Vietnamese alphabet). Table cells (forms, registers) and text boxes are not running text."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.messages import Message, msg
from briefing.numbering.legal_outline import Outline, Verdict
from briefing.readers.source import Line, SourceDocument
from briefing.text.inline_markdown import plain_text


def running_lines(source: SourceDocument | None) -> Iterator[Line]:
    """The paragraphs of the running text: outside tables and text boxes."""
    for block in source.blocks if source is not None else []:
        if isinstance(block, Line) and block.cell is None and block.box is None:
            yield block


def numbering_findings(source: SourceDocument | None) -> Iterator[tuple[Line, Message]]:
    """Each typed number that does not follow the one before it under the same parent."""
    outline = Outline()
    for line in running_lines(source):
        text = plain_text(line.text).split("\n")[0].strip()
        if line.label:
            text = f"{line.label} {text}"
        verdict = outline.take(text)
        if verdict is not None and verdict.verdict:
            yield line, _message(verdict)


def _message(verdict: Verdict) -> Message:
    given = {"marker": verdict.marker.raw, "previous": verdict.previous.raw
             if verdict.previous else "", "expected": verdict.expected}
    if verdict.verdict == "repeat":
        return msg("lint-numbering-repeat", "the numbering repeats here: '{marker}' after "
                   "'{previous}' (the next is '{expected}')", **given)
    return msg("lint-numbering-skip", "the numbering skips here: '{marker}' after '{previous}' "
               "(the next is '{expected}')", **given)
