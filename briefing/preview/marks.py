"""Where a draft's preview is incomplete: each blank and each error, with the page it is on.

A draft (`builds/draft_preview.py`) is laid out with placeholders for what it lacks and with the
check's errors kept, not raised. The preview lists them beside the pages — the place in the
clerk's words, what is wrong, the page that prints it — so the clerk sees where the document
still needs work while it keeps following each change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.builds.draft_preview import Draft, value_at
from briefing.editing.field_findings import FieldLocator, clerks_line
from briefing.editing.places import hint_in_clerks_words, in_clerks_words, named_path, place_of
from briefing.messages import msg
from briefing.preview.pages import Pages, squeezed
from briefing.problems import ERROR

#: what a blank says in the list of marks
NOT_WRITTEN = msg("draft-not-written", "not written yet")
#: marks listed at most (a document with hundreds of errors needs the editor's list)
MOST = 60


def find_page(pages: Pages, text: str) -> int | None:
    """The first page whose text holds `text` (case and white space aside: a title may be
    printed in capitals)."""
    wanted = squeezed(text).casefold()
    for index in range(pages.count):
        if wanted in pages.text(index).casefold():
            return index
    return None


def draft_marks(draft: Draft, pages: Pages) -> list[dict[str, Any]]:
    """The blanks and errors of `draft`, in order, each with its place, words and page."""
    marks: list[dict[str, Any]] = []
    blanks = {blank.path for blank in draft.blanks}
    labels = [blank.label for blank in draft.blanks]
    for blank in draft.blanks:
        page = find_page(pages, blank.label)
        if page is None and draft.source is not None:
            continue  # a variant's: in a section this copy leaves out
        place = place_of(draft.data, blank.path)
        marks.append({"kind": "blank", "path": list(blank.path), "label": blank.label,
                      "place": str(place or ""), "text": clerks_line(NOT_WRITTEN, place),
                      "page": page})
    locate = FieldLocator(draft.source or draft.loaded.source, draft.loaded.text)
    content = draft.loaded.path.name
    for problem in draft.problems:
        if problem.severity != ERROR or len(marks) >= MOST:
            continue
        # a unit's or a meeting's own problem is not at a place of the briefing: its file
        # is named, as a refused download names it
        file = Path(problem.position.file).name
        path = locate.path_of(problem) if file == content else ()
        if path in blanks or any(label in str(problem.message) for label in labels):
            continue  # said of a placeholder: the blank is listed already
        place = place_of(draft.data, named_path(problem, path))
        value = value_at(draft.data, path)
        text = clerks_line(in_clerks_words(problem.message, place), place,
                           hint_in_clerks_words(problem.hint))
        marks.append({"kind": "error", "path": list(path), "place": str(place or ""),
                      "text": text if file in (content, "") else f"{file}: {text}",
                      "page": _page_of(pages, value) if path else None})
    return marks[:MOST]


def _page_of(pages: Pages, value: Any) -> int | None:
    """The page that prints `value`: a text, else the first text inside it (a table's row,
    a list's first item)."""
    if isinstance(value, str):
        return pages.page_of(value)
    inside = value.values() if isinstance(value, dict) else value if isinstance(value, list) \
        else ()
    for child in inside:
        page = _page_of(pages, child)
        if page is not None:
            return page
    return None
