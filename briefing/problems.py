"""Problems found in user input and notes on what was made of it: one record, printed in one
place, `file:line:col: severity: message (hint)`.

Every error a user can cause ends up as a `Problem`; the CLI prints them one per line and exits
non-zero, so no traceback ever reaches a clerk. The same record carries `check`'s warnings, the
importer's guesses, fixes and left-out pieces, and the lint's findings; its position is a place
in a file (line and column) or in a document read without them ("paragraph 34"). Messages are
`briefing.messages.Message`s, worded when printed, in the language chosen.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from briefing.messages import Message, joined, msg

ERROR, WARNING = "error", "warning"
#: the importer's notes: a guess to check, a text fix it made, something it left out
GUESS, FIX, DROPPED = "guess", "fix", "dropped"
SEVERITIES = {
    ERROR: msg("severity-error", "error"),
    WARNING: msg("severity-warning", "warning"),
    GUESS: msg("severity-guess", "guess"),
    FIX: msg("severity-fix", "fix"),
    DROPPED: msg("severity-dropped", "dropped"),
}


@dataclass(frozen=True)
class Position:
    """A place in a source file (1-based line and column), or in a document without lines:
    `place` ("paragraph 34", "table 2, row 1, cell 1")."""

    file: str
    line: int = 0
    col: int = 0
    place: Message | None = None

    def text(self, language: str | None = None) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        if self.place is not None:
            place = _worded(self.place, language)
            return f"{self.file}: {place}" if self.file else place
        return self.file

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Problem:
    """One finding: an error stops the build, a warning does not (unless asked); an import
    note (guess, fix, dropped) stops nothing."""

    position: Position
    message: Message
    severity: str = ERROR
    hint: Message | None = None
    #: a safe replacement the fixer may apply: (old text, new text) at `position`
    fix: tuple[str, str] | None = field(default=None, compare=False)
    #: the source text it concerns, on one line (import notes, lint findings)
    quote: str = ""

    @property
    def code(self) -> str:
        return getattr(self.message, "code", "")

    def text(self, language: str | None = None) -> str:
        """`position: severity: message (hint) — “quote”`, as every command prints it."""
        severity = _worded(SEVERITIES.get(self.severity, self.severity), language)
        out = f"{self.position.text(language)}: {severity}: {_worded(self.message, language)}"
        if self.hint:
            out += f" ({_worded(self.hint, language)})"
        if self.quote:
            out += f" — “{self.quote}”"
        return out

    def __str__(self) -> str:
        return self.text()

    def comment(self, language: str | None = None) -> str:
        """The problem as a YAML comment (without '#') at the place it concerns:
        `severity: message (hint) [place]`."""
        out = f"{_worded(SEVERITIES.get(self.severity, self.severity), language)}: " \
              f"{_worded(self.message, language)}"
        if self.hint:
            out += f" ({_worded(self.hint, language)})"
        if self.position.place is not None:
            out += f" [{Position('', place=self.position.place).text(language)}]"
        return out

    def in_file(self, file: str) -> Problem:
        """The same problem, said of the file `file` (a file checked under another name)."""
        return dataclasses.replace(self, position=dataclasses.replace(self.position, file=file))


def _worded(said: Message | str, language: str | None) -> str:
    """A message in `language`; a plain string (a caller's own) as it is."""
    return said.text(language) if isinstance(said, Message) else str(said)


def hints(*parts: Message | None) -> Message | None:
    """Several hints as one ("did you mean …; fix: …"), or None without any."""
    present = [part for part in parts if part]
    if not present:
        return None
    return present[0] if len(present) == 1 else joined(present)


class BriefingError(Exception):
    """Raised with the problems that make input unusable."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__()

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @classmethod
    def at(cls, file: str | Path, message: Message, line: int = 0, col: int = 0,
           hint: Message | None = None) -> BriefingError:
        return cls(Problem(Position(str(file), line, col), message, hint=hint))
