"""The register of issued numbers (sổ đăng ký văn bản đi, ND 30 Điều 15–16): an SQLite file
beside the editions, Python's own sqlite3 (nothing to install, nothing to run).

Every change is one transaction begun IMMEDIATE: it takes the file's write lock before it
reads the last number, so two processes reserving at once are served one after the other and
never take one number. A row is never deleted (a trigger refuses it) and the next number is
past every number of its period, withdrawn ones included, so a number is never given twice.
A withdrawn document stays in the register, marked withdrawn, with the reason.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.register.numbers import NumberScheme

#: "BRFG": marks a register of this program (another SQLite file is refused)
APPLICATION_ID = 0x42524647
SCHEMA_VERSION = 1
SCHEMA = ("""
CREATE TABLE numbers (
    id          INTEGER PRIMARY KEY,
    issuer      TEXT NOT NULL,
    type        TEXT NOT NULL,
    period      TEXT NOT NULL,
    sequence    INTEGER NOT NULL CHECK (sequence > 0),
    number      TEXT NOT NULL,
    profile     TEXT NOT NULL,
    date        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('reserved', 'issued', 'withdrawn')),
    subject     TEXT NOT NULL DEFAULT '',
    edition     TEXT NOT NULL DEFAULT '',
    files       TEXT NOT NULL DEFAULT '',
    reserved_at TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    UNIQUE (issuer, type, period, sequence)
)""", """
CREATE TRIGGER numbers_are_kept BEFORE DELETE ON numbers
BEGIN SELECT RAISE(ABORT, 'a number is never deleted from the register'); END""")
COLUMNS = ("number", "date", "status", "type", "issuer", "period", "subject", "edition",
           "files", "reserved_at", "changed_at", "reason")
#: how long a process waits for another one's transaction before it says the file is locked
WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Entry:
    number: str
    date: str
    status: str
    type: str
    issuer: str
    period: str
    subject: str = ""
    edition: str = ""
    files: str = ""
    reserved_at: str = ""
    changed_at: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Wanted:
    """A number to take: the profile's scheme, the type's symbol, the issuer's code."""

    scheme: NumberScheme
    type_code: str
    issuer: str
    subject: str = ""


def _now() -> str:
    from briefing.signing import iso_time, now_ict

    return iso_time(now_ict())


