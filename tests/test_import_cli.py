"""`build.py import` as a clerk runs it: what it prints, what it writes, what it refuses."""

from __future__ import annotations

from pathlib import Path

from briefing import PROJECT_ROOT
from briefing.cli import main
from tests.importing import build_docx

REFERENCE = PROJECT_ROOT.parent / "shared" / "reference" / "program-and-briefing-2024.md"

TEXT = """\
Tài liệu sinh hoạt chi bộ
Về công tác tuyên truyền tháng 3

I. Bối cảnh

1.1 Tình hình chung

Nội dung tình hình¹.

1.3. Tình hình riêng

Nội dung.

¹ Theo báo cáo của Ban Tuyên giáo.
"""


def test_import_writes_a_file_that_checks_clean_and_builds(tmp_path: Path, capsys) -> None:
    source = tmp_path / "sinh-hoat.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "content" / "sinh-hoat.yaml"
    assert main(["import", str(source), "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert f"wrote {target}" in out
    assert "1 document, 4 guesses to check, 1 text fix" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Imported from sinh-hoat.txt by `build.py import`.")
    # every guess printed with where it comes from, and written at its place
    assert f"{source}: line 10: guess: the source's numbering skips here: '1.3.'" in err
    assert "    # guess: the source's numbering skips here: '1.3.'" in text
    assert "  # guess: not in the source, replace this placeholder\n  place: Địa danh" in text
    assert f"{source}: line 6: fix: '1.1' typed without its final dot" in err
    assert main(["check", str(target), "--strict"]) == 0
    capsys.readouterr()
    assert main(["build", str(target), "--format", "docx", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "sinh-hoat.docx").is_file()


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path, capsys) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "a.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(target), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"{target}: error: already exists; nothing was written (choose another "
                   "name with -o, or add --force)"]
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert main(["import", str(source), "-o", str(target), "-q", "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Imported from a.txt")


def test_pictures_are_written_under_media_beside_the_file(tmp_path: Path, capsys) -> None:
    docx = build_docx(PROJECT_ROOT / "tests" / "fixtures" / "interview.yaml", tmp_path)
    target = tmp_path / "content" / "phong-van.yaml"
    assert main(["import", str(docx), "-o", str(target), "-q"]) == 0
    picture = tmp_path / "content" / "media" / "phong-van-1.jpg"
    original = PROJECT_ROOT / "tests" / "fixtures" / "media" / "hoi-nghi-ngoai-giao.jpg"
    assert picture.read_bytes() == original.read_bytes()
    assert "figure: media/phong-van-1.jpg" in target.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(target)]) == 0


def test_a_source_with_two_documents_gives_two_files(tmp_path: Path, capsys) -> None:
    if not REFERENCE.is_file():
        return
    target = tmp_path / "ref.yaml"
    assert main(["import", str(REFERENCE), "-o", str(target), "-q"]) == 0
    out = capsys.readouterr().out
    assert f"wrote {target}" in out and f"wrote {tmp_path / 'ref-2.yaml'}" in out
    assert "(document 2 of 2)" in (tmp_path / "ref-2.yaml").read_text(encoding="utf-8")


def test_form_and_profile_options(tmp_path: Path, capsys) -> None:
    source = tmp_path / "b.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "b.yaml"
    assert main(["import", str(source), "-o", str(target), "-q", "--form", "official",
                 "--profile", "state"]) == 0
    text = target.read_text(encoding="utf-8")
    assert "form: official" in text and "profile: state" in text
    assert "number: /HD-XX" in text  # a placeholder in the state's shape, marked as a guess
    assert main(["import", str(source), "-o", str(target), "--profile", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
