"""Every file of a content folder as the studio lists it: the ones it can open, and the others
each with the reason it cannot (a colleague's odd file name, a file saved by a Mac, a link or
a huge file never takes a page down, and is never silently left out).

Names are compared in NFC, as the store opens them: a name on disk that is not in NFC is
listed with its reason, since the studio (like every name it is sent) reads it as its NFC
form, which is another file on Linux.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from briefing.editing.refusals import EditError
from briefing.editing.store import DocumentStore, Snapshot, check_name
from briefing.inputs import printable
from briefing.messages import Message, msg

#: characters a name may not hold (Windows cannot carry them, and the studio refuses them)
_FORBIDDEN = set(':*?"<>|\\') | {chr(c) for c in range(32)} | {"\x7f"}

NOT_NFC = msg("list-not-nfc", "its name is written in decomposed Unicode (NFD, as a Mac writes "
              "it): rename the file (type its name again) to open it")
NOT_UTF8_NAME = msg("list-name-not-utf8", "its name is not UTF-8 text (made by an old "
                    "program): rename the file to open it")
BAD_CHARACTERS = msg("list-bad-characters", "its name holds a character a document name "
                     "cannot have ({characters}): rename the file without it")
BAD_NAME = msg("list-bad-name", "its name cannot be a document's name (hidden, too long or "
               "with spaces around it): rename the file")


@dataclass(frozen=True)
class Unopenable:
    """A file listed but not opened: its name as on disk (printable) and why."""

    name: str
    reason: Message


@dataclass
class Listing:
    """The files of one folder: those the studio opens (read once), and the others."""

    opened: list[Snapshot] = field(default_factory=list)
    unopenable: list[Unopenable] = field(default_factory=list)


def yaml_names(folder: Path) -> list[str]:
    """Every `*.yaml` entry of `folder` but hidden ones — files, links (even broken ones),
    anything — sorted as their NFC names sort."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries
                     if e.name.endswith(".yaml") and not e.name.startswith(".")
                     and not e.is_dir(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(names, key=lambda name: unicodedata.normalize("NFC", name))


def why_not(name: str, prefix: str = "") -> Message | None:
    """Why a name on disk is not one the studio can open by (None: it can)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return NOT_UTF8_NAME
    if unicodedata.normalize("NFC", name) != name:
        return NOT_NFC
    bad = sorted({c for c in name if c in _FORBIDDEN})
    if bad:
        shown = " ".join("tab" if c == "\t" else printable(c) for c in bad)
        return BAD_CHARACTERS.given(characters=shown)
    try:
        check_name(prefix + name)
    except EditError:
        return BAD_NAME
    return None


def list_folder(store: DocumentStore, folder: str = "") -> Listing:
    """The `*.yaml` files of `content/` (or of `content/units/`, `content/meetings/`), each
    opened or listed with the reason it cannot be."""
    prefix = f"{folder}/" if folder else ""
    listing = Listing()
    for name in yaml_names(store.root / folder if folder else store.root):
        reason = why_not(name, prefix)
        if reason is None:
            try:
                listing.opened.append(store.read(prefix + name))
                continue
            except EditError as error:
                reason = error.message
        listing.unopenable.append(Unopenable(printable(prefix + name), reason))
    return listing
