"""Keep every footnote on the page of its call, in as few layout passes as possible.

An official document needs each note below the text that calls it, on the same page.
WeasyPrint 70 may move ("report") a note to the next page to make room for one more line of a
later paragraph; `note_split.py` ends that at the cause (and continues a long note on the next
page, as Word does), so one layout pass is enough. This module checks the result anyway: where
a note left its call's page (another WeasyPrint, a case the fix does not cover), it forces a
page break before the last block that starts on that page (or before the heading kept with
it) and lays out again (a few rounds at most).

The breaks a document ended with are remembered under a hash of its HTML and CSS: the next
layout of the same document starts with them, so a rebuild needs one pass even where the
first build needed more.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MAX_ROUNDS = 6


def misplaced_breaks(document: Any, forced: set[str]) -> set[str]:
    """Block ids (`data-b`) before which a page break keeps notes with their calls.

    One walk over each page's boxes: the footnote calls in its flow, the notes in its
    footnote area, and the blocks that start on it."""
    breaks: set[str] = set()
    started: dict[str, int] = {}
    kept: set[str] = set()
    pages = []
    for number, page in enumerate(document.pages):
        calls: set[str] = set()
        notes: set[str] = set()
        for child in page._page_box.children:
            kind = type(child).__name__
            if kind not in ("BlockBox", "FootnoteAreaBox"):
                continue
            found = calls if kind == "BlockBox" else notes
            for box in child.descendants():
                element = box.element
                if element is None:
                    continue
                if element.get("class") == "fn":
                    found.add(element.get("data-n"))
                if kind == "BlockBox":
                    block = element.get("data-b")
                    if block is not None and block not in started:
                        started[block] = number
                        if box.style["break_after"] == "avoid":
                            kept.add(block)
        pages.append((calls, notes))
    for number, (calls, notes) in enumerate(pages):
        if calls - notes:
            starting_here = [b for b, p in started.items() if p == number and b not in forced]
            if starting_here:
                breaks.add(_with_kept(max(starting_here, key=int), kept, started, number))
    return breaks


def _with_kept(block: str, kept: set[str], started: dict[str, int], page: int) -> str:
    """`block`, or the first of the blocks just before it on `page` that are kept with the
    next one (a heading, a caption above its table): the break goes before them too."""
    while str(int(block) - 1) in kept and started.get(str(int(block) - 1)) == page:
        block = str(int(block) - 1)
    return block


def break_rules(forced: set[str]) -> str:
    """The extra CSS that forces a page break before each block of `forced`."""
    return "".join(f'[data-b="{b}"] {{ break-before: page; }}\n' for b in sorted(forced, key=int))


class BreakCache:
    """The forced breaks each recent document ended with, by hash of its HTML and CSS."""

    def __init__(self, size: int = 256):
        self.size = size
        self._breaks: OrderedDict[str, frozenset[str]] = OrderedDict()

    @staticmethod
    def key(*texts: str) -> str:
        digest = hashlib.sha256()
        for text in texts:
            digest.update(text.encode())
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> frozenset[str]:
        if key in self._breaks:
            self._breaks.move_to_end(key)
            return self._breaks[key]
        return frozenset()

    def put(self, key: str, breaks: set[str]) -> None:
        self._breaks[key] = frozenset(breaks)
        self._breaks.move_to_end(key)
        while len(self._breaks) > self.size:
            self._breaks.popitem(last=False)

    def clear(self) -> None:
        self._breaks.clear()


#: one per process: a resident builder, a batch worker and a cold build all use it
BREAKS = BreakCache()


@dataclass
class Laid:
    """A laid-out document and how many layout passes it took."""

    document: Any
    passes: int


def render_with_notes_in_place(render: Callable[[str], Any], key: str | None = None,
                               cache: BreakCache = BREAKS) -> Laid:
    """`render(extra_css)` -> document, re-rendered with forced breaks until notes stay put.

    With `key` (see `BreakCache.key`), starts from the breaks the same document ended with."""
    forced: set[str] = set(cache.get(key)) if key is not None else set()
    document = render(break_rules(forced))
    passes = 1
    for _ in range(MAX_ROUNDS):
        breaks = misplaced_breaks(document, forced)
        if not breaks:
            break
        forced |= breaks
        document = render(break_rules(forced))
        passes += 1
    if key is not None:
        cache.put(key, forced)
    return Laid(document, passes)
