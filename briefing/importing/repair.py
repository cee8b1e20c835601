"""Paragraphs cut in two by a page break (or by the footnotes printed at the page's foot),
and paragraphs and items wrapped by hand, are joined again.

A line that does not end a sentence, followed after a page break by text that is not a
heading or a list item, is the same paragraph; so is a line followed by one starting with a
small letter (a line wrapped by hand). In a hard-wrapped text (its lines stop short of a
common width) a line is joined to the one before when it starts no item, the line before ends
no sentence, and its first word would not have fitted on that line — a "- " item wrapped over
four lines comes back whole.
Emphasis running across the cut is joined too ("*… vừa tập*" + "*trung phòng …*" ->
"*… vừa tập trung phòng …*"). Each join is reported.
"""

from __future__ import annotations

from briefing.importing.guesses import Notebook
from briefing.importing.markdown_text import Run, markdown_runs, runs_to_markdown
from briefing.messages import msg
from briefing.numbering import markers
from briefing.readers.source import Block, Line
from briefing.text.inline_markdown import plain_text

_ENDS = (".", "!", "?", ":", ";", "…", "”", '"', "»", ")")
#: A hard-wrapped text: this share of its lines reach near its common width.
_FULL_SHARE = 0.2
_FULL = 0.8
#: Lines wider than this are paragraphs, not lines wrapped by hand.
_WRAP_MAX = 120
_MIN_LINES = 5
#: Narrower texts are lists and mastheads, not running text wrapped by hand.
_WRAP_MIN = 45


def join_cut_paragraphs(blocks: list[Block], notes: Notebook) -> list[Block]:
    width = wrap_width([b for b in blocks if isinstance(b, Line)])
    out: list[Block] = []
    last_piece = 0  # length of the last physical line joined into out[-1]
    pieces = 1  # physical lines in out[-1]
    for block in blocks:
        last = out[-1] if out else None
        if isinstance(block, Line) and isinstance(last, Line) and \
                _continues(last, block, width, last_piece, pieces):
            notes.fix(msg("import-joined-page", "joined a paragraph cut by a page break")
                      if block.page_break else
                      msg("import-joined-line", "joined a line wrapped inside a paragraph"),
                      block.where, plain_text(block.text))
            last.text = _join(last.text, block.text)
            last_piece = len(plain_text(block.text))
            pieces += 1
            continue
        out.append(block)
        last_piece = len(plain_text(block.text)) if isinstance(block, Line) else 0
        pieces = 1
    return out


def wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped text was wrapped at (its longest line, in characters), or
    None when its lines are paragraphs of their own (a Word file, a text with one paragraph
    per line): fewer than a fifth of its lines come near that width."""
    lengths = [len(plain_text(line.text)) for line in lines
               if line.cell is None and "\n" not in line.text]
    if len(lengths) < _MIN_LINES:
        return None
    width = max(lengths)
    if width > _WRAP_MAX or width < _WRAP_MIN:
        return None
    full = sum(1 for length in lengths if length >= _FULL * width)
    return width if full >= _FULL_SHARE * len(lengths) else None


def _continues(first: Line, second: Line, width: int | None, last_piece: int,
               pieces: int) -> bool:
    if first.role or second.role or first.heading or second.heading or second.label:
        return False
    if first.cell or second.cell or first.box or second.box:
        return False
    tail = plain_text(first.text).rstrip()
    head = plain_text(second.text).lstrip()
    if not tail or not head or markers.parse(second.text) is not None:
        return False
    wrapped = bool(width) and not second.gap_before and not second.page_break and \
        not _caps(head) and _wrapped(last_piece, head, width or 0)
    if wrapped and (head[:1].islower() or (not tail.endswith(_ENDS) and
                                           (pieces > 1 or not _caps(tail)))):
        return True
    if tail.endswith(_ENDS):
        return False
    if second.page_break:
        if markers.parse(first.text) is not None and not first.label and _title_like(first):
            return False  # "1. Tình hình" before a page break is a title, not a cut line
        return len(tail) > 60 or head[:1].islower()
    return head[:1].islower() and len(tail) > 60


def _wrapped(last_piece: int, head: str, width: int) -> bool:
    """The first word of `head` would not have fitted at the end of the line before."""
    word = head.split()[0] if head.split() else head
    return last_piece + 1 + len(word) > width - 2


def _caps(text: str) -> bool:
    """A line in capitals (a title), which neither wraps into nor out of running text."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _title_like(line: Line) -> bool:
    return len(plain_text(line.text)) < 200


def _join(first: str, second: str) -> str:
    runs = [*markdown_runs(first), Run(" "), *markdown_runs(second)]
    return runs_to_markdown(runs)
