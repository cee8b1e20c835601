"""Collect the garbage of replaced previews while the clerk types, not while they wait.

A laid-out document is tens of thousands of objects in reference cycles; once a newer build
replaces it, only Python's cycle collector frees it, in a full pass that then walks every
object the process holds (~0.1 s). Left to itself the collector runs such a pass whenever
enough has piled up, which is as likely as not in the middle of the next save or build, on the
path from typing to the updated page. So a short while after each build, if no other build
has started, the studio runs that pass itself: the next edit finds nothing left to collect.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable


class IdleCollector:
    """`soon()` after each build: one full collection `delay` seconds later, unless `busy()`."""

    def __init__(self, busy: Callable[[], bool], delay: float = 0.3):
        self.busy = busy
        self.delay = delay
        self._timer: threading.Timer | None = None
        self._guard = threading.Lock()
        self.passes = 0

    def soon(self) -> None:
        with self._guard:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self._collect)
            self._timer.daemon = True
            self._timer.start()

    def _collect(self) -> None:
        if not self.busy():
            gc.collect()
            self.passes += 1
