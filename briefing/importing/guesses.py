"""Every decision the importer could get wrong, with the source text it was made from.

A clerk must be able to check each guess against the document they were sent: every note
names where in the source it comes from ("line 12", "paragraph 34") and quotes it. Notes are
`Problem`s of their own severities — a guess, a text fix, something dropped — so the CLI
prints them as it prints every problem, and the emitter writes each one as a comment at the
place in the content file.
"""

from __future__ import annotations

from briefing.messages import Message
from briefing.problems import DROPPED, FIX, GUESS, Position, Problem

EXCERPT = 60


def guess_comment(message: Message) -> str:
    """A guess written only as a comment in the content file ("guess: …"), at its value."""
    return Problem(Position(""), message, GUESS).comment()


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of `text` on one line, cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class Notebook:
    """Collects notes on the source file `file` in the order they were made."""

    def __init__(self, file: str = "") -> None:
        self.file = file
        self.notes: list[Problem] = []

    def guess(self, message: Message, where: Message | None = None, text: str = "",
              hint: Message | None = None) -> Problem:
        return self._add(GUESS, message, where, text, hint)

    def fix(self, message: Message, where: Message | None = None, text: str = "",
            hint: Message | None = None) -> Problem:
        return self._add(FIX, message, where, text, hint)

    def dropped(self, message: Message, where: Message | None = None, text: str = "",
                hint: Message | None = None) -> Problem:
        return self._add(DROPPED, message, where, text, hint)

    def _add(self, severity: str, message: Message, where: Message | None, text: str,
             hint: Message | None) -> Problem:
        note = Problem(Position(self.file, place=where or None), message, severity, hint,
                       quote=excerpt(text) if text else "")
        self.notes.append(note)
        return note
