"""Variants: one job per variant of a briefing (its unit, its meeting), built by `run_job`.

A job carries the *bytes* of its sources, read once by the parent, so what an edition's
manifest hashes is exactly what was built. A failing job returns its problems; it never stops
the others. Jobs run here or in the worker pool (briefing/builds/pool.py).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.atomic import safe_name, write_all_atomic
from briefing.builds.pipeline import FORMATS, render_formats, validated
from briefing.editions.embed import source_attachments
from briefing.editions.hashing import sha256_bytes
from briefing.messages import Message, msg
from briefing.problems import BriefingError, Position, Problem
from briefing.register.numbers import AUTO
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
from briefing.tree.vocabulary import Document
from briefing.units.load import parse_meeting, parse_unit
from briefing.units.sources import SourceFile
from briefing.units.variant import Variant, load_variant


@dataclass(frozen=True)
class VariantJob:
    """Everything needed to build one variant, picklable, with the source bytes inside."""

    name: str
    content: SourceFile
    unit: SourceFile | None = None
    meeting: SourceFile | None = None
    formats: tuple[str, ...] = FORMATS
    out_dir: str = "output"
    #: edition date (YYYY-MM-DD): the documents' own date for every timestamp in the files
    date: str | None = None
    #: "pdf/a-3a" for archives: then the sources are embedded in the PDF too
    pdf_variant: str | None = None
    embed_sources: bool = False
    read_only: bool = False
    #: the parent ran `build.py check`'s checks on these very bytes (its pre-flight): the
    #: worker does not run them again (rebuilds from an archive leave it False)
    checked: bool = False
    #: the register's number for a `number: auto` document (an edition's, or its rebuild's)
    number: str | None = None

    @property
    def sources(self) -> list[tuple[str, SourceFile]]:
        found = [("content", self.content)]
        if self.unit is not None:
            found.append(("unit", self.unit))
        if self.meeting is not None:
            found.append(("meeting", self.meeting))
        return found

    def pdf_options(self) -> dict[str, Any]:
        """The options that shape the PDF's bytes: the recipe embedded in it records them
        (the register's number only where one was given: other recipes stay as they were)."""
        options = {"date": self.date, "pdf_variant": self.pdf_variant,
                   "embed_sources": self.embed_sources}
        return options if self.number is None else {**options, "number": self.number}

    def options(self) -> dict[str, Any]:
        """The build options an edition shares (recorded in manifests, part of fingerprints):
        not the number, which is each variant's and taken after the fingerprint is known."""
        options = {**self.pdf_options(), "formats": list(self.formats)}
        options.pop("number", None)
        return options

    @classmethod
    def rebuilt(cls, name: str, sources: dict[str, SourceFile], options: dict[str, Any],
                formats: tuple[str, ...], out_dir: str) -> VariantJob:
        """The job that built an archived variant, from its sources by role and the options
        its manifest or its PDF's recipe recorded (`options`' inverse)."""
        return cls(name=name, content=sources["content"], unit=sources.get("unit"),
                   meeting=sources.get("meeting"), formats=formats, out_dir=out_dir,
                   date=options.get("date"), pdf_variant=options.get("pdf_variant"),
                   embed_sources=bool(options.get("embed_sources")),
                   number=options.get("number"))


@dataclass(frozen=True)
class OutputFile:
    path: str
    sha256: str
    size: int


@dataclass
class JobResult:
    name: str
    ok: bool
    outputs: dict[str, OutputFile] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    skipped: bool = False
    #: the traceback of an internal error (a bug), for --verbose
    detail: str = ""


def failure(name: str, message: Message, detail: str = "") -> JobResult:
    """A job that failed for a reason outside its sources (a dead worker, a bug)."""
    return JobResult(name, ok=False, problems=[Problem(Position(name), message)], detail=detail)


def internal_error(exc: Exception) -> Message:
    return msg("internal-error", "internal error: {error}", error=repr(exc))


#: DOCX beside the PDF in a forked child (briefing.builds.forked): worth it when this process is the
#: only one building; a pool worker leaves the other cores to the other workers.
_formats_in_parallel = True


def formats_one_after_the_other() -> None:
    """In a pool worker (briefing/builds/pool.py): never a forked child for the DOCX."""
    global _formats_in_parallel
    _formats_in_parallel = False


def base_name(content: SourceFile | Path | str) -> str:
    """The name of the briefing's own variant (--with-base), its files and default folders:
    the content file's stem as `build` names its outputs ("Bản tin số 3" -> "Ban-tin-so-3")."""
    path = content.path if isinstance(content, SourceFile) else content
    return safe_name(Path(path).stem)


def name_clashes(jobs: Sequence[VariantJob], where: str) -> list[Problem]:
    """One problem per name two variants share (--with-base and a unit code): both would
    write the same files. Compared without case, as a Windows or macOS folder would."""
    seen: dict[str, list[str]] = {}
    for job in jobs:
        seen.setdefault(job.name.casefold(), []).append(job.name)
    return [Problem(Position(where), msg(
        "variant-names", "two variants are named {names} (--with-base and a unit code)",
        names=tuple(f"'{n}'" for n in dict.fromkeys(names))),
        hint=msg("variant-names-hint", "give the unit another code"))
            for _, names in sorted(seen.items()) if len(names) > 1]


def variant_of(job: VariantJob, check: bool = True) -> Variant:
    """Load the variant (no rendering) and, with `check`, run the checks of `build.py check`
    on it (errors raise): the cheap pre-flight the parent runs on every variant before any is
    rendered. Workers run it again in `render_job` (for jobs no parent checked: rebuilds)."""
    unit = parse_unit(job.unit) if job.unit is not None else None
    meeting = parse_meeting(job.meeting) if job.meeting is not None else None
    variant = load_variant(job.content, unit, meeting, name=job.name)
    meta = variant.loaded.document.meta
    if job.number is not None and meta.number == AUTO:  # the register's number, printed
        meta.number = job.number
    if check:
        variant.warnings = validated(variant.loaded,
                                     [o for o in (unit, meeting) if o is not None])
    return variant


def set_document_date(tree: Document, date: str) -> None:
    """Stamp the tree with the edition date: writers take every file timestamp from it."""
    tree.info.date = date


def render_job(job: VariantJob, parallel_formats: bool = True) -> dict[str, bytes]:
    """The bytes of every format of the variant, in memory (used by workers and by rebuilds).
    `parallel_formats` False: never a forked child (the caller runs threads: the studio)."""
    variant = variant_of(job, check=not job.checked)  # rebuilds (verify, extract) are checked
    view = prepare(variant.loaded)
    tree = render_tree(view)
    if job.date:
        set_document_date(tree, job.date)
    pdf_options: dict[str, Any] = {}
    if job.pdf_variant:
        pdf_options["variant"] = job.pdf_variant
    if job.embed_sources:
        pdf_options["attachments"] = source_attachments(job.name, job.sources, job.pdf_options())
    return render_formats(tree, view.profile, job.formats, pdf_options,
                          parallel=_formats_in_parallel and parallel_formats, media=view.media)


def output_path(job: VariantJob, fmt: str) -> Path:
    return Path(job.out_dir) / f"{job.name}.{fmt}"


def run_job(job: VariantJob, parallel_formats: bool = True) -> JobResult:
    """Render and write one variant; never raises for a problem of the variant itself."""
    started = time.perf_counter()
    result = JobResult(job.name, ok=False)
    try:
        outputs = render_job(job, parallel_formats)
        targets = {output_path(job, fmt): outputs[fmt] for fmt in job.formats}
        # the DOCX and the PDF replace the previous pair together, or neither does
        write_all_atomic(targets, mode=0o444 if job.read_only else 0o644)
        result.outputs = {fmt: OutputFile(str(target), sha256_bytes(data), len(data))
                          for fmt, (target, data) in zip(job.formats, targets.items(),
                                                         strict=True)}
        result.ok = True
    except BriefingError as error:
        result.problems = list(error.problems)
    except Exception as exc:  # a bug, not bad input: keep the traceback for the report
        result = failure(job.name, internal_error(exc), traceback.format_exc())
    result.seconds = time.perf_counter() - started
    return result
