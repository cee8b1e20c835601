"""Keep every footnote on the page of its call, in as few layout passes as possible.

An official document needs each note below the text that calls it, on the same page.
WeasyPrint 70 may move ("report") a note to the next page to make room for one more line of a
later paragraph; `weasyprint_patches.py` fixes that at the cause, so one layout pass is enough.
This module checks the result anyway: where a note left its call's page (another WeasyPrint,
a case the fix does not cover), it forces a page break before the last block that starts on
that page and lays out again (a few rounds at most).

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


def _boxes_with_class(box: Any, cls: str) -> set[str]:
    return {b.element.get("data-n") for b in box.descendants()
            if b.element is not None and b.element.get("class") == cls}


def misplaced_breaks(document: Any, forced: set[str]) -> set[str]:
    """Block ids (`data-b`) before which a page break keeps notes with their calls."""
    breaks: set[str] = set()
    started: dict[str, int] = {}
    pages = []
    for number, page in enumerate(document.pages):
        flow = [c for c in page._page_box.children if type(c).__name__ == "BlockBox"]
        area = [c for c in page._page_box.children if type(c).__name__ == "FootnoteAreaBox"]
        calls = set().union(*(_boxes_with_class(b, "fn") for b in flow)) if flow else set()
        notes = set().union(*(_boxes_with_class(a, "fn") for a in area)) if area else set()
        for box in (d for b in flow for d in b.descendants()):
            block = box.element.get("data-b") if box.element is not None else None
            if block is not None and block not in started:
                started[block] = number
        pages.append((calls, notes))
    for number, (calls, notes) in enumerate(pages):
        if calls - notes:
            starting_here = [b for b, p in started.items() if p == number and b not in forced]
            if starting_here:
                breaks.add(max(starting_here, key=int))
    return breaks


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
