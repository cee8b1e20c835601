"""Hostile and careless inputs, each class closed at its root (briefing/inputs.py and the
checks that run on every text a variant prints):

- every command on a FIFO, /dev/zero, a symlink loop or a symlinked output folder: a one-line
  error, exit code 2, nothing written (run through the real CLI, with a hang guard);
- archives read back as untrusted input: `archive verify`/`diff`/`extract` never open a path
  outside the archive, whatever the manifest, the recipe or a link planted in it says;
- state files validated, a bad one ignored with a warning and rebuilt;
- characters XML cannot carry, characters the font cannot draw, invisible characters and
  overlong runs reported at file:line:col, in unit and meeting files as in content files;
- no PDF embeds a font that is not in fonts/.
"""

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

from briefing import PROJECT_ROOT
from briefing.cli import main
from briefing.inputs import confined, output_folder, read_input
from briefing.problems import BriefingError
from briefing.profile.model import FONTS_DIR, load_profile
from briefing.validation import validate_file

CONTENT = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
UNIT = PROJECT_ROOT / "content" / "units" / "quan-1.yaml"
MEETING = PROJECT_ROOT / "content" / "meetings" / "hoi-nghi-bao-cao-vien-2024-03.yaml"
#: a hang guard for the subprocess runs, never a speed assertion
HANG_GUARD = 120


