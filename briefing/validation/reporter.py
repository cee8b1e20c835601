"""Collecting findings located through a `Locator`: what every structure check does."""

from __future__ import annotations

import unicodedata

from briefing.messages import Message
from briefing.problems import Position, Problem
from briefing.source.yaml_source import Path_
from briefing.validation.findings import ERROR, Finding, ValueFix, fix_hint
from briefing.validation.locate import Locator


class Reporter:
    """The findings of one check over one file, each at its value (and offset)."""

    def __init__(self, locator: Locator):
        self.locator = locator
        self.findings: list[Finding] = []

    def at(self, path: Path_, offset: int = 0) -> Position:
        return self.locator.position(path, offset)

    def report(self, path: Path_, message: Message, *, hint: Message | None = None,
               severity: str = ERROR, offset: int = 0) -> None:
        self.findings.append(Finding(Problem(self.at(path, offset), message, severity, hint)))

    def fix(self, path: Path_, value: str, start: int, end: int, new: str, message: Message, *,
            hint: Message | None = None, severity: str = ERROR) -> None:
        """A problem with the safe edit value[start:end] -> new, reported at `start`; the edit
        is offered only where the file writes the value as it reads (not in a variant)."""
        old = value[start:end]
        scalar = self.locator.source.scalars.get(path)
        exact = scalar is not None and unicodedata.normalize("NFC", scalar.raw) == value
        problem = Problem(self.at(path, start) if exact else self.locator.source.at(path),
                          message, severity, fix_hint(hint, old, new),
                          (old, new) if exact else None)
        self.findings.append(Finding(problem, ValueFix(path, start, end, new) if exact else None))
