"""A source file read exactly once: the bytes that are hashed are the bytes that are built.

Editions record the sha256 of every input and embed the sources in their PDFs; reading a file
twice (once to hash, once to parse) would let an edit in between slip past the manifest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefing import PROJECT_ROOT
from briefing.inputs import FILE, What, read_input, real_path
from briefing.problems import BriefingError
from briefing.source.yaml_source import MAX_FILE_BYTES, decode_utf8


@dataclass(frozen=True)
class SourceFile:
    """One input file: where it was read from, its bytes, and their text (UTF-8, BOM dropped)."""

    path: str
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode("utf-8-sig")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def name(self) -> str:
        return Path(self.path).name


def read_source(path: Path | str, max_bytes: int = MAX_FILE_BYTES,
                what: What = FILE) -> SourceFile:
    """Read `path` once, refusing missing, special, oversize and non-UTF-8 files with a
    one-line error (the same guard and the same messages as content files)."""
    data = read_input(path, limit=max_bytes, what=what)
    decode_utf8(data, path)
    return SourceFile(str(path), data)


def shown_path(path: Path | str) -> str:
    """How a source is named in messages, manifests and PDFs: relative to the repository when
    it is inside it (stable across checkouts and working folders), else as given."""
    try:
        return real_path(path).relative_to(PROJECT_ROOT).as_posix()
    except (ValueError, BriefingError):  # outside the repository, or a link loop
        return str(path)
