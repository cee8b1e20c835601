"""A resident builder: build the same briefings again and again in one process, fast.

A cold `build.py` spends most of its time before the first page: importing WeasyPrint, pydantic,
Jinja and python-docx, opening fonts, parsing the stylesheet. A long-lived process (the studio,
a watcher) pays that once: `WarmBuilder` imports both writers, loads the profiles and the
template environment when it is made, and keeps between builds what a build may reuse: the
parsed stylesheet and font configuration of each profile (briefing/writers/pdf/resources.py)
and the page breaks each document ended with (briefing/writers/pdf/pagination.py), so an
unchanged document is laid out once and an edited one at most twice.

    builder = WarmBuilder()
    rendered = builder.build("content/briefing-foreign-affairs.yaml", ("pdf",))
    rendered.outputs["pdf"]            # the PDF's bytes; rendered.warnings: the check's warnings
    builder.build(path, text=buffer)   # an unsaved editor buffer, positions named after `path`
    builder.write(rendered, out_dir)   # write the files atomically, as build.py does

It runs the pipeline's own functions (briefing/builds/pipeline.py): the bytes are those `build.py`
writes. Builds are serialised by a lock (WeasyPrint's objects are not thread-safe), and both
formats are written one after the other in this process (no fork from a threaded server).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.atomic import write_all_atomic
from briefing.builds.pipeline import FORMATS, Rendered, checked_tree, render_loaded
from briefing.content.loader import LoadedDocument, parse_document
from briefing.problems import BriefingError, Problem
from briefing.profile.model import available_profiles, load_profile
from briefing.source.yaml_source import load_yaml
from briefing.tree.render import environment

if TYPE_CHECKING:
    from briefing.builds.draft_preview import Draft
    from briefing.units.load import Overlay


class WarmBuilder:
    """Builds documents in this process, keeping imports, fonts, stylesheets and page breaks."""

    def __init__(self, profiles: tuple[str, ...] | None = None, formats: tuple[str, ...] = FORMATS):
        """Import the writers of `formats` and load `profiles` (default: every profile)."""
        self._lock = threading.Lock()
        if "pdf" in formats:
            import briefing.writers.pdf  # WeasyPrint, fonts, the footnote fix
        if "docx" in formats:
            import briefing.writers.docx  # noqa: F401
        environment()
        for name in profiles if profiles is not None else available_profiles():
            profile = load_profile(name)
            if "pdf" in formats:
                from briefing.writers.pdf.resources import print_setup
                from briefing.writers.pdf.stylesheet import stylesheet

                print_setup(stylesheet(profile))

    def build(self, source: Path | str | LoadedDocument, formats: tuple[str, ...] = FORMATS,
              *, text: str | None = None, overlays: Sequence[Overlay] = ()) -> Rendered:
        """Check and render `source` (a content file, or a loaded one) into `formats`.

        `text` replaces the file's content (an unsaved buffer); problems still name the
        file. `overlays`: the unit and meeting files of a loaded variant, checked as `batch`
        checks them. Bad input raises `BriefingError`, as `build.py` reports it."""
        unknown = [f for f in formats if f not in FORMATS]
        if unknown:
            raise ValueError(f"unknown formats {unknown}; known: {FORMATS}")
        with self._lock:
            if isinstance(source, LoadedDocument):
                loaded = source
            else:
                path = Path(source)
                loaded = parse_document(load_yaml(path, text), path)
            return render_loaded(loaded, formats, parallel=False, overlays=overlays)

    def lay_out(self, loaded: LoadedDocument,
                overlays: Sequence[Overlay] = ()) -> tuple[Any, list[Problem]]:
        """Check `loaded` and lay its PDF out without drawing it (a preview draws the pages it
        shows, one at a time: `briefing.writers.pdf.page_pdf`); the document and the warnings."""
        from briefing.writers.pdf import lay_out, pdf_request

        with self._lock:
            warnings, view, tree = checked_tree(loaded, overlays)
            return lay_out(pdf_request(tree, view.profile, media=view.media)), warnings

    def lay_out_draft(self, draft: Draft, overlays: Sequence[Overlay] = ()) -> Any:
        """Lay a draft out (`briefing.builds.draft_preview`): its check's errors are kept in
        `draft.problems`, not raised; the document, as `lay_out` gives it."""
        from briefing.builds.draft_preview import draft_tree
        from briefing.writers.pdf import lay_out, pdf_request

        with self._lock:
            view, tree = draft_tree(draft, overlays)
            return lay_out(pdf_request(tree, view.profile, media=view.media))

    @staticmethod
    def write(rendered: Rendered, out_dir: Path) -> list[Path]:
        """Write every format of `rendered` into `out_dir`, all replaced together or none."""
        targets = {Path(out_dir) / f"{rendered.name}.{fmt}": data
                   for fmt, data in rendered.outputs.items()}
        write_all_atomic(targets)
        return list(targets)


__all__ = ["BriefingError", "Rendered", "WarmBuilder"]
