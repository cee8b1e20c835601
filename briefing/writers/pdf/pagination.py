"""Keep every footnote on the page of its call.

WeasyPrint may move ("report") a footnote to the next page to make room for one more line of
a later paragraph, even with `footnote-policy: line`. After laying out, we look at each page's
flow and footnote area; where a note left its call's page, we force a page break before the
last block that starts on that page and lay out again (a few rounds at most). The result is
what an official document needs: the note below the text that calls it, on the same page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MAX_ROUNDS = 6


def _boxes_with_class(box: Any, cls: str) -> set[str]:
    return {b.element.get("data-n") for b in box.descendants()
            if b.element is not None and b.element.get("class") == cls}


def misplaced_breaks(document: Any, forced: set[str]) -> set[str]:
    """Block ids (`data-b`) before which a page break keeps notes with their calls."""
    breaks: set[str] = set()
    started: dict[str, int] = {}
    kept: set[str] = set()
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


def render_with_notes_in_place(render: Callable[[str], Any]) -> Any:
    """`render(extra_css)` -> document; re-rendered with forced breaks until notes stay put."""
    forced: set[str] = set()
    document = render("")
    for _ in range(MAX_ROUNDS):
        breaks = misplaced_breaks(document, forced)
        if not breaks:
            break
        forced |= breaks
        document = render("".join(f'[data-b="{b}"] {{ break-before: page; }}\n'
                                  for b in sorted(forced, key=int)))
    return document
