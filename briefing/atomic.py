"""Write files so that a reader never sees half of one: temporary name, fsync, rename.

Output names come from user input (content file names, unit names), so `safe_name` reduces
them to a plain file name that cannot climb out of the output folder or trip Windows.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import threading
from pathlib import Path

from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.system_errors import os_reason
from briefing.text.slug import fold_ascii

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Names Windows reserves in every folder, whatever the extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
MAX_NAME = 120
#: held while a set of files is renamed into place (a variant's DOCX and PDF): a process that
#: ends itself on purpose (a pool worker whose parent is gone) takes it first, so it never
#: leaves one file of a pair renamed and the other not
renaming = threading.Lock()


def _process_umask() -> int:
    """The process's umask. Reading it means setting it, so it is read once, at import: a
    thread creating a file while another flips it to 0 would make it world-writable."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _process_umask()


def safe_name(name: str) -> str:
    """A file name derived from user input that cannot climb out of its folder.

    Vietnamese letters lose their accents rather than the whole letter ("Báo cáo" ->
    "Bao-cao"); separators, "..", control characters and reserved device names cannot survive.
    """
    cleaned = re.sub(r"-{2,}", "-", _UNSAFE.sub("-", fold_ascii(name)))
    cleaned = re.sub(r"\.{2,}", ".", cleaned).strip(".-")[:MAX_NAME].strip(".-")
    if _RESERVED.match(cleaned):
        cleaned = "_" + cleaned
    return cleaned or "document"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file stays intact."""
    write_all_atomic({path: data})


def write_all_atomic(files: dict[Path, bytes], mode: int | None = None) -> None:
    """Replace several files together (a variant's DOCX and PDF): every temporary file is
    written first, and only when all of them are complete are they renamed into place, so a
    failure (a full disk, a folder where a file should be) leaves every previous output
    untouched. `mode`: the files' permissions (default: those of the file replaced). An
    `OSError` becomes a `BriefingError` naming the file that could not be written: a clerk
    sees "cannot write …", never a traceback."""
    staged: list[tuple[Path, Path]] = []
    path = next(iter(files), Path())
    try:
        for path, data in files.items():
            staged.append((_stage(path, data, mode), path))
        for _, path in staged:
            if path.is_dir():
                raise IsADirectoryError(21, msg("folder-in-the-way", "a folder is in the way"),
                                        str(path))
        with renaming:
            for temporary, path in staged:
                _replace(temporary, path)
    except OSError as exc:  # named by the file, not by its temporary name
        where = path if str(exc.filename or ".part").endswith(".part") else exc.filename
        raise cannot_write(where, exc) from None
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def write_new(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, never over an existing file (FileExistsError if one is
    there, even one another process made a moment ago): a complete temporary file is given
    the name only if the name is free, so a reader (or a kill) never sees half of the file.
    Other `OSError`s become a `BriefingError` naming the path."""
    try:
        temporary = _stage(path, data)
        try:
            _claim(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    except FileExistsError:
        raise
    except OSError as exc:
        raise cannot_write(exc.filename or path, exc) from None


def cannot_write(path: Path | str, exc: OSError) -> BriefingError:
    """The one message for a file that could not be written, naming it and the reason."""
    return BriefingError.at(path, msg("cannot-write", "cannot write: {reason}",
                                      reason=os_reason(exc)))


#: errors of a file system that has no hard links (FAT, some network shares)
NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def _claim(temporary: Path, path: Path) -> None:
    """Give the complete `temporary` the name `path` if the name is free, in one step: a hard
    link (the system grants it only to a free name); without hard links, an exclusive rename
    (Linux); without either, the name is claimed by an empty file, then the complete one is
    renamed over it (a reader may see an empty file for that moment, never half of one)."""
    try:
        os.link(temporary, path)
        return
    except OSError as exc:
        if exc.errno not in NO_HARD_LINKS:
            raise
    if _rename_exclusive(temporary, path):
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~_UMASK))
    try:
        os.replace(temporary, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


#: renameat2(2): fail with EEXIST rather than replace the target
_RENAME_NOREPLACE, _AT_FDCWD = 1, -100


def _rename_exclusive(source: Path, target: Path) -> bool:
    """Rename `source` to `target` unless `target` exists (FileExistsError): True if done,
    False where the system or the file system cannot (then nothing happened)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        rename = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a libc older than glibc 2.28
        return False
    if rename(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target),
              _RENAME_NOREPLACE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, *NO_HARD_LINKS):
        return False
    raise OSError(code, os.strerror(code), str(target))


def _stage(path: Path, data: bytes, mode: int | None = None) -> Path:
    """`data` in a complete temporary file beside `path` (same folder, so rename is atomic),
    with the permissions `mode` (default: `_mode_for(path)`)."""
    if path.parent.exists() and not path.parent.is_dir():
        raise NotADirectoryError(20, msg("parent-not-a-folder", "not a folder"),
                                 str(path.parent))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path) if mode is None else mode)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _replace(temporary: Path, path: Path) -> None:
    os.replace(temporary, path)


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file gets the usual ones
    (mkstemp's private 0600 would hide outputs from the rest of the office)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK
