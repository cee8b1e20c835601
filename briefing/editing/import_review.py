"""What an import guessed, as the studio shows it for review: each `# guess:` comment the
importer wrote above a value, with the value's path (so the page puts it at its field), and
the notes at the top of the file on what was left out.

The comments are the record: they stay in the file until the clerk has looked at them (the
importer's head comment asks to delete each once checked), so the review survives a restart
and is the same in the studio, in the file and in a text editor. A document that still has
guesses is not "valid" in the documents list: its placeholders are still to be replaced.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefing.messages.language import ENGLISH, VIETNAMESE
from briefing.problems import DROPPED, GUESS, SEVERITIES, BriefingError
from briefing.source.yaml_source import Path_, load_yaml

_COMMENT = re.compile(r"^[ \t]*#[ \t]*(?P<word>[^:\n]{1,20}):[ \t]*(?P<text>\S.*)$")


@dataclass(frozen=True)
class Guess:
    """One note of the import: its line in the file, the value it stands above (None at the
    top of the file or where no value follows), its kind and its words."""

    line: int
    path: Path_ | None
    kind: str
    text: str


@functools.cache
def _words() -> dict[str, str]:
    """The words that open a note, in either language ("guess", "đoán") -> its kind."""
    return {SEVERITIES[kind].text(language): kind for kind in (GUESS, DROPPED)
            for language in (ENGLISH, VIETNAMESE)}


def _noted(line: str) -> tuple[str, str] | None:
    match = _COMMENT.match(line)
    if match is None or match["word"].strip() not in _words():
        return None
    return _words()[match["word"].strip()], match["text"].strip()


def guesses(name: str, text: str) -> list[Guess]:
    """Every guess and left-out note of the file, in order, each with the path of the value
    written below it."""
    lines = text.splitlines()
    noted = [(number, found) for number, line in enumerate(lines, 1)
             if line.lstrip().startswith("#") and (found := _noted(line)) is not None]
    if not noted:
        return []
    try:
        source = load_yaml(name, text).source
    except BriefingError:
        return [Guess(number, None, kind, words) for number, (kind, words) in noted]
    starts = sorted({(source.keys.get(path, position).line, len(path), path)
                     for path, position in source.values.items() if path})
    out = []
    for number, (kind, words) in noted:  # what was left out is listed at the top: no field
        below = next((path for line, _, path in starts if line > number), None)
        out.append(Guess(number, below if kind == GUESS else None, kind, words))
    return out


def without_note(text: str, line: int) -> str:
    """The text without the guess (or left-out note) comment at `line` (1-based); unchanged
    if that line is not one."""
    lines = text.splitlines(keepends=True)
    if not 1 <= line <= len(lines) or not lines[line - 1].lstrip().startswith("#") \
            or _noted(lines[line - 1].rstrip("\r\n")) is None:
        return text
    return "".join(lines[:line - 1] + lines[line:])


def without_notes(text: str) -> str:
    """The text without any guess or left-out note comment (the review is done)."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not (line.lstrip().startswith("#") and _noted(line.rstrip("\r\n"))))
