"""Lay out again only the pages an edit changed: the studio's preview of a long document.

WeasyPrint lays a document out page after page and keeps the state each page starts from
(`context.page_maker`: where in the box tree the page resumes, the counters, the side). An
edit in the studio changes one block, or a few: every page before the first changed block is
the same as before, and once a page break after the last changed block falls where it fell
before — the same place in the tree, the same counters, no note carried over — every page
after it is the same too. So `render` starts from the previous layout of the same document
one page before the first changed block, lays pages out until the breaks meet the old ones,
and keeps the previous document's own pages (already laid out) for the rest: typing in a
paragraph of page 9 of 24 lays out two or three pages, not 24.

WeasyPrint's `layout_document` does the same when a page counter resolves late
(`make_all_pages` keeps the pages whose state did not change); this module drives the same
functions (`remake_page`, `make_margin_boxes`, `layout_backgrounds`) in the same order, so
a page it lays out is the page WeasyPrint lays out. Hence its limits:

- only on the WeasyPrint whose functions it follows (`supported`: version and sources);
- only for stylesheets without page-based lookups (`counter(pages)`, `target-counter()`,
  `string()`, running elements) and documents without fixed boxes: there one pass is the
  whole of WeasyPrint's layout, and a kept page cannot depend on a changed one;
- the kept pages are the previous document's `Page` objects, shared: a preview draws pages
  one at a time, it never writes this document's outline (bookmarks are de-duplicated among
  the pages laid out again only). Downloads and `build.py` lay the whole document out.

Anything else lays the whole document out, in this module too (so the next edit has a
layout to start from). tests/test_relayout.py compares every box of every page with a
layout from scratch after edits of every kind.
"""

from __future__ import annotations

import copy
import functools
import re
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from briefing.writers.pdf.note_split import source_digest

#: WeasyPrint versions and the sha256 of the functions whose steps `render` repeats
KNOWN = {
    "70.0": {
        "weasyprint.layout.layout_document":
            "a5cbf437e99caf7293e7ed2289278048bca734f7ead2e947b4e24e4a3a536dbc",
        "weasyprint.layout.page.make_all_pages":
            "b5e4034894841caa9581fa5d33338c71a7d8948be65618d358ab4b946f367edb",
        "weasyprint.layout.page.remake_page":
            "1ff09b2dffa17839c03aec1150866068066c43e76a5cace0ea298e68909c6d31",
        "weasyprint.document.Document._render":
            "ebaceeb0fa8e79aaeb199a269e2748e2b36f6d95e98b7089e0dbc963bbca54d8",
    },
}

#: what in a stylesheet makes a page depend on pages after it, or on other pages' content
PAGE_LOOKUPS = re.compile(r"counter\(\s*pages|counters\(\s*pages|target-(counter|text)"
                          r"|string\(|string-set|element\(|running\(|position\s*:\s*fixed")
_BLOCK = re.compile(r'data-b="(\d+)"')


@dataclass
class Memory:
    """What the next layout of the same document may start from."""

    html: str
    css: str
    #: the state each page starts from (WeasyPrint's page_maker entries), one more at the end
    page_maker: list
    #: carried[i]: a note (or the rest of one) continues from page i - 1 onto page i
    carried: list[bool]
    #: block id (`data-b`) -> the page its first line is on
    block_pages: dict[int, int]
    blocks: int
    #: the pages this layout made (the others were kept from the previous one)
    made: range


def memory_of(document: Any) -> Memory | None:
    """What `render` remembers of `document` (None: laid out some other way)."""
    return _memories.get(document)


_memories: weakref.WeakKeyDictionary[Any, Memory] = weakref.WeakKeyDictionary()
#: the document a preview's layout may start from; None outside `starting_from`
_previous: ContextVar[tuple[Any] | None] = ContextVar("relayout_previous", default=None)


@contextmanager
def starting_from(previous: Any | None) -> Iterator[None]:
    """Within: the PDF writer's layouts start from `previous` (a document laid out before, or
    None for the first) where they can, and remember themselves for the next."""
    token = _previous.set((previous,))
    try:
        yield
    finally:
        _previous.reset(token)


def wanted() -> tuple[Any] | None:
    """(the previous document,) inside `starting_from`, else None: lay out as WeasyPrint does."""
    return _previous.get()


@functools.cache
def engine_known() -> bool:
    """True if the installed WeasyPrint is one whose layout steps `render` follows."""
    from weasyprint import __version__

    known = KNOWN.get(__version__)
    return known is not None and all(source_digest(name) == digest
                                     for name, digest in known.items())


def supported(css: str) -> bool:
    """True if this WeasyPrint and this stylesheet allow laying out part of a document."""
    return engine_known() and not PAGE_LOOKUPS.search(css)


