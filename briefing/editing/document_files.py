"""The documents of a project: the badges of their list (`check`; the list itself is
`briefing.editing.document_rows`), new ones from a form, duplicates, imports, and a
recoverable bin instead of deletion.

Deleting moves the file into `content/.bin/` (a hidden folder `build.py` never reads) under a
name that records when; restoring moves it back under a free name. Nothing is ever unlinked.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.atomic import NO_HARD_LINKS, write_new
from briefing.editing.document_rows import BinEntry, bin_dir, bin_entries
from briefing.editing.document_rows import document_title as document_title
from briefing.editing.field_findings import check_text
from briefing.editing.folder_listing import list_folder, why_not, yaml_names
from briefing.editing.import_review import guesses
from briefing.editing.new_document import TYPE_OF_FORM, new_content
from briefing.editing.refusals import Conflict, EditError, Taken
from briefing.editing.store import (
    NOT_BINNED,
    NOT_CREATED,
    DocumentStore,
    Snapshot,
    check_name,
    confined,
    version_of,
    writing,
)
from briefing.messages import msg
from briefing.text.slug import slug, unique

FORMS = ("booklet", "official")
#: the folder of the pictures imports bring (content/media/)
MEDIA = "media"


@dataclass(frozen=True)
class Checks:
    """The badges of a row of the documents list: what `check` finds, and the notes an import
    left to review (placeholders among them: not "valid" until seen)."""

    errors: int
    warnings: int
    guesses: int = 0


def content_names(store: DocumentStore) -> list[str]:
    """The briefings and documents: `content/*.yaml` (as `build.py` builds them)."""
    return [name for name in yaml_names(store.root)
            if why_not(name) is None and (store.root / name).is_file()]


def checks_of(store: DocumentStore, snapshot: Snapshot) -> Checks:
    result = check_text(store.path(snapshot.name), snapshot.text)
    return Checks(result.errors, result.warnings, len(guesses(snapshot.name, snapshot.text)))


def document_checks(store: DocumentStore) -> dict[str, Checks]:
    """The badges of every document the list shows (`document_rows.list_documents`), by
    name: asked for once the list is on the page (`check` is the slow part of a list)."""
    return {snapshot.name: checks_of(store, snapshot) for snapshot in list_folder(store).opened}


def free_name(store: DocumentStore, wanted: str, folder: str = "") -> str:
    """`folder/wanted.yaml`, or `folder/wanted-2.yaml` … when taken: the name is looked for
    where the file will be made. Call it holding `store.naming`, and make the file with an
    exclusive create (`store.create`): the name may still be taken by another program."""
    prefix = f"{folder}/" if folder else ""
    stem = unique(slug(wanted, fallback="tai-lieu", whole_words=True),
                  lambda stem: store.taken(f"{prefix}{stem}.yaml"))
    return f"{prefix}{stem}.yaml"


def new_document(store: DocumentStore, form: str, fields: dict[str, str],
                 name: str | None = None, *, profile: str = "party", doc_type: str = "",
                 today: dt.date | None = None) -> str:
    """A new content file of the type `doc_type` of `profile` (else the usual type of `form`)
    with the meta `fields` given (`briefing.editing.new_document`); returns its name."""
    if not doc_type and form not in FORMS:
        raise EditError(msg("edit-form", "Choose the kind of document: an internal information "
                            "booklet or an official document."))
    key = doc_type or TYPE_OF_FORM[form]
    text = new_content(profile, key, fields, today or dt.date.today())
    return _create(store, name or fields.get("subject") or key, text.encode("utf-8"))


def _create(store: DocumentStore, wanted: str, data: bytes) -> str:
    """A new content file under the first free name for `wanted`; returns the name."""
    with store.naming:
        target = check_name(free_name(store, wanted))
        store.create(target, data)
    return target


def duplicate(store: DocumentStore, name: str) -> str:
    data = store.read_bytes(name)
    return _create(store, Path(name).stem + "-ban-sao", data)


# -- imports ----------------------------------------------------------------------------------
def _import_names(stem: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The names an import under `stem` makes (`briefing.importing`): content files `stem`,
    `stem-2` … (one per document of the source), pictures `media/<document>-<n>.<ext>`."""
    documents_ = rf"{re.escape(stem)}(-\d+)?"
    return (re.compile(documents_ + r"\.yaml"), re.compile(documents_ + r"-\d+\.[A-Za-z0-9]+"))


