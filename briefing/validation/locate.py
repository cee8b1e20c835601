"""From "offset k of the value at this path" to a file position, and to a text edit.

Checks work on values (NFC strings); users and `check --fix` work on the file. A `Locator`
answers both questions for one source map, caching the character spans of each scalar it is
asked about (most scalars never are).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from briefing.problems import Position
from briefing.source.yaml_source import Path_, SourceMap
from briefing.validation.spans import BREAKS, Spans, nfc_offsets, scalar_spans


@dataclass(frozen=True)
class TextEdit:
    """Replace text[start:end] of the file with `new`."""

    start: int
    end: int
    new: str


class Locator:
    def __init__(self, source: SourceMap):
        self.source = source
        self._spans: dict[Path_, Spans | None] = {}
        self._offsets: dict[Path_, list[int] | None] = {}

    def spans(self, path: Path_) -> Spans | None:
        if path not in self._spans:
            scalar = self.source.scalars.get(path)
            self._spans[path] = scalar_spans(self.source.text, scalar) if scalar else None
        return self._spans[path]

    def _raw_index(self, path: Path_, offset: int) -> int | None:
        if path not in self._offsets:
            scalar = self.source.scalars.get(path)
            self._offsets[path] = nfc_offsets(scalar.raw) if scalar else None
        offsets = self._offsets[path]
        if offsets is None:
            return None
        if offset >= len(offsets):
            return len(self.source.scalars[path].raw)
        return offsets[offset]

    def position(self, path: Path_, offset: int = 0) -> Position:
        """Where character `offset` of the (NFC) value at `path` is written; the value's start
        when that cannot be told exactly."""
        spans = self.spans(path)
        index = self._raw_index(path, offset)
        if spans is None or index is None or not spans.starts:
            return self.source.at(path)
        if index >= len(spans.starts):
            return self.source.position_at(spans.ends[-1])
        return self.source.position_at(spans.starts[index])

    def edit(self, path: Path_, start: int, end: int, new: str) -> TextEdit | None:
        """The file edit that turns value[start:end] into `new`, when one stretch of text
        writes exactly those characters; else None."""
        scalar = self.source.scalars.get(path)
        spans = self.spans(path)
        if scalar is None or spans is None or end <= start or end > len(spans.starts):
            return None
        if unicodedata.normalize("NFC", scalar.raw) != scalar.raw:
            return None
        if not all(spans.direct[start:end]):
            return None
        if any(spans.ends[k] != spans.starts[k + 1] for k in range(start, end - 1)):
            return None
        encoded = encode(new, scalar.style)
        if encoded is None:
            return None
        return TextEdit(spans.starts[start], spans.ends[end - 1], encoded)

    def rewrite(self, path: Path_, value: str) -> TextEdit | None:
        """Replace a whole flow scalar by `value` in double quotes (always valid YAML)."""
        scalar = self.source.scalars.get(path)
        if scalar is None or scalar.style not in (None, "'", '"'):
            return None
        return TextEdit(scalar.start, scalar.end, double_quoted(value))


def encode(value: str, style: str | None) -> str | None:
    """`value` as it must be written inside a scalar of `style`, or None if it cannot be."""
    if style == '"':
        return double_quoted(value)[1:-1]
    if any(char in BREAKS for char in value):
        return None
    if style == "'":
        return value.replace("'", "''")
    return value


def double_quoted(value: str) -> str:
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


