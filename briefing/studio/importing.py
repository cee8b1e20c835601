"""Uploads of Word, text and Markdown files, turned into content files by the importer.

The studio checks what a browser can lie about (size, name, type by content, not by the name
alone) and hands the bytes to `briefing.importers`, the same importer as the command line.
The upload is written to a private temporary folder first: the importer reads files, and the
name the browser gave is never used as a path.
"""

from __future__ import annotations

import importlib
import tempfile
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from briefing.atomic import safe_name
from briefing.editing.errors import EditError
from briefing.errors import BriefingError, Problem

#: what the studio accepts, by extension (the content is checked too)
KINDS = {".docx": "docx", ".txt": "text", ".md": "markdown", ".markdown": "markdown"}
MAX_UPLOAD = 10 * 1024 * 1024


@dataclass
class Imported:
    """What the importer made: content files (stem, YAML text), pictures, and its notes."""

    documents: list[tuple[str, str]]
    media: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def kind_of(filename: str, data: bytes) -> str:
    """The kind of an upload, from its extension confirmed by its bytes."""
    suffix = Path(filename or "").suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        raise EditError("Chỉ nhập được tệp Word (.docx), văn bản (.txt) hoặc Markdown (.md).")
    if len(data) > MAX_UPLOAD:
        raise EditError("Tệp quá lớn (tối đa 10 MB).")
    if not data:
        raise EditError("Tệp rỗng.")
    if kind == "docx":
        if not data.startswith(b"PK\x03\x04"):
            raise EditError("Tệp này không phải là tệp Word .docx hợp lệ.")
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" not in archive.namelist():
                    raise EditError("Tệp này không phải là tệp Word .docx hợp lệ.")
        except zipfile.BadZipFile:
            raise EditError("Tệp này không phải là tệp Word .docx hợp lệ.") from None
    return kind  # text encodings (UTF-8, UTF-16, legacy Vietnamese) are the importer's job


def _importer():
    try:
        return importlib.import_module("briefing.importers")
    except ImportError:
        return None


def available() -> bool:
    module = _importer()
    return module is not None and hasattr(module, "import_file")


def import_upload(filename: str, data: bytes) -> Imported:
    """The content the importer makes of an uploaded file (nothing is written here)."""
    kind = kind_of(filename, data)
    module = _importer()
    if module is None or not hasattr(module, "import_file"):
        raise EditError("Chức năng nhập tệp chưa có trong phiên bản này.")
    suffix = {"docx": ".docx", "text": ".txt", "markdown": ".md"}[kind]
    stem = Path(filename).stem or "tai-lieu-nhap"
    with tempfile.TemporaryDirectory(prefix="studio-import-") as folder:
        source = Path(folder) / f"{safe_name(stem)}{suffix}"  # named in the file's comment
        source.write_bytes(data)
        try:
            result = module.import_file(source, name=stem)
        except BriefingError as error:
            raise EditError("Không nhập được tệp: " + "; ".join(
                p.message for p in error.problems[:3])) from None
    documents = [(d.name, d.yaml) for d in result.documents]
    media = {k: v for d in result.documents for k, v in d.media.items()}
    return Imported(documents, media, [str(getattr(n, "text", n)) for n in result.notes],
                    [p for d in result.documents for p in d.warnings])
