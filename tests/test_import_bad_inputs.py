"""Bad input to `build.py import`: a one-line error naming the file, exit code 2, nothing
written, no network, no file read beyond the input.

Text cases live in tests/import_bad_inputs/; binary ones are made here. An audit hook watches
every file opened and every socket used while the command runs.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest

from briefing import PROJECT_ROOT
from briefing.cli import main

CORPUS = Path(__file__).parent / "import_bad_inputs"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx(document: str = "", *, extra: dict[str, bytes] | None = None, rels: str = "",
         main_type: str = MAIN_TYPE) -> bytes:
    """A minimal .docx with `document` as the body XML."""
    body = document or "<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
            'formats-package.relationships+xml"/><Default Extension="xml" ContentType='
            f'"application/xml"/><Override PartName="/word/document.xml" ContentType='
            f'"{main_type}"/></Types>').encode(),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{OFFICE_REL}/'
            'officeDocument" Target="word/document.xml"/></Relationships>').encode(),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{rels}</Relationships>').encode(),
        "word/document.xml": (f'<?xml version="1.0"?><w:document {W} {R}><w:body>{body}'
                              '</w:body></w:document>').encode(),
        **(extra or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _bomb() -> bytes:
    return docx(extra={"word/media/huge.xml": b"\0" * 3_000_000})


def _many() -> bytes:
    return docx(extra={f"word/x{i}.xml": b"<a/>" for i in range(2_100)})


def _big(path: Path) -> None:
    with open(path, "wb") as stream:
        stream.truncate(100 * 1024 * 1024)


def _truncated() -> bytes:
    data = docx("<w:p><w:r><w:t>" + "Đây là văn bản. " * 4000 + "</w:t></w:r></w:p>")
    return data[: len(data) // 2]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504

#: name -> (file name, bytes or a writer, fragment of the expected message)
CASES: dict[str, tuple[str, bytes | Callable[[Path], None], str]] = {
    "renamed-text": ("renamed.docx", (CORPUS / "renamed.docx").read_bytes(),
                     "not a ZIP archive"),
    "truncated-zip": ("truncated.docx", _truncated(), "damaged or truncated"),
    "encrypted": ("secret.docx", OLE + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
    "old-doc-renamed": ("old.docx", OLE, "old binary Word file"),
    "macro-content-type": ("macro.docx", docx(main_type="application/vnd.ms-word.document."
                                                        "macroEnabled.main+xml"), "macros"),
    "macro-vba-part": ("vba.docx", docx(extra={"word/vbaProject.bin": b"\0" * 10}), "macros"),
    "zip-bomb": ("bomb.docx", _bomb(), "ZIP bomb"),
    "too-many-entries": ("many.docx", _many(), "entries"),
    "100-mb": ("big.docx", _big, "more than the limit"),
    "100-mb-text": ("big.txt", _big, "more than the limit"),
    "external-picture": ("linked.docx", docx(rels=f'<Relationship Id="rId9" Type="{OFFICE_REL}'
                                                  '/image" Target="http://example.invalid/x.png"'
                                                  ' TargetMode="External"/>'),
                         "external image"),
    "external-template": ("template.docx", docx(extra={"word/_rels/settings.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{OFFICE_REL}/attachedTemplate" '
        'Target="file:///etc/passwd" TargetMode="External"/></Relationships>').encode()}),
        "external attachedTemplate"),
    "alt-chunk": ("chunk.docx", docx('<w:altChunk r:id="rId5"/>'), "altChunk"),
    "linked-object": ("linked-ole.docx", docx(rels=f'<Relationship Id="rId7" Type="{OFFICE_REL}'
                                                   '/oleObject" Target="file:///C:/x.xlsx" '
                                                   'TargetMode="External"/>'),
                      "external oleObject"),
    "dtd-entities": ("dtd.docx", docx(extra={"word/document.xml": (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        f'<w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body>'
        '</w:document>').encode()}), "DTD"),
    "not-xml": ("broken.docx", docx(extra={"word/document.xml": b"<w:document"}),
                "not well-formed XML"),
    "not-utf8-text": ("not-utf8.txt", (CORPUS / "not-utf8.txt").read_bytes(), "not UTF-8"),
    "nul-bytes-text": ("nul.txt", (CORPUS / "nul-bytes.txt").read_bytes(), "NUL bytes"),
    "unknown-format": ("file.xyz", b"x", "cannot import '.xyz'"),
    "excel-not-word": ("sheet.docx", docx(main_type="application/vnd.openxmlformats-"
                                                   "officedocument.spreadsheetml.sheet.main+xml"),
                       "no main document part"),
}


class Watch:
    """Files opened and sockets used while active (an audit hook cannot be removed, so it
    is installed once and switched on and off)."""

    active: ClassVar[bool] = False
    opened: ClassVar[list[str]] = []
    network: ClassVar[list[str]] = []

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if not cls.active:
            return
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            cls.opened.append(os.fsdecode(args[0]))
        elif event.startswith("socket.") and event != "socket.__new__":
            cls.network.append(event)


sys.addaudithook(Watch.hook)


def _allowed(path: str, source: Path) -> bool:
    """The input, the program's own files (code, data, profiles) and the Python library."""
    resolved = os.path.realpath(path)
    roots = [str(PROJECT_ROOT / "briefing"), str(PROJECT_ROOT / "profiles"), sys.prefix,
             sys.base_prefix, "/usr/lib", "/usr/share/zoneinfo"]
    return resolved == os.path.realpath(source) or any(resolved.startswith(r) for r in roots)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_refused_in_one_line(case: str, tmp_path: Path, capsys) -> None:
    name, content, fragment = CASES[case]
    source = tmp_path / name
    if callable(content):
        content(source)
    else:
        source.write_bytes(content)
    out = tmp_path / "out" / "result.yaml"
    before = sorted(p.name for p in tmp_path.rglob("*"))
    Watch.opened, Watch.network, Watch.active = [], [], True
    try:
        code = main(["import", str(source), "-o", str(out)])
    finally:
        Watch.active = False
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert code == 2, captured
    assert len(lines) == 1, lines
    assert lines[0].startswith(str(source)) or name in lines[0], lines[0]
    assert ": error: " in lines[0] and fragment in lines[0], lines[0]
    assert "Traceback" not in captured.err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written
    assert Watch.network == []
    assert [p for p in Watch.opened if not _allowed(p, source)] == []


def test_a_folder_and_a_missing_file(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert main(["import", str(folder)]) == 2
    assert main(["import", str(tmp_path / "missing.txt")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert "is a folder" in lines[0] and "does not exist" in lines[1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_not_read(tmp_path: Path, capsys) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert main(["import", str(pipe)]) == 2
    assert "not a regular file" in capsys.readouterr().err
