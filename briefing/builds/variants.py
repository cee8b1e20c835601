"""Build many variants at once: one job per variant, spread over warm worker processes.

WeasyPrint renders one document on one core, so dozens of unit variants are built in a
process pool. Each worker imports WeasyPrint (and the DOCX writer) and loads the layout profile
once, in its initializer, then takes job after job. A job carries the *bytes* of its sources,
read once by the parent, so what an edition's manifest hashes is exactly what was built. A
failing job returns its problems; it never stops the others.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.atomic import safe_name, write_atomic
from briefing.builds.forked import default_workers
from briefing.builds.pipeline import FORMATS, render_formats, validated
from briefing.editions.embed import source_attachments
from briefing.editions.hashing import sha256_bytes
from briefing.problems import BriefingError, Position, Problem
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

    @property
    def sources(self) -> list[tuple[str, SourceFile]]:
        found = [("content", self.content)]
        if self.unit is not None:
            found.append(("unit", self.unit))
        if self.meeting is not None:
            found.append(("meeting", self.meeting))
        return found

    def pdf_options(self) -> dict[str, Any]:
        """The options that shape the PDF's bytes: the recipe embedded in it records them."""
        return {"date": self.date, "pdf_variant": self.pdf_variant,
                "embed_sources": self.embed_sources}

    def options(self) -> dict[str, Any]:
        """Every build option (recorded in manifests, part of fingerprints)."""
        return {**self.pdf_options(), "formats": list(self.formats)}


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


def failure(name: str, message: str, detail: str = "") -> JobResult:
    """A job that failed for a reason outside its sources (a dead worker, a bug)."""
    return JobResult(name, ok=False, problems=[Problem(Position(name), message)], detail=detail)


#: DOCX beside the PDF in a forked child (briefing.builds.forked): worth it when this process is the
#: only one building; a pool worker leaves the other cores to the other workers.
_formats_in_parallel = True


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
    return [Problem(Position(where), "two variants are named "
                    + " and ".join(f"'{n}'" for n in dict.fromkeys(names))
                    + " (--with-base and a unit code)", hint="give the unit another code")
            for _, names in sorted(seen.items()) if len(names) > 1]


def variant_of(job: VariantJob, check: bool = True) -> Variant:
    """Load the variant (no rendering) and, with `check`, run the checks of `build.py check`
    on it (errors raise): the cheap pre-flight the parent runs on every variant before any is
    rendered. Workers run it again in `render_job` (for jobs no parent checked: rebuilds)."""
    unit = parse_unit(job.unit) if job.unit is not None else None
    meeting = parse_meeting(job.meeting) if job.meeting is not None else None
    variant = load_variant(job.content, unit, meeting, name=job.name)
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
        for fmt in job.formats:
            data = outputs[fmt]
            target = output_path(job, fmt)
            try:
                write_atomic(target, data)
                os.chmod(target, 0o444 if job.read_only else 0o644)
            except OSError as exc:
                raise BriefingError.at(target, f"cannot write: {exc.strerror or exc}") from None
            result.outputs[fmt] = OutputFile(str(target), sha256_bytes(data), len(data))
        result.ok = True
    except BriefingError as error:
        result.problems = list(error.problems)
    except Exception as exc:  # a bug, not bad input: keep the traceback for the report
        result = failure(job.name, f"internal error: {exc!r}", traceback.format_exc())
    result.seconds = time.perf_counter() - started
    return result


def warm_worker(profiles: tuple[str, ...], formats: tuple[str, ...]) -> None:
    """Pool initializer: pay the imports and the profile load once per worker, not per job."""
    global _formats_in_parallel
    _formats_in_parallel = False
    from briefing.profile.model import load_profile
    from briefing.tree.render import environment

    if "pdf" in formats:
        from briefing.writers.pdf.resources import print_setup
        from briefing.writers.pdf.stylesheet import stylesheet
    if "docx" in formats:
        import briefing.writers.docx  # noqa: F401
    for name in profiles:
        profile = load_profile(name)
        if "pdf" in formats:
            print_setup(stylesheet(profile))  # WeasyPrint, fonts, the parsed stylesheet
    environment()


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where available: workers fork from a clean, preloaded server, never from a
    parent that runs threads (the progress display); spawn elsewhere."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["briefing.writers.pdf.resources",
                                        "briefing.builds.variants"])
        return context
    return multiprocessing.get_context("spawn")


def start_pool(workers: int, formats: tuple[str, ...],
               profiles: tuple[str, ...] | None = None) -> ProcessPoolExecutor:
    """Worker processes, started now: they load WeasyPrint and the profiles (every profile
    unless named) while the caller checks the variants, instead of after."""
    if profiles is None:
        from briefing.profile.model import available_profiles

        profiles = tuple(available_profiles())
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=warm_worker, initargs=(profiles, formats))
    for _ in range(workers):  # a process is started per task waiting for one
        pool.submit(os.getpid)
    return pool


@contextmanager
def pool_ahead(workers: int, formats: tuple[str, ...]) -> Iterator[ProcessPoolExecutor | None]:
    """A pool started now (see `start_pool`) for more than one worker, else None; shut down
    when the block ends, whatever happened in it."""
    pool = start_pool(workers, formats) if workers > 1 else None
    try:
        yield pool
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def run_jobs(jobs: Sequence[VariantJob], workers: int = 0,
             on_result: Callable[[JobResult], None] | None = None,
             profiles: tuple[str, ...] = ("party",),
             pool: ProcessPoolExecutor | None = None,
             parallel_formats: bool = True) -> list[JobResult]:
    """Run every job; `workers` 1 runs them here, in order; 0 means one worker per core.
    `pool` (from `start_pool`) is used, and shut down, when given. Jobs run here write the
    DOCX in a forked child unless `parallel_formats` is False (a threaded caller: fork copies
    one thread, and the locks other threads held)."""
    workers = workers or default_workers()
    results: list[JobResult] = []

    def done(result: JobResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    if workers == 1 or len(jobs) <= 1:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        for job in jobs:
            done(run_job(job, parallel_formats))
        return results
    if pool is None:
        formats = tuple(sorted({fmt for job in jobs for fmt in job.formats}))
        pool = start_pool(min(workers, len(jobs)), formats, profiles)
    try:
        futures = {pool.submit(run_job, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                done(future.result())
            except BrokenProcessPool as exc:
                done(failure(job.name, f"the worker building it died ({exc})"))
            except Exception as exc:  # pickling and the like: a bug, reported per job
                done(failure(job.name, f"internal error: {exc!r}", traceback.format_exc()))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results
