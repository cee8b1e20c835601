"""What checks report: an issue inside one string (offsets), and a located `Problem` with the
value edit that fixes it, if a safe one exists."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.content.schema_problems import visible
from briefing.messages import Message, msg
from briefing.problems import ERROR, WARNING, Problem, hints
from briefing.source.yaml_source import Path_

__all__ = ["ERROR", "WARNING", "Finding", "TextIssue", "ValueFix", "fix_hint", "shown"]


@dataclass(frozen=True)
class TextIssue:
    """A problem at value[start:end]; `replacement` is the safe fix, None when there is none.
    It replaces `fix_span` when given (the problem is one word, the fix also takes a space)."""

    start: int
    end: int
    message: Message
    hint: Message | None = None
    severity: str = WARNING
    replacement: str | None = None
    fix_span: tuple[int, int] | None = None

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def fixed(self) -> tuple[int, int]:
        """The stretch of the value the replacement takes the place of."""
        return self.fix_span or (self.start, self.end)


@dataclass(frozen=True)
class ValueFix:
    """Replace value[start:end] of the value at `path` with `text`."""

    path: Path_
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    problem: Problem
    fix: ValueFix | None = None


def fix_hint(hint: Message | None, old: str, new: str) -> Message | None:
    """The hint, completed with what `check --fix` would do."""
    action = msg("fix-remove", "fix: remove {old}", old=shown(old)) if new == "" else \
        msg("fix-replace", "fix: {old} -> {new}", old=shown(old), new=shown(new))
    return hints(hint, action)


def shown(text: str) -> str:
    """`text` quoted for a message, invisible characters spelled out."""
    quote = '"' if "'" in text else "'"
    return quote + visible(text, 40) + quote
