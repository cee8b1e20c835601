"""The one place the studio renders documents: the process's resident builder
(`briefing.builds.warm.WarmBuilder`), which runs the pipeline's own functions and so gives the bytes
`build.py` writes.

The studio is a threaded server: both formats are rendered one after the other in this
process (`parallel=False`), never in a child forked from a process that runs threads; and one
render at a time (`rendering()`): WeasyPrint's objects, the SOURCE_DATE_EPOCH the PDF writer
sets, the writers' module state are the process's. Whatever else renders in the studio (an
edition, a rebuild to verify one, a preview drawing a page) holds the same lock.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from briefing.builds.pipeline import FORMATS
from briefing.content.loader import LoadedDocument
from briefing.problems import Problem

if TYPE_CHECKING:
    from briefing.builds.draft_preview import Draft
    from briefing.builds.warm import WarmBuilder
    from briefing.units.load import Overlay

_lock = threading.Lock()
#: one render at a time in this process, whoever renders (the resident builder's own lock only
#: covers its builds)
_render_lock = threading.RLock()
_builder: WarmBuilder | None = None


def _warm_builder() -> WarmBuilder:
    """The process's resident builder, made once (imports, profiles, fonts)."""
    global _builder
    with _lock:
        if _builder is None:
            from briefing.builds.warm import WarmBuilder

            _builder = WarmBuilder()
        return _builder


def rendering() -> AbstractContextManager[bool]:
    """The lock every render of this process holds (`with rendering(): …`)."""
    return _render_lock


def render(loaded: LoadedDocument, formats: tuple[str, ...] = FORMATS,
           overlays: Sequence[Overlay] = ()) -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of each format and the check's warnings (of a variant's unit and meeting
    files, `overlays`, too); bad input raises BriefingError."""
    builder = _warm_builder()
    with _render_lock:
        rendered = builder.build(loaded, formats, overlays=overlays)
    return rendered.outputs, rendered.warnings


def lay_out(loaded: LoadedDocument,
            overlays: Sequence[Overlay] = ()) -> tuple[Any, list[Problem]]:
    """The PDF laid out but not drawn (WeasyPrint's document) and the check's warnings."""
    builder = _warm_builder()
    with _render_lock:
        return builder.lay_out(loaded, overlays)


def lay_out_draft(draft: Draft, overlays: Sequence[Overlay] = ()) -> Any:
    """A draft laid out (`briefing.builds.draft_preview`): errors kept in `draft.problems`."""
    builder = _warm_builder()
    with _render_lock:
        return builder.lay_out_draft(draft, overlays)


def warm_up() -> None:
    """Pay imports, profiles and fonts now (at start), not on the first preview; then tell
    the cycle collector to leave what is loaded by now alone (modules, fonts, stylesheets
    live as long as the process: walking them on each full collection is time lost)."""
    import gc

    _warm_builder()
    gc.collect()
    gc.freeze()
