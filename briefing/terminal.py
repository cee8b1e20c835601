"""What the command line shows while variants build (`batch`, `edition`): a line per variant
built or failed, the checks' warnings, a progress bar on a terminal, the summary line.

The builders report events (briefing/builds/events.py); `Terminal` prints them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.builds.events import Events
from briefing.cli import shown
from briefing.messages import Message, msg, msgn

if TYPE_CHECKING:
    from briefing.builds.variants import JobResult


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


def summary(results: list[JobResult], seconds: float, workers: int, unchanged: int = 0
            ) -> Message:
    """"3 built, 1 skipped, 0 failed in 9.2 s (2 workers)"; `unchanged`: variants a stamp
    showed unchanged, counted as skipped."""
    built = sum(r.ok and not r.skipped for r in results)
    skipped = sum(r.skipped for r in results) + unchanged
    failed = sum(not r.ok for r in results)
    return msgn("batch-summary", "{built} built, {skipped} skipped, {failed} failed in "
                "{seconds:.1f} s ({n} worker)", "{built} built, {skipped} skipped, {failed} "
                "failed in {seconds:.1f} s ({n} workers)", workers, built=built, skipped=skipped,
                failed=failed, seconds=seconds)


class Terminal(Events):
    """Prints a build's events: warnings and failures on stderr, the rest on stdout.

    `paths` False: a built variant is named with its formats, not its files (an edition's are
    in a folder renamed at the end); `failures` False: a failed variant prints only a bug's
    traceback (an edition refuses with every problem once, at the end)."""

    def __init__(self, progress: bool, *, paths: bool = True, failures: bool = True):
        self.progress, self.paths, self.failures = progress, paths, failures
        self._advance: Callable[[], object] | None = None

    def warning(self, line: str) -> None:
        print(line, file=sys.stderr)

    def skipped(self, name: str) -> None:
        print(msg("variant-unchanged", "unchanged {name}: skipped", name=name))

    def result(self, result: JobResult) -> None:
        if result.ok or self.failures:
            print_result(result, self.paths)
        elif result.detail:
            print(result.detail, file=sys.stderr)
        if self._advance is not None:
            self._advance()

    def waiting(self, name: str) -> None:
        print(msg("edition-waiting", "edition {name} is being built by another process; "
                                     "waiting for it…", name=name), file=sys.stderr)

    @contextmanager
    def building(self, total: int, label: Message) -> Iterator[None]:
        with progress_display(total, str(label), self.progress) as advance:
            self._advance = advance
            try:
                yield
            finally:
                self._advance = None


def print_columns(rows: list[tuple[str, ...]]) -> None:
    """A table for the terminal (`archive list`, `register list`): each column as wide as its
    widest cell, the last one left ragged (a subject, a list of formats)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])
