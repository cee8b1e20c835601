"""The build: content file -> checked model -> view -> semantic tree -> DOCX and PDF bytes.

Writers return bytes; nothing is written until every requested format has rendered, and then
each file is replaced atomically, so a failed build leaves the previous output intact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.atomic import safe_name, write_all_atomic
from briefing.builds.forked import Forked
from briefing.content.loader import LoadedDocument, load_document
from briefing.content.media import MediaStore
from briefing.problems import BriefingError, Problem
from briefing.profile.model import Profile
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
from briefing.tree.views import DocumentView
from briefing.tree.vocabulary import Document

if TYPE_CHECKING:  # a plain build needs no unit overlay code
    from briefing.units.load import Overlay

FORMATS = ("docx", "pdf")


@dataclass
class Rendered:
    """One document rendered in memory: the tree, the bytes of each format, the warnings."""

    name: str
    view: DocumentView
    tree: Document
    outputs: dict[str, bytes] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


def validated(loaded: LoadedDocument, overlays: Sequence[Overlay] = ()) -> list[Problem]:
    """Run `build.py check`'s checks (on a variant's unit and meeting files too): errors stop
    the build (raised), warnings are returned."""
    from briefing.validation import check_loaded, errors_in

    problems = check_loaded(loaded, overlays=overlays)
    if errors_in(problems):
        raise BriefingError(problems)
    return problems


def render_formats(tree: Document, profile: Profile, formats: tuple[str, ...],
                   pdf_options: dict | None = None, *, parallel: bool = True,
                   media: MediaStore | None = None) -> dict[str, bytes]:
    """Bytes of each format; with both, one is written in another process meanwhile: the PDF
    in the engine process where a cold build started one (briefing/writers/pdf/process.py),
    else the DOCX in a forked child. `media` holds the document's checked figure files (from
    `prepare`)."""
    outputs: dict[str, bytes] = {}
    pdf_job = None
    if "pdf" in formats and parallel:
        from briefing.writers.pdf import pdf_request, process

        engine = process.running()
        if engine is not None:
            pdf_job = engine.submit(pdf_request(tree, profile, media=media,
                                                **(pdf_options or {})))
    docx_job = None
    if "docx" in formats:

        def docx() -> bytes:
            from briefing.writers.docx import write_docx  # imported in the child when forked

            return write_docx(tree, profile, media=media)

        if parallel and "pdf" in formats and pdf_job is None:
            docx_job = Forked(docx)
        else:
            outputs["docx"] = docx()
    if pdf_job is not None:
        outputs["pdf"] = pdf_job.result()
    elif "pdf" in formats:
        from briefing.writers.pdf import write_pdf

        outputs["pdf"] = write_pdf(tree, profile, media=media, **(pdf_options or {}))
    if docx_job is not None:
        outputs["docx"] = docx_job.result()
    return {fmt: outputs[fmt] for fmt in formats}


def checked_tree(loaded: LoadedDocument, overlays: Sequence[Overlay] = ()
                 ) -> tuple[list[Problem], DocumentView, Document]:
    """`check`'s warnings (errors raise; a variant's unit and meeting files checked too), the
    numbered view and the semantic tree: everything a writer needs."""
    warnings = validated(loaded, overlays)
    view = prepare(loaded)
    return warnings, view, render_tree(view)


def render_loaded(loaded: LoadedDocument, formats: tuple[str, ...] = FORMATS,
                  name: str | None = None, *, parallel: bool = True,
                  overlays: Sequence[Overlay] = ()) -> Rendered:
    if "pdf" in formats and parallel:
        _stylesheet_ahead(loaded)
    warnings, view, tree = checked_tree(loaded, overlays)
    rendered = Rendered(name or safe_name(loaded.path.stem), view, tree, warnings=warnings)
    rendered.outputs = render_formats(tree, view.profile, formats, parallel=parallel,
                                      media=view.media)
    return rendered


def _stylesheet_ahead(loaded: LoadedDocument) -> None:
    """Where a PDF engine process runs, let it parse this document's stylesheet while the
    content is checked and numbered here (briefing/writers/pdf/process.py)."""
    from briefing.writers.pdf import process

    engine = process.running()
    if engine is None:
        return
    from briefing.profile.model import load_profile
    from briefing.writers.pdf.stylesheet import stylesheet

    with suppress(BriefingError):  # an unknown profile is reported by the build itself
        engine.expect(stylesheet(load_profile(loaded.document.meta.profile)))


def build_file(path: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS,
               warn: Callable[[Problem], None] | None = None) -> list[Path]:
    """Build one content file into `out_dir`; returns the paths written."""
    rendered = render_loaded(load_document(path), formats)
    for problem in rendered.warnings:
        if warn is not None:
            warn(problem)
    targets = {out_dir / f"{rendered.name}.{fmt}": rendered.outputs[fmt] for fmt in formats}
    write_all_atomic(targets)  # both formats replace the old ones together, or neither does
    return list(targets)
