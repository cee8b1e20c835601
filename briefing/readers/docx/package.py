"""Opening a .docx safely: a ZIP read in memory under caps, refusing what could harm or leak.

A Word file is a ZIP of XML parts. Before a single part is parsed, the archive is checked:
a bounded number of entries, each read with a cap on its real (not declared) size, a total
cap and a compression-ratio cap (ZIP bombs); encrypted files (an OLE compound file holding
an EncryptedPackage), legacy .doc files, macro-enabled documents (vbaProject, the docm
content type), external relationships that a consumer would fetch (linked pictures, linked
objects, templates, frames) and `altChunk` imports are refused with one line each. Embedded
objects (a Visio drawing, an Excel sheet) are not refused: their data is never opened.
XML is parsed without DTDs, entities or network access. Hyperlinks are the one external
target allowed: their address is never followed, only their text is kept.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from briefing.messages import Message, msg
from briefing.problems import BriefingError

MAX_ENTRIES = 2_000
MAX_ENTRY_BYTES = 60_000_000
MAX_TOTAL_BYTES = 150_000_000
#: Real XML compresses 5-20 times; a part that inflates more than this is a bomb.
MAX_RATIO = 200
#: Ratios are only judged past this size (tiny parts compress oddly).
RATIO_FLOOR = 1_000_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MACRO_TYPES = ("macroEnabled", "vbaProject", "ms-office.vbaProject")
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False, remove_comments=True,
                          remove_pis=True)


def refuse(path: Path, message: Message, hint: Message | None = None) -> BriefingError:
    return BriefingError.at(path, message, hint=hint)


_ENCRYPTED = msg("docx-encrypted", "the Word file is encrypted (password protected)")
_ASK_AGAIN = msg("docx-ask-again-hint", "ask for the file again")
_PLAIN_DOCX = msg("docx-macros-hint", "save it in Word as a plain .docx (Word Document) first")
_ALT_CHUNK = msg("docx-alt-chunk", "the Word file imports another file (altChunk)")
_ALT_CHUNK_HINT = msg("docx-alt-chunk-hint",
                      "open it in Word and save it again, which merges the chunk")


@dataclass
class Package:
    """The parts of a checked .docx, by name ("word/document.xml"), as bytes."""

    path: Path
    parts: dict[str, bytes]
    #: relationships of the main document: id -> (type, target part name)
    rels: dict[str, tuple[str, str]] = field(default_factory=dict)
    main: str = "word/document.xml"

    def xml(self, name: str) -> etree._Element | None:
        data = self.parts.get(name)
        if data is None:
            return None
        return parse_xml(data, self.path, name)

    def related(self, rel_type_suffix: str) -> str | None:
        """The part the main document relates to with a type ending in `rel_type_suffix`."""
        for rel_type, target in self.rels.values():
            if rel_type.endswith("/" + rel_type_suffix):
                return target
        return None


def parse_xml(data: bytes, path: Path, name: str) -> etree._Element:
    if b"<!DOCTYPE" in data[:2000] or b"<!ENTITY" in data[:5000]:
        raise refuse(path, msg("docx-dtd", "{name} declares a DTD or entities, which a Word "
                                           "file never does", name=name),
                     msg("docx-dtd-hint", "the file was made to attack XML readers; it is not "
                                          "imported"))
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise refuse(path, msg("docx-xml", "damaged Word file: {name} is not well-formed XML "
                                           "({reason})", name=name, reason=exc.msg),
                     msg("docx-resave-hint", "open it in Word and save it again")) from None


def open_package(data: bytes, path: Path) -> Package:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED in data:
            raise refuse(path, _ENCRYPTED, msg(
                "docx-encrypted-hint", "remove the password in Word (File > Info > Protect "
                "Document) and save again"))
        raise refuse(path, msg("docx-ole", "this is an old binary Word file (.doc) or another "
                                           "OLE file, not a .docx"),
                     msg("docx-ole-hint", "rename it to .doc, or save it as .docx in Word"))
    if not data.startswith(b"PK"):
        raise refuse(path, msg("docx-not-zip", "not a Word document (.docx): the file is not a "
                                               "ZIP archive"),
                     msg("docx-not-zip-hint", "a .docx renamed from another format? open it in "
                                              "Word and save as .docx"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise refuse(path, msg("docx-zip", "not a readable .docx: the ZIP archive is damaged or "
                                           "truncated ({reason})", reason=str(exc)),
                     _ASK_AGAIN) from None
    if len(infos) > MAX_ENTRIES:
        raise refuse(path, msg("docx-entries", "the archive holds {count:,} entries, more than "
                                               "the {limit:,} a Word file ever has",
                               count=len(infos), limit=MAX_ENTRIES))
    parts = _read_entries(archive, infos, path)
    package = Package(path, parts)
    _check_content_types(package)
    _check_relationships(package)
    _check_parts(package)
    return package


def _read_entries(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                  path: Path) -> dict[str, bytes]:
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        name = info.filename
        if info.is_dir():
            continue
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            raise refuse(path, msg("docx-entry-name", "the archive has an entry with an unsafe "
                                                      "name '{name}'", name=name))
        if info.flag_bits & 0x1:
            raise refuse(path, _ENCRYPTED, msg("docx-encrypted-short-hint",
                                               "remove the password in Word and save again"))
        try:
            with archive.open(info) as stream:
                chunk = stream.read(MAX_ENTRY_BYTES + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError) as exc:
            raise refuse(path, msg("docx-entry", "not a readable .docx: entry {name} is damaged "
                                                 "or truncated ({reason})", name=name,
                                   reason=str(exc)), _ASK_AGAIN) from None
        if len(chunk) > MAX_ENTRY_BYTES:
            raise refuse(path, msg("docx-bomb", "entry {name} inflates to more than {limit:,} "
                                                "bytes (a ZIP bomb?)", name=name,
                                   limit=MAX_ENTRY_BYTES))
        if len(chunk) > RATIO_FLOOR and len(chunk) > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(path, msg("docx-bomb", "entry {name} inflates {ratio} times (a ZIP "
                                                "bomb?)", name=name,
                                   ratio=len(chunk) // max(info.compress_size, 1)))
        total += len(chunk)
        if total > MAX_TOTAL_BYTES:
            raise refuse(path, msg("docx-bomb", "the archive inflates to more than {limit:,} "
                                                "bytes (a ZIP bomb?)", limit=MAX_TOTAL_BYTES))
        parts[name] = chunk
    return parts


def _check_content_types(package: Package) -> None:
    path = package.path
    types = package.xml("[Content_Types].xml")
    if types is None:
        raise refuse(path, msg("docx-no-types", "not a Word document (.docx): the archive has "
                                                "no [Content_Types].xml"),
                     msg("docx-no-types-hint", "a ZIP file renamed to .docx?"))
    main = None
    for override in types.iter(f"{{{CT_NS}}}Override"):
        content_type = override.get("ContentType", "")
        if any(word in content_type for word in MACRO_TYPES):
            raise refuse(path, msg("docx-macros", "the Word file contains macros (a .docm)"),
                         _PLAIN_DOCX)
        if content_type in (MAIN, TEMPLATE_MAIN):
            main = override.get("PartName", "").lstrip("/")
    if main is None:
        raise refuse(path, msg("docx-no-main", "not a Word document (.docx): no main document "
                                               "part"),
                     msg("docx-no-main-hint", "an Excel or PowerPoint file? give the Word file"))
    if main not in package.parts:
        raise refuse(path, msg("docx-main-missing", "damaged Word file: the main part {name} is "
                                                    "missing", name=main))
    package.main = main
    if any(name.lower().endswith("vbaproject.bin") for name in package.parts):
        raise refuse(path, msg("docx-macros", "the Word file contains macros (vbaProject.bin)"),
                     _PLAIN_DOCX)


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _check_relationships(package: Package) -> None:
    for name in [n for n in package.parts if n.endswith(".rels")]:
        root = package.xml(name)
        if root is None:
            continue
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rel_type = rel.get("Type", "")
            if rel.get("TargetMode") == "External" and rel_type != HYPERLINK:
                kind = rel_type.rsplit("/", 1)[-1]
                raise refuse(package.path, msg(
                    "docx-external", "the Word file refers to an external {kind} ('{target}')",
                    kind=kind, target=rel.get("Target", "")[:60]), msg(
                    "docx-external-hint", "external content is never fetched: embed it, or "
                                          "remove the link"))
            if rel_type.endswith("/aFChunk"):
                raise refuse(package.path, _ALT_CHUNK, _ALT_CHUNK_HINT)
    rels = package.xml(_rels_name(package.main))
    if rels is None:
        return
    folder = posixpath.dirname(package.main)
    for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            part = target
        elif target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join(folder, target))
        package.rels[rel.get("Id", "")] = (rel.get("Type", ""), part)


def _check_parts(package: Package) -> None:
    """altChunk imports another file's content at open time: refused. Embedded objects
    (OLE, Visio, Excel) are not: they are never opened, only the picture Word keeps of them
    is read."""
    document = package.parts[package.main]
    if b"altChunk" in document:
        raise refuse(package.path, _ALT_CHUNK, _ALT_CHUNK_HINT)
