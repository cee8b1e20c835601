"""One build of an edition at a time: an exclusive lock on `<archive>/<name>/.lock`.

The lock is an advisory `flock`, released by the kernel when the holder exits, even if it was
killed: a crashed build never leaves the edition locked. A second build waits, then finds the
revision the first one made (and, with unchanged inputs, writes nothing).

The lock is released on every path out of the block (error, interrupt, success) by the
`finally` below; the `.lock` *file* is deliberately left in place. Deleting it on the way out
would race with a build waiting on the same file: that build would then hold a lock on a
deleted file while a third one locks a new `.lock`, and two builds would run at once. A
`.lock` that nobody holds is harmless: the next build simply takes it, and no command reports
it (`archive list`/`verify` only read `r<N>/` folders; an edition folder holding nothing but
`.lock`, left by a first build that failed, is not an edition and is not listed).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.editions.layout import LOCK

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


@contextmanager
def edition_lock(folder: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the edition's lock for the duration of the block (waiting for it if taken)."""
    folder.mkdir(parents=True, exist_ok=True)
    # never through a link planted as .lock, never blocking on a FIFO planted there
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(folder / LOCK, flags, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait()
                fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)
