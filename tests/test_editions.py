"""Dated editions: manifest, immutability and revisions, reproducibility, verify, PDF/A, diff."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

import briefing
from briefing import PROJECT_ROOT
from briefing.cli import main
from briefing.editions import archiving
from tests.test_batch import EMPTY_DIRECTIONS, FORMAT, Run, pdf_text

CONTENT = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
UNITS = PROJECT_ROOT / "content" / "units"
MEETING = PROJECT_ROOT / "content" / "meetings" / "hoi-nghi-bao-cao-vien-2024-03.yaml"
CODES = ("quan-1", "dang-uy-so-gd-dt", "chi-bo-thpt-le-quy-don")
NAME = "2024-03-so-03"
EDITION_ARGS = ["edition", CONTENT, "--date", "2024-03-15", "--name", NAME, "--meeting",
                MEETING, "--format", FORMAT, "--no-progress"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def quiet(*argv: str | Path) -> Run:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main([str(a) for a in argv])
    return Run(code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One edition of the three units as a meeting handout, built once (two workers)."""
    root = tmp_path_factory.mktemp("editions")
    result = quiet(*EDITION_ARGS, "--archive", root, "--jobs", "2")
    assert result.code == 0, result.err
    return root


@pytest.fixture
def one_unit(tmp_path: Path) -> Path:
    """A private copy of one unit file, free to edit."""
    folder = tmp_path / "units"
    folder.mkdir()
    shutil.copy(UNITS / "quan-1.yaml", folder)
    return folder


def small_edition(archive_dir: Path, units: Path, *extra: str) -> Run:
    return quiet("edition", CONTENT, "--date", "2024-03-15", "--name", "small", "--units", units,
                 "--format", "pdf", "--jobs", "1", "--no-progress", "--archive", archive_dir,
                 *extra)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in root.rglob("*")}


