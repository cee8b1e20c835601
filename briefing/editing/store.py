"""Content files as the studio reads and writes them: confined to one folder, versioned by the
hash of their bytes, written atomically, one change at a time, with undo.

Every change names the version it was made on. If the file has changed since (another tab,
another program) the change is refused with `Conflict`, never applied over someone else's
work. The bytes before each change are kept (in memory, per file), so the last changes can be
undone as long as nobody changed the file in between.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import inputs
from briefing.atomic import write_atomic, write_new
from briefing.editing.refusals import Conflict, EditError, Taken
from briefing.messages import Message, msg
from briefing.problems import BriefingError
from briefing.source.yaml_source import MAX_FILE_BYTES
from briefing.system_errors import disk_full, is_disk_full, os_reason, shown_name, write_failure

if TYPE_CHECKING:  # changes only: reading and listing files never import the editing layer
    from briefing.editing.operations import Outcome

#: `name.yaml` or `units/name.yaml`, `meetings/name.yaml`: what the studio may open
SUBFOLDERS = ("units", "meetings")
_NAME = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|]{1,120}\.yaml")
UNDO_DEPTH = 50

#: what a document is called in messages of the input guard
_DOCUMENT = msg("what-document", "document")


NOT_SAVED = msg("edit-not-saved", "'{name}' was not saved: {reason}. What you typed is still on "
                "the page.")
NOT_CREATED = msg("edit-not-created", "'{name}' was not created: {reason}.")
NOT_BINNED = msg("edit-not-binned", "'{name}' was not moved to the bin: {reason}.")


@contextlib.contextmanager
def writing(name: str | None, refusal: Message) -> Iterator[None]:
    """A failed write (a full disk, a read-only folder) as a refusal naming the document
    (`name`, else the file the write was for, never its temporary name), `refusal` worded
    with it and the reason; 507 when the disk is full, never a server error page."""
    try:
        yield
    except BriefingError as error:
        reason = write_failure(error)
        if reason is None:
            raise
        full, where = is_disk_full(error), error.problems[0].position.file
    except FileExistsError:  # a name taken: the caller's to say (`Taken`)
        raise
    except OSError as exc:
        reason, full, where = os_reason(exc), disk_full(exc), exc.filename
    else:
        return
    refused = EditError(refusal.given(name=name or shown_name(where, "?"), reason=reason))
    refused.status = 507 if full else 403
    raise refused


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


@dataclass(frozen=True)
class Snapshot:
    name: str
    text: str
    version: str


@dataclass(frozen=True)
class Change:
    snapshot: Snapshot
    outcome: Outcome


def check_name(name: Any) -> str:
    """A content file name the studio accepts: no folders but units/ and meetings/, no
    hidden files, no way out of the content folder."""
    if not isinstance(name, str):
        raise EditError(msg("edit-name", "The document's name is not valid."))
    name = unicodedata.normalize("NFC", name)
    parts = name.split("/")
    if len(parts) > 2 or (len(parts) == 2 and parts[0] not in SUBFOLDERS):
        raise EditError(msg("edit-name", "The document's name is not valid."))
    leaf = parts[-1]
    if not _NAME.fullmatch(leaf) or leaf.startswith(".") or leaf.strip() != leaf:
        raise EditError(msg("edit-name", "The document's name is not valid."))
    return name


def confined(root: Path, name: str) -> Path:
    """`root/name` (its real path), refused if it, or a link on the way, leads outside `root`
    (the program's one path guard, `briefing.inputs.confined`)."""
    try:
        return inputs.confined(root, name, what=_DOCUMENT)
    except BriefingError:
        raise EditError(msg("edit-outside", "The path leads outside the content folder.")) from None


class DocumentStore:
    """The content folder: read, change (with a version check), undo."""

    def __init__(self, root: Path, undo_depth: int = UNDO_DEPTH):
        self.root = Path(root)
        self.undo_depth = undo_depth
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        #: held while a new file's name is chosen and the file made: two requests never pick
        #: the same free name
        self.naming = threading.Lock()
        #: name -> stack of (bytes before a change, version after it)
        self._history: dict[str, list[tuple[bytes, str]]] = {}
        #: name -> stack of (bytes an undo took away, version the undo left): redo
        self._redo: dict[str, list[tuple[bytes, str]]] = {}
        #: name -> (version, round-trip tree, its rendering): the next edit skips a parse
        self._trees: dict[str, tuple[str, Any, str]] = {}

    # -- files ----------------------------------------------------------------------------
    def path(self, name: str) -> Path:
        return confined(self.root, check_name(name))

    def lock(self, name: str) -> threading.Lock:
        """The lock of one file, keyed by its NFC name, as its path is: a save sent under
        the name's NFD form waits for one sent under its NFC form."""
        key = check_name(name)
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def read_bytes(self, name: str) -> bytes:
        """The file's bytes: a regular file under the size cap (`briefing.inputs.read_input`)."""
        path = self.path(name)
        if not path.exists():
            raise EditError(msg("edit-missing", "This document was not found."))
        try:
            return inputs.read_input(path, limit=MAX_FILE_BYTES, what=_DOCUMENT)
        except BriefingError as error:
            raise EditError(msg("edit-unreadable", "The file cannot be read: {problem}",
                                problem=error.problems[0].message)) from None

    def read(self, name: str) -> Snapshot:
        return self._read(name)[1]

    def _read(self, name: str) -> tuple[bytes, Snapshot]:
        name = check_name(name)
        data = self.read_bytes(name)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise EditError(msg("edit-not-utf8", "The file is not UTF-8 text.")) from None
        return data, Snapshot(name, text, version_of(data))

    def taken(self, name: str) -> bool:
        """Whether something (a file, a folder, a link, even a broken one) has this name."""
        return os.path.lexists(self.path(name))

    def create(self, name: str, data: bytes) -> None:
        """A new file `name` holding `data`; `Taken` if the name is used, even by a file made
        a moment ago by another program: never written over."""
        try:
            with writing(name, NOT_CREATED):
                write_new(self.path(name), data)
        except FileExistsError:
            raise Taken(name) from None

    # -- changes --------------------------------------------------------------------------
    def change(self, name: str, version: str, operation: str, args: dict[str, Any]) -> Change:
        """Apply `operation` to the file if it is still at `version`; write it atomically."""
        return self.change_many(name, version, [(operation, args)])

    def change_many(self, name: str, version: str,
                    operations: list[tuple[str, dict[str, Any]]]) -> Change:
        """Several operations as one change (one write, one undo step): the edits typed in
        several fields before the studio saved."""
        if not operations:
            raise EditError(msg("edit-no-change", "Nothing to change."))
        from briefing.editing.operations import Context, Outcome, apply_operation
        from briefing.editing.yamltext import dump_minimal, render

        def edit(snapshot: Snapshot) -> tuple[str, Outcome, tuple[Any, str] | None]:
            # edited in place, not copied (~0.02 s a save): the tree is kept again for the
            # new version once it is written (`_write`); a change refused half-way leaves no
            # tree kept, the file is parsed again at the next change
            edited, rendered = self._take_tree(snapshot)
            context = Context(snapshot.text, self.path(name), edited)
            outcome = Outcome()
            for operation, args in operations:
                outcome = apply_operation(edited, operation, args, context)
                context.changed()  # the next one sees the tree as this one left it
            after = render(edited)
            text = dump_minimal(snapshot.text, None, None, rendered, after)
            return text, outcome, (edited, after)

        return self._write(name, version, edit)

    def _take_tree(self, snapshot: Snapshot) -> tuple[Any, str]:
        """The round-trip tree of the file at this version, and its rendering (kept from the
        last change made here, else parsed now), for the caller to change: no longer kept."""
        known = self._trees.pop(snapshot.name, None)
        if known is not None and known[0] == snapshot.version:
            return known[1], known[2]
        from briefing.editing.yamltext import load_tree, render

        try:
            tree = load_tree(snapshot.text, snapshot.name)
        except BriefingError as error:
            raise EditError(msg("edit-yaml", "The file has a YAML syntax error and cannot be "
                                "changed with the editor: {problem}",
                                problem=str(error.problems[0]))) from None
        return tree, render(tree)

    def replace_text(self, name: str, version: str,
                     make: Callable[[Snapshot], str]) -> Snapshot:
        """Replace the whole text (fix all, restore) under the same version check."""
        from briefing.editing.operations import Outcome

        return self._write(name, version, lambda s: (make(s), Outcome(), None)).snapshot

    def _write(self, name: str, version: str,
               edit: Callable[[Snapshot], tuple[str, Outcome, tuple[Any, str] | None]]
               ) -> Change:
        name = check_name(name)  # one key per file: its NFC name (lock, history, trees)
        with self.lock(name):
            before, current = self._read(name)
            if current.version != version:
                raise Conflict(current.version)
            text, outcome, tree = edit(current)
            if text == current.text:
                if tree is not None:  # the same text: the tree still stands for this version
                    self._trees[name] = (current.version, *tree)
                return Change(current, outcome)
            data = text.encode("utf-8")
            if len(data) > MAX_FILE_BYTES:
                raise EditError(msg("edit-too-large", "The document is larger than allowed."))
            # the change was made on `before`: another program that saved meanwhile is a
            # conflict, never overwritten (nor its bytes kept as what undo puts back)
            now = version_of(self.read_bytes(name))
            if now != current.version:
                raise Conflict(now)
            with writing(name, NOT_SAVED):
                write_atomic(self.path(name), data)
            new = Snapshot(name, text, version_of(data))
            if tree is not None:  # the edited tree: its rendering is what the file's would be
                self._trees[name] = (new.version, *tree)
            else:  # a whole new text (fix all, raw): parsed again next time
                self._trees.pop(name, None)
            stack = self._history.setdefault(name, [])
            stack.append((before, new.version))
            del stack[:-self.undo_depth]
            self._redo.pop(name, None)  # a new change: what was undone stays undone
            return Change(new, outcome)

    def can_undo(self, name: str, version: str) -> bool:
        stack = self._history.get(check_name(name))
        return bool(stack) and stack[-1][1] == version

    def can_redo(self, name: str, version: str) -> bool:
        stack = self._redo.get(check_name(name))
        return bool(stack) and stack[-1][1] == version

    def undo(self, name: str, version: str) -> Snapshot:
        """Put back the bytes before the last change made here, if the file is as it left it."""
        return self._step(check_name(name), version, self._history, self._redo,
                          msg("edit-no-undo", "There is no change left to undo."))

    def redo(self, name: str, version: str) -> Snapshot:
        """Make again the change the last undo took away, if the file is as the undo left it."""
        return self._step(check_name(name), version, self._redo, self._history,
                          msg("edit-no-redo", "There is no undone change to make again."))

    def _step(self, name: str, version: str, source: dict[str, list[tuple[bytes, str]]],
              target: dict[str, list[tuple[bytes, str]]], nothing: Any) -> Snapshot:
        """Write the bytes on top of `source` (undo: the history; redo: what undo took), if
        the file is the version they were left at; what they replace goes onto `target`."""
        with self.lock(name):
            taken, current = self._read(name)
            if current.version != version:
                raise Conflict(current.version)
            stack = source.get(name) or []
            if not stack or stack[-1][1] != current.version:
                raise EditError(nothing)
            data, _ = stack[-1]
            with writing(name, NOT_SAVED):
                write_atomic(self.path(name), data)
            stack.pop()
            target.setdefault(name, []).append((taken, version_of(data)))
            return self.read(name)

    def forget(self, name: str) -> None:
        name = check_name(name)
        self._history.pop(name, None)
        self._redo.pop(name, None)
