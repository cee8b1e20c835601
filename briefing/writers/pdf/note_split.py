"""Footnotes that continue on the next page, as in Word: WeasyPrint extended, version-guarded.

A clerk prints the DOCX from Word or our PDF, and "page 5" must be the same page in both. Word
(and LibreOffice) place a footnote on the page of its call; when the whole note does not fit
below the line that calls it, they keep that line where it is, print as many lines of the note
as fit, and continue the rest at the top of the next page's notes, under the separator. Only
when not even one line of the note fits does the calling line move to the next page.

WeasyPrint 70 never splits a note: with `footnote-policy: line` it moves the calling line (and
so every page after it differs from Word's), with `auto` it moves the whole note away from its
call. This module teaches it Word's rule, without changing a line of WeasyPrint's source:

- `LayoutContext.layout_footnote` — when WeasyPrint lays out the note of a line that would fit
  on the page without it, and not the whole note fits below that line, the note is cut after
  the last line that fits: the first part stays on the page, in place of the note; the rest is
  kept for the next page (the note's `orphans`/`widows` say how few lines a part may have);
- `make_page` — the continued parts open the next page's footnote area, before its own notes;
  that area's separator is then Word's continuation separator, a rule across the text width
  (`layout_settings(continuation_rule_pt)`, given with each layout), drawn where the short
  rule would be;
- `unlayout_footnote` / `report_footnote` — when WeasyPrint takes the calling line back (widows
  and orphans of the paragraph) or moves the note, the cut is undone first, so WeasyPrint's own
  bookkeeping sees the note it laid out;
- `_update_footnote_area` — WeasyPrint says the footnote area overflows when its last note ends
  a rounding error (1e-13 px) below the area's bottom, and then moves a note that fits; the
  check is made again with WeasyPrint's own tolerance for such errors (`overflows`);
- `report_footnote`, called where a line overflows and widows or orphans forbid breaking before
  it: WeasyPrint then moves the page's last notes away from their calls to make room, whatever
  their `footnote-policy` (Kozea/WeasyPrint#2432). A note whose policy is not `auto` is left in
  place, and WeasyPrint breaks the paragraph as widows and orphans say, as Word does. No
  source is patched: the page's list of notes reads as empty once, which ends WeasyPrint's
  loop.

The note is cut where WeasyPrint broke its lines (`note_cutting`): each laid-out line records
where the next one resumes (a "skip stack"), and the note's box tree is split there into two
trees.

`apply()` installs this only on the WeasyPrint it was written for (its version and the source of
the functions it relies on); any other WeasyPrint keeps its own behaviour, and the PDF writer's
pagination check still keeps each note on its call's page (as a whole).
"""

from __future__ import annotations

import hashlib
import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from math import inf
from typing import Any

from briefing.writers.pdf.note_cutting import resume_after, source_skip, split_note, text_lines

#: WeasyPrint versions and the sha256 of the functions whose behaviour this module relies on
#: (their locals, their calls to the methods wrapped here).
KNOWN = {
    "70.0": {
        "weasyprint.layout.block._linebox_layout":
            "e07bbe000974787ee370be1f419a01a21b327a1a1e3025a65afd47589060883d",
        "weasyprint.layout.page.make_page":
            "656f183328e8b1b56311a342621442056c067422958dcaf6730acdfb6c7b8971",
        "weasyprint.layout.LayoutContext.layout_footnote":
            "5075f64aaae4a32d2ad552f8cc2e73e0bb833b79f9d586d7e23ab041b5fe83bd",
        "weasyprint.layout.LayoutContext.unlayout_footnote":
            "c7c223cf4a0fda5451c7da9f5a95603c21dda3f8286000c989b942ca71d58bfc",
        "weasyprint.layout.LayoutContext.report_footnote":
            "f05bad3895c6824c591301212219c70ab11c11df9277695eea639ea80baf1ee0",
        "weasyprint.layout.LayoutContext._update_footnote_area":
            "2e317e4b066fb80cb369a41cd6f054a127722f9961c18ef4d6e1eef93673c4c1",
    },
}

_installed: dict[str, Any] = {}

#: weight (pt) of the separator, stretched across the text above the notes of a page whose
#: first note is continued from the page before; None leaves that page's separator as it is.
#: Set for one layout call by `layout_settings`, so builds in concurrent threads each see
#: their own.
_continuation_rule_pt: ContextVar[float | None] = ContextVar("continuation_rule_pt",
                                                             default=None)


@contextmanager
def layout_settings(continuation_rule_pt: float | None) -> Iterator[None]:
    """How pages that open with a continued note show it, for the layouts made meanwhile."""
    token = _continuation_rule_pt.set(continuation_rule_pt)
    try:
        yield
    finally:
        _continuation_rule_pt.reset(token)


