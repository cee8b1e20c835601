"""Paragraphs cut in two by a page break (or by the footnotes printed at the page's foot)
are joined again.

A line that does not end a sentence, followed after a page break by text that is not a
heading or a list item, is the same paragraph; so is a line followed by one starting with a
small letter (a line wrapped by hand). Emphasis running across the cut is joined too
("*… vừa tập*" + "*trung phòng …*" -> "*… vừa tập trung phòng …*"). Each join is reported.
"""

from __future__ import annotations

from briefing.importing import markers
from briefing.importing.guesses import Notebook
from briefing.importing.markdown_text import Run, markdown_runs, runs_to_markdown
from briefing.messages import msg
from briefing.readers.source import Block, Line
from briefing.text.inline_markdown import plain_text

_ENDS = (".", "!", "?", ":", ";", "…", "”", '"', "»", ")")


def join_cut_paragraphs(blocks: list[Block], notes: Notebook) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if isinstance(block, Line) and isinstance(last, Line) and _continues(last, block):
            notes.fix(msg("import-joined-page", "joined a paragraph cut by a page break")
                      if block.page_break else
                      msg("import-joined-line", "joined a line wrapped inside a paragraph"),
                      block.where, plain_text(block.text))
            last.text = _join(last.text, block.text)
            continue
        out.append(block)
    return out


def _continues(first: Line, second: Line) -> bool:
    if first.role or second.role or first.heading or second.heading or second.label:
        return False
    if first.cell or second.cell:
        return False
    tail = plain_text(first.text).rstrip()
    head = plain_text(second.text).lstrip()
    if not tail or not head or tail.endswith(_ENDS):
        return False
    if markers.parse(second.text) is not None or (markers.parse(first.text) is not None \
            and not first.label and _title_like(first)):
        return False
    if second.page_break:
        return len(tail) > 60 or head[:1].islower()
    return head[:1].islower() and len(tail) > 60


def _title_like(line: Line) -> bool:
    return len(plain_text(line.text)) < 200


def _join(first: str, second: str) -> str:
    runs = [*markdown_runs(first), Run(" "), *markdown_runs(second)]
    return runs_to_markdown(runs)
