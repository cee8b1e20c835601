"""`build.py batch CONTENT [--units …] [--unit CODE …] [--meeting FILE]`: every unit variant.

Builds the DOCX and PDF of each unit's variant of a briefing in parallel, skipping variants
whose inputs have not changed since the last batch into the same folder. A unit that fails is
reported with its problems; the others are built; the exit code says whether anything failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.atomic import safe_name, write_atomic
from briefing.builds.batch_state import STATE, StateEntry, dump_state, load_state
from briefing.builds.forked import default_workers
from briefing.cli import EXIT_ERRORS, EXIT_OK, default_output, formats_of, shown
from briefing.editions.hashing import (
    Input,
    environment_inputs,
    fingerprint,
    sha256_file,
    tool_versions,
)
from briefing.inputs import output_folder, printable, regular_file
from briefing.messages import Message, msg, msgn
from briefing.problems import BriefingError, Position, Problem

if TYPE_CHECKING:  # the rest is imported when there is work: an unchanged batch needs none
    from briefing.builds.variants import JobResult, VariantJob
    from briefing.units.selection import Selection
    from briefing.units.variant import Variant

HELP = "build every unit variant of a briefing, in parallel"
#: the stamp of the last successful batch into the folder (briefing/builds/stamps.py)
STAMP = ".batch-stamp.json"


def positive_int(text: str) -> int:
    """argparse type of --jobs (batch, edition, archive verify): a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(str(msg("jobs-not-number", "'{text}' is not a whole "
                                                 "number", text=text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(str(msg("jobs-too-few", "'{text}': give 1 or more "
                                                 "worker processes", text=text)))
    return value


def jobs_option(parser: argparse.ArgumentParser) -> None:
    """--jobs N; the default 0 (never typed: argparse does not convert it) means one per core."""
    parser.add_argument("--jobs", type=positive_int, default=0, metavar="N",
                        help=f"worker processes (default: one per core, here {default_workers()})")


def add_variant_options(parser: argparse.ArgumentParser) -> None:
    """The options `batch` and `edition` share: which units, which meeting, which formats."""
    parser.add_argument("content", type=Path, metavar="CONTENT", help="the briefing (content YAML)")
    parser.add_argument("--units", type=Path, nargs="+", metavar="PATH",
                        help="unit files or folders (default: content/units/)")
    parser.add_argument("--unit", dest="codes", action="append", metavar="CODE",
                        help="build only this unit (repeatable)")
    parser.add_argument("--with-base", action="store_true",
                        help="also build the briefing itself, without a unit")
    meeting = parser.add_argument_group("meeting handout (all variants)")
    meeting.add_argument("--meeting", type=Path, metavar="FILE",
                         help="a meeting file (content/meetings/*.yaml)")
    meeting.add_argument("--meeting-name", metavar="TEXT",
                         help='or the meeting itself: "Hội nghị báo cáo viên tháng 3/2024"')
    meeting.add_argument("--meeting-date", metavar="YYYY-MM-DD")
    meeting.add_argument("--meeting-place", metavar="TEXT")
    meeting.add_argument("--meeting-audience", metavar="TEXT")
    meeting.add_argument("--circulation", metavar="TEXT",
                         help='circulation mark, e.g. "TRẢ LẠI SAU HỘI NGHỊ"')
    parser.add_argument("--format", choices=("docx", "pdf", "all"), default="all",
                        help="what to write (default: all)")
    jobs_option(parser)
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py batch", description=HELP,
        epilog="Unit and meeting files: docs/units-and-editions.md")
    add_variant_options(parser)
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="output folder (default: output/<content name>/)")
    parser.add_argument("--force", action="store_true", help="rebuild unchanged variants too")
    parser.add_argument("--pdfa", action="store_true",
                        help="PDF/A-3a with the sources embedded (as editions are)")
    return parser


def selection_of(args: argparse.Namespace) -> Selection:
    """Read the briefing, units and meeting the options name; check the formats are available."""
    if args.meeting and args.meeting_name:
        raise BriefingError(Problem(Position("--meeting-name"), msg(
            "meeting-options-both", "give either --meeting FILE or --meeting-name, not both")))
    loose = [o for o in ("meeting_date", "meeting_place", "meeting_audience", "circulation")
             if getattr(args, o)]
    if loose and not args.meeting_name:
        raise BriefingError(Problem(Position("--" + loose[0].replace("_", "-")), msg(
            "meeting-option-alone", "this option describes a meeting: add --meeting-name")))
    from briefing.units.selection import meeting_from_options, select

    meeting: Any = args.meeting
    if args.meeting_name:
        meeting = meeting_from_options(args.meeting_name, args.meeting_date, args.meeting_place,
                                       args.meeting_audience, args.circulation)
    return select(args.content, args.units, args.codes, meeting)


def job_fingerprint(job: VariantJob, environment: list[Input]) -> str:
    sources = [Input(role, file.path, file.sha256, len(file.data)) for role, file in job.sources]
    return fingerprint(sources + environment, job.options(), tool_versions())


@contextmanager
def progress_display(total: int, label: str, enabled: bool) -> Iterator[Any]:
    """A rich progress bar on a terminal (stdout lines still print above it); else nothing."""
    if not enabled or total == 0 or not sys.stderr.isatty():  # rich is imported only to draw
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(stderr=True)
    if not enabled or not console.is_terminal or total == 0:
        yield None
        return
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def print_result(result: JobResult, paths: bool = True) -> None:
    if result.ok:
        if paths:
            files = ", ".join(shown(Path(o.path)) for o in result.outputs.values())
        else:
            files = ", ".join(result.outputs)
        print(msg("built-variant", "built {name}: {files} ({seconds:.1f} s)", name=result.name,
                  files=files, seconds=result.seconds))
        return
    print(msg("variant-failed", "FAILED {name}", name=result.name), file=sys.stderr)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.detail:
        print(result.detail, file=sys.stderr)


def summary(results: list[JobResult], seconds: float, workers: int) -> str:
    built = sum(r.ok and not r.skipped for r in results)
    skipped = sum(r.skipped for r in results)
    failed = sum(not r.ok for r in results)
    return summary_line(built, skipped, failed, seconds, workers)


def summary_line(built: int, skipped: int, failed: int, seconds: float, workers: int) -> Message:
    return msgn("batch-summary", "{built} built, {skipped} skipped, {failed} failed in "
                "{seconds:.1f} s ({n} worker)", "{built} built, {skipped} skipped, {failed} "
                "failed in {seconds:.1f} s ({n} workers)", workers, built=built, skipped=skipped,
                failed=failed, seconds=seconds)


def _unchanged(name: str) -> Message:
    return msg("variant-unchanged", "unchanged {name}: skipped", name=name)


def _batch_line(label: str, line: Message) -> Message:
    return msg("batch-line", "batch {label}: {summary}", label=label, summary=line)


def _up_to_date(job: VariantJob, entry: StateEntry | None, finger: str) -> JobResult | None:
    """A skipped result if the variant's outputs are there, unchanged, from the same inputs.
    An output must be a plain file in the folder (a link or a FIFO planted there is rebuilt)."""
    if entry is None or entry.fingerprint != finger:
        return None
    from briefing.builds.variants import JobResult, OutputFile, output_path

    result = JobResult(job.name, ok=True, skipped=True)
    for fmt in job.formats:
        path = output_path(job, fmt)
        expected = entry.outputs.get(fmt)
        if not regular_file(path) or sha256_file(path) != expected:
            return None
        result.outputs[fmt] = OutputFile(str(path), expected, path.stat().st_size)
    return result


def print_warnings(variants: list[Variant]) -> list[str]:
    """The checks' warnings of every variant, each once (the briefing's are the same in all);
    returns the lines printed (an unchanged batch prints them again, from its stamp)."""
    seen: set[Problem] = set()
    lines = []
    for variant in variants:
        for problem in variant.warnings:
            if problem not in seen:
                seen.add(problem)
                lines.append(str(problem))
                print(problem, file=sys.stderr)
    return lines


def variant_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options of `add_variant_options` that choose and shape the variants (a stamp's)."""
    return {"codes": args.codes, "with_base": args.with_base, "format": args.format,
            "meeting": [getattr(args, o) for o in ("meeting_name", "meeting_date",
                                                   "meeting_place", "meeting_audience",
                                                   "circulation")]}


def batch_stamp(args: argparse.Namespace, out_dir: Path) -> str | None:
    from briefing.builds.stamps import stamp, variant_files

    options = {"command": "batch", **variant_options(args), "pdfa": args.pdfa,
               "out": str(out_dir.resolve())}
    return stamp(variant_files(args.content, args.units, args.meeting), options)


def unchanged(out_dir: Path, current: str, started: float) -> bool:
    """Print what an unchanged batch prints, if the last one into `out_dir` had these very
    inputs and its outputs are still there, byte for byte (briefing/builds/stamps.py)."""
    from briefing.builds.stamps import read_json, same_file

    recorded = read_json(out_dir / STAMP)
    variants, warnings = recorded.get("variants"), recorded.get("warnings", [])
    if (recorded.get("stamp") != current or not isinstance(variants, list) or not variants
            or not isinstance(warnings, list)):
        return False
    try:
        for name, outputs in variants:
            for fmt, sha256 in outputs.items():
                if not same_file(out_dir / f"{name}.{fmt}", sha256):
                    return False
    except (OSError, BriefingError, TypeError, ValueError, AttributeError):
        return False
    for line in warnings:
        print(printable(line), file=sys.stderr)  # read back from a file: untrusted
    for name, _ in variants:
        print(_unchanged(name))
    line = summary_line(0, len(variants), 0, time.perf_counter() - started, 1)
    print(_batch_line(str(recorded.get("label")), line))
    return True


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    started = time.perf_counter()
    formats = formats_of(args.format)
    if args.pdfa and "pdf" not in formats:
        raise BriefingError(Problem(Position("--pdfa"), msg(
            "pdfa-needs-pdf", "--pdfa needs the PDF format"), hint=msg(
            "pdfa-needs-pdf-hint", "use --format pdf or --format all")))
    if args.out is not None:  # the user's own choice: a folder (or nothing yet), no loop
        out_dir = output_folder(args.out)
    else:  # output/<name>/, which a link planted there must not send elsewhere
        out_dir = default_output(safe_name(args.content.stem))  # batch.base_name's rule
    before = batch_stamp(args, out_dir)
    if before is not None and not args.force and unchanged(out_dir, before, started):
        return EXIT_OK
    from briefing.builds.variants import (
        JobResult,
        VariantJob,
        base_name,
        name_clashes,
        pool_ahead,
        run_jobs,
        variant_of,
    )

    selection = selection_of(args)
    common = {"content": selection.content, "meeting": selection.meeting, "formats": formats,
              "out_dir": str(out_dir), "pdf_variant": "pdf/a-3a" if args.pdfa else None,
              "embed_sources": args.pdfa}
    results: list[JobResult] = []
    jobs: list[VariantJob] = []
    if args.with_base:
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
    # the workers load WeasyPrint while the variants are checked here
    with pool_ahead(min(args.jobs or default_workers(), len(jobs)), formats) as pool:
        ready, profiles, variants = [], set(), []
        for job in jobs:  # pre-flight: load and check every variant before any is rendered
            try:
                variant = variant_of(job)
                profiles.add(variant.loaded.document.meta.profile)
                variants.append(variant)
                ready.append(replace(job, checked=True))  # the workers need not check it again
            except BriefingError as error:
                results.append(JobResult(job.name, ok=False, problems=list(error.problems)))
        warnings = print_warnings(variants)
        for result in results:
            print_result(result)
        environment = environment_inputs(profiles)
        state = load_state(out_dir / STATE, warn=lambda p: print(p, file=sys.stderr))
        fingers = {job.name: job_fingerprint(job, environment) for job in ready}
        todo = []
        for job in ready:
            skipped = (None if args.force
                       else _up_to_date(job, state.get(job.name), fingers[job.name]))
            if skipped is not None:
                print(_unchanged(job.name))
                results.append(skipped)
            else:
                todo.append(job)
        workers = min(args.jobs or default_workers(), max(1, len(todo)))
        with progress_display(len(todo), str(msg("progress-variants", "building variants")),
                              not args.no_progress) as advance:
            def on_result(result: JobResult) -> None:
                print_result(result)
                if advance is not None:
                    advance()

            results += run_jobs(todo, workers, on_result, profiles=tuple(sorted(profiles)),
                                pool=pool)
        for result in results:
            if result.ok and not result.skipped:
                state[result.name] = StateEntry(fingers[result.name],
                                                {f: o.sha256 for f, o in result.outputs.items()})
        if any(r.ok and not r.skipped for r in results):
            write_atomic(out_dir / STATE, dump_state(state))
        line = summary(results, time.perf_counter() - started, workers)
        failed = any(not r.ok for r in results)
        label = shown(Path(selection.content.path))
        print(_batch_line(label, line), file=sys.stderr if failed else sys.stdout)
        if not failed and before is not None and batch_stamp(args, out_dir) == before:
            from briefing.builds.stamps import write_json

            outputs = {r.name: {f: o.sha256 for f, o in r.outputs.items()} for r in results}
            write_json(out_dir / STAMP, {"stamp": before, "label": label, "warnings": warnings,
                                         "variants": [[j.name, outputs[j.name]] for j in jobs]})
        return EXIT_ERRORS if failed else EXIT_OK
