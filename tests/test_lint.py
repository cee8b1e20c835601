"""`build.py lint FILE.docx`: departures from the official layout, each with its paragraph
number and an excerpt; exit codes as `check`. Our own outputs have no findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.cli import main
from tests.importing import build_docx

SOURCES = sorted((PROJECT_ROOT / "content").glob("*.yaml")) + sorted(
    (PROJECT_ROOT / "tests" / "fixtures").glob("*.yaml"))


@pytest.mark.parametrize("content", SOURCES, ids=[p.stem for p in SOURCES])
def test_our_own_outputs_have_no_findings(content: Path, tmp_path: Path, capsys) -> None:
    docx = build_docx(content, tmp_path)
    assert main(["lint", str(docx), "--strict"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "0 errors, 0 warnings" in captured.out


def _bad_docx(path: Path) -> None:
    """A letter-size Calibri document with the typical departures of a hand-made one."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    header = document.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for xml in (f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {ns}><w:instrText> PAGE </w:instrText></w:r>',
                f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        header._p.append(parse_xml(xml))
    for text in ("THÀNH ỦY HÀ NỘI", "BAN TUYÊN GIÁO", "Số: 5-HD/BTGTU",
                 "Hà Nội, ngày 5 tháng 03 năm 2024", "HƯỚNG DẪN",
                 "về công tác tuyên truyền tháng 3", "I. Mục đích",
                 "Nội dung của mục đích.", "III. Nội dung", "Nội dung tuyên truyền.",
                 "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn A"):
        document.add_paragraph(text)
    document.save(path)


def test_a_hand_made_document_gets_its_departures(tmp_path: Path, capsys) -> None:
    path = tmp_path / "huong-dan.docx"
    _bad_docx(path)
    assert main(["lint", str(path)]) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    expected = {
        "page size is 215.9 x 279.4 mm, not A4": "error",
        "font 'Calibri'": "warning",
        "body text in 11 pt": "warning",
        "no 'ĐẢNG CỘNG SẢN VIỆT NAM' line": "error",
        "no '*' under the issuing body": "warning",
        "'Số:' with a colon": "error",
        "number '5' must be written with two digits ('05')": "error",
        "day '5' must be written with two digits": "error",
        "month '03' must be written '3'": "error",
        "page 1 shows a page number": "error",
        "page numbers are aligned 'right'": "warning",
        "no 'Nơi nhận:'": "warning",
        "numbering skips here: 'III.'": "warning",
        "margin is 25.4 mm": "warning",
    }
    for fragment, severity in expected.items():
        found = [line for line in lines if fragment in line]
        assert found, f"{fragment!r} not in:\n{err}"
        assert f": {severity}: " in found[0]
    numbered = next(line for line in lines if "'Số:' with a colon" in line)
    assert numbered.startswith(f"{path}: paragraph 3: error: ")
    assert "“Số: 5-HD/BTGTU”" in numbered


def test_strict_turns_warnings_into_exit_code_1(tmp_path: Path, capsys) -> None:
    docx_path = build_docx(PROJECT_ROOT / "content" / "coordination-programme-2024.yaml",
                           tmp_path)
    import zipfile

    # the same document with the body text at 12 pt: a warning, no error
    changed = tmp_path / "small.docx"
    with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(changed, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b'w:styleId="BodyText"', b'w:styleId="BodyText"', 1)
                start = data.index(b'w:styleId="BodyText"')
                size = data.index(b'<w:sz w:val="28"/>', start)
                data = data[:size] + b'<w:sz w:val="24"/>' + data[size + 18:]
            target.writestr(item, data)
    assert main(["lint", str(changed)]) == 0
    assert main(["lint", str(changed), "--strict"]) == 1
    assert "body text in 12 pt" in capsys.readouterr().err


def test_lint_refuses_what_import_refuses(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.docx"
    path.write_text("not a zip")
    assert main(["lint", str(path)]) == 2
    assert "not a ZIP archive" in capsys.readouterr().err


TYPES = sorted((PROJECT_ROOT / "tests" / "fixtures" / "types").glob("*.yaml"))


@pytest.mark.parametrize("content", TYPES, ids=[p.stem for p in TYPES])
def test_our_docx_of_every_type_lints_with_no_finding(content: Path, tmp_path: Path,
                                                      capsys) -> None:
    """Every document type of both profiles, as we print it, is in the layout the lint reads."""
    docx = build_docx(content, tmp_path)
    assert main(["--lang", "en", "lint", str(docx), "--strict"]) == 0, capsys.readouterr().err
    assert "0 errors, 0 warnings" in capsys.readouterr().out
