"""Reading the input file: a regular file, under a size cap, read once.

The importer reads exactly one file, the one it was given (a DOCX's parts come from that
file's bytes in memory): no path inside the input is ever opened. This is the one place that
touches the file system on the way in; it is the shared input guard (size caps, regular files
only), as for every other reader.
"""

from __future__ import annotations

from pathlib import Path

from briefing.inputs import read_input as guarded_read

#: A Word file with its pictures: a long report is a few MB; 100 MB is not a briefing.
MAX_DOCX_BYTES = 25_000_000
#: A text or Markdown file of a briefing is well under 1 MB.
MAX_TEXT_BYTES = 5_000_000


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `max_bytes` (the shared
    input guard, `briefing.inputs.read_input`: a FIFO cannot block, a loop is one line)."""
    return guarded_read(path, limit=max_bytes)
