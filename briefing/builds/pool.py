"""The worker pool of `batch`, `edition` and rebuilds: warm processes that die with their parent.

WeasyPrint renders one document on one core, so variants are built in a process pool. Each
worker imports WeasyPrint (and the DOCX writer) and loads the layout profiles once, in its
initializer, then takes job after job (`briefing.builds.variants.run_job`).

Workers fork from multiprocessing's forkserver, whose own parent is this process; a worker
blocked on the pool's queue never learns that this process is gone, and while it lives so do
the forkserver and the resource tracker (it holds their pipes), all holding the caller's stdout.
So this process holds the write end of a *lifeline*, a pipe nobody writes to: each worker
watches the read end from a thread, and when every write end is closed — this process ended,
however it ended, `kill -9` included — the worker leaves at once (after a rename in progress:
a pair is never left half committed). The forkserver and the tracker then see their pipes end
and leave too. Fork()ed children of this process (the DOCX writer's, the PDF engine) drop the
write end as they start, so they never keep the workers alive.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection

from briefing import atomic
from briefing.builds.forked import default_workers
from briefing.builds.variants import (
    JobResult,
    VariantJob,
    failure,
    formats_one_after_the_other,
    internal_error,
    run_job,
)
from briefing.messages import msg

#: this process's lifeline (read end, write end), made with its first pool
_lifeline: tuple[int, int] | None = None


def _drop_lifeline() -> None:
    """In a fork()ed child: the lifeline's write end is the parent's alone."""
    global _lifeline
    if _lifeline is not None:
        for descriptor in _lifeline:
            with suppress(OSError):
                os.close(descriptor)
        _lifeline = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_lifeline)


def lifeline() -> Connection:
    """A read end of this process's lifeline, for a worker (pickled into it by the pool)."""
    global _lifeline
    if _lifeline is None:
        _lifeline = os.pipe()
    return Connection(os.dup(_lifeline[0]), writable=False)


def leave_with_parent(end: Connection) -> None:
    """In a worker: a thread that ends the process when the lifeline ends (nothing is ever
    written to it: a read returns only at its end), once no rename is in progress."""

    def watch() -> None:
        with suppress(OSError):
            while os.read(end.fileno(), 1):
                pass
        with atomic.renaming:
            os._exit(1)

    threading.Thread(target=watch, name="lifeline", daemon=True).start()


def warm_worker(profiles: tuple[str, ...], formats: tuple[str, ...],
                end: Connection | None = None) -> None:
    """Pool initializer: watch the lifeline, then pay the imports and the profile load once
    per worker, not per job."""
    if end is not None:
        leave_with_parent(end)
    formats_one_after_the_other()
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
                                        "briefing.builds.variants", "briefing.builds.pool"])
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
                               initializer=warm_worker,
                               initargs=(profiles, formats, lifeline()))
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
                done(failure(job.name, msg("worker-died", "the worker building it died "
                                                          "({reason})", reason=str(exc))))
            except Exception as exc:  # pickling and the like: a bug, reported per job
                done(failure(job.name, internal_error(exc), traceback.format_exc()))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results
