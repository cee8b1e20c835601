"""`build.py batch`: every unit variant built in parallel, read back from the PDF and DOCX."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from briefing import PROJECT_ROOT
from briefing.cli import main
from tests.pdf_reading import read_pages, squash

CONTENT = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
UNITS = PROJECT_ROOT / "content" / "units"
CODES = ("quan-1", "dang-uy-so-gd-dt", "chi-bo-thpt-le-quy-don")
LINE = re.compile(r"^[^:\n]+:\d+:\d+: error: .+$")


#: every format: a DOCX writer that fails to import fails these tests, it is not skipped
FORMAT = "all"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """The three units of the repository, two workers, into a fresh folder (built once)."""
    out = tmp_path_factory.mktemp("batch")
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["batch", str(CONTENT), "--format", FORMAT, "--out", str(out), "--jobs", "2",
                     "--no-progress"])
    return out, Run(code, stdout.getvalue(), stderr.getvalue())


def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages))


def note_markers(pages: list, text: str) -> list[str]:
    """The footnote markers printed on the page whose notes include `text`."""
    for page in pages:
        if text in squash(page.notes):
            return page.markers
    return []


def docx_text(path: Path, part: str = "word/document.xml") -> str:
    xml = zipfile.ZipFile(path).read(part).decode("utf-8")
    return squash(re.sub(r"<[^>]+>", " ", re.sub(r"</w:p>", "\n", xml)))


def test_batch_builds_every_unit_and_reports(batch):
    out, result = batch
    assert result.code == 0, result.err
    for code in CODES:
        assert (out / f"{code}.pdf").stat().st_size > 10_000
        if FORMAT == "all":
            assert (out / f"{code}.docx").is_file()
    assert re.search(r"3 built, 0 skipped, 0 failed in \d+\.\d s \(2 workers\)", result.out)


def test_district_pdf_header_closing_and_added_section(batch):
    out, _ = batch
    pages = read_pages(out / "quan-1.pdf")
    cover = squash(pages[0].body)
    assert "QUẬN ỦY QUẬN 1 BAN TUYÊN GIÁO" in cover
    assert "Quận 1, tháng 3 năm 2024" in cover
    body = squash(" ".join(p.body for p in pages))
    assert "V. Liên hệ thực tiễn tại địa phương" in body
    assert "Đảng bộ Quận 1 xác định công tác đối ngoại" in body
    # the closing ends the body; the appendices follow, each on a new page
    appendix = next(i for i, page in enumerate(pages) if squash(page.body).startswith("PHỤ LỤC I "))
    last = squash(pages[appendix - 1].body)
    assert "Nơi nhận:" in last and "K/T TRƯỞNG BAN" in last and "Trần Minh Tâm" in last
    assert "Thường trực Quận ủy (để báo cáo)" in pdf_text(out / "quan-1.pdf")
    assert "13" in note_markers(pages, "Nghị quyết Đại hội đại biểu Đảng bộ Quận 1 lần thứ XII")
    assert [m for p in pages for m in p.markers][-1] == "13"
    text = pdf_text(out / "quan-1.pdf")
    assert "Dự báo tình hình năm 2024" not in text  # excluded
    assert "3.1. Mục tiêu của đối ngoại Việt Nam" in text  # renumbered (was 3.2.)


def test_school_pdf_renumbers_sections_and_footnotes(batch):
    out, _ = batch
    pages = read_pages(out / "chi-bo-thpt-le-quy-don.pdf")
    text = squash(" ".join(p.body for p in pages))
    assert "ĐẢNG BỘ QUẬN 3 CHI BỘ TRƯỜNG THPT LÊ QUÝ ĐÔN" in text
    assert "LƯU HÀNH NỘI BỘ CHI BỘ" in text
    assert "I. Thành tựu đối ngoại Việt Nam" in text
    assert "II. Liên hệ với nhiệm vụ của Trường THPT Lê Quý Đôn" in text
    assert "III. Một số định hướng cho cấp ủy các cấp" in text
    assert "Bối cảnh, tình hình" not in text and "Bài học kinh nghiệm" not in text
    assert note_markers(pages, "Trích nội dung Phát biểu của Đồng chí Tổng Bí thư")[0] == "1"
    assert "8" in note_markers(pages, "Theo Kế hoạch năm học 2023 – 2024 của Trường THPT")
    assert [m for p in pages for m in p.markers] == [str(n) for n in range(1, 9)]
    assert "T/M CHI BỘ" in text and "Phạm Thị Hồng Nhung" in text


def test_department_pdf_replaced_guidance(batch):
    out, _ = batch
    text = pdf_text(out / "dang-uy-so-gd-dt.pdf")
    assert "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO" in text
    assert "III. Một số nhiệm vụ của các chi bộ trong ngành giáo dục" in text
    assert "Một số định hướng cho cấp ủy các cấp" not in text
    assert "Phương hướng đối ngoại Việt Nam" not in text


def test_docx_carries_the_same_variant(batch):
    out, _ = batch
    document = docx_text(out / "quan-1.docx")
    assert "QUẬN ỦY QUẬN 1" in document and "Đội ngũ báo cáo viên Quận ủy" in document
    assert "V. Liên hệ thực tiễn tại địa phương" in document
    assert "Dự báo tình hình năm 2024" not in document
    notes = zipfile.ZipFile(out / "quan-1.docx").read("word/footnotes.xml").decode("utf-8")
    bodies = re.findall(r'<w:footnote [^>]*w:id="(\d+)"', notes)
    assert len([b for b in bodies if int(b) > 0]) == 13
    assert "Nghị quyết Đại hội đại biểu Đảng bộ Quận 1" in notes
    school = docx_text(out / "chi-bo-thpt-le-quy-don.docx")
    assert "II. Liên hệ với nhiệm vụ của Trường THPT Lê Quý Đôn" in school


def test_second_run_skips_unchanged_variants_and_force_rebuilds_same_bytes(batch, capsys):
    out, _ = batch
    before = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    again = run(capsys, "batch", CONTENT, "--format", FORMAT, "--out", out, "--no-progress")
    assert again.code == 0 and "0 built, 3 skipped, 0 failed" in again.out
    forced = run(capsys, "batch", CONTENT, "--format", FORMAT, "--out", out, "--force",
                 "--jobs", "1", "--unit", "quan-1", "--no-progress")
    assert forced.code == 0 and "1 built, 0 skipped" in forced.out
    assert {p.name: p.read_bytes() for p in out.glob("*.pdf")} == before  # reproducible


def test_a_failing_unit_does_not_stop_the_others(tmp_path, capsys):
    units = tmp_path / "units"
    units.mkdir()
    shutil.copy(UNITS / "quan-1.yaml", units)
    (units / "broken.yaml").write_text(
        "unit:\n  code: broken\n  name: Hỏng\nsections:\n  append:\n    - id: x\n"
        "      kind: section\n      title: X\n      body:\n        - Chú thích[^none].\n",
        encoding="utf-8")
    (units / "unknown.yaml").write_text(
        "unit:\n  code: unknown\n  name: Sai\nsections:\n  exclude: [forcast]\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = run(capsys, "batch", CONTENT, "--units", units, "--format", "pdf", "--out", out,
                 "--jobs", "2", "--no-progress")
    assert result.code == 2
    assert (out / "quan-1.pdf").is_file()
    assert not (out / "broken.pdf").exists() and not (out / "unknown.pdf").exists()
    errors = [line for line in result.err.splitlines() if ": error: " in line]
    assert len(errors) == 2  # each once
    # both found by the pre-flight (the undefined note is a check of `build.py check`), in
    # file order, before anything is rendered: only quan-1 reaches a worker
    assert f"{units / 'broken.yaml'}:10:11: error: footnote [^none] is not defined" in errors[0]
    assert errors[1].startswith(f"{units / 'unknown.yaml'}:5:13: error: unit 'unknown': no "
                                "section 'forcast'")
    assert re.search(r"1 built, 0 skipped, 2 failed in \d+\.\d s \(1 worker\)", result.err)


EMPTY_DIRECTIONS = ("unit:\n  code: no-directions\n  name: X\nsections:\n"
                    "  exclude: [forecast, objectives, orientations]\n")


def test_a_unit_emptying_a_block_is_refused_before_any_rendering(tmp_path, capsys):
    """Every sub-section of 'directions' excluded leaves it without a body: a content check,
    found by the pre-flight, not after the other units were rendered (nor printed twice)."""
    units = tmp_path / "units"
    units.mkdir()
    shutil.copy(UNITS / "quan-1.yaml", units)
    (units / "no-directions.yaml").write_text(EMPTY_DIRECTIONS, encoding="utf-8")
    out = tmp_path / "out"
    result = run(capsys, "batch", CONTENT, "--units", units, "--format", "pdf", "--out", out,
                 "--jobs", "2", "--no-progress")
    assert result.code == 2
    (error,) = [line for line in result.err.splitlines() if ": error: " in line]
    assert "section 'directions' has no body" in error
    assert re.search(r"1 built, 0 skipped, 1 failed in \d+\.\d s \(1 worker\)", result.err)
    assert sorted(p.name for p in out.glob("*.pdf")) == ["quan-1.pdf"]


@pytest.mark.parametrize("argv, message", [
    (["--unit", "quan-9"], "unknown unit 'quan-9' (did you mean \"quan-1\"?)"),
    (["--meeting-name", "Hội nghị", "--meeting-date", "2024-02-30"],
     "--meeting-date: error: '2024-02-30' does not exist in the calendar"),
    (["--meeting-place", "Hội trường"], "add --meeting-name"),
])
def test_bad_arguments_fail_in_one_line_and_write_nothing(tmp_path, capsys, argv, message):
    out = tmp_path / "out"
    result = run(capsys, "batch", CONTENT, "--out", out, "--no-progress", *argv)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and message in result.err
    assert not out.exists()


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
@pytest.mark.parametrize("command", [
    ["batch", CONTENT, "--no-progress"],
    ["edition", CONTENT, "--date", "2024-03-15", "--no-progress"],
    ["archive", "verify", "--rebuild"],
])
def test_jobs_must_be_a_positive_number(tmp_path, capsys, command, jobs):
    """Refused by the parser, with its usage line: no traceback, no edition lock left."""
    with pytest.raises(SystemExit) as excinfo:
        main([str(a) for a in command] + ["--jobs", jobs, "--out" if command[0] == "batch"
                                          else "--archive", str(tmp_path / "out")])
    assert excinfo.value.code == 2
    err = capsys.readouterr().err
    assert "error: argument --jobs: " in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_base_and_unit_of_one_name_are_refused(tmp_path, capsys):
    """--with-base names the briefing's variant as the content file: a unit of that code would
    write the same files at the same time."""
    units = tmp_path / "units"
    units.mkdir()
    (units / "clash.yaml").write_text(f"unit:\n  code: {CONTENT.stem}\n  name: X\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    result = run(capsys, "batch", CONTENT, "--with-base", "--units", units, "--format", "pdf",
                 "--out", out, "--no-progress")
    assert result.code == 2
    assert result.err.strip() == (f"{CONTENT.relative_to(PROJECT_ROOT)}: error: two variants are "
                                  f"named '{CONTENT.stem}' (--with-base and a unit code) (give "
                                  "the unit another code)")
    assert not out.exists()


def test_base_variant_is_named_as_build_names_it(tmp_path, capsys):
    """`build` writes "Bản tin số 3.yaml" as Ban-tin-so-3.pdf; so does batch --with-base, into
    output/Ban-tin-so-3/ by default (here --out)."""
    content = tmp_path / "Bản tin số 3.yaml"
    shutil.copy(CONTENT, content)
    out = tmp_path / "out"
    result = run(capsys, "batch", content, "--with-base", "--unit", "quan-1", "--format", "pdf",
                 "--out", out, "--jobs", "1", "--no-progress")
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.glob("*.pdf")) == ["Ban-tin-so-3.pdf", "quan-1.pdf"]
    assert "built Ban-tin-so-3: " in result.out


def test_pdfa_without_pdf_is_an_error(tmp_path, capsys):
    out = tmp_path / "out"
    result = run(capsys, "batch", CONTENT, "--format", "docx", "--pdfa", "--out", out)
    assert result.code == 2
    assert result.err.strip() == ("--pdfa: error: --pdfa needs the PDF format (use --format pdf "
                                  "or --format all)")
    assert not out.exists()


def test_bad_meeting_file_names_its_line(tmp_path, capsys):
    meeting = tmp_path / "meeting.yaml"
    meeting.write_text("meeting:\n  name: Hội nghị\n  date: 2023-02-29\n", encoding="utf-8")
    result = run(capsys, "batch", CONTENT, "--meeting", meeting, "--out", tmp_path / "out")
    assert result.code == 2
    assert result.err.strip() == (f"{meeting}:3:9: error: meeting.date: '2023-02-29' does not "
                                  "exist in the calendar")
    assert LINE.match(result.err.strip())