# -- layout and manifest ----------------------------------------------------------------------
def test_revision_layout_and_manifest(archive):
    revision = archive / NAME / "r1"
    manifest = json.loads((revision / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["edition"] == {"name": NAME, "date": "2024-03-15", "revision": 1}
    assert manifest["tools"]["briefing"] == briefing.__version__
    inputs = manifest["inputs"]
    assert inputs["content"]["sha256"] == sha(CONTENT)
    assert inputs["meeting"]["sha256"] == sha(MEETING)
    for code in CODES:
        assert inputs[f"unit:{code}"]["sha256"] == sha(UNITS / f"{code}.yaml")
    assert inputs["template:booklet.xml.j2"]["sha256"] == sha(
        PROJECT_ROOT / "templates" / "booklet.xml.j2")
    assert inputs["profile:party"]["sha256"] == sha(PROJECT_ROOT / "profiles" / "party.yaml")
    font = "font:liberation-serif/LiberationSerif-Regular.ttf"
    assert inputs[font]["sha256"] == sha(PROJECT_ROOT / "fonts" / font[5:])
    formats = ["docx", "pdf"] if FORMAT == "all" else ["pdf"]
    expected = {f"{code}.{fmt}" for code in CODES for fmt in formats}
    expected |= {f"sources/units/{code}.yaml" for code in CODES}
    expected |= {"sources/content/briefing-foreign-affairs.yaml",
                 "sources/meetings/hoi-nghi-bao-cao-vien-2024-03.yaml"}
    assert set(manifest["files"]) == expected
    for relative, entry in manifest["files"].items():
        assert sha(revision / relative) == entry["sha256"]
        assert not os.stat(revision / relative).st_mode & 0o222  # read-only
    assert sorted(v["name"] for v in manifest["variants"]) == sorted(CODES)
    assert not [p for p in (archive / NAME).iterdir() if p.name.startswith(".building-")]


def test_archived_pdf_is_pdfa_with_dates_and_embedded_sources(archive):
    pdf = archive / NAME / "r1" / "quan-1.pdf"
    reader = pypdf.PdfReader(pdf)
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert "<xmp:CreateDate>2024-03-15</xmp:CreateDate>" in xmp
    assert reader.metadata["/CreationDate"] == "D:20240315"
    assert "/OutputIntents" in reader.trailer["/Root"] and "/AF" in reader.trailer["/Root"]
    attachments = {name: data[0] for name, data in reader.attachments.items()}
    assert attachments["unit-quan-1.yaml"] == (UNITS / "quan-1.yaml").read_bytes()
    assert attachments["content-briefing-foreign-affairs.yaml"] == CONTENT.read_bytes()
    assert attachments["meeting-hoi-nghi-bao-cao-vien-2024-03.yaml"] == MEETING.read_bytes()
    recipe = json.loads(attachments["briefing-build.json"])
    assert recipe["variant"] == "quan-1" and recipe["options"]["date"] == "2024-03-15"
    assert recipe["sources"]["unit"]["path"] == "content/units/quan-1.yaml"


def test_handout_cover_has_the_meeting_line_and_mark(archive):
    cover = pypdf.PdfReader(archive / NAME / "r1" / "chi-bo-thpt-le-quy-don.pdf").pages[0]
    text = " ".join((cover.extract_text() or "").split())
    assert "Tài liệu phục vụ Hội nghị báo cáo viên tháng 3/2024" in text
    assert "TRẢ LẠI SAU HỘI NGHỊ" in text


def test_archived_docx_is_dated_by_the_edition(archive):
    import zipfile

    package = zipfile.ZipFile(archive / NAME / "r1" / "quan-1.docx")
    assert {info.date_time[:3] for info in package.infolist()} == {(2024, 3, 15)}
    assert "2024-03-15T00:00:00Z" in package.read("docProps/core.xml").decode("utf-8")


# -- immutability -----------------------------------------------------------------------------
def test_same_inputs_again_write_nothing(archive):
    before = snapshot(archive)
    result = quiet(*EDITION_ARGS, "--archive", archive)
    assert result.code == 0, result.err
    assert "nothing written" in result.out
    assert snapshot(archive) == before


def test_changed_inputs_are_refused_unless_a_new_revision_is_asked(tmp_path, one_unit):
    archive_dir = tmp_path / "archive"
    assert small_edition(archive_dir, one_unit).code == 0
    first = archive_dir / "small" / "r1"
    r1 = {p.name: sha(p) for p in first.glob("*.pdf")}
    unit_file = one_unit / "quan-1.yaml"
    unit_file.write_text(unit_file.read_text(encoding="utf-8").replace(
        "Trần Minh Tâm", "Trần Minh Tuấn").replace("    - forecast\n",
                                                   "    - forecast\n    - lessons\n"),
        encoding="utf-8")
    refused = small_edition(archive_dir, one_unit)
    assert refused.code == 2
    (line,) = refused.err.strip().splitlines()
    assert line.startswith(f"{first / 'manifest.json'}: error: edition 'small' is archived")
    assert "unit:quan-1 changed" in line and "--new-revision" in line
    assert not (archive_dir / "small" / "r2").exists()
    revised = small_edition(archive_dir, one_unit, "--new-revision")
    assert revised.code == 0, revised.err
    assert (archive_dir / "small" / "r2" / "quan-1.pdf").is_file()
    assert {p.name: sha(p) for p in first.glob("*.pdf")} == r1  # r1 untouched
    assert "Trần Minh Tuấn" in pdf_text(archive_dir / "small" / "r2" / "quan-1.pdf")
    listing = quiet("archive", "list", "--archive", archive_dir)
    assert listing.code == 0
    rows = [line.split() for line in listing.out.splitlines()[1:]]
    assert [r[:3] for r in rows] == [["small", "2024-03-15", "r1"], ["small", "2024-03-15", "r2"]]
    diff = quiet("archive", "diff", "small@r1", "small@r2", "--archive", archive_dir)
    assert diff.code == 1
    assert "-closing/signature/name: Trần Minh Tâm" in diff.out
    assert "+closing/signature/name: Trần Minh Tuấn" in diff.out
    assert "- [lessons] 2.2. Bài học kinh nghiệm (removed)" in diff.out
    # the same inputs as r1 again: r1 is found, nothing is written
    unit_file.write_bytes((first / "sources" / "units" / "quan-1.yaml").read_bytes())
    again = small_edition(archive_dir, one_unit, "--new-revision")
    assert again.code == 0 and "small@r1 is archived with these very inputs" in again.out
    assert not (archive_dir / "small" / "r3").exists()


def test_two_builds_give_the_same_bytes(tmp_path):
    outputs = []
    for name in ("one", "two"):
        result = quiet("edition", CONTENT, "--date", "2024-03-15", "--name", "same", "--unit",
                       "chi-bo-thpt-le-quy-don", "--format", FORMAT, "--jobs", "1",
                       "--no-progress", "--archive", tmp_path / name)
        assert result.code == 0, result.err
        revision = tmp_path / name / "same" / "r1"
        outputs.append({p.name: p.read_bytes() for p in revision.iterdir() if p.is_file()})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 3  # pdf, docx, manifest.json


# -- verify -----------------------------------------------------------------------------------
def test_verify_passes_then_names_every_tampered_file(archive, tmp_path):
    ok = quiet("archive", "verify", "--archive", archive)
    assert ok.code == 0 and f"ok {NAME}@r1: " in ok.out
    copy = tmp_path / "copy"
    shutil.copytree(archive, copy)
    revision = copy / NAME / "r1"
    for path in revision.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    modified = revision / "quan-1.pdf"
    data = bytearray(modified.read_bytes())
    data[len(data) // 2] ^= 0x01
    modified.write_bytes(bytes(data))
    truncated = revision / "dang-uy-so-gd-dt.pdf"
    truncated.write_bytes(truncated.read_bytes()[:1000])
    (revision / "sources" / "units" / "quan-1.yaml").unlink()
    (revision / "notes.txt").write_text("added later", encoding="utf-8")
    result = quiet("archive", "verify", f"{NAME}@r1", "--archive", copy)
    assert result.code == 2
    errors = result.err.splitlines()
    assert f"{modified}: error: modified: sha256 " in "\n".join(errors)
    assert f"{truncated}: error: truncated: 1,000 bytes, the manifest says" in "\n".join(errors)
    assert (f"{revision / 'sources' / 'units' / 'quan-1.yaml'}: error: missing: listed in the "
            "manifest, not in the archive") in errors
    assert f"{revision / 'notes.txt'}: error: unexpected file: not in the manifest" in errors
    assert f"FAILED {NAME}@r1: 4 problem(s)" in errors


def test_verify_rebuild_and_rebuild_from_the_pdf_alone(tmp_path, one_unit):
    archive_dir = tmp_path / "archive"
    assert small_edition(archive_dir, one_unit).code == 0
    rebuilt = quiet("archive", "verify", "small", "--rebuild", "--jobs", "1", "--archive",
                    archive_dir)
    assert rebuilt.code == 0, rebuilt.err
    assert "ok small@r1: 3 files match the manifest, rebuilt byte-identical" in rebuilt.out
    alone = tmp_path / "alone" / "quan-1.pdf"  # the PDF by itself, away from its archive
    alone.parent.mkdir()
    shutil.copy(archive_dir / "small" / "r1" / "quan-1.pdf", alone)
    out = tmp_path / "extracted"
    result = quiet("archive", "extract", alone, "--out", out, "--rebuild")
    assert result.code == 0, result.err
    assert "identical: the rebuilt PDF is byte for byte" in result.out
    assert (out / "content" / "units" / "quan-1.yaml").read_bytes() == (
        one_unit / "quan-1.yaml").read_bytes()
    assert (out / "content" / "briefing-foreign-affairs.yaml").read_bytes() == CONTENT.read_bytes()
    assert (out / "quan-1.pdf").read_bytes() == alone.read_bytes()


def test_a_missing_or_odd_archive_is_an_error(archive, tmp_path):
    typo, readme = tmp_path / "typo", PROJECT_ROOT / "README.md"
    for argv in (["verify", "--archive", typo], ["verify", "--archive", readme],
                 ["diff", f"{NAME}/quan-1", f"{NAME}/chi-bo-thpt-le-quy-don", "--archive", typo],
                 ["list", "--archive", readme], ["list", "2024-01-nope", "--archive", archive],
                 ["list", NAME, "--archive", typo]):
        result = quiet("archive", *argv)
        assert result.code == 2, argv
        (line,) = result.err.strip().splitlines()
        assert ": error: " in line, argv
    assert quiet("archive", "verify", "--archive", typo).err.startswith(
        f"{typo}: error: no archive here: the folder does not exist")
    assert quiet("archive", "list", "--archive", readme).err.startswith(
        f"{readme}: error: the archive is not a folder")
    assert "no edition '2024-01-nope'" in quiet("archive", "list", "2024-01-nope", "--archive",
                                                 archive).err
    missing = quiet("archive", "list", "--archive", typo)  # nothing archived yet: not an error
    assert missing.code == 0 and missing.out.startswith("no editions in ")
    named = quiet("archive", "list", NAME, "--archive", archive)
    assert named.code == 0 and named.out.splitlines()[1].startswith(f"{NAME}  2024-03-15  r1")


def test_extract_from_a_file_that_is_no_pdf_says_one_line():
    """pypdf's own complaints ("invalid pdf header", "EOF marker not found") are not shown."""
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "build.py"), "archive", "extract",
                           "README.md", "--out", os.devnull], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["README.md: error: cannot read the PDF: Stream has ended "
                                        "unexpectedly"]


@pytest.mark.parametrize("variant", ["../../escaped", "/tmp/abs", "..", "", None, 3])
def test_a_recipe_may_not_name_a_file_outside_the_output_folder(variant):
    from briefing.editions.embed import RECIPE, RECIPE_FORMAT, parse_recipe
    from briefing.problems import BriefingError

    recipe = {"format": RECIPE_FORMAT, "variant": variant, "options": {}, "tools": {},
              "sources": {"content": {"attachment": "c.yaml", "path": "c.yaml",
                                      "sha256": hashlib.sha256(b"x").hexdigest()}}}
    files = {RECIPE: json.dumps(recipe).encode(), "c.yaml": b"x"}
    with pytest.raises(BriefingError, match="names no usable variant"):
        parse_recipe(Path("x.pdf"), files)
    recipe["variant"] = "quan-1"
    files[RECIPE] = json.dumps(recipe).encode()
    assert parse_recipe(Path("x.pdf"), files)["variant"] == "quan-1"


def test_rebuild_refuses_a_manifest_naming_a_variant_outside_its_folder(archive, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(archive, copy)
    manifest = copy / NAME / "r1" / "manifest.json"
    manifest.chmod(0o644)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["variants"][0]["name"] = "../../escaped"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = quiet("archive", "verify", NAME, "--rebuild", "--jobs", "1", "--archive", copy)
    assert result.code == 2
    assert f"{manifest}: error: damaged manifest: variants[0].name: '../../escaped' is not a " \
           "plain variant name" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "escaped.pdf").exists()


# -- diff -------------------------------------------------------------------------------------
def test_diff_two_unit_variants_section_by_section(archive):
    result = quiet("archive", "diff", f"{NAME}/quan-1", f"{NAME}/chi-bo-thpt-le-quy-don",
                   "--archive", archive)
    assert result.code == 1
    out = result.out.splitlines()
    assert out[:2] == [f"--- {NAME}/quan-1", f"+++ {NAME}/chi-bo-thpt-le-quy-don"]
    assert "~ header and closing" in out
    assert "    -cover/issuer/superior: QUẬN ỦY QUẬN 1" in out
    assert "    +cover/issuer/superior: ĐẢNG BỘ QUẬN 3" in out
    assert "~ [achievements] II. Thành tựu đối ngoại Việt Nam trong nửa đầu nhiệm kỳ thực hiện " \
           "Nghị quyết Đại hội lần thứ XIII của Đảng -> I. Thành tựu đối ngoại Việt Nam trong " \
           "nửa đầu nhiệm kỳ thực hiện Nghị quyết Đại hội lần thứ XIII của Đảng" in out
    assert "+ [school-tasks] II. Liên hệ với nhiệm vụ của Trường THPT Lê Quý Đôn (added)" in out
    assert "- [local-practice] IV. Liên hệ thực tiễn tại địa phương (removed)" in out
    assert any(line.startswith("    -[6] Trích nội dung Phát biểu") for line in out)
    assert any(line.startswith("    +[1] Trích nội dung Phát biểu") for line in out)
    same = quiet("archive", "diff", NAME, f"{NAME}@r1", "--archive", archive)
    assert same.code == 0 and "no differences" in same.out


def test_diff_a_unit_file_against_the_briefing():
    result = quiet("archive", "diff", "base", UNITS / "dang-uy-so-gd-dt.yaml", "--content",
                   CONTENT)
    assert result.code == 1
    assert "- [directions] III. Phương hướng đối ngoại Việt Nam trong thời gian tới nhằm tiếp " \
           "tục triển khai thắng lợi Nghị quyết Đại hội lần thứ XIII của Đảng (removed)" \
           in result.out.splitlines()


# -- bad input writes nothing -----------------------------------------------------------------
@pytest.mark.parametrize("argv, message", [
    (["--name", "../escape"], "--name: error: edition name '../escape' cannot be used"),
    (["--name", "a/b"], "--name: error: edition name 'a/b' cannot be used"),
    (["--date", "2024-02-30"], "--date: error: '2024-02-30' does not exist in the calendar"),
    (["--date", "2024-03"], "--date: error: '2024-03': an edition date needs the day"),
    (["--unit", "quan-7"], "error: unknown unit 'quan-7'"),
    (["--name", ""], "--name: error: edition name '' cannot be used"),  # not the default
])
def test_bad_arguments(tmp_path, argv, message):
    args = ["edition", CONTENT, "--date", "2024-03-15", "--format", "pdf", "--archive",
            tmp_path / "archive", *argv]
    if "--date" in argv:
        args[2:4] = []
    result = quiet(*args)
    assert result.code == 2
    (line,) = result.err.strip().splitlines()
    assert message in line
    assert not (tmp_path / "archive").exists()


@pytest.mark.parametrize("unit_text, message", [
    ("unit:\n  code: all-gone\n  name: X\nsections:\n  exclude: [kind:context, achievements,"
     " directions, guidance]\n", ":4:1: error: unit 'all-gone' leaves no block"),
    ("unit:\n  code: clash\n  name: X\nsections:\n  exclude: [guidance]\n  replace:\n"
     "    guidance:\n      title: Y\n", ":7:5: error: conflicting overrides in unit 'clash'"),
    ("unit:\n  code: ../up\n  name: X\n", ":2:9: error: unit.code: unit code '../up'"),
])
def test_bad_unit_refuses_the_whole_edition(tmp_path, one_unit, unit_text, message):
    bad = one_unit / "bad.yaml"
    bad.write_text(unit_text, encoding="utf-8")
    result = small_edition(tmp_path / "archive", one_unit)
    assert result.code == 2
    (line,) = result.err.strip().splitlines()
    assert line.startswith(str(bad)) and message in line
    assert not (tmp_path / "archive").exists()


def test_a_unit_emptying_a_block_refuses_the_edition_before_rendering(tmp_path, one_unit):
    """A content check (a block left without a body) is part of the pre-flight: one line, and
    not even the edition folder or its lock is created."""
    (one_unit / "no-directions.yaml").write_text(EMPTY_DIRECTIONS, encoding="utf-8")
    result = small_edition(tmp_path / "archive", one_unit, "--jobs", "2")
    assert result.code == 2
    (line,) = result.err.strip().splitlines()
    assert "error: section 'directions' has no body" in line
    assert result.out == ""  # nothing was built
    assert not (tmp_path / "archive").exists()


def test_default_name_is_made_of_the_date_and_a_safe_content_name(tmp_path, one_unit):
    content = tmp_path / "Bản tin số 3.yaml"
    shutil.copy(CONTENT, content)
    result = quiet("edition", content, "--date", "2024-03-15", "--units", one_unit, "--format",
                   "pdf", "--jobs", "1", "--no-progress", "--archive", tmp_path / "archive")
    assert result.code == 0, result.err
    assert [p.name for p in (tmp_path / "archive").iterdir()] == ["2024-03-15-Ban-tin-so-3"]


def test_duplicate_unit_codes_refuse_the_edition(tmp_path, one_unit):
    shutil.copy(one_unit / "quan-1.yaml", one_unit / "copy.yaml")
    result = small_edition(tmp_path / "archive", one_unit)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 2 and all("duplicate unit code 'quan-1'" in line for line in lines)
    assert not (tmp_path / "archive").exists()


# -- faults -----------------------------------------------------------------------------------
def test_interrupted_build_leaves_no_revision(tmp_path, one_unit, monkeypatch):
    archive_dir = tmp_path / "archive"
    write = archiving._write_read_only

    def interrupted(path: Path, data: bytes) -> None:
        if path.name == "manifest.json":
            raise KeyboardInterrupt  # killed after the PDFs, before the manifest
        write(path, data)

    monkeypatch.setattr(archiving, "_write_read_only", interrupted)
    assert small_edition(archive_dir, one_unit).code == 130
    assert [p.name for p in (archive_dir / "small").iterdir()] == [".lock"]
    monkeypatch.setattr(archiving, "_write_read_only", write)
    stale = archive_dir / "small" / ".building-r1-killed"  # as a SIGKILL would leave it
    stale.mkdir()
    (stale / "quan-1.pdf").write_bytes(b"%PDF-1.7 half")
    assert quiet("archive", "list", "--archive", archive_dir).out.startswith("no editions")
    assert small_edition(archive_dir, one_unit).code == 0
    # r1, its lock and the stamp that lets the next unchanged run skip the work (stamps.py)
    assert sorted(p.name for p in (archive_dir / "small").iterdir()) == [
        ".lock", ".stamps.json", "r1"]
    assert quiet("archive", "verify", "--archive", archive_dir).code == 0


def test_a_variant_failing_while_rendering_is_reported_once(tmp_path, one_unit, monkeypatch):
    import briefing.builds.variants
    from briefing.problems import BriefingError

    def failing(job, parallel_formats=True):
        raise BriefingError.at(one_unit / "quan-1.yaml", "cannot render", 2, 9)

    monkeypatch.setattr(briefing.builds.variants, "render_job", failing)
    result = small_edition(tmp_path / "archive", one_unit)
    assert result.code == 2
    assert result.err.splitlines() == [f"{one_unit / 'quan-1.yaml'}:2:9: error: cannot render"]
    # the lock was released; its file stays, unheld and harmless (briefing/editions/lock.py)
    assert [p.name for p in (tmp_path / "archive" / "small").iterdir()] == [".lock"]
    assert quiet("archive", "list", "--archive", tmp_path / "archive").code == 0


def test_two_builds_of_one_edition_at_once(tmp_path, one_unit):
    command = [sys.executable, str(PROJECT_ROOT / "build.py"), "edition", str(CONTENT),
               "--date", "2024-03-15", "--name", "race", "--units", str(one_unit), "--format",
               "pdf", "--jobs", "1", "--no-progress", "--archive", str(tmp_path / "archive")]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, cwd=PROJECT_ROOT) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert sorted(p.name for p in (tmp_path / "archive" / "race").iterdir()) == [
        ".lock", ".stamps.json", "r1"]
    said = "".join(out for out, _ in outputs)
    assert said.count("race@r1: ") == 1 and said.count("nothing written") == 1
    assert quiet("archive", "verify", "race", "--archive", tmp_path / "archive").code == 0