@contextlib.contextmanager
def _quiet():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def run(*argv: str | Path) -> tuple[int, str, str]:
    """The CLI in this process: exit code, stdout, stderr."""
    with _quiet() as (out, err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def cli(*argv: str | Path, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess:
    """`python build.py …` in a process of its own, as a shell runs it."""
    return subprocess.run([sys.executable, str(PROJECT_ROOT / "build.py"), *map(str, argv)],
                          cwd=cwd, capture_output=True, text=True, timeout=HANG_GUARD,
                          stdin=subprocess.DEVNULL)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() \
        else []


# -- special files: FIFOs, devices, symlink loops ---------------------------------------------

@pytest.fixture(scope="module")
def special(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("special")
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    loop = folder / "loop.yaml"
    loop.symlink_to(loop.name)
    fifo_pdf = folder / "fifo.pdf"
    os.mkfifo(fifo_pdf)
    return {"fifo": fifo, "loop": loop, "zero": Path("/dev/zero"), "fifo.pdf": fifo_pdf}


COMMANDS = [
    ("check", ["check", "{input}"]),
    ("build", ["{input}", "--out", "{out}"]),
    ("batch-content", ["batch", "{input}", "--out", "{out}", "--no-progress"]),
    ("batch-units", ["batch", CONTENT, "--units", "{input}", "--out", "{out}", "--no-progress"]),
    ("batch-meeting", ["batch", CONTENT, "--unit", "quan-1", "--meeting", "{input}", "--out",
                       "{out}", "--no-progress"]),
    ("edition-units", ["edition", CONTENT, "--units", "{input}", "--date", "2024-03-15",
                       "--archive", "{out}", "--no-progress"]),
    ("diff-content", ["archive", "diff", "base", UNIT, "--content", "{input}"]),
]


@pytest.mark.parametrize("kind", ["fifo", "zero", "loop"])
@pytest.mark.parametrize("name,argv", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_refuses_special_files_in_one_line(special, tmp_path, kind, name, argv):
    path = special[kind]
    out = tmp_path / "out"
    result = cli(*[str(a).format(input=path, out=out) for a in argv])
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"{path}: error: ")
    assert ("named pipe" if kind == "fifo" else "character device" if kind == "zero"
            else "symlink loop") in line
    assert listing(out) == []


@pytest.mark.parametrize("kind", ["fifo.pdf", "zero", "loop"])
def test_archive_extract_and_diff_refuse_special_pdfs(special, tmp_path, kind):
    path = special[kind]
    for argv in (["archive", "extract", path, "--out", tmp_path / "out"],
                 ["archive", "diff", path, path]):
        result = cli(*argv)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        (line,) = error_lines(result.stderr)
        assert line.startswith(f"{path}: error: "), line
    assert listing(tmp_path / "out") == []


@pytest.mark.parametrize("kind", ["fifo", "loop", "zero"])
def test_a_figure_that_is_a_special_file_is_one_line(tmp_path, kind):
    """Figures go through the same guard: a FIFO, a loop or a link to /dev/zero in media/."""
    fixture = PROJECT_ROOT / "tests" / "fixtures" / "interview.yaml"
    media = tmp_path / "media"
    media.mkdir()
    figure = media / f"{kind}.jpg"
    if kind == "fifo":
        os.mkfifo(figure)
    elif kind == "loop":
        figure.symlink_to(figure.name)
    else:
        figure.symlink_to("/dev/zero")
    text = fixture.read_text(encoding="utf-8")
    old = "figure: media/hoi-nghi-ngoai-giao.jpg"
    assert old in text
    content = tmp_path / "interview.yaml"
    content.write_text(text.replace(old, f"figure: media/{kind}.jpg"), encoding="utf-8")
    for argv in (["check", content], [content, "--out", tmp_path / "out"]):
        result = cli(*argv)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        (line,) = error_lines(result.stderr)
        assert line.startswith(f"{content}:") and f"media/{kind}.jpg" in line
    assert listing(tmp_path / "out") == []


def test_read_input_caps_what_it_reads(tmp_path):
    """/proc files say they are empty and are not; the cap holds while reading."""
    proc = Path("/proc/self/maps")
    if proc.exists():
        with pytest.raises(BriefingError, match="larger than the limit of 10 bytes"):
            read_input(proc, limit=10, what="unit file")
    small = tmp_path / "small.yaml"
    small.write_bytes(b"x" * 11)
    with pytest.raises(BriefingError, match="more than the limit of 10"):
        read_input(small, limit=10, what="unit file")
    assert read_input(small, limit=11, what="unit file") == b"x" * 11
    with pytest.raises(BriefingError, match="unit file is a folder"):
        read_input(tmp_path, limit=10, what="unit file")
    with pytest.raises(BriefingError, match="NUL byte"):
        read_input("a\0b", limit=10, what="unit file")


def test_a_unit_folder_holding_special_files_builds_the_others(special, tmp_path):
    """A FIFO or a loop among content/units/*.yaml fails alone; the other units build."""
    units = tmp_path / "units"
    units.mkdir()
    shutil.copy(UNIT, units)
    os.mkfifo(units / "pipe.yaml")
    (units / "loop.yaml").symlink_to("loop.yaml")
    result = cli("batch", CONTENT, "--units", units, "--out", tmp_path / "out", "--format",
                 "docx", "--no-progress")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert sorted(error_lines(result.stderr)) == [
        f"{units / 'loop.yaml'}: error: unit file is a symbolic link that leads back to itself "
        "(a symlink loop) (remove the link or point it at a real file)",
        f"{units / 'pipe.yaml'}: error: unit file is a named pipe (FIFO), not a regular file "
        "(name a file)"]
    assert listing(tmp_path / "out") == [".batch-state.json", "quan-1.docx"]


# -- output folders reached through a link ----------------------------------------------------

@pytest.fixture
def planted(tmp_path: Path):
    """A content file of a name of its own, and output/<that name> planted as a link to a
    folder outside output/ (removed afterwards)."""
    name = f"hardening-{os.getpid()}-{tmp_path.name}"[:60]
    content = tmp_path / f"{name}.yaml"
    shutil.copy(CONTENT, content)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    output = PROJECT_ROOT / "output"
    output.mkdir(exist_ok=True)
    link = output / name
    link.symlink_to(elsewhere)
    try:
        yield content, link, elsewhere
    finally:
        link.unlink()


def test_batch_default_out_refuses_a_link_planted_in_output(planted):
    content, link, elsewhere = planted
    result = cli("batch", content, "--units", UNIT, "--format", "docx", "--no-progress")
    assert result.returncode == 2, result.stderr
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"output/{link.name}: error: output folder leads outside output "
                           "through a link")
    assert listing(elsewhere) == []


def test_extract_default_out_refuses_a_link_planted_in_output(tmp_path, edition):
    pdf = next((edition / "small" / "r1").glob("quan-1.pdf"))
    copy = tmp_path / f"hardening-{os.getpid()}.pdf"
    shutil.copy(pdf, copy)
    extracted = PROJECT_ROOT / "output" / "extracted"
    extracted.mkdir(parents=True, exist_ok=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = extracted / copy.stem
    link.symlink_to(elsewhere)
    try:
        code, _, err = run("archive", "extract", copy)
    finally:
        link.unlink()
    assert code == 2, err
    assert "output folder leads outside output through a link" in err
    assert listing(elsewhere) == []


def test_build_default_out_refuses_output_linked_out_of_the_project(tmp_path, monkeypatch):
    import briefing.cli

    project = tmp_path / "project"
    project.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "output").symlink_to(elsewhere)
    monkeypatch.setattr(briefing.cli, "PROJECT_ROOT", project)
    monkeypatch.setattr(briefing.cli, "OUTPUT_DIR", project / "output")
    code, _, err = run(CONTENT, "--format", "docx")
    assert code == 2
    assert "output folder leads outside" in err and listing(elsewhere) == []


def test_output_folder_and_confined(tmp_path):
    root = tmp_path / "root"
    (root / "inside").mkdir(parents=True)
    (root / "out").symlink_to(tmp_path)
    (root / "loop").symlink_to("loop")
    assert output_folder(root / "inside", root=root) == root / "inside"
    assert output_folder(root / "not-yet" / "deeper", root=root)  # created later
    with pytest.raises(BriefingError, match="leads outside"):
        output_folder(root / "out" / "x", root=root)
    with pytest.raises(BriefingError, match="symlink loop"):
        output_folder(root / "loop", root=root)
    assert confined(root, "inside", what="path") == (root / "inside").resolve()
    for bad, why in (("/etc/passwd", "absolute"), ("../x", "'..'"), ("a/../../x", "'..'"),
                     ("file:///etc/passwd", "URL"), ("a\\..\\b", "backslash"),
                     ("a\0b", "NUL"), ("", "empty"), ("out/passwd", "through a link"),
                     ("a\x1b[2J", "control")):
        with pytest.raises(BriefingError, match=why):
            confined(root, bad, what="path")


# -- archives read back as untrusted input ----------------------------------------------------

@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small archive: one unit, PDF/A with the sources embedded."""
    root = tmp_path_factory.mktemp("archive")
    code, _, err = run("edition", CONTENT, "--date", "2024-03-15", "--name", "small",
                       "--units", UNIT, "--format", "pdf", "--jobs", "1", "--no-progress",
                       "--archive", root)
    assert code == 0, err
    return root


@pytest.fixture
def tampered(edition: Path, tmp_path: Path):
    """A writable copy of the archive, its manifest, and a secret file outside it."""
    copy = tmp_path / "archive"
    shutil.copytree(edition, copy)
    for path in copy.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    secret = tmp_path / "secret.yaml"
    secret.write_text("meta:\n  form: booklet\n  subject: TOP-SECRET-TEXT\nblocks: []\n",
                      encoding="utf-8")
    return copy, copy / "small" / "r1" / "manifest.json", secret


def _edit(manifest: Path, change) -> None:
    data = json.loads(manifest.read_text(encoding="utf-8"))
    change(data)
    manifest.write_text(json.dumps(data), encoding="utf-8")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("how", ["absolute", "dotdot"])
def test_verify_never_reads_a_path_the_manifest_leads_outside(tampered, how):
    """The old oracle: a manifest entry naming any file got its size and hash compared."""
    archive, manifest, secret = tampered
    relative = str(secret) if how == "absolute" else os.path.relpath(secret, manifest.parent)
    entry = {"sha256": _sha(secret), "bytes": secret.stat().st_size}
    _edit(manifest, lambda data: data["files"].__setitem__(relative, entry))
    code, out, err = run("archive", "verify", "small", "--archive", archive)
    assert code == 2 and "ok small" not in out
    assert f"{manifest}: error: damaged manifest: files" in err
    assert ("is absolute" if how == "absolute" else "climbs out of the folder with '..'") in err
    assert _sha(secret)[:16] not in err and "TOP-SECRET" not in err


def test_verify_refuses_a_file_replaced_by_a_link_out_of_the_archive(tampered):
    archive, manifest, secret = tampered
    pdf = manifest.parent / "quan-1.pdf"
    pdf.unlink()
    pdf.symlink_to(secret)  # and the manifest says what the secret is: it would "pass"
    _edit(manifest, lambda data: data["files"].__setitem__(
        "quan-1.pdf", {"sha256": _sha(secret), "bytes": secret.stat().st_size}))
    code, out, err = run("archive", "verify", "small", "--archive", archive)
    assert code == 2, out
    assert "leads outside" in err and "quan-1.pdf" in err


def test_diff_never_prints_a_file_the_manifest_points_outside(tampered):
    archive, manifest, secret = tampered
    relative = os.path.relpath(secret, manifest.parent)
    _edit(manifest, lambda data: data["variants"][0]["sources"].__setitem__("content", relative))
    code, out, err = run("archive", "diff", "small/quan-1", "small/quan-1", "--archive", archive)
    assert code == 2
    assert "TOP-SECRET" not in out + err
    assert "climbs out of the folder with '..'" in err


def test_diff_never_follows_a_stored_source_linked_outside(tampered):
    archive, manifest, secret = tampered
    stored = manifest.parent / "sources" / "content" / CONTENT.name
    stored.unlink()
    stored.symlink_to(secret)
    code, out, err = run("archive", "diff", "small/quan-1", "small/quan-1", "--archive", archive)
    assert code == 2
    assert "TOP-SECRET" not in out + err
    assert "leads outside" in err


def test_a_revision_or_edition_folder_linked_elsewhere_is_not_followed(tampered, tmp_path):
    archive, _, _ = tampered
    outside = tmp_path / "outside-edition"
    shutil.move(archive / "small", outside)
    (archive / "small").symlink_to(outside)
    code, _, err = run("archive", "verify", "small", "--archive", archive)
    assert code == 2 and "edition folder is a link" in err


@pytest.mark.parametrize("change,message", [
    (lambda d: d["options"].__setitem__("date", ["2024"]), "options.date"),
    (lambda d: d["options"].__setitem__("formats", "pdf"), "options.formats"),
    (lambda d: d.__setitem__("variants", {"x": 1}), "variants"),
    (lambda d: d["files"].__setitem__("x\u202ey", {"sha256": "0" * 64, "bytes": 1}),
     "control characters"),
    (lambda d: d["inputs"]["content"].__setitem__("sha256", 3), "inputs.content.sha256"),
    (lambda d: d["edition"].__setitem__("revision", "1"), "edition.revision"),
])
def test_a_manifest_of_the_wrong_shape_is_one_line_not_a_traceback(tampered, change, message):
    archive, manifest, _ = tampered
    _edit(manifest, change)
    for argv in (["verify", "small"], ["diff", "small", "small"], ["list"]):
        code, out, err = run("archive", *argv, "--archive", archive)
        assert "Traceback" not in err
        text = out + err
        assert "damaged manifest" in text and message in text, text
        assert code == (0 if argv == ["list"] else 2)


def test_a_manifest_that_is_a_fifo_or_a_link_is_not_read(tampered, tmp_path):
    archive, manifest, secret = tampered
    manifest.unlink()
    os.mkfifo(manifest)
    result = cli("archive", "verify", "small", "--archive", archive)
    assert result.returncode == 2 and "named pipe" in result.stderr
    manifest.unlink()
    manifest.symlink_to(secret)
    code, _, err = run("archive", "verify", "small", "--archive", archive)
    assert code == 2 and "it is a link, not a file" in err and "TOP-SECRET" not in err


def _forged_pdf(edition: Path, tmp_path: Path, change) -> Path:
    """The archived PDF with its embedded recipe changed (sources and hashes kept)."""
    from briefing.editions.embed import RECIPE, read_attachments

    original = edition / "small" / "r1" / "quan-1.pdf"
    files = read_attachments(original)
    recipe = json.loads(files[RECIPE])
    change(recipe)
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(original))
    for name, data in files.items():
        writer.add_attachment(name, json.dumps(recipe).encode() if name == RECIPE else data)
    forged = tmp_path / "forged.pdf"
    with forged.open("wb") as stream:
        writer.write(stream)
    return forged


@pytest.mark.parametrize("change,message", [
    (lambda r: r["options"].__setitem__("date", {"y": 1}), "options.date"),
    (lambda r: r["options"].__setitem__("pdf_variant", "pdf/x"), "options.pdf_variant"),
    (lambda r: r["options"].__setitem__("embed_sources", "yes"), "options.embed_sources"),
    (lambda r: r["sources"]["content"].__setitem__("path", "a\x1b[2Jb"), "sources.content.path"),
    (lambda r: r.__setitem__("tools", []), "tools"),
])
def test_a_forged_recipe_is_one_line_not_a_traceback(edition, tmp_path, change, message):
    forged = _forged_pdf(edition, tmp_path, change)
    code, _, err = run("archive", "extract", forged, "--out", tmp_path / "out", "--rebuild")
    assert code == 2 and "Traceback" not in err
    (line,) = err.splitlines()
    assert line.startswith(f"{forged}: error: embedded briefing-build.json is incomplete or "
                           "damaged") and message in line
    assert "\x1b" not in line
    assert listing(tmp_path / "out") == []


def test_extract_refuses_links_planted_in_its_folder(edition, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "content").symlink_to(elsewhere)
    code, _, err = run("archive", "extract", edition / "small" / "r1" / "quan-1.pdf", "--out",
                       out)
    assert code == 2 and "leads outside" in err
    assert listing(elsewhere) == []


# -- state files ------------------------------------------------------------------------------

@pytest.mark.parametrize("state", [
    '{"quan-1": {"fingerprint": 1, "outputs": []}}',
    '{"quan-1": "x"}',
    '[1, 2]',
    '{"quan-1": {"fingerprint": "f", "outputs": {"pdf": "../../etc/passwd"}}}',
    'not json at all',
    "\udcff",
])
def test_a_damaged_batch_state_is_ignored_with_a_warning_and_rebuilt(tmp_path, state):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".batch-state.json").write_bytes(state.encode("utf-8", "surrogateescape"))
    code, stdout, err = run("batch", CONTENT, "--units", UNIT, "--out", out, "--format", "docx",
                            "--no-progress")
    assert code == 0, err
    assert "Traceback" not in err
    assert f"{out / '.batch-state.json'}: warning: batch state ignored: " in err
    assert "built quan-1" in stdout
    rebuilt = json.loads((out / ".batch-state.json").read_text(encoding="utf-8"))
    assert set(rebuilt) == {"quan-1"} and set(rebuilt["quan-1"]["outputs"]) == {"docx"}
    again = run("batch", CONTENT, "--units", UNIT, "--out", out, "--format", "docx",
                "--no-progress")
    assert again[0] == 0 and "unchanged quan-1: skipped" in again[1] and "warning" not in again[2]


def test_a_batch_state_linked_elsewhere_is_not_read(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    secret = tmp_path / "secret.json"
    secret.write_text('{"quan-1": {"fingerprint": "TOP-SECRET", "outputs": {}}}')
    (out / ".batch-state.json").symlink_to(secret)
    code, _, err = run("batch", CONTENT, "--units", UNIT, "--out", out, "--format", "docx",
                       "--no-progress")
    assert code == 0 and "batch state ignored: it is not a plain file" in err
    assert "TOP-SECRET" in secret.read_text()  # the link was replaced, the target untouched
    assert not (out / ".batch-state.json").is_symlink()


def test_an_output_replaced_by_a_link_is_rebuilt_not_hashed(tmp_path):
    out = tmp_path / "out"
    assert run("batch", CONTENT, "--units", UNIT, "--out", out, "--format", "docx",
               "--no-progress")[0] == 0
    target = out / "quan-1.docx"
    kept = tmp_path / "kept.docx"
    target.rename(kept)
    target.symlink_to(kept)
    code, stdout, _ = run("batch", CONTENT, "--units", UNIT, "--out", out, "--format", "docx",
                          "--no-progress")
    assert code == 0 and "built quan-1" in stdout and not target.is_symlink()


# -- text: unit and meeting files are checked like content files ------------------------------

def _unit(tmp_path: Path, old: str, new: str, name: str = "quan-1.yaml",
          source: Path = UNIT) -> Path:
    """A copy of a unit (or meeting) file with one change, in units/ beside a copy of the
    briefing its rules are `for` (as `check` looks for it)."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "units").mkdir(exist_ok=True)
    if not (tmp_path / CONTENT.name).exists():
        shutil.copy(CONTENT, tmp_path)
    path = tmp_path / "units" / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_col(path: Path, needle: str) -> str:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(needle)


def test_a_noncharacter_in_a_unit_name_is_refused_at_its_column(tmp_path):
    unit = _unit(tmp_path, "name: Đảng bộ Quận 1", 'name: "Đảng bộ Quận 1\\uFFFE"')
    where = _line_col(unit, "\\uFFFE")
    for argv in (["batch", CONTENT, "--units", unit, "--out", tmp_path / "out"],
                 ["edition", CONTENT, "--units", unit, "--date", "2024-03-15", "--archive",
                  tmp_path / "archive"],
                 ["archive", "diff", "base", unit, "--content", CONTENT],
                 ["check", unit]):
        code, _, err = run(*argv, *(["--no-progress"] if argv[0] != "check"
                                    and argv[0] != "archive" else []))
        assert code == 2, (argv, err)
        assert f"{unit}:{where}: error: noncharacter U+FFFE cannot be printed" in err, err
        assert "malformed XML" not in err and "Traceback" not in err
    assert listing(tmp_path / "out") == [] and listing(tmp_path / "archive") == []


def test_a_noncharacter_in_meeting_options_names_the_option(tmp_path):
    code, _, err = run("batch", CONTENT, "--unit", "quan-1", "--meeting-name", "Hội nghị\uffff",
                       "--out", tmp_path / "out", "--no-progress")
    assert code == 2
    assert err.splitlines() == ["--meeting-name: error: noncharacter U+FFFF cannot be printed: "
                                "XML, hence DOCX and PDF, cannot carry it (delete it)"]


def test_a_non_utf8_unit_file_names_the_column_and_the_byte(tmp_path):
    unit = tmp_path / "latin1.yaml"
    unit.write_bytes(UNIT.read_bytes().replace("Trần Minh Tâm".encode(), b"Tr\xe0n Minh Tam"))
    where = _line_col(UNIT, "Trần Minh Tâm")
    line, col = map(int, where.split(":"))
    expected = f"{unit}:{line}:{col + 2}: error: file is not UTF-8 text (byte 0xE0)"
    for argv in (["check", unit], ["batch", CONTENT, "--units", unit, "--out", tmp_path / "o",
                                   "--no-progress"]):
        code, _, err = run(*argv)
        assert code == 2 and expected in err, err


def test_bidi_and_zero_width_characters_in_unit_and_meeting_files_are_reported(tmp_path):
    unit = _unit(tmp_path, "name: Trần Minh Tâm", "name: Trần \u202eMinh Tâm")
    meeting = _unit(tmp_path, "place: Hội trường Thành ủy", "place: Hội trường\u200b Thành ủy",
                    name="meeting.yaml", source=MEETING)
    unit_at, meeting_at = _line_col(unit, "\u202e"), _line_col(meeting, "\u200b")
    expected = [f"{unit}:{unit_at}: warning: invisible character U+202E (right-to-left override)",
                f"{meeting}:{meeting_at}: warning: invisible character U+200B (zero width space)"]
    code, _, err = run("check", "--strict", unit, meeting)
    assert code == 1
    assert [line.split(" (fix")[0] for line in err.splitlines()] == expected
    code, _, err = run("batch", CONTENT, "--units", unit, "--meeting", meeting, "--out",
                       tmp_path / "out", "--format", "docx", "--no-progress")
    assert code == 0, err
    assert sorted(line.split(" (fix")[0] for line in err.splitlines() if "warning" in line) \
        == sorted(expected)
    code, _, err = run("check", "--fix", unit, meeting)
    assert code == 0 and "\u202e" not in unit.read_text() and "\u200b" not in meeting.read_text()


def test_font_coverage_in_a_unit_file(tmp_path):
    unit = _unit(tmp_path, "name: Trần Minh Tâm", "name: Trần Minh Tâm 😀 中文")
    code, _, err = run("batch", CONTENT, "--units", unit, "--out", tmp_path / "out",
                       "--format", "docx", "--no-progress")
    assert code == 2
    assert (f"{unit}:{_line_col(unit, '😀')}: error: the font Liberation Serif cannot draw '😀' "
            "(U+1F600 GRINNING FACE)") in err
    assert (f"{unit}:{_line_col(unit, '中文')}: error: the font Liberation Serif cannot draw "
            "these 2 characters: '中文' (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D, U+6587 CJK UNIFIED "
            "IDEOGRAPH-6587)") in err
    assert listing(tmp_path / "out") == []


def test_font_coverage_suggests_and_fixes_obvious_replacements(tmp_path):
    from briefing.validation.coverage import drawable, suggestion

    chars = drawable(load_profile("party"))
    assert suggestion("\uff21", chars) == "A"  # FULLWIDTH LATIN CAPITAL LETTER A
    assert suggestion("\u2460", chars) == "1"  # CIRCLED DIGIT ONE
    assert suggestion("😀", chars) is None
    text = CONTENT.read_text(encoding="utf-8").replace("Bối cảnh", "Bối cảnh ＡＳＥＡＮ", 1)
    path = tmp_path / "fullwidth.yaml"
    path.write_text(text, encoding="utf-8")
    assert "cannot draw these 5 characters: 'ＡＳＥＡＮ'" in str(validate_file(path))
    code, _, err = run("check", "--fix", path)
    assert code == 0, err
    assert "Bối cảnh ASEAN" in path.read_text(encoding="utf-8")


def test_a_long_unbreakable_run_is_reported_at_its_column(tmp_path):
    """A 1.9 MB word: the check says so at its column instead of a 10 s build of a cut page."""
    text = CONTENT.read_text(encoding="utf-8").replace("Bối cảnh", "Bối " + "x" * 1_900_000 + " ",
                                                       1)
    path = tmp_path / "word.yaml"
    path.write_text(text, encoding="utf-8")
    (problem,) = [p for p in validate_file(path) if p.code == "overflow"]
    assert "unbreakable run of 1,900,000 characters is wider than the 165 mm of a line" in \
        problem.message
    assert f"{problem.position.line}:{problem.position.col}" == _line_col(path, "x" * 10)


def test_footnote_limit_is_checked_before_the_build(tmp_path):
    """Counting, not timing: 1,000 notes pass the check, 1,001 are refused at the first one
    over the limit, and the build writes nothing."""
    from briefing.validation.checks import MAX_FOOTNOTES

    def document(count: int) -> str:
        lines = ["meta:", "  form: booklet", "  issuer:", "    name: BAN TUYÊN GIÁO",
                 "  place: Hà Nội", "  date: 2024-03-05", "footnotes:"]
        lines += [f"  n{i}: Chú thích {i}." for i in range(count)]
        lines += ["blocks:", "  - id: a", "    kind: context", "    title: Bối cảnh", "    body:"]
        lines += [f"      - Đoạn {i}[^n{i}]." for i in range(count)]
        return "\n".join(lines) + "\n"

    allowed = tmp_path / "allowed.yaml"
    allowed.write_text(document(MAX_FOOTNOTES), encoding="utf-8")
    assert not [p for p in validate_file(allowed) if p.severity == "error"]
    refused = tmp_path / "refused.yaml"
    refused.write_text(document(MAX_FOOTNOTES + 1), encoding="utf-8")
    code, _, err = run(refused, "--out", tmp_path / "out")
    assert code == 2 and listing(tmp_path / "out") == []
    assert err.splitlines()[0] == (
        f"{refused}:{8 + MAX_FOOTNOTES}:3: error: 1,001 footnotes: a document has at most 1,000 "
        "(the PDF would take many minutes to lay out) (split the document, or turn notes into "
        "a list of sources)")


# -- the PDF embeds the vendored fonts and nothing else ---------------------------------------

def _embedded_fonts(pdf: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _vendored_names() -> set[str]:
    from fontTools.ttLib import TTFont

    return {TTFont(str(path))["name"].getDebugName(4).replace(" ", "-")  # as PDFs name them
            for path in FONTS_DIR.rglob("*.ttf")}


def test_no_pdf_embeds_a_font_outside_fonts(tmp_path):
    """Text the font cannot draw (emoji, CJK, Arabic) rendered anyway, bypassing the check:
    before, the PDF embedded DejaVu Sans and Droid Sans Fallback from the system."""
    from briefing.tree.prepare import prepare
    from briefing.tree.render import render_tree
    from briefing.units.sources import SourceFile
    from briefing.units.variant import load_variant
    from briefing.writers.pdf import write_pdf

    text = CONTENT.read_text(encoding="utf-8").replace(
        "Bối cảnh", "Bối cảnh 😀 中文 عربى ✓", 1)
    variant = load_variant(SourceFile("emoji.yaml", text.encode("utf-8")))
    view = prepare(variant.loaded)
    pdf = write_pdf(render_tree(view), view.profile)
    embedded = _embedded_fonts(pdf)
    assert embedded and embedded <= _vendored_names(), embedded


def test_the_pdf_font_configuration_lists_only_fonts_dir():
    from weasyprint.text.ffi import ffi, fontconfig

    from briefing.writers.pdf.fontconfig import vendored_font_configuration

    config = vendored_font_configuration()
    fonts = fontconfig.FcConfigGetFonts(config._config, fontconfig.FcSetSystem)
    files = set()
    string = ffi.new("FcChar8 **")
    for index in range(fonts.nfont):
        fontconfig.FcPatternGetString(fonts.fonts[index], b"file", 0, string)
        files.add(Path(ffi.string(string[0]).decode()))
    assert files and all(path.is_relative_to(FONTS_DIR.resolve()) for path in files), files



def test_the_font_configuration_folder_is_ours(monkeypatch, tmp_path):
    """A folder another user (or a link) put at the shared name is not used: the PDF's fonts
    are chosen in a folder only we can write."""
    import os

    from briefing.writers.pdf import fontconfig

    monkeypatch.setattr(fontconfig.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(fontconfig, "_private", None)
    elsewhere = tmp_path / "planted"
    elsewhere.mkdir()
    (tmp_path / f"briefing-fontconfig-{os.getuid()}").symlink_to(elsewhere)
    conf = fontconfig.fonts_conf()
    assert not conf.is_relative_to(elsewhere) and not list(elsewhere.iterdir())
    assert oct(conf.parent.stat().st_mode & 0o777) == "0o700"


def test_a_stamp_file_nested_without_end_reads_as_nothing_recorded(tmp_path):
    """A hand-made `.batch-stamp.json` of 200,000 '[' would exhaust the JSON parser's stack:
    it is "no stamp" (the full build runs), never a traceback."""
    from briefing.builds.stamps import read_json

    stamp = tmp_path / ".batch-stamp.json"
    stamp.write_text("[" * 200_000, encoding="utf-8")
    assert read_json(stamp) == {}


def test_a_link_inside_an_archive_is_reported_even_when_it_stays_inside(tmp_path):
    """An archive holds plain files only: a stored file replaced by a link to another file of
    the same revision is "not a file", not verified through the link."""
    from briefing.editions.layout import Revision
    from briefing.editions.verify import read_stored

    revision = tmp_path / "ed" / "r1"
    (revision / "content").mkdir(parents=True)
    (revision / "content" / "a.yaml").write_text("meta: {}\n", encoding="utf-8")
    (revision / "content" / "b.yaml").symlink_to("a.yaml")
    with pytest.raises(BriefingError) as caught:
        read_stored(Revision("ed", 1, revision), "content/b.yaml")
    assert "not a plain file" in caught.value.problems[0].message
    assert read_stored(Revision("ed", 1, revision), "content/a.yaml") == b"meta: {}\n"
