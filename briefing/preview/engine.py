"""The one place the studio renders documents: the resident builder (`briefing.warm`) when
this version has it, else the pipeline's own functions. Both give the bytes `build.py` writes.

The studio is a threaded server: both formats are rendered one after the other in this
process (`parallel=False`), never in a child forked from a process that runs threads.
"""

from __future__ import annotations

import threading
from typing import Any

from briefing.content.loader import LoadedDocument
from briefing.errors import Problem
from briefing.pipeline import FORMATS

_lock = threading.Lock()
#: one render at a time: WeasyPrint's objects are not thread-safe (the resident builder has a
#: lock of its own)
_render_lock = threading.Lock()
_builder: Any = None


def _warm_builder() -> Any:
    """The process's resident builder, made once; None where `briefing.warm` is absent."""
    global _builder
    with _lock:
        if _builder is None:
            try:
                from briefing.warm import WarmBuilder
            except ImportError:
                _builder = False
            else:
                _builder = WarmBuilder()
        return _builder or None


def render(loaded: LoadedDocument,
           formats: tuple[str, ...] = FORMATS) -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of each format and the check's warnings; bad input raises BriefingError."""
    builder = _warm_builder()
    if builder is not None:
        rendered = builder.build(loaded, formats)
        return rendered.outputs, rendered.warnings
    from briefing.pipeline import render_formats, validated
    from briefing.tree.prepare import prepare
    from briefing.tree.render import render_tree

    with _render_lock:
        warnings = validated(loaded)
        view = prepare(loaded)
        outputs = render_formats(render_tree(view), view.profile, formats, parallel=False)
    return outputs, warnings


def warm_up() -> None:
    """Pay imports, profiles and fonts now (at start), not on the first preview."""
    if _warm_builder() is not None:
        return
    import weasyprint  # noqa: F401

    import briefing.writers.docx
    import briefing.writers.pdf  # noqa: F401
    from briefing.tree.render import environment

    environment()
