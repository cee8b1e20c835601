"""`build.py batch`: every variant of a briefing built into one folder, kept up to date.

As a Sphinx builder does (`get_outdated_docs`, then `write`), it finds what is out of date
before building only that:
1. a *stamp* of every file the batch may read (briefing/builds/stamps.py): equal to the one the
   last successful batch into the folder recorded, with its outputs still there byte for byte,
   it says "unchanged" before anything heavy is imported;
2. the variants are selected, loaded and checked (the pre-flight): a variant with errors fails
   alone, before any is rendered;
3. each variant's fingerprint (its sources, templates, profile, fonts, options, tool versions)
   is compared with `.batch-state.json`: a variant built from the same inputs, whose outputs are
   still there, is skipped;
4. the others are built in the worker pool (briefing/builds/pool.py), each variant's DOCX and
   PDF committed together;
5. the state and, when nothing failed, the stamp are written for the next run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.atomic import write_atomic
from briefing.builds.batch_state import STATE, StateEntry, dump_state, load_state
from briefing.builds.events import Events
from briefing.builds.forked import default_workers
from briefing.builds.variant_set import VariantSet
from briefing.editions.hashing import Input, environment_inputs, fingerprint, tool_versions
from briefing.messages import msg
from briefing.problems import BriefingError, Position, Problem

if TYPE_CHECKING:  # the rest is imported when there is work: an unchanged batch needs none
    from briefing.builds.variants import JobResult, VariantJob
    from briefing.units.selection import Selection

#: the stamp of the last successful batch into the folder (briefing/builds/stamps.py)
STAMP = ".batch-stamp.json"


@dataclass
class BatchRequest:
    variants: VariantSet
    out_dir: Path
    #: rebuild unchanged variants too
    force: bool = False
    #: PDF/A-3a with the sources embedded, as editions are
    pdfa: bool = False
    #: worker processes; 0: one per core
    workers: int = 0


@dataclass
class BatchOutcome:
    #: the briefing as messages name it (content/briefing-foreign-affairs.yaml)
    content: str
    seconds: float
    workers: int
    results: list[JobResult] = field(default_factory=list)
    #: the variants a stamp showed unchanged, nothing loaded (then there are no results)
    unchanged: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(not r.ok for r in self.results)


def run_batch(request: BatchRequest, events: Events | None = None) -> BatchOutcome:
    """Build what is out of date (see the module's docstring); problems of a variant are in
    its result, problems of the whole batch raise `BriefingError`."""
    events = events or Events()
    started = time.perf_counter()
    before = batch_stamp(request)
    if before is not None and not request.force:
        known = unchanged(request.out_dir, before, started, events)
        if known is not None:
            return known
    from briefing.builds.pool import pool_ahead, run_jobs

    selection = request.variants.select()
    jobs, results = _jobs(request, selection)
    formats = request.variants.formats
    # the workers load WeasyPrint while the variants are checked here
    with pool_ahead(min(request.workers or default_workers(), len(jobs)), formats) as pool:
        ready, profiles, warnings = _preflight(jobs, results, events)
        todo, state, fingers = _outdated(request, ready, profiles, results, events)
        workers = min(request.workers or default_workers(), max(1, len(todo)))
        with events.building(len(todo), msg("progress-variants", "building variants")):
            results += run_jobs(todo, workers, events.result, profiles=tuple(sorted(profiles)),
                                pool=pool)
    outcome = BatchOutcome(selection.content.path, time.perf_counter() - started, workers,
                           results)
    _record(request, outcome, state, fingers)
    if not outcome.failed and before is not None and batch_stamp(request) == before:
        _write_stamp(request.out_dir, before, outcome, jobs, warnings)
    return outcome


def batch_stamp(request: BatchRequest) -> str | None:
    from briefing.builds.stamps import stamp

    options = {"command": "batch", **request.variants.stamp_options(), "pdfa": request.pdfa,
               "out": str(request.out_dir.resolve())}
    return stamp(request.variants.stamp_files(), options)


def unchanged(out_dir: Path, current: str, started: float,
              events: Events) -> BatchOutcome | None:
    """The outcome of an unchanged batch, if the last one into `out_dir` had these very
    inputs and its outputs are still there, byte for byte (briefing/builds/stamps.py)."""
    from briefing.builds.stamps import read_json, same_file
    from briefing.inputs import printable

    recorded = read_json(out_dir / STAMP)
    variants, warnings = recorded.get("variants"), recorded.get("warnings", [])
    if (recorded.get("stamp") != current or not isinstance(variants, list) or not variants
            or not isinstance(warnings, list)):
        return None
    try:
        for name, outputs in variants:
            for fmt, sha256 in outputs.items():
                if not same_file(out_dir / f"{name}.{fmt}", sha256):
                    return None
    except (OSError, BriefingError, TypeError, ValueError, AttributeError):
        return None
    for line in warnings:
        events.warning(printable(line))  # read back from a file: untrusted
    names = [printable(name) for name, _ in variants]
    for name in names:
        events.skipped(name)
    return BatchOutcome(str(recorded.get("label")), time.perf_counter() - started, 1,
                        unchanged=names)


def _jobs(request: BatchRequest, selection: Selection
          ) -> tuple[list[VariantJob], list[JobResult]]:
    """A job per variant, and a failed result per unit file that cannot be used."""
    from briefing.builds.variants import JobResult, VariantJob, base_name, name_clashes

    common = {"content": selection.content, "meeting": selection.meeting,
              "formats": request.variants.formats, "out_dir": str(request.out_dir),
              "pdf_variant": "pdf/a-3a" if request.pdfa else None,
              "embed_sources": request.pdfa}
    results: list[JobResult] = []
    jobs: list[VariantJob] = []
    if request.variants.with_base:
        jobs.append(VariantJob(name=base_name(selection.content), **common))
    for choice in selection.units:
        if choice.problems:
            results.append(JobResult(choice.name, ok=False, problems=choice.problems))
        else:
            jobs.append(VariantJob(name=choice.name, unit=choice.file, **common))
    if not jobs and not results:
        raise BriefingError(Problem(Position(selection.content.path), msg(
            "batch-no-units", "no unit files to build"), hint=msg(
            "batch-no-units-hint", "add content/units/*.yaml or pass --units")))
    clashes = name_clashes(jobs, selection.content.path)
    if clashes:  # both variants would write the same files, in parallel: build neither
        raise BriefingError(clashes)
    return jobs, results


def _preflight(jobs: list[VariantJob], results: list[JobResult], events: Events
               ) -> tuple[list[VariantJob], set[str], list[str]]:
    """Load and check every variant before any is rendered: the jobs ready to build (the
    workers need not check them again), their profiles, and the checks' warnings, each once
    (a stamp records them: an unchanged batch says them again). A variant with errors is a
    failed result."""
    from briefing.builds.variants import JobResult, variant_of

    ready, profiles, seen, warnings = [], set(), set(), []
    for job in jobs:
        try:
            variant = variant_of(job)
        except BriefingError as error:
            results.append(JobResult(job.name, ok=False, problems=list(error.problems)))
            continue
        profiles.add(variant.loaded.document.meta.profile)
        ready.append(replace(job, checked=True))
        for problem in variant.warnings:  # the briefing's own are the same in every variant
            if problem not in seen:
                seen.add(problem)
                warnings.append(str(problem))
                events.warning(str(problem))
    for result in results:
        events.result(result)
    return ready, profiles, warnings


def _outdated(request: BatchRequest, ready: list[VariantJob], profiles: set[str],
              results: list[JobResult], events: Events
              ) -> tuple[list[VariantJob], dict[str, StateEntry], dict[str, str]]:
    """The jobs to build, the state read, and every ready job's fingerprint; an up-to-date
    variant is a skipped result."""
    environment = environment_inputs(profiles)
    state = load_state(request.out_dir / STATE, warn=lambda p: events.warning(str(p)))
    fingers = {job.name: job_fingerprint(job, environment) for job in ready}
    todo = []
    for job in ready:
        skipped = (None if request.force
                   else _up_to_date(job, state.get(job.name), fingers[job.name]))
        if skipped is not None:
            events.skipped(job.name)
            results.append(skipped)
        else:
            todo.append(job)
    return todo, state, fingers


def job_fingerprint(job: VariantJob, environment: list[Input]) -> str:
    sources = [Input(role, file.path, file.sha256, len(file.data)) for role, file in job.sources]
    return fingerprint(sources + environment, job.options(), tool_versions())


def _up_to_date(job: VariantJob, entry: StateEntry | None, finger: str) -> JobResult | None:
    """A skipped result if the variant's outputs are there, unchanged, from the same inputs.
    An output must be a plain file in the folder (a link or a FIFO planted there is rebuilt)."""
    if entry is None or entry.fingerprint != finger:
        return None
    from briefing.builds.variants import JobResult, OutputFile, output_path
    from briefing.editions.hashing import sha256_and_size

    result = JobResult(job.name, ok=True, skipped=True)
    for fmt in job.formats:
        path = output_path(job, fmt)
        try:  # the name itself, never through a link
            digest, size = sha256_and_size(path, follow_links=False)
        except OSError:
            return None
        if digest != entry.outputs.get(fmt):
            return None
        result.outputs[fmt] = OutputFile(str(path), digest, size)
    return result


def _record(request: BatchRequest, outcome: BatchOutcome, state: dict[str, StateEntry],
            fingers: dict[str, str]) -> None:
    """What was built, in the state file, for the next run's fingerprints."""
    built = [r for r in outcome.results if r.ok and not r.skipped]
    for result in built:
        state[result.name] = StateEntry(fingers[result.name],
                                        {f: o.sha256 for f, o in result.outputs.items()})
    if built:
        write_atomic(request.out_dir / STATE, dump_state(state))


def _write_stamp(out_dir: Path, stamp: str, outcome: BatchOutcome, jobs: list[VariantJob],
                 warnings: list[str]) -> None:
    from briefing.builds.stamps import write_json

    outputs = {r.name: {f: o.sha256 for f, o in r.outputs.items()} for r in outcome.results}
    write_json(out_dir / STAMP, {"stamp": stamp, "label": outcome.content, "warnings": warnings,
                                 "variants": [[j.name, outputs[j.name]] for j in jobs]})
