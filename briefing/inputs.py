"""The one guard every file the program reads, and every folder it writes into, goes through.

Content, unit, meeting and profile files, `--units` arguments, batch state files, edition
manifests, archived PDFs and the paths those name are all user input: a command line, an
upload or an archive may name a FIFO (reading it blocks for ever), a device (`/dev/zero` never
ends), a symlink loop, a file far too large, or a path that climbs out of the folder it
belongs to. Each reader calls one function here instead of `open()`/`read_bytes()`, so a
hostile path becomes a one-line `BriefingError` naming it, never a hang, a traceback, a
memory blow-up or a read outside the folder:

- `read_input`: regular files only (checked before opening, and opened non-blocking so a file
  swapped for a FIFO cannot block), size capped before and while reading;
- `confined`: a relative path read back from a file (a manifest, a recipe, a request) resolved
  inside its root, or refused;
- `output_folder`: a folder to write into that is not reached through a link out of its root.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import Any

from briefing.messages import Message, msg
from briefing.problems import BriefingError, Position, Problem

KB = 1000
MB = 1000 * KB

#: What the guarded thing is called in messages, by default ("file does not exist").
FILE = msg("what-file", "file")
PATH = msg("what-path", "path")
OUTPUT_FOLDER = msg("what-output-folder", "output folder")
ARCHIVE_FOLDER = msg("what-archive-folder", "archive folder")
What = Message | str

#: A URL, or a Windows drive ("C:"): never a path relative to a folder of ours.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

_LINK = msg("kind-link", "a symbolic link")
_KINDS = ((stat.S_ISLNK, _LINK), (stat.S_ISDIR, msg("kind-folder", "a folder")),
          (stat.S_ISFIFO, msg("kind-fifo", "a named pipe (FIFO)")),
          (stat.S_ISCHR, msg("kind-character-device", "a character device")),
          (stat.S_ISBLK, msg("kind-block-device", "a block device")),
          (stat.S_ISSOCK, msg("kind-socket", "a socket")))

#: errno -> what a clerk is told (the strerror of the others is clear enough)
_OS_MESSAGES = {
    errno.ELOOP: (msg("symlink-loop", "{what} is a symbolic link that leads back to itself "
                                      "(a symlink loop)"),
                  msg("symlink-loop-hint", "remove the link or point it at a real file")),
    errno.ENOENT: (msg("does-not-exist", "{what} does not exist"), None),
    errno.EACCES: (msg("permission-denied", "{what} cannot be read: permission denied"), None),
    errno.ENOTDIR: (msg("not-a-folder-on-path", "{what} does not exist (a part of the path is "
                                                "not a folder)"), None),
    errno.ENAMETOOLONG: (msg("name-too-long", "{what} cannot be used: the name is too long"),
                         None),
}


def printable(path: object) -> str:
    """A path fit for a one-line message: control and other invisible characters spelled out
    as <U+001B>, so a hostile file name cannot rewrite the terminal or split a line."""
    text = os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(path)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "".join(char if char.isprintable() or char == " " else f"<U+{ord(char):04X}>"
                   for char in text)


def shown(path: object) -> str:
    """`path` for a message: relative to the working folder when it is inside it (links are
    not followed: the path as the user would type it), printable."""
    if isinstance(path, (str, os.PathLike)):
        try:
            absolute = os.path.abspath(path)
            if Path(absolute).is_relative_to(Path.cwd()):
                return printable(os.path.relpath(absolute))
        except (OSError, ValueError):
            pass
    return printable(path)


def _where(path: object) -> Position:
    return Position(printable(path))


_NAME_A_FILE = msg("name-a-file", "name a file")


def _not_regular(what: What, kind: Message) -> Message:
    return msg("not-a-regular-file", "{what} is {kind}, not a regular file", what=what,
               kind=kind)


def _kind(mode: int) -> Message:
    return next((name for test, name in _KINDS if test(mode)),
                msg("kind-irregular", "not a regular file"))


def _os_error(path: object, what: What, exc: OSError) -> BriefingError:
    message, hint = _OS_MESSAGES.get(exc.errno or 0, (None, None))
    if message is None:
        message = msg("cannot-read", "{what} cannot be read: {reason}",
                      reason=exc.strerror or str(exc))
    return BriefingError(Problem(_where(path), message.given(what=what), hint=hint))


def _check_name(path: object, what: What) -> str:
    name = os.fspath(path)  # type: ignore[call-overload]
    if "\0" in name:
        raise BriefingError(Problem(_where(name), msg(
            "nul-in-path", "{what}: a path cannot contain a NUL byte", what=what)))
    return name


class NotPlainFile(BriefingError):
    """The path is not a regular file (a folder, a FIFO, a device; with `follow_links` False,
    a link): callers that skip such entries, or say it in their own words, catch this."""


def read_input(path: Path | str, *, limit: int, what: What = FILE,
               follow_links: bool = True) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them, or a one-line error.

    The file is examined before it is opened (a FIFO, a device, a folder or a socket is refused
    by its type, a symlink loop by name, an oversize file by its size), then opened without
    blocking and checked again through the descriptor (it may have been swapped meanwhile), and
    read with the cap enforced as it goes: a file that grows, or a /proc file that says it is
    empty, cannot make the program read more than `limit` bytes.

    `follow_links` False: `path` itself must be the file — a link in its place is refused,
    never followed, even one swapped in after the check (O_NOFOLLOW): for files found in a
    folder of ours (outputs, archives, state and stamp files), where a link is never
    legitimate.
    """
    name = _check_name(path, what)
    try:
        info = os.stat(name) if follow_links else os.lstat(name)
    except OSError as exc:
        raise _os_error(path, what, exc) from None
    _check_regular(path, info, what, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_CLOEXEC", 0) | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    try:
        descriptor = os.open(name, flags)
    except OSError as exc:
        if not follow_links and exc.errno == errno.ELOOP:  # swapped for a link meanwhile
            raise NotPlainFile(Problem(_where(path), _not_regular(what, _LINK),
                                       hint=_NAME_A_FILE)) from None
        raise _os_error(path, what, exc) from None
    try:
        _check_regular(path, os.fstat(descriptor), what, limit)
        return _read_capped(descriptor, path, what, limit)
    except OSError as exc:
        raise _os_error(path, what, exc) from None
    finally:
        os.close(descriptor)


def _read_capped(descriptor: int, path: object, what: What, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise BriefingError(Problem(
                _where(path), msg("grew-past-limit", "{what} is larger than the limit of "
                                  "{limit:,} bytes (it grew while being read, or it has "
                                  "no end)", what=what, limit=limit),
                hint=RIGHT_FILE))


RIGHT_FILE = msg("right-file-hint", "check that this is the right file")


def _check_regular(path: object, info: os.stat_result, what: What, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise NotPlainFile(Problem(_where(path), _not_regular(what, _kind(info.st_mode)),
                                   hint=_NAME_A_FILE))
    if info.st_size > limit:
        raise BriefingError(Problem(
            Position(printable(path), 1, 1), too_large(info.st_size, limit),
            hint=msg("too-large-hint", "split the content or check that this is the right "
                                       "file")))


def too_large(size: int, limit: int, what: What | None = None) -> Message:
    """"file is 2,500,000 bytes, more than the limit of 2,000,000" (or "figure file 'x' is …")."""
    return msg("too-large", "{what} is {size:,} bytes, more than the limit of {limit:,}",
               what=what or FILE, size=size, limit=limit)


def regular_file(path: Path | str) -> bool:
    """Whether `path` itself (not a link's target) is a regular file: for files found in a
    folder of ours (outputs, archives), where a link or a FIFO is never legitimate."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


# -- paths named by untrusted data -------------------------------------------------------------

def relative_path_problem(text: object) -> Message | None:
    """Why `text` is not a plain relative path inside a folder ("is absolute", "climbs out
    with '..'", …), or None. Syntax only: `confined` also follows the links."""
    if not isinstance(text, str):
        return msg("path-not-text", "is not text")
    if not text or text.strip() != text:
        return msg("path-blank", "is empty or starts or ends with a blank")
    if "\0" in text:
        return msg("path-nul", "contains a NUL byte")
    if not text.isprintable():
        return msg("path-control", "contains control characters")
    if "\\" in text:
        return msg("path-backslash", "contains a backslash (paths use '/')")
    if _SCHEME.match(text):
        return msg("path-url", "is a URL or a drive, not a path inside the folder")
    pure = PurePosixPath(text)
    if pure.is_absolute():
        return msg("path-absolute", "is absolute, not relative to the folder")
    if ".." in pure.parts:
        return msg("path-climbs", "climbs out of the folder with '..'")
    if pure.parts in ((), (".",)):
        return msg("path-folder-itself", "names the folder itself, not a file in it")
    return None


def real_path(path: Path | str, what: What = PATH, name: str | None = None) -> Path:
    """`path` with every link resolved (a missing tail is kept as written); a symlink loop is
    a one-line error, never Python's RuntimeError."""
    text = _check_name(path, what)
    try:
        return Path(os.path.realpath(text, strict=True))
    except FileNotFoundError:
        pass
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _os_error(name or path, what, exc) from None
    # a missing part: resolve what exists; a loop among the existing parts still shows
    resolved = Path(os.path.realpath(text))
    for parent in (resolved, *resolved.parents):
        try:
            os.stat(parent)
            break
        except FileNotFoundError:
            continue
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _os_error(name or parent, what, exc) from None
            break
    return resolved


def confined(root: Path, candidate: str | Path, *, what: What,
             where: Position | None = None) -> Path:
    """The real path of `candidate`, a path relative to `root`, if it stays inside `root`.

    Refused with a one-line error (at `where`, by default `root`): absolute paths, '..',
    NUL and control characters, backslashes, URLs, and links that lead out of `root`.
    """
    position = where or _where(root)
    text = os.fspath(candidate) if isinstance(candidate, Path) else candidate
    problem = relative_path_problem(text)
    if problem is not None:
        raise BriefingError(Problem(position, msg("path-refused", "{what} '{path}' {problem}",
                                                  what=what, path=printable(str(text)),
                                                  problem=problem)))
    base = real_path(root, what)
    target = real_path(base / text, what)
    if not target.is_relative_to(base):
        raise BriefingError(Problem(position, msg(
            "path-leads-outside", "{what} '{path}' leads outside {root} through a link",
            what=what, path=printable(text), root=printable(root))))
    return target


# -- folders written into ---------------------------------------------------------------------

def output_folder(folder: Path, *, root: Path | None = None,
                  what: What = OUTPUT_FOLDER) -> Path:
    """`folder`, checked before anything is written into it: a folder (or not there yet, to be
    created), no symlink loop, and with `root`, not reached through a link that leads out of
    `root` (a link planted at `output/<name>` must not send a build's files elsewhere).

    An explicit folder given by the user gets no `root`: it is theirs to choose.
    """
    target = real_path(folder, what, shown(folder))
    if target.exists() and not target.is_dir():
        raise BriefingError(Problem(Position(shown(folder)), msg(
            "not-a-folder", "{what} is not a folder", what=what), hint=msg(
            "not-a-folder-hint", "remove the file in the way or choose another folder")))
    if root is not None:
        base = real_path(root, what)
        if not target.is_relative_to(base):
            raise BriefingError(Problem(
                Position(shown(folder)),
                msg("folder-leads-outside", "{what} leads outside {root} through a link (to "
                    "{target}); nothing is written there", what=what, root=shown(root),
                    target=printable(target)),
                hint=msg("folder-leads-outside-hint",
                         "remove the link, or name the folder with --out")))
    return folder


def parse_json(raw: bytes, what: What = FILE) -> Any:
    """JSON read back from a file anyone may have edited (a manifest, a recipe, a state
    file): ValueError (its argument a `Message`) saying what is wrong, whatever the bytes —
    not UTF-8, not JSON, or nested so deep that the parser would exhaust the stack."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(msg("json-not-utf8", "the {what} is not UTF-8 text", what=what)
                         ) from None
    except json.JSONDecodeError as exc:
        raise ValueError(msg("json-invalid", "the {what} is not valid JSON ({reason} at line "
                             "{line})", what=what, reason=exc.msg, line=exc.lineno)) from None
    except RecursionError:
        raise ValueError(msg("json-too-deep", "the {what} is nested too deep to be one of ours",
                             what=what)) from None
