"""Write files so that a reader never sees half of one: temporary name, fsync, rename."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A file name derived from user input that cannot climb out of its folder."""
    cleaned = _UNSAFE.sub("-", name).strip(".-")
    return cleaned or "document"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file stays intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
