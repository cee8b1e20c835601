"""The documents of a project as the studio lists them; new ones from a form; duplicates; a
recoverable bin instead of deletion.

Deleting moves the file into `content/.bin/` (a hidden folder `build.py` never reads) under a
name that records when; restoring moves it back under a free name. Nothing is ever unlinked.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.atomic import safe_name, write_atomic
from briefing.editing import meta
from briefing.editing.errors import EditError
from briefing.editing.findings import check_text
from briefing.editing.outline import slug
from briefing.editing.store import DocumentStore, check_name, confined, version_of
from briefing.editing.yamltext import dump_minimal, load_tree
from briefing.source.yaml_source import load_yaml

BLANKS = Path(__file__).parent / "blanks"
FORMS = ("booklet", "official")
BIN = ".bin"


@dataclass
class DocumentInfo:
    """One row of the documents list."""

    name: str
    title: str
    form: str
    profile: str
    date: str
    errors: int
    warnings: int
    version: str
    last_build: dt.datetime | None
    modified: dt.datetime


def output_stem(name: str) -> str:
    """The name `build` gives the outputs of content file `name`."""
    return safe_name(Path(name).stem)


def last_build(output: Path, name: str) -> dt.datetime | None:
    times = [p.stat().st_mtime for p in (output / f"{output_stem(name)}.{fmt}"
                                          for fmt in ("pdf", "docx")) if p.is_file()]
    return dt.datetime.fromtimestamp(max(times)) if times else None


def content_names(store: DocumentStore) -> list[str]:
    """The briefings and documents: `content/*.yaml` (as `build.py` builds them)."""
    return sorted(p.name for p in store.root.glob("*.yaml") if p.is_file())


def describe(store: DocumentStore, output: Path, name: str) -> DocumentInfo:
    snapshot = store.read(name)
    result = check_text(store.path(name), snapshot.text)
    data: Any = {}
    try:
        data = load_yaml(name, snapshot.text).data
    except Exception:  # a broken file is still listed, with its errors
        data = {}
    info = data.get("meta") if isinstance(data, dict) else None
    info = info if isinstance(info, dict) else {}
    title = str(info.get("subject") or info.get("title") or info.get("type") or name)
    path = store.path(name)
    return DocumentInfo(
        name=name, title=title, form=str(info.get("form") or "booklet"),
        profile=str(info.get("profile") or "party"), date=str(info.get("date") or ""),
        errors=result.errors, warnings=result.warnings, version=snapshot.version,
        last_build=last_build(output, name),
        modified=dt.datetime.fromtimestamp(path.stat().st_mtime))


def list_documents(store: DocumentStore, output: Path) -> list[DocumentInfo]:
    return [describe(store, output, name) for name in content_names(store)]


def free_name(store: DocumentStore, wanted: str) -> str:
    """`wanted.yaml`, or `wanted-2.yaml` … when taken."""
    stem = slug(wanted, "tai-lieu")[:60]
    candidate, n = f"{stem}.yaml", 2
    while store.path(candidate).exists():
        candidate, n = f"{stem}-{n}.yaml", n + 1
    return candidate


def new_document(store: DocumentStore, form: str, fields: dict[str, str],
                 name: str | None = None) -> str:
    """A new content file of `form` with the meta `fields` given; returns its name."""
    if form not in FORMS:
        raise EditError("Hãy chọn loại tài liệu: tài liệu thông tin nội bộ hoặc văn bản.")
    text = (BLANKS / f"{form}.yaml").read_text(encoding="utf-8")
    tree = load_tree(text)
    edited = load_tree(text)
    for field_name, value in fields.items():
        if value is not None and str(value).strip():
            meta.set_field(edited, field_name, value)
    target = check_name(free_name(store, name or fields.get("subject") or form))
    _create(store, target, dump_minimal(text, tree, edited).encode("utf-8"))
    return target


def _create(store: DocumentStore, name: str, data: bytes) -> None:
    path = store.path(name)
    if path.exists():
        raise EditError("Đã có tài liệu mang tên này.")
    write_atomic(path, data)


def duplicate(store: DocumentStore, name: str) -> str:
    data = store.read_bytes(name)
    target = free_name(store, Path(name).stem + "-ban-sao")
    _create(store, target, data)
    return target


def save_new(store: DocumentStore, wanted: str, text: str) -> str:
    """A new content file holding `text` (an import); returns its name."""
    target = check_name(free_name(store, wanted))
    _create(store, target, text.encode("utf-8"))
    return target


def save_imported(store: DocumentStore, made: list[tuple[str, str]],
                  media: dict[str, bytes]) -> list[str]:
    """The importer's documents as new content files, their pictures beside them (under
    content/, never over an existing file); returns the names, first one first."""
    if not made:
        raise EditError("Tệp không có nội dung nào để nhập.")
    for relative, data in media.items():
        path = confined(store.root, relative)
        if path.exists():
            continue  # a picture of that name is there already (the same import, again)
        write_atomic(path, data)
    return [save_new(store, stem, text) for stem, text in made]


# -- the bin ----------------------------------------------------------------------------------
@dataclass
class BinEntry:
    key: str  # the file name inside the bin
    name: str  # the name it had
    deleted: dt.datetime


def bin_dir(store: DocumentStore) -> Path:
    return store.root / BIN


def trash(store: DocumentStore, name: str, version: str | None = None) -> BinEntry:
    """Move the file into the bin (refused if it changed since `version`, when given)."""
    with store.lock(name):
        data = store.read_bytes(name)
        if version is not None and version_of(data) != version:
            from briefing.editing.errors import Conflict

            raise Conflict(version_of(data))
        folder = bin_dir(store)
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        key = f"{stamp}--{name.replace('/', '--')}"
        os.replace(store.path(name), folder / key)
        store.forget(name)
        return BinEntry(key, name, dt.datetime.now())


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


def restore(store: DocumentStore, key: str) -> str:
    entries = {entry.key: entry for entry in bin_entries(store)}
    entry = entries.get(key)
    if entry is None:
        raise EditError("Không tìm thấy tài liệu này trong thùng rác.")
    target = entry.name
    if store.path(target).exists():
        folder, _, leaf = target.rpartition("/")
        leaf = free_name(store, Path(leaf).stem + "-khoi-phuc")
        target = f"{folder}/{leaf}" if folder else leaf
    check_name(target)
    shutil.move(str(bin_dir(store) / entry.key), str(store.path(target)))
    return target
