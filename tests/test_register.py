"""The register of issued numbers: counted per year (state) or per term (party), per type and
issuer, never reused, safe with several processes at once, and plain about a bad file."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.problems import BriefingError
from briefing.profile.model import load_profile
from briefing.register.ledger import Register
from briefing.register.numbers import NumberScheme

PARTY = NumberScheme.of(load_profile("party"))
STATE = NumberScheme.of(load_profile("state"))
DAY = dt.date(2026, 3, 5)


def test_schemes_follow_the_profiles_shape():
    assert PARTY.number(5, "HD", "BTGTU") == "05-HD/BTGTU"
    assert STATE.number(12, "QĐ", "UBND") == "12/QĐ-UBND"
    assert PARTY.symbol("HD", "BTGTU") == "-HD/BTGTU"  # a draft prints "Số      -HD/BTGTU"
    assert PARTY.split("-HD/BTGTU") == (None, "HD", "BTGTU")
    assert STATE.split("12/QĐ-UBND-VP") == (12, "QĐ", "UBND-VP")
    assert (STATE.period(DAY), PARTY.period(DAY)) == ("2026", "term 2025-10-15")
    with pytest.raises(BriefingError, match="before the committee's term"):
        PARTY.period(dt.date(2025, 10, 14))


def test_numbers_count_per_type_issuer_and_period(tmp_path):
    register = Register(tmp_path / "register.sqlite")
    taken = [register.reserve(STATE, "QĐ", "UBND", DAY).number for _ in range(3)]
    assert taken == ["01/QĐ-UBND", "02/QĐ-UBND", "03/QĐ-UBND"]
    assert register.reserve(STATE, "CV", "UBND", DAY).number == "01/CV-UBND"
    assert register.reserve(STATE, "QĐ", "SGD", DAY).number == "01/QĐ-SGD"
    assert register.reserve(STATE, "QĐ", "UBND", dt.date(2027, 1, 2)).number == "01/QĐ-UBND"
    # a Party term runs across the new year: the count goes on
    party = [register.reserve(PARTY, "HD", "BTGTU", day).number
             for day in (dt.date(2025, 12, 30), dt.date(2026, 1, 2))]
    assert party == ["01-HD/BTGTU", "02-HD/BTGTU"]


def test_withdrawn_numbers_stay_and_are_never_given_again(tmp_path, capsys):
    path = tmp_path / "register.sqlite"
    register = Register(path)
    first = register.reserve(PARTY, "HD", "BTGTU", DAY, "về tuyên truyền")
    register.reserve(PARTY, "HD", "BTGTU", DAY)
    issued = register.record(first.number, first.period, edition="2026-03-so-03",
                             files=["quan-1.pdf"])
    assert (issued.status, issued.edition, issued.subject) == ("issued", "2026-03-so-03",
                                                               "về tuyên truyền")
    assert main(["register", "withdraw", "02-HD/BTGTU", "--reason", "soạn nhầm",
                 "--register", str(path)]) == 0
    assert register.reserve(PARTY, "HD", "BTGTU", DAY).number == "03-HD/BTGTU"
    statuses = [(e.number, e.status, e.reason) for e in register.entries()]
    assert statuses == [("01-HD/BTGTU", "issued", ""), ("02-HD/BTGTU", "withdrawn", "soạn nhầm"),
                        ("03-HD/BTGTU", "reserved", "")]
    with pytest.raises(BriefingError, match="withdrawn already"):
        register.withdraw("02-HD/BTGTU", "again")
    with pytest.raises(BriefingError, match="not reserved"):
        register.record("01-HD/BTGTU", first.period, edition="x", files=[])
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.DatabaseError, match="never"):
        db.execute("DELETE FROM numbers")


def test_list_filters_and_csv(tmp_path, capsys):
    path = tmp_path / "register.sqlite"
    register = Register(path)
    register.reserve(STATE, "QĐ", "UBND", DAY, "Quyết định thử")
    register.reserve(STATE, "CV", "UBND", dt.date(2027, 2, 1))
    capsys.readouterr()
    assert main(["register", "list", "--register", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["NUMBER", "DATE", "STATUS"] and len(lines) == 3
    assert main(["register", "list", "--year", "2027", "--csv", "--register", str(path)]) == 0
    csv = capsys.readouterr().out.splitlines()
    assert csv[0].startswith("number,date,status,type,issuer,period")
    assert csv[1].startswith("01/CV-UBND,2027-02-01,reserved,CV,UBND,2027") and len(csv) == 2
    assert main(["register", "list", "--type", "QĐ", "--register", str(path)]) == 0
    assert "Quyết định thử" in capsys.readouterr().out
    assert main(["register", "list", "--register", str(tmp_path / "none.sqlite")]) == 0
    assert "no numbers" in capsys.readouterr().out


def _take(path: str, count: int, queue) -> None:
    register = Register(Path(path), wait=60)
    queue.put([register.reserve(PARTY, "HD", "BTGTU", DAY).number for _ in range(count)])


def test_processes_at_once_never_take_one_number(tmp_path):
    path = tmp_path / "register.sqlite"
    context = multiprocessing.get_context("spawn")  # fresh interpreters, as editions are
    queue = context.Queue()
    workers = [context.Process(target=_take, args=(str(path), 10, queue)) for _ in range(4)]
    for worker in workers:
        worker.start()
    taken = [number for _ in workers for number in queue.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert len(taken) == len(set(taken)) == 40
    assert sorted(taken) == [f"{n:02d}-HD/BTGTU" for n in range(1, 41)]


def test_a_damaged_register_is_one_line(tmp_path, capsys):
    path = tmp_path / "register.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    assert main(["register", "list", "--register", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "the register is damaged" in err, err
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    assert main(["register", "withdraw", "01-HD/BTGTU", "--reason", "x", "--register",
                 str(other)]) == 2
    assert "not a register of numbers" in capsys.readouterr().err
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    assert main(["register", "list", "--register", str(folder)]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_locked_register_is_one_line_and_unchanged(tmp_path, capsys):
    path = tmp_path / "register.sqlite"
    Register(path).reserve(STATE, "QĐ", "UBND", DAY)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a change
    try:
        with pytest.raises(BriefingError, match="locked by another program"):
            Register(path, wait=0.2).reserve(STATE, "QĐ", "UBND", DAY)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [e.number for e in Register(path).entries()] == ["01/QĐ-UBND"]


def test_profile_needs_a_term_start_to_count_by_term():
    from pydantic import ValidationError

    from briefing.profile.model import DocumentNumber

    with pytest.raises(ValidationError, match="term_start"):
        DocumentNumber(prefix="Số ", pattern=".", counted="term")
