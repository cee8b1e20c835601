"""Uploads of Word, text and Markdown files, turned into content files by the importer.

The studio checks what a browser can lie about (size, name, type by content, not by the name
alone) and hands the bytes to `briefing.importing`, the same importer as the command line.
The upload is written to a private temporary folder first: the importer reads files, and the
name the browser gave is never used as a path. The importer is imported at the first upload:
the documents list (`accepted`, its dialog) is served before it.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from briefing.atomic import safe_name
from briefing.editing.refusals import EditError, Taken
from briefing.editing.store import DocumentStore
from briefing.messages import Message, joined, msg
from briefing.problems import FIX, BriefingError, Problem

#: what the studio accepts, by extension (the content is checked too)
KINDS = {".docx": "docx", ".txt": "text", ".md": "markdown", ".markdown": "markdown"}
#: accepted where LibreOffice is installed: the importer converts them with it (in a private
#: folder, with a time limit); each is recognised by its first bytes
OFFICE = {".doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".odt": b"PK\x03\x04", ".rtf": b"{\\rtf"}
MAX_UPLOAD = 10 * 1024 * 1024
#: a file over MAX_UPLOAD (said before it is read, by its Content-Length, too)
TOO_LARGE = msg("studio-upload-large", "The file is too large (10 MB at most).")


def office() -> bool:
    """Whether .doc, .odt and .rtf files can be imported here (LibreOffice is installed)."""
    return (shutil.which("soffice") or shutil.which("libreoffice")) is not None


def accepted() -> list[str]:
    """The extensions the import dialog offers."""
    return [*KINDS, *(OFFICE if office() else ())]


@dataclass
class Imported:
    """What the importer made: content files (stem, YAML text), pictures, and its notes."""

    documents: list[tuple[str, str]]
    media: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the text fixes it made (NFC, look-alike letters, spaces, quotes, tone marks)
    fixes: list[str] = field(default_factory=list)


def kind_of(filename: str, data: bytes) -> str:
    """The kind of an upload, from its extension confirmed by its bytes."""
    suffix = Path(filename or "").suffix.lower()
    kind = KINDS.get(suffix) or (suffix if suffix in OFFICE and office() else None)
    if kind is None:
        raise EditError(msg("studio-upload-kind", "Only Word (.docx), text (.txt) or Markdown "
                            "(.md) files can be imported.") if not office() else
                        msg("studio-upload-kind-office", "Only Word (.docx, .doc), "
                            "OpenDocument (.odt), RTF, text (.txt) or Markdown (.md) files can "
                            "be imported."))
    if len(data) > MAX_UPLOAD:
        raise EditError(TOO_LARGE)
    if not data:
        raise EditError(msg("studio-upload-empty", "The file is empty."))
    if kind == "docx":
        if not data.startswith(b"PK\x03\x04"):
            raise EditError(msg("studio-upload-docx", "This file is not a valid Word .docx file."))
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" not in archive.namelist():
                    raise EditError(msg("studio-upload-docx", "This file is not a valid Word .docx "
                                        "file."))
        except zipfile.BadZipFile:
            raise EditError(msg("studio-upload-docx",
                                "This file is not a valid Word .docx file.")) from None
    if kind in OFFICE and not data.startswith(OFFICE[kind]):
        raise EditError(msg("studio-upload-office", "This file is not a valid {kind} file.",
                            kind=kind))
    return kind  # text encodings (UTF-8, UTF-16, legacy Vietnamese) are the importer's job


def import_upload(filename: str, data: bytes, stem: str) -> Imported:
    """The content the importer makes of an uploaded file, its documents and pictures named
    after `stem` (nothing is written here)."""
    from briefing.importing import import_file  # not at start: the documents list needs none

    kind = kind_of(filename, data)
    suffix = {"docx": ".docx", "text": ".txt", "markdown": ".md"}.get(kind, kind)
    source_stem = Path(filename).stem or "tai-lieu-nhap"
    with tempfile.TemporaryDirectory(prefix="studio-import-") as folder:
        source = Path(folder) / f"{safe_name(source_stem)}{suffix}"  # named in the file's comment
        source.write_bytes(data)
        try:
            result = import_file(source, name=stem)
        except BriefingError as error:
            raise EditError(msg("studio-import-failed", "The file cannot be imported: {problems}",
                                problems=joined(_with_hint(p) for p in error.problems[:3]))
                            ) from None
    documents_ = [(d.name, d.yaml) for d in result.documents]
    media = {k: v for d in result.documents for k, v in d.media.items()}
    shown = Path(filename).name
    return Imported(documents_, media, [str(note.in_file(shown)) for note in result.notes],
                    [p for d in result.documents for p in d.warnings],
                    [str(note.in_file(shown)) for note in result.notes if note.severity == FIX])


def _with_hint(problem: Problem) -> Message:
    """A refusal's words and what to do about it, as `build.py import` prints them."""
    return problem.message if problem.hint is None else \
        joined([problem.message, problem.hint], " — ")


def import_into(store: DocumentStore, filename: str, data: bytes) -> tuple[list[str], Imported]:
    """Import an upload as new content files: the name is chosen first (free for the content
    files and for the pictures the import makes), the import names everything after it, and
    all of it is created without replacing any file. Returns the new names and the import."""
    from briefing.editing import document_files as documents

    kind_of(filename, data)  # refused before any work
    for _ in range(3):  # a name taken between the choice and the write: choose again
        stem = documents.import_stem(store, Path(filename).stem)
        imported = import_upload(filename, data, stem)
        try:
            return documents.save_imported(store, imported.documents, imported.media), imported
        except Taken:
            continue
    raise EditError(msg("studio-upload-name", "No name could be chosen for the imported document: "
                        "the name just chosen is taken. Try again."))
