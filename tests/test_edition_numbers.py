"""`meta.number: auto`: a draft prints the number blank; an edition takes the next number of
its type and issuer from the register, prints it, records it in the manifest and the register,
and a rebuild uses the recorded number. A failed edition withdraws its number; two editions at
once take distinct numbers; a damaged or locked register refuses the edition, nothing written."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import sqlite3
import zipfile
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.register.ledger import Register
from tests.test_editions import quiet

PROGRAMME = PROJECT_ROOT / "content" / "coordination-programme-2024.yaml"


def auto_content(folder: Path, code: str = "BTGTU") -> Path:
    """The programme (party, CHƯƠNG TRÌNH: symbol CTr) with `number: auto` and its issuer's
    code, and an empty units folder (the briefing alone is the edition's one variant)."""
    text = PROGRAMME.read_text(encoding="utf-8").replace("number: -CTr/BTGTU", "number: auto")
    issuer = "    name: BAN TUYÊN GIÁO\n"
    text = text.replace(issuer, f"{issuer}    code: {code}\n", 1)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "units").mkdir(exist_ok=True)
    path = folder / "chuong-trinh.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def edition(content: Path, archive: Path, name: str, *extra: str):
    return quiet("edition", content, "--date", "2026-03-05", "--name", name, "--with-base",
                 "--units", content.parent / "units", "--format", "pdf", "--jobs", "1",
                 "--no-progress", "--archive", archive, *extra)


def manifest(archive: Path, name: str) -> dict:
    return json.loads((archive / name / "r1" / "manifest.json").read_text(encoding="utf-8"))


def statuses(archive: Path) -> list[tuple[str, str]]:
    return [(e.number, e.status) for e in Register(archive / "register.sqlite").entries()]


@pytest.fixture(scope="module")
def numbered(tmp_path_factory) -> tuple[Path, Path]:
    """Two editions of one document: numbers 01 and 02."""
    folder = tmp_path_factory.mktemp("numbered")
    content, archive = auto_content(folder / "content"), folder / "archive"
    for name in ("so-1", "so-2"):
        result = edition(content, archive, name)
        assert result.code == 0, result.err
    return content, archive


