"""Reading the input file: a regular file, under a size cap, read once.

The importer reads exactly one file, the one it was given (a DOCX's parts come from that
file's bytes in memory): no path inside the input is ever opened. This is the one place that
touches the file system on the way in, so a shared reader (size caps, regular files only) can
replace it without touching the importers.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefing.errors import BriefingError

#: A Word file with its pictures: a long report is a few MB; 100 MB is not a briefing.
MAX_DOCX_BYTES = 25_000_000
#: A text or Markdown file of a briefing is well under 1 MB.
MAX_TEXT_BYTES = 5_000_000


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `max_bytes`."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise BriefingError.at(path, f"cannot read file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise BriefingError.at(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise BriefingError.at(path, "not a regular file (a device, pipe or socket)")
    if info.st_size > max_bytes:
        raise BriefingError.at(path, f"file is {info.st_size:,} bytes, more than the limit of "
                                     f"{max_bytes:,}",
                               hint="check that this is the right file")
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise BriefingError.at(path, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # it grew while we looked
        raise BriefingError.at(path, f"file is more than the limit of {max_bytes:,} bytes")
    return data
