"""Why the system refused to write a file, in the clerk's words: a full disk, a read-only
folder, a missing permission are said as such (in Vietnamese in the studio), never as an
English `strerror` or a server error page, and always of the file the clerk knows, never of
the temporary `.part` file the write went through."""

from __future__ import annotations

import errno
from pathlib import Path

from briefing.messages import Message, msg
from briefing.problems import BriefingError

DISK_FULL = msg("os-disk-full", "No space left on device: the disk is full; free some space "
                "and try again")
READ_ONLY = msg("os-read-only", "Read-only file system: the folder can only be read; ask for "
                "it to be made writable")
NOT_PERMITTED = msg("os-permission", "Permission denied: this account may not write there")
#: errno -> the reason said
_REASONS = {errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL, errno.EROFS: READ_ONLY,
            errno.EACCES: NOT_PERMITTED, errno.EPERM: NOT_PERMITTED}


def os_reason(exc: OSError) -> Message | str:
    """What an `OSError` means for the clerk: a worded reason for the usual ones, else the
    system's own words."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def shown_name(path: Path | str | None, fallback: str) -> str:
    """The name to say: the file's, never a temporary one (`.x.yaml.<random>.part`)."""
    name = Path(path).name if path else ""
    return fallback if not name or name.endswith(".part") else name


def write_failure(error: BriefingError) -> Message | str | None:
    """The reason of a `cannot write` error (`atomic.cannot_write`), None for any other: a
    document that could not be written is not a document with errors."""
    for problem in error.problems:
        if problem.code == "cannot-write":
            return dict(problem.message.params).get("reason")
    return None


def is_disk_full(error: BriefingError) -> bool:
    return getattr(write_failure(error), "code", "") == DISK_FULL.code