class Register:
    """One register file. `Register(path)` opens nothing; each call is one transaction."""

    def __init__(self, path: Path, wait: float = WAIT_SECONDS):
        self.path = Path(path)
        self.wait = wait

    # -- the file --------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def _check_file(self) -> None:
        try:
            mode = os.stat(self.path).st_mode
        except FileNotFoundError:
            return
        except OSError as exc:
            raise BriefingError.at(self.path, msg(
                "register-unreadable", "cannot read the register: {reason}",
                reason=str(exc.strerror))) from None
        if not stat.S_ISREG(mode):
            raise BriefingError.at(self.path, msg("register-not-file",
                                                  "the register is not a regular file"))

    @contextmanager
    def _transaction(self, create: bool) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE), committed at the end of the block, rolled
        back on any error; SQLite's errors become one line naming the file."""
        self._check_file()
        if not create and not self.path.exists():
            raise BriefingError.at(self.path, msg("register-none", "no register here yet"),
                                   hint=msg("register-none-hint", "the first edition with a "
                                                                  "number makes it"))
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = None
        try:
            connection = sqlite3.connect(self.path, timeout=self.wait, isolation_level=None)
            connection.execute("BEGIN IMMEDIATE")
            self._schema(connection)
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            if connection is not None and connection.in_transaction:
                connection.execute("ROLLBACK")
            raise self._error(exc) from None
        except BaseException:
            if connection is not None and connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            if connection is not None:
                connection.close()

    def _error(self, exc: sqlite3.Error) -> BriefingError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return BriefingError.at(self.path, msg(
                "register-locked", "the register is locked by another program (waited "
                "{seconds} s)", seconds=f"{self.wait:g}"), hint=msg(
                "register-locked-hint", "try again when the other edition is done"))
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return BriefingError.at(self.path, msg(
                "register-damaged", "the register is damaged (not a readable SQLite "
                "database)"), hint=msg(
                "register-damaged-hint", "restore it from the backup; never recreate it: its "
                "numbers would be given again"))
        return BriefingError.at(self.path, msg("register-error", "register: {reason}",
                                               reason=text))

    def _schema(self, connection: sqlite3.Connection) -> None:
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application == 0 and tables == 0:  # a new, empty file: make the register
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            for statement in SCHEMA:
                connection.execute(statement)
            return
        if application != APPLICATION_ID:
            raise BriefingError.at(self.path, msg(
                "register-foreign", "this SQLite file is not a register of numbers made by "
                "build.py"))
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise BriefingError.at(self.path, msg(
                "register-version", "register of version {version}; this program reads "
                "version {known}", version=version, known=SCHEMA_VERSION))

    # -- numbers ---------------------------------------------------------------------------------
    def reserve(self, scheme: NumberScheme, type_code: str, issuer: str, date: dt.date,
                subject: str = "") -> Entry:
        """Take the next number of this type and issuer in the period of `date`."""
        return self.reserve_all([Wanted(scheme, type_code, issuer, subject)], date)[0]

    def reserve_all(self, wanted: list[Wanted], date: dt.date) -> list[Entry]:
        """Take a number for each of `wanted` in one transaction: all of them, or none (an
        edition's variants, each of its own type and issuer)."""
        periods = [w.scheme.period(date) for w in wanted]  # a date before the term: nothing
        with self._transaction(create=True) as db:
            return [self._take(db, w, period, date) for w, period in zip(wanted, periods,
                                                                          strict=True)]

    def _take(self, db: sqlite3.Connection, wanted: Wanted, period: str,
              date: dt.date) -> Entry:
        last = db.execute("SELECT max(sequence) FROM numbers WHERE issuer = ? AND type = ? "
                          "AND period = ?", (wanted.issuer, wanted.type_code, period)
                          ).fetchone()[0]
        sequence = (last or 0) + 1
        now = _now()
        entry = Entry(wanted.scheme.number(sequence, wanted.type_code, wanted.issuer),
                      date.isoformat(), "reserved", wanted.type_code, wanted.issuer, period,
                      wanted.subject, reserved_at=now, changed_at=now)
        db.execute("INSERT INTO numbers (issuer, type, period, sequence, number, profile, "
                   "date, status, subject, reserved_at, changed_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (wanted.issuer, wanted.type_code, period, sequence, entry.number,
                    wanted.scheme.profile, entry.date, "reserved", wanted.subject, now, now))
        return entry

    def record(self, number: str, period: str, *, edition: str, files: list[str],
               subject: str = "") -> Entry:
        """The reserved number is now an issued document: its edition and files."""
        with self._transaction(create=False) as db:
            row = self._one(db, number, period)
            if row["status"] != "reserved":
                raise BriefingError.at(self.path, msg(
                    "register-not-reserved", "number {number} is {status}, not reserved: it "
                    "cannot be issued again", number=number, status=row["status"]))
            db.execute("UPDATE numbers SET status = 'issued', edition = ?, files = ?, "
                       "subject = CASE WHEN ? = '' THEN subject ELSE ? END, changed_at = ? "
                       "WHERE id = ?", (edition, "\n".join(files), subject, subject, _now(),
                                        row["id"]))
        return self.find(number, period)

    def withdraw(self, number: str, reason: str, period: str | None = None) -> Entry:
        """Mark a number withdrawn (thu hồi), with the reason; it is never given again."""
        if not reason.strip():
            raise BriefingError.at(self.path, msg("register-no-reason", "a withdrawal needs "
                                                                    "its reason (--reason)"))
        with self._transaction(create=False) as db:
            row = self._one(db, number, period)
            if row["status"] == "withdrawn":
                raise BriefingError.at(self.path, msg(
                    "register-withdrawn", "number {number} ({period}) is withdrawn already: "
                    "{reason}", number=number, period=row["period"], reason=row["reason"]))
            db.execute("UPDATE numbers SET status = 'withdrawn', reason = ?, changed_at = ? "
                       "WHERE id = ?", (reason.strip(), _now(), row["id"]))
            period = row["period"]
        return self.find(number, period)

    def _one(self, db: sqlite3.Connection, number: str, period: str | None) -> sqlite3.Row:
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT * FROM numbers WHERE number = ?" +
                          (" AND period = ?" if period else ""),
                          (number, period) if period else (number,)).fetchall()
        if not rows:
            raise BriefingError.at(self.path, msg(
                "register-no-number", "no number {number} in the register for {period}",
                number=number, period=period) if period else msg(
                "register-no-number", "no number {number} in the register", number=number))
        if len(rows) > 1:
            periods = ", ".join(r["period"] for r in rows)
            raise BriefingError.at(self.path, msg(
                "register-periods", "number {number} was given in several periods "
                "({periods})", number=number, periods=periods), hint=msg(
                "register-periods-hint", "say which with --period"))
        return rows[0]

    def find(self, number: str, period: str | None = None) -> Entry:
        matches = [e for e in self.entries() if e.number == number
                   and (period is None or e.period == period)]
        if len(matches) != 1:
            raise BriefingError.at(self.path, msg(
                "register-no-number", "no number {number} in the register", number=number))
        return matches[0]

    def entries(self, year: int | None = None, type_code: str | None = None) -> list[Entry]:
        """Every number, in the order given; none when there is no register yet."""
        if not self.path.exists():
            self._check_file()
            return []
        query = f"SELECT {', '.join(COLUMNS)} FROM numbers WHERE 1"
        values: list[object] = []
        if year is not None:
            query += " AND substr(date, 1, 4) = ?"
            values.append(f"{year:04d}")
        if type_code is not None:
            query += " AND type = ?"
            values.append(type_code)
        with self._transaction(create=False) as db:
            rows = db.execute(query + " ORDER BY id", values).fetchall()
        return [Entry(*row) for row in rows]
