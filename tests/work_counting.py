"""Measuring work without a clock: counts that a loaded machine does not change.

Tests guard limits by counting what the code does (function calls, values composed, bytes
read) and keep only a hang guard far above the normal run time, never a speed assertion.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def calls_made(fn: Callable[[], Any]) -> int:
    """How many Python and built-in functions `fn()` calls, itself included."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(previous)
    return count


def bytes_read() -> int | None:
    """Bytes this process has read so far (Linux `/proc/self/io`), None where unknown."""
    try:
        for line in Path("/proc/self/io").read_text().splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class HangGuardExpired(AssertionError):
    pass


@contextmanager
def hang_guard(seconds: int = 120) -> Iterator[None]:
    """Fail instead of hanging (a runaway regular expression, an endless loop): `seconds` is
    far above the normal run time, so a loaded machine never trips it."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise HangGuardExpired(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