def _continuation_separator(context: Any) -> None:
    """Stretch this page's separator (the footnote area's background image, drawn without
    keeping its aspect ratio) across the area: Word's continuation separator, in the room of
    the ordinary one."""
    from weasyprint.css.properties import Dimension

    weight_pt = _continuation_rule_pt.get()
    area = context.current_footnote_area
    if weight_pt is None or getattr(area, "continuation", False):
        return
    style = area.style.copy()
    style["background_size"] = ((Dimension(100, "%"), Dimension(weight_pt * 4 / 3, "px")),)
    area.style = style
    area.continuation = True


# -- the layout hooks ------------------------------------------------------------------------
class _PageNotes(list):
    """The notes of the page being made; `stop_reporting` makes it false for one test, the
    one that ends WeasyPrint's loop moving notes to the next page."""

    stop_reporting = False

    def __bool__(self) -> bool:
        if self.stop_reporting:
            self.stop_reporting = False
            return False
        return len(self) > 0


def _page_notes_property() -> property:
    def get(context: Any) -> _PageNotes:
        return context.__dict__["_page_notes"]

    def set_(context: Any, value: list) -> None:
        context.__dict__["_page_notes"] = (value if isinstance(value, _PageNotes)
                                           else _PageNotes(value))

    return property(get, set_)


class _Cuts:
    """Per layout context: the notes cut on the page being made (original -> (first, rest))."""

    def __init__(self) -> None:
        self.parts: dict[int, tuple[Any, Any, Any]] = {}

    def add(self, note: Any, head: Any, tail: Any) -> None:
        self.parts[id(note)] = (note, head, tail)

    def of_note(self, note: Any) -> tuple[Any, Any, Any] | None:
        return self.parts.get(id(note))

    def of_head(self, head: Any) -> tuple[Any, Any, Any] | None:
        return next((entry for entry in self.parts.values() if entry[1] is head), None)

    def pop(self, note: Any) -> None:
        self.parts.pop(id(note), None)

    def tails(self) -> list[Any]:
        return [tail for _, _, tail in self.parts.values()]


def _cuts(context: Any) -> _Cuts:
    if not hasattr(context, "_note_cuts"):
        context._note_cuts = _Cuts()
    return context._note_cuts


def _undo(context: Any, note: Any, head: Any) -> None:
    """Put the whole note back where its first part was."""
    pages = context.current_page_footnotes
    if head in pages:
        pages[pages.index(head)] = note
    _cuts(context).pop(note)
    context._update_footnote_area()


def _laid_out_area(context: Any) -> Any:
    from weasyprint.formatting_structure import build
    from weasyprint.layout.block import block_level_layout

    area = build.create_anonymous_boxes(context.current_footnote_area.deepcopy())
    return block_level_layout(context, area, -inf, None, context.current_footnote_area.page)[0]


def _try_cut(context: Any, note: Any, line_bottom: float, bottom_space: float) -> bool:
    """Cut `note` (the last note of the page) so that the line ending at `line_bottom` stays
    on the page; True if done."""
    area = _laid_out_area(context)
    if not area.children:
        return False
    laid_note = area.children[-1]
    lines = text_lines(laid_note)
    orphans = max(1, int(note.style["orphans"]))
    widows = max(1, int(note.style["widows"]))
    page_end = context.current_footnote_area.position_y  # the page's content bottom
    full = area.margin_height()
    last_bottom = lines[-1][1].position_y + lines[-1][1].height if lines else 0
    for count in range(len(lines) - widows, orphans - 1, -1):
        line = lines[count - 1][1]
        height = full - (last_bottom - (line.position_y + line.height))
        if context.overflows(page_end - height - bottom_space, line_bottom):
            continue
        skip = resume_after(laid_note, lines, count)
        skip = source_skip(note, skip) if skip is not None else None
        if skip is None:
            return False
        head, tail = split_note(note, skip)
        pages = context.current_page_footnotes
        pages[pages.index(note)] = head
        context._update_footnote_area()
        if context.overflows_page(bottom_space, line_bottom):
            pages[pages.index(head)] = note
            context._update_footnote_area()
            continue
        _cuts(context).add(note, head, tail)
        return True
    return False


def _layout_footnote(original):
    def layout_footnote(self, footnote):
        if (getattr(footnote, "continued_from", None) is not None
                and not self.current_page_footnotes):
            _continuation_separator(self)  # the page's notes open with a continued one
        overflow = original(self, footnote)
        caller = sys._getframe(1)
        if caller.f_code.co_name != "_linebox_layout" or self.in_column:
            return overflow
        local = caller.f_locals
        try:
            line_bottom = local["new_position_y"] + local["offset_y"]
            bottom_space = local["bottom_space"]
        except KeyError:
            return overflow
        if not (overflow or self.overflows_page(bottom_space, line_bottom)):
            return overflow  # the whole note fits
        if self.reported_footnotes or footnote is not self.current_page_footnotes[-1]:
            return overflow  # an earlier note already moved on: keep their order
        if _try_cut(self, footnote, line_bottom, bottom_space):
            return False
        return overflow

    return layout_footnote


