"""A source file read exactly once: the bytes that are hashed are the bytes that are built.

Editions record the sha256 of every input and embed the sources in their PDFs; reading a file
twice (once to hash, once to parse) would let an edit in between slip past the manifest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefing import PROJECT_ROOT
from briefing.errors import BriefingError
from briefing.source.yaml_source import MAX_FILE_BYTES


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


def read_source(path: Path | str, max_bytes: int = MAX_FILE_BYTES) -> SourceFile:
    """Read `path` once, refusing missing, oversize and non-UTF-8 files with a one-line error."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BriefingError.at(path, f"file is {size:,} bytes, more than the limit of "
                                         f"{max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise BriefingError.at(path, f"cannot read file: {exc.strerror or exc}") from None
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BriefingError.at(path, "file is not UTF-8 text", line=line,
                               hint="save it as UTF-8 (Unicode)") from None
    return SourceFile(str(path), data)


def shown_path(path: Path | str) -> str:
    """How a source is named in messages, manifests and PDFs: relative to the repository when
    it is inside it (stable across checkouts and working folders), else as given."""
    try:
        return Path(path).resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)
