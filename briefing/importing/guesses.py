"""Every decision the importer could get wrong, with the source text it was made from.

A clerk must be able to check each guess against the document they were sent: every record
names where in the source it comes from ("line 12", "paragraph 34") and quotes it. The CLI
prints them; the emitter writes each one as a comment at the place in the content file.
"""

from __future__ import annotations

from dataclasses import dataclass

EXCERPT = 60


@dataclass(frozen=True)
class Note:
    """A guess ("guess"), a text fix ("fix") or something left out ("dropped")."""

    kind: str
    message: str
    where: str = ""
    excerpt: str = ""

    def line(self, source: str) -> str:
        """`source: where: kind: message: “excerpt”` — one line for the terminal."""
        place = f"{source}: {self.where}" if self.where else source
        text = f"{place}: {self.kind}: {self.message}"
        if self.excerpt:
            text += f" — “{self.excerpt}”"
        return text

    def comment(self) -> str:
        """The YAML comment text (without '#')."""
        text = f"{self.kind}: {self.message}"
        if self.where:
            text += f" [{self.where}]"
        return text


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of `text` on one line, cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class Notebook:
    """Collects notes in the order they were made."""

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def guess(self, message: str, where: str = "", text: str = "") -> Note:
        return self._add(Note("guess", message, where, excerpt(text) if text else ""))

    def fix(self, message: str, where: str = "", text: str = "") -> Note:
        return self._add(Note("fix", message, where, excerpt(text) if text else ""))

    def dropped(self, message: str, where: str = "", text: str = "") -> Note:
        return self._add(Note("dropped", message, where, excerpt(text) if text else ""))

    def _add(self, note: Note) -> Note:
        self.notes.append(note)
        return note
