"""The numbers an edition takes from the register: a variant whose `meta.number` is `auto` gets
the next number of its type and issuer when (and only when) a new revision is built.

Taken under the edition's lock, after the fingerprint says the revision is new (an edition
archived already takes nothing), in one transaction for every variant (all or none), before
anything is written. The numbers are printed in the documents and recorded in the manifest;
once the revision is in place they are marked issued. A build that fails after the numbers
were taken marks them **withdrawn**, with the reason, rather than giving them back: a number
that may have been seen is never given again (ND 30 Điều 15), and the register shows why it
has no document. A build killed outright (SIGKILL, power cut) leaves them `reserved`, which
`build.py register list` shows; `register withdraw` closes them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.profile.model import load_profile
from briefing.register.ledger import Entry, Register, Wanted
from briefing.register.numbers import AUTO, NumberScheme, auto_parts
from briefing.units.variant import Variant


def wanted_number(variant: Variant) -> Wanted | None:
    """What a variant asks of the register: None unless its number is `auto` (the checks
    have made sure it has a type with a symbol and an issuer's code)."""
    meta = variant.loaded.document.meta
    if meta.number != AUTO:
        return None
    profile = load_profile(meta.profile)
    parts, problems = auto_parts(meta, profile)
    if parts is None:
        raise BriefingError.at(variant.loaded.path, problems[0])
    return Wanted(NumberScheme.of(profile), *parts, subject=meta.subject or "")


@dataclass
class EditionNumbers:
    """The numbers one build of an edition takes, and what becomes of them."""

    register: Register
    #: variant -> what it asks for
    wanted: dict[str, Wanted]
    date: str
    taken: dict[str, Entry] = field(default_factory=dict)

    def take(self) -> dict[str, str]:
        """Reserve every number (one transaction); variant -> number."""
        if self.wanted:
            names = list(self.wanted)
            entries = self.register.reserve_all([self.wanted[n] for n in names],
                                                dt.date.fromisoformat(self.date))
            self.taken = dict(zip(names, entries, strict=True))
        return {name: entry.number for name, entry in self.taken.items()}

    def issued(self, label: str, files: dict[str, list[str]]) -> None:
        """The revision is in place: each number is an issued document, with its files."""
        for name, entry in self.taken.items():
            self.register.record(entry.number, entry.period, edition=label,
                                 files=files.get(name, []))

    def failed(self, label: str) -> None:
        """The build failed: its numbers are withdrawn, with the reason (never given again).
        A register that cannot be written now leaves them reserved: the build's own error is
        the one to report."""
        reason = str(msg("number-edition-failed", "edition {label} failed: not issued",
                         label=label))
        for entry in self.taken.values():
            with contextlib.suppress(BriefingError):
                self.register.withdraw(entry.number, reason, entry.period)


def edition_numbers(register: Path, wanted: dict[str, Wanted], date: str) -> EditionNumbers:
    return EditionNumbers(Register(register), wanted, date)
