"""The documents list as the studio serves it first: each content file's name, title, form,
layout, date and last build, read with the plain YAML reader, and the bin. Nothing here runs
`check` nor imports the editing layer, so the list is served within a second of the start;
the badges (`check`'s errors and warnings, an import's guesses) are
`briefing.editing.document_files.document_checks`, asked for by the page once it is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.atomic import safe_name
from briefing.editing.folder_listing import Unopenable, list_folder
from briefing.editing.store import DocumentStore, Snapshot
from briefing.problems import BriefingError
from briefing.source.yaml_source import load_yaml

#: the recoverable bin: a hidden folder of content/ that `build.py` never reads
BIN = ".bin"


@dataclass
class DocumentInfo:
    """One row of the documents list."""

    name: str
    title: str
    form: str
    profile: str
    date: str
    version: str
    last_build: dt.datetime | None
    modified: dt.datetime


def last_build(output: Path, name: str) -> dt.datetime | None:
    stem = safe_name(Path(name).stem)  # as `builds.variants.base_name` names the outputs
    times = [p.stat().st_mtime for p in (output / f"{stem}.{fmt}" for fmt in ("pdf", "docx"))
             if p.is_file()]
    return dt.datetime.fromtimestamp(max(times)) if times else None


def document_title(data: Any, name: str) -> str:
    """What the studio calls a document: its subject, else its title, else its type, else
    its file name (a file too broken to read has only its name)."""
    info = data.get("meta") if isinstance(data, dict) else None
    info = info if isinstance(info, dict) else {}
    return str(info.get("subject") or info.get("title") or info.get("type") or name)


def describe(store: DocumentStore, output: Path, snapshot: Snapshot) -> DocumentInfo:
    name = snapshot.name
    try:
        data: Any = load_yaml(name, snapshot.text).data
    except BriefingError:  # a broken file is still listed (its badges say why)
        data = {}
    info = data.get("meta") if isinstance(data, dict) else None
    info = info if isinstance(info, dict) else {}
    return DocumentInfo(
        name=name, title=document_title(data, name), form=str(info.get("form") or "booklet"),
        profile=str(info.get("profile") or "party"), date=str(info.get("date") or ""),
        version=snapshot.version, last_build=last_build(output, name),
        modified=dt.datetime.fromtimestamp(store.path(name).stat().st_mtime))


def list_documents(store: DocumentStore, output: Path
                   ) -> tuple[list[DocumentInfo], list[Unopenable]]:
    """Every `content/*.yaml`: the documents described, and the files that cannot be opened
    with their reasons (listed too: one odd file never takes the list down)."""
    listing = list_folder(store)
    return [describe(store, output, snapshot) for snapshot in listing.opened], \
        listing.unopenable


# -- the bin ----------------------------------------------------------------------------------
@dataclass
class BinEntry:
    key: str  # the file name inside the bin
    name: str  # the name it had
    deleted: dt.datetime


def bin_dir(store: DocumentStore) -> Path:
    return store.root / BIN


def bin_entries(store: DocumentStore) -> list[BinEntry]:
    folder = bin_dir(store)
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.iterdir(), reverse=True):
        stamp, sep, rest = path.name.partition("--")
        if not sep or not path.is_file():
            continue
        try:
            when = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        out.append(BinEntry(path.name, rest.replace("--", "/", 1) if rest.startswith(
            ("units--", "meetings--")) else rest, when))
    return out