# -- where an edit starts and ends -------------------------------------------------------------
def common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix (by halves: each test is one memcmp)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix(a: str, b: str, limit: int) -> int:
    """The length of the longest common suffix, at most `limit`."""
    low, high = 0, min(len(a), len(b), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:len(a) - low] == b[len(b) - middle:len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low


def _block_before(html: str, position: int) -> int | None:
    """The id of the last block that opens before `position` of `html`."""
    found = html.rfind('data-b="', 0, position)
    if found < 0:
        return None
    match = _BLOCK.match(html, found)
    return int(match.group(1)) if match else None


def _out_of_tag(html: str, position: int) -> int:
    """`position`, or the end of the tag it falls in: a change of a block's own tag (its class)
    is a change of that block."""
    if html.rfind("<", 0, position) > html.rfind(">", 0, position):
        return html.find(">", position) + 1 or len(html)
    return position


@dataclass(frozen=True)
class Span:
    """The pages an edit may change: lay out from `first`; keep old pages from a page whose
    index is above `last_changed` only."""

    first: int
    last_changed: int


def edited_span(memory: Memory, html: str) -> Span | None:
    """Where `html` differs from the remembered document's, in its pages; None: everywhere."""
    old = memory.html
    prefix = common_prefix(old, html)
    suffix = common_suffix(old, html, min(len(old), len(html)) - prefix)
    block = _block_before(html, prefix)
    if block is None or block not in memory.block_pages:
        return None
    first = max(0, memory.block_pages[block] - 1)  # the page before: keeps, orphans
    while first > 0 and memory.carried[first]:
        first -= 1
    pages = len(memory.page_maker) - 1
    last_block = _block_before(old, _out_of_tag(old, len(old) - suffix))
    after = memory.block_pages.get(last_block + 1) if last_block is not None else None
    last_changed = after if after is not None else pages
    return Span(first, last_changed)


# -- the layout --------------------------------------------------------------------------------
def render(html: Any, html_text: str, stylesheets: Sequence[Any], css_text: str,
           font_config: Any, previous: Any | None) -> Any:
    """`html` laid out as WeasyPrint's `HTML.render` lays it out, starting from `previous`
    (a document this function laid out) where only part of it changed."""
    from weasyprint import DEFAULT_OPTIONS
    from weasyprint.css.counters import CounterStyle
    from weasyprint.document import Document
    from weasyprint.formatting_structure.build import build_formatting_structure

    if not supported(css_text):
        return html.render(font_config=font_config, stylesheets=list(stylesheets))
    options = {**DEFAULT_OPTIONS, "stylesheets": list(stylesheets)}
    counter_style = CounterStyle()
    context = Document._build_layout_context(html, font_config, counter_style, {}, options)
    root_box = build_formatting_structure(
        html.etree_element, context.style_for, context.get_image_from_uri, html.base_url,
        context.target_collector, counter_style, context.footnotes)
    memory = _memories.get(previous) if previous is not None else None
    span = (edited_span(memory, html_text)
            if memory is not None and memory.css == css_text else None)
    try:
        laid = _paginate(html, root_box, context, memory if span else None, span)
    except _Unsupported:
        return html.render(font_config=font_config, stylesheets=list(stylesheets))
    pages = _pages(laid, previous if span else None)
    document = _document(html, pages, font_config, options)
    _memories[document] = _remember(laid, html_text, css_text, memory if span else None)
    return document


class _Unsupported(Exception):
    """The document needs what only WeasyPrint's own loop does (see the module's doc)."""


@dataclass
class _Laid:
    """The pages laid out this time: boxes from page `first`, old pages kept from `kept_from`
    (None: none kept), and the states and carried notes of the whole document."""

    first: int
    boxes: list
    kept_from: int | None
    page_maker: list
    carried: list[bool]


def _fresh(entry: tuple) -> tuple:
    resume_at, next_page, right_page, page_state, _ = copy.deepcopy(entry)
    return resume_at, next_page, right_page, page_state, {
        "content_changed": False, "pages_wanted": False, "anchors": [], "content_lookups": []}


def _paginate(html: Any, root_box: Any, context: Any, memory: Memory | None,
              span: Span | None) -> _Laid:
    """Make pages from `span.first` (0 without a memory) until the document ends or, after
    `span.last_changed`, a page starts where the remembered one did."""
    from weasyprint.layout import initialize_page_maker
    from weasyprint.layout.page import remake_page

    initialize_page_maker(context, root_box)
    first = span.first if memory is not None and span is not None else 0
    carried = [False]
    if memory is not None and span is not None:
        context.page_maker = [_fresh(entry) for entry in memory.page_maker[:first + 1]]
        carried = memory.carried[:first + 1]
    context.rendered_notes = []
    laid = _Laid(first, [], None, context.page_maker, list(carried))
    index = first
    while True:
        page, resume_at = remake_page(index, context, root_box, html)
        if page.fixed_boxes:
            raise _Unsupported
        laid.boxes.append(page)
        index += 1
        notes_go_on = bool(context.reported_footnotes)
        laid.carried.append(notes_go_on)
        if resume_at is None and not notes_go_on:
            break
        if (memory is not None and span is not None and index > span.last_changed
                and not notes_go_on and _meets(context.page_maker[index], memory, index)):
            laid.kept_from = index
            break
    _check_lookups(context)
    if laid.kept_from is None:
        context.page_maker = context.page_maker[:index + 1]
        laid.page_maker = context.page_maker
        context.broken_out_of_flow.clear()
        context.reported_footnotes.clear()
        total = index
        for entry in laid.page_maker:
            entry[3][1]["pages"] = [total]
    _finish_pages(context, laid)
    return laid


def _meets(entry: tuple, memory: Memory, index: int) -> bool:
    """True if a page starting from `entry` is the remembered page `index`."""
    if index >= len(memory.page_maker) - 1 or memory.carried[index]:
        return False
    old = memory.page_maker[index]
    return (entry[0] == old[0] and entry[1] == old[1] and entry[2] == old[2]
            and entry[3] == old[3])


def _check_lookups(context: Any) -> None:
    """Page-based counters or targets asked for: only WeasyPrint's loop resolves them.
    (Anchors, every element with an id, are noted too; without target lookups, which the
    stylesheet has none of, they change nothing.)"""
    for *_, remake_state in context.page_maker:
        if remake_state["pages_wanted"] or remake_state["content_lookups"]:
            raise _Unsupported


def _finish_pages(context: Any, laid: _Laid) -> None:
    """What `layout_document` does once pages are made, for the pages made here: bookmark
    labels once per element, margin boxes (page numbers), backgrounds."""
    from weasyprint.layout import layout_backgrounds
    from weasyprint.layout.page import make_margin_boxes

    watched: dict[str, list] = {"::before": [], "::after": [], "": []}
    for page in laid.boxes:
        for child in page.descendants():
            if child.missing_link or (child.string_set and child.string_set != "none"):
                raise _Unsupported
            if child.bookmark_label:
                tag = child.element_tag
                kind = next((k for k in ("::before", "::after") if tag.endswith(k)), "")
                if child.element in watched[kind]:
                    child.bookmark_label = ""
                else:
                    watched[kind].append(child.element)
    for offset, page in enumerate(laid.boxes):
        number = laid.first + offset + 1
        root, footnote_area, note_area = page.children
        root.children = list(root.children)
        context.current_page = number
        state = laid.page_maker[number][3]
        children = [root]
        if footnote_area.children:
            children.append(footnote_area)
        if note_area.children:
            children.append(note_area)
        children.extend(make_margin_boxes(context, page, state))
        page.children = tuple(children)
        layout_backgrounds(page, context.get_image_from_uri)


def _pages(laid: _Laid, previous: Any | None) -> list:
    from weasyprint.document import Page

    made = [Page(box) for box in laid.boxes]
    if previous is None:
        return made
    kept = previous.pages[laid.kept_from:] if laid.kept_from is not None else []
    return list(previous.pages[:laid.first]) + made + list(kept)


def _document(html: Any, pages: list, font_config: Any, options: dict) -> Any:
    from weasyprint.document import Document
    from weasyprint.html import get_html_metadata
    from weasyprint.pdf.metadata import DocumentMetadata

    document = Document(pages, DocumentMetadata(**get_html_metadata(html)), html.url_fetcher,
                        font_config, {}, options["output_intent"])
    document._html = html
    return document


def _remember(laid: _Laid, html: str, css: str, memory: Memory | None) -> Memory:
    """The memory of the document just laid out: the old one's pages before and after what
    was laid out again (block ids after the edit shifted by the blocks it added)."""
    blocks = html.count('data-b="')
    page_maker, carried = laid.page_maker, laid.carried
    block_pages: dict[int, int] = {}
    if memory is not None:
        block_pages = {block: page for block, page in memory.block_pages.items()
                       if page < laid.first}
    for offset, box in enumerate(laid.boxes):
        for block in _blocks_starting(box):
            block_pages.setdefault(block, laid.first + offset)
    if memory is not None and laid.kept_from is not None:
        shift = blocks - memory.blocks
        for block, page in memory.block_pages.items():
            if page >= laid.kept_from:
                block_pages.setdefault(block + shift, page)
        page_maker = page_maker[:laid.kept_from + 1] + memory.page_maker[laid.kept_from + 1:]
        carried = carried[:laid.kept_from + 1] + memory.carried[laid.kept_from + 1:]
    made = range(laid.first, laid.first + len(laid.boxes))
    return Memory(html, css, page_maker, carried, block_pages, blocks, made)


def _blocks_starting(page_box: Any) -> Iterator[int]:
    """The blocks (`data-b`) with a box on this page, in order (the page's flow only)."""
    for child in page_box.children:
        if type(child).__name__ != "BlockBox":
            continue
        for box in child.descendants():
            element = box.element
            if element is not None:
                block = element.get("data-b")
                if block is not None:
                    yield int(block)