def _update_footnote_area(original):
    def update_footnote_area(self):
        overflow = original(self)
        if overflow and self.current_footnote_area.children:
            area = _laid_out_area(self)
            last = area.children[-1]
            last_bottom = last.position_y + last.margin_height() - last.margin_bottom
            area_bottom = area.position_y + area.margin_height() - area.margin_bottom
            overflow = self.overflows(area_bottom, last_bottom)
        return overflow

    return update_footnote_area


def _unlayout_footnote(original):
    def unlayout_footnote(self, footnote):
        entry = _cuts(self).of_note(footnote)
        if entry is not None:
            _undo(self, footnote, entry[1])
        return original(self, footnote)

    return unlayout_footnote


def _report_footnote(original):
    def report_footnote(self, footnote):
        caller = sys._getframe(1)
        if (caller.f_code.co_name == "_linebox_layout" and "reported_footnotes" in caller.f_locals
                and footnote.style["footnote_policy"] != "auto"):
            # the widows/orphans loop (see module doc): keep the note, end the loop
            self.current_page_footnotes.stop_reporting = True
            return None
        entry = _cuts(self).of_note(footnote) or _cuts(self).of_head(footnote)
        if entry is not None:  # the note moves on whole: WeasyPrint's own way
            note, head, _ = entry
            _undo(self, note, head)
            footnote = note
        return original(self, footnote)

    return report_footnote


def _make_page(original):
    def make_page(context, *args, **kwargs):
        cuts = _cuts(context)
        cuts.parts.clear()
        result = original(context, *args, **kwargs)
        tails = cuts.tails()
        if tails:
            context.reported_footnotes[:0] = tails
        cuts.parts.clear()
        return result

    return make_page


# -- installation ----------------------------------------------------------------------------
def _original(dotted: str) -> Any:
    """The function or method named `dotted`, as WeasyPrint defines it (before `apply`)."""
    import importlib

    parts = dotted.split(".")
    for cut_at in range(len(parts) - 1, 0, -1):
        try:
            target: Any = importlib.import_module(".".join(parts[:cut_at]))
        except ImportError:
            continue
        for name in parts[cut_at:]:
            target = getattr(target, name)
        break
    else:
        return None
    owner, name = ".".join(parts[:-1]), parts[-1]
    saved = _installed.get("methods", {}) if owner.endswith("LayoutContext") else {}
    if name in saved:
        return saved[name]
    if dotted.endswith("page.make_page") and "make_page" in _installed:
        return _installed["make_page"]
    return target


def source_digest(dotted: str) -> str | None:
    """The sha256 of the source of `dotted` as WeasyPrint defines it (None: not found)."""
    try:
        return hashlib.sha256(inspect.getsource(_original(dotted)).encode()).hexdigest()
    except (OSError, TypeError, AttributeError):
        return None


def supported() -> bool:
    """True if the installed WeasyPrint is one this module was written and checked against."""
    from weasyprint import __version__

    known = KNOWN.get(__version__)
    return known is not None and all(source_digest(name) == digest
                                     for name, digest in known.items())


def apply() -> bool:
    """Install the hooks once per process; True if notes now continue on the next page."""
    if "installed" in _installed:
        return True
    if not supported():
        return False
    from weasyprint.layout import LayoutContext, page

    _installed["methods"] = {name: getattr(LayoutContext, name) for name in
                             ("layout_footnote", "unlayout_footnote", "report_footnote",
                              "_update_footnote_area")}
    _installed["make_page"] = page.make_page
    LayoutContext.current_page_footnotes = _page_notes_property()
    LayoutContext.layout_footnote = _layout_footnote(LayoutContext.layout_footnote)
    LayoutContext.unlayout_footnote = _unlayout_footnote(LayoutContext.unlayout_footnote)
    LayoutContext.report_footnote = _report_footnote(LayoutContext.report_footnote)
    LayoutContext._update_footnote_area = _update_footnote_area(
        LayoutContext._update_footnote_area)
    page.make_page = _make_page(page.make_page)
    _installed["installed"] = True
    return True


def remove() -> None:
    """WeasyPrint as it was (tests compare both behaviours)."""
    if "installed" not in _installed:
        return
    from weasyprint.layout import LayoutContext, page

    for name, method in _installed.pop("methods").items():
        setattr(LayoutContext, name, method)
    del LayoutContext.current_page_footnotes
    page.make_page = _installed.pop("make_page")
    del _installed["installed"]