def test_a_changed_figure_is_a_changed_input(tmp_path):
    """A picture the content names is an input like the YAML: archived with the edition's
    hashes, and a new picture under the same name is refused as a change, not taken for
    'these very inputs'."""
    folder = tmp_path / "content"
    (folder / "media").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "tests" / "fixtures" / "interview.yaml", folder)
    picture = folder / "media" / "hoi-nghi-ngoai-giao.jpg"
    shutil.copy(PROJECT_ROOT / "tests" / "fixtures" / "media" / picture.name, picture)
    (folder / "units").mkdir()
    archive_dir = tmp_path / "archive"

    def edition(*extra: str) -> Run:
        return quiet("edition", folder / "interview.yaml", "--date", "2024-02-20", "--name",
                     "pv", "--units", folder / "units", "--with-base", "--format", "pdf",
                     "--archive", archive_dir, *extra)

    first = edition()
    assert first.code == 0, first.err
    manifest = json.loads((archive_dir / "pv" / "r1" / "manifest.json").read_text())
    assert manifest["inputs"]["media:media/hoi-nghi-ngoai-giao.jpg"]["sha256"] == sha(picture)
    from PIL import Image

    Image.new("RGB", (320, 200), (10, 120, 60)).save(picture, "JPEG")
    refused = edition()
    assert refused.code == 2 and "media:media/hoi-nghi-ngoai-giao.jpg changed" in refused.err
    assert edition("--new-revision").code == 0
    assert (archive_dir / "pv" / "r2").is_dir()
