"""Run one writer in a forked child while the parent runs the other.

The DOCX and PDF writers share nothing but the (read-only) tree and profile, and a build of
both is dominated by WeasyPrint's layout; on a machine with two cores, writing the DOCX in a
forked child hides its cost. The child inherits the loaded modules (no import cost) and sends
its bytes back through a pipe. Where fork is unavailable, or on one core, it runs inline.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Any

#: prctl(2): the signal a process gets when its parent thread ends
PR_SET_PDEATHSIG = 1


class Forked:
    """The pending result of `fn()` computed in a child process."""

    def __init__(self, fn: Callable[[], Any]):
        self._inline: tuple[bool, Any] | None = None
        if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
            self._inline = _call(fn)
            return
        read, write = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # child: compute, send, leave without running the parent's cleanups
            os.close(read)
            die_with_parent(parent)
            try:
                with os.fdopen(write, "wb") as stream:
                    pickle.dump(_call(fn), stream)
            finally:
                os._exit(0)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> Any:
        if self._inline is None:
            with os.fdopen(self._read, "rb") as stream:
                data = stream.read()
            os.waitpid(self._pid, 0)
            if not data:
                raise RuntimeError("the writer process died without an answer")
            self._inline = pickle.loads(data)
        ok, value = self._inline
        if not ok:
            raise value
        return value


def _call(fn: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        return True, fn()
    except Exception as exc:  # re-raised in the parent by `result`
        return False, exc


def die_with_parent(parent: int) -> None:
    """In a child: be killed when the thread that forked it ends, as Linux allows
    (prctl PR_SET_PDEATHSIG); leave at once if `parent` is already gone. Elsewhere nothing:
    the child finishes its one document and leaves."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)


def default_workers() -> int:
    """Worker processes for a batch: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)
