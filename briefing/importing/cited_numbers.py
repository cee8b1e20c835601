"""The layout a text without a masthead is written for, read from the numbers it cites.

A state appendix or an extract has no national title nor Party name above it, but it names
the text it goes with: "(Kèm theo Nghị định số 30/2020/NĐ-CP …)" is a state number (number,
year, type and issuer joined by "/" and "-"), "(Kèm theo Hướng dẫn số 36-HD/VPTW …)" a Party
one (number, "-", type, "/", issuer). The first such number near the top decides; the guess
is said."""

from __future__ import annotations

import re

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.readers.source import Block, Line

_STATE = re.compile(r"\b\d{1,4}(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ]*-[A-ZĐ][A-ZĐ0-9]*\b")
_PARTY = re.compile(r"\b\d{1,4}-[A-ZĐ][A-ZĐa-zđ]*/[A-ZĐ][A-ZĐ0-9-]*\b")
#: how far down a cited number still speaks for the whole text
_TOP = 12


def profile_from_citations(body: list[Block], notes: Notebook) -> str | None:
    """"state" or "party" from the first document number the top of `body` cites, else None."""
    for block in [b for b in body if isinstance(b, Line)][:_TOP]:
        state, party = _STATE.search(block.text), _PARTY.search(block.text)
        found = min((m for m in (state, party) if m), key=lambda m: m.start(), default=None)
        if found is None:
            continue
        name = "state" if found is state else "party"
        notes.guess(msg("import-profile-cited", "no masthead: the layout ({profile}) is read "
                        "from the number the text cites", profile=name), block.where,
                    found.group())
        return name
    return None
