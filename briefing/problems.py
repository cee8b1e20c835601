"""Problems found in user input, reported as `file:line:col: severity: message`.

Every error a user can cause ends up as a `Problem`; the CLI prints them one per line and exits
non-zero, so no traceback ever reaches a clerk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Position:
    """A place in a source file (1-based line and column)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    """One finding: an error stops the build, a warning does not (unless asked)."""

    position: Position
    message: str
    severity: str = "error"
    hint: str = ""
    code: str = ""
    #: a safe replacement the fixer may apply: (old text, new text) at `position`
    fix: tuple[str, str] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        text = f"{self.position}: {self.severity}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class BriefingError(Exception):
    """Raised with the problems that make input unusable."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, file: str | Path, message: str, line: int = 0, col: int = 0, hint: str = ""):
        return cls(Problem(Position(str(file), line, col), message, hint=hint))