def test_a_draft_prints_the_number_blank(tmp_path):
    content = auto_content(tmp_path)
    assert quiet("check", content).code == 0
    assert quiet(content, "--format", "docx", "--out", tmp_path / "out").code == 0
    with zipfile.ZipFile(tmp_path / "out" / "chuong-trinh.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert ">Số      -CTr/BTGTU<" in xml  # the profile's blank before the symbol


def test_a_state_draft_prints_its_own_blank():
    from briefing.content.meta import Meta
    from briefing.profile.model import load_profile
    from briefing.tree.prepare import _number_line

    meta = Meta.model_validate({
        "form": "official", "profile": "state", "type": "QUYẾT ĐỊNH", "number": "auto",
        "issuer": {"name": "ỦY BAN NHÂN DÂN", "code": "UBND"}, "place": "Hà Tĩnh",
        "date": "2026-03-05", "subject": "về việc thử", "signer": {"name": "Nguyễn Văn A"}})
    assert _number_line(meta, load_profile("state")) == "Số:      /QĐ-UBND"


@pytest.mark.parametrize("change, message", [
    (("    code: BTGTU\n", ""), "number: auto needs the issuer's code"),
    (("type: CHƯƠNG TRÌNH", "type: CÔNG VĂN X"), "number: auto needs a document type"),
])
def test_check_says_what_auto_needs(tmp_path, change, message):
    content = auto_content(tmp_path)
    content.write_text(content.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    result = quiet("check", content)
    assert result.code == 2 and message in result.err + result.out


def test_an_edition_takes_the_next_number_and_prints_it(numbered):
    _, archive = numbered
    assert [manifest(archive, n)["variants"][0]["number"] for n in ("so-1", "so-2")] == [
        "01-CTr/BTGTU", "02-CTr/BTGTU"]
    assert statuses(archive) == [("01-CTr/BTGTU", "issued"), ("02-CTr/BTGTU", "issued")]
    entry = Register(archive / "register.sqlite").entries()[1]
    assert (entry.edition, entry.period, entry.files) == ("so-2@r1", "term 2025-10-15",
                                                          "chuong-trinh.pdf")
    import pdfplumber

    with pdfplumber.open(archive / "so-2" / "r1" / "chuong-trinh.pdf") as pdf:
        assert "Số 02-CTr/BTGTU" in pdf.pages[0].extract_text()


def test_the_same_inputs_again_take_no_number(numbered):
    content, archive = numbered
    result = edition(content, archive, "so-2")
    assert result.code == 0 and "nothing written" in result.out
    assert len(statuses(archive)) == 2


def test_a_rebuild_uses_the_recorded_number(numbered, tmp_path):
    _, archive = numbered
    result = quiet("archive", "verify", "so-2", "--rebuild", "--archive", archive)
    assert result.code == 0 and "rebuilt byte-identical" in result.out, result.err
    pdf = archive / "so-2" / "r1" / "chuong-trinh.pdf"
    result = quiet("archive", "extract", pdf, "--out", tmp_path / "x", "--rebuild")
    assert result.code == 0 and "identical" in result.out, result.err
    assert len(statuses(archive)) == 2  # no number taken by either


def test_a_failed_edition_withdraws_its_number(tmp_path, monkeypatch):
    import briefing.builds.variants
    from briefing.problems import BriefingError

    content, archive = auto_content(tmp_path / "c"), tmp_path / "archive"

    def failing(job, parallel_formats=True):
        raise BriefingError.at(content, "cannot render", 2, 9)

    monkeypatch.setattr(briefing.builds.variants, "render_job", failing)
    assert edition(content, archive, "hong").code == 2
    assert not (archive / "hong" / "r1").exists()
    entry = Register(archive / "register.sqlite").entries()[0]
    assert (entry.number, entry.status, entry.reason) == (
        "01-CTr/BTGTU", "withdrawn", "edition hong@r1 failed: not issued")
    monkeypatch.undo()
    assert edition(content, archive, "hong").code == 0  # never 01 again
    assert manifest(archive, "hong")["variants"][0]["number"] == "02-CTr/BTGTU"


def _edition_in_a_process(content: str, archive: str, name: str, queue) -> None:
    result = edition(Path(content), Path(archive), name)
    queue.put((name, result.code, result.err))


def test_two_editions_at_once_take_distinct_numbers(tmp_path):
    content, archive = auto_content(tmp_path / "c"), tmp_path / "archive"
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_edition_in_a_process,
                               args=(str(content), str(archive), name, queue))
               for name in ("a", "b")]
    for worker in workers:
        worker.start()
    said = [queue.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [code for _, code, _ in said] == [0, 0], said
    numbers = sorted(manifest(archive, n)["variants"][0]["number"] for n in ("a", "b"))
    assert numbers == ["01-CTr/BTGTU", "02-CTr/BTGTU"]


@pytest.mark.parametrize("spoil", ["damaged", "locked"])
def test_a_bad_register_refuses_the_edition_and_writes_nothing(tmp_path, spoil, monkeypatch):
    import functools

    import briefing.editions.issued_numbers

    content, archive = auto_content(tmp_path / "c"), tmp_path / "archive"
    archive.mkdir()
    register = archive / "register.sqlite"
    holder = None
    if spoil == "damaged":
        register.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    else:
        from briefing.profile.model import load_profile
        from briefing.register.numbers import NumberScheme

        Register(register).reserve(NumberScheme.of(load_profile("party")), "HD", "X",
                                   dt.date(2026, 1, 5))
        monkeypatch.setattr(briefing.editions.issued_numbers, "Register",
                            functools.partial(Register, wait=0.2))
        holder = sqlite3.connect(register, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a change
    before = register.read_bytes()
    try:
        result = edition(content, archive, "hong")
    finally:
        if holder is not None:
            holder.execute("ROLLBACK")
            holder.close()
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and ("damaged" in lines[0] or "locked" in lines[0]), result.err
    assert register.read_bytes() == before
    assert [p.name for p in (archive / "hong").iterdir()] == [".lock"]