def import_stem(store: DocumentStore, wanted: str) -> str:
    """The stem to import a file under: none of the content files nor the pictures an import
    under it makes is there yet (a picture of an earlier import of a same-named file, even of
    a document since deleted, is never taken for this one's)."""
    return unique(slug(wanted, fallback="tai-lieu-nhap"),
                  lambda stem: _import_clashes(store, stem))


def _import_clashes(store: DocumentStore, stem: str) -> bool:
    content, pictures = _import_names(stem)
    media = store.root / MEDIA
    return any(content.fullmatch(p.name) for p in store.root.iterdir()) or (
        media.is_dir() and any(pictures.fullmatch(p.name) for p in media.iterdir()))


def save_imported(store: DocumentStore, made: list[tuple[str, str]],
                  media: dict[str, bytes]) -> list[str]:
    """The importer's documents as new content files under the names it gave them
    (`import_stem`), their pictures first: all of them or, if any name is taken (`Taken`),
    none, and never over an existing file. Returns the names, first one first."""
    if not made:
        raise EditError(msg("edit-import-empty", "The file has nothing to import."))
    files = [(relative, data) for relative, data in media.items()]
    files += [(check_name(f"{stem}.yaml"), text.encode("utf-8")) for stem, text in made]
    created: list[Path] = []
    with store.naming:
        try:
            for relative, data in files:
                path = confined(store.root, relative)
                try:
                    with writing(relative, NOT_CREATED):
                        write_new(path, data)
                except FileExistsError:
                    raise Taken(relative) from None
                created.append(path)
        except BaseException:
            for path in created:  # files this call made a moment ago, nobody else's
                path.unlink(missing_ok=True)
            raise
    return [f"{stem}.yaml" for stem, _ in made]


# -- the bin ----------------------------------------------------------------------------------
def trash(store: DocumentStore, name: str, version: str | None = None) -> BinEntry:
    """Move the file into the bin (refused if it changed since `version`, when given)."""
    name = check_name(name)
    with store.lock(name):
        data = store.read_bytes(name)
        if version is not None and version_of(data) != version:
            raise Conflict(version_of(data))
        folder = bin_dir(store)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        key = f"{stamp}--{name.replace('/', '--')}"
        with writing(name, NOT_BINNED):
            folder.mkdir(exist_ok=True)
            os.replace(store.path(name), folder / key)
        store.forget(name)
        return BinEntry(key, name, dt.datetime.now())


def restore(store: DocumentStore, key: str) -> str:
    """Put a binned file back under its name, or `<name>-khoi-phuc.yaml` … in its folder when
    that is taken: never over another file."""
    with store.naming:  # two restores of one entry: the second finds it gone
        entry = next((e for e in bin_entries(store) if e.key == key), None)
        if entry is None:
            raise EditError(msg("edit-bin-missing", "This document is not in the bin."))
        source = bin_dir(store) / entry.key
        target = check_name(entry.name)
        if store.taken(target):
            folder, _, leaf = target.rpartition("/")
            target = check_name(free_name(store, Path(leaf).stem + "-khoi-phuc", folder))
        with writing(target, NOT_CREATED):
            try:
                os.link(source, store.path(target))  # refused if the name is taken meanwhile
            except FileExistsError:
                raise Taken(target) from None
            except OSError as error:
                if error.errno not in NO_HARD_LINKS:
                    raise
                store.create(target, source.read_bytes())  # a copy, created exclusively
            source.unlink()
    return target
