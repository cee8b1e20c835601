"""Resident PDF builds for the live preview: one at a time, cached, superseded ones skipped.

The studio is one long-lived process, so WeasyPrint, the templates, the profiles and the fonts
are imported and read once. A build lays the PDF out and stops there: the pages the clerk
looks at are drawn one by one when the browser asks for them (`LaidOutPages`), which shows the
edited page a third of a second sooner than writing the whole file first. A preview is built
from the saved file (or a unit's variant of it); builds are keyed by the versions of their
inputs, so asking again for the same version costs nothing. While a build runs, newer
requests for the same slot (a document, a variant) wait; when the lock frees, only the
newest is built: typing fast never queues stale builds.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefing.builds.draft_preview import Draft
from briefing.preview.collector import IdleCollector
from briefing.preview.image_cache import ImageCache
from briefing.preview.outputs import LoadedVariant
from briefing.preview.pages import LaidOutPages, Pages
from briefing.problems import BriefingError, Problem


def render_pages(document: LoadedVariant) -> tuple[Pages, list[Problem]]:
    """The pages of a loaded document (laid out; each drawn when first shown) and its check's
    warnings (errors raise)."""
    from briefing.preview.rendering import lay_out, lay_out_draft, rendering

    if document.draft is not None:
        layout = lay_out_draft(document.draft, document.overlays)
        return LaidOutPages(layout, rendering()), document.draft.problems
    layout, warnings = lay_out(document.loaded, document.overlays)
    return LaidOutPages(layout, rendering()), warnings


@dataclass
class Build:
    """One preview: the pages, or the problems that kept the document from building. A
    draft's pages come with its blanks and with its check's errors among `warnings`."""

    key: str
    pages: Pages | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    draft: Draft | None = None

    @property
    def ok(self) -> bool:
        return self.pages is not None


class Previewer:
    """Builds previews and keeps the last few."""

    def __init__(self, keep: int = 8,
                 render: Callable[[LoadedVariant], tuple[Pages, list[Problem]]] = render_pages):
        self.keep = keep
        self.render = render
        self._builds: OrderedDict[str, Build] = OrderedDict()
        self._lock = threading.Lock()  # one build at a time: WeasyPrint uses a whole core
        self._guard = threading.Lock()
        self._latest: dict[str, str] = {}
        #: the last good build of each slot, shown while the document has errors; the next
        #: build's layout starts from its layout
        self._last_good: dict[str, str] = {}
        self.collector = IdleCollector(busy=self._lock.locked)
        #: the pictures of every build, one bound in bytes
        self.images = ImageCache()
        #: content file -> (text, its draft) as the last save's `check` left it
        self._checked: dict[str, tuple[str, Draft]] = {}

    def checked(self, source: str, text: str, draft: Draft | None) -> None:
        """What the save's `check` made of `text` (the file `source`), for the preview of
        that text to build from, instead of loading and checking it again."""
        with self._guard:
            if draft is None:
                self._checked.pop(source, None)
            else:
                self._checked[source] = (text, draft)

    def take_checked(self, source: str, text: str) -> Draft | None:
        """The draft `checked` left for exactly `text`, once (a build may change what it
        lays out: a later build of the same text loads it afresh)."""
        with self._guard:
            kept = self._checked.get(source)
            if kept is None or kept[0] != text:
                return None
            del self._checked[source]
            return kept[1]

    def get(self, key: str) -> Build | None:
        with self._guard:
            return self._builds.get(key)

    def last_good(self, slot: str) -> Build | None:
        with self._guard:
            key = self._last_good.get(slot)
            return self._builds.get(key) if key else None

    def build(self, slot: str, key: str, load: Callable[[], LoadedVariant]) -> Build | None:
        """The build for `key`; None when a newer key for `slot` was asked for meanwhile."""
        with self._guard:
            self._latest[slot] = key
            if self._usable(key):
                return self._builds[key]
        with self._lock:
            with self._guard:
                if self._usable(key):
                    return self._builds[key]
                if self._latest.get(slot) != key:
                    return None
            build = self._make(key, load, self._layout_of(slot))
            with self._guard:
                self._builds[key] = build
                self._builds.move_to_end(key)
                if build.ok:
                    self._last_good[slot] = key
                self._trim()
            self.collector.soon()  # the layouts let go of: freed while the clerk reads
            return build

    def _usable(self, key: str) -> bool:
        """A build kept for `key` that can still draw its pages: a version come back to (an
        undo, a draft's blank filled and emptied again) after its layout was let go is built
        again, not shown with pages that answer 404."""
        build = self._builds.get(key)
        return build is not None and not (build.pages is not None and build.pages.expired)

    def _layout_of(self, slot: str) -> Any | None:
        """The layout of the slot's last build, while kept: the next one starts from it."""
        with self._guard:
            build = self._builds.get(self._last_good.get(slot, ""))
            return build.pages.layout() if build is not None and build.pages else None

    def _make(self, key: str, load: Callable[[], LoadedVariant],
              previous_layout: Any | None = None) -> Build:
        from briefing.writers.pdf import relayout

        started = time.perf_counter()
        try:
            document = load()
            with relayout.starting_from(previous_layout):
                pages, warnings = self.render(document)
        except BriefingError as error:
            return Build(key, problems=list(error.problems),
                         seconds=time.perf_counter() - started)
        pages.images = self.images
        return Build(key, pages, warnings=warnings, seconds=time.perf_counter() - started,
                     draft=getattr(document, "draft", None))

    def _trim(self) -> None:
        # a layout is some 35,000 objects in reference cycles: each one kept makes every full
        # pass of Python's cycle collector longer (0.2 s with eight, on the path of the next
        # edit). Only the newest build of each slot and the last good ones keep theirs; the
        # others keep the pictures already drawn.
        current = set(self._latest.values()) | set(self._last_good.values())
        for key, build in self._builds.items():
            if key not in current and build.pages is not None:
                build.pages.release()
        keep = set(self._last_good.values())
        while len(self._builds) > self.keep:
            for old in self._builds:
                if old not in keep:
                    build = self._builds.pop(old)
                    if build.pages is not None:
                        build.pages.close()
                    break
            else:
                break
