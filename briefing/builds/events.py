"""What a build of many variants (a batch, an edition) tells its caller as it goes.

The builders decide; they never print. A command passes an `Events` that prints each event
(briefing/terminal.py), the studio passes none (the base class says nothing) and renders the
outcome instead.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # light: an unchanged batch imports none of the builders' machinery
    from briefing.builds.variants import JobResult
    from briefing.messages import Message


class Events:
    """Every event a build may report; each does nothing here."""

    def warning(self, line: str) -> None:
        """A check's warning (each once), or a state file ignored."""

    def skipped(self, name: str) -> None:
        """A variant whose outputs are up to date."""

    def result(self, result: JobResult) -> None:
        """A variant built, or failed (before building: in the pre-flight)."""

    def waiting(self, name: str) -> None:
        """Another process holds the lock of the edition `name`."""

    def building(self, total: int, label: Message) -> AbstractContextManager[object]:
        """Around the building of `total` variants (a progress display)."""
        return nullcontext()
