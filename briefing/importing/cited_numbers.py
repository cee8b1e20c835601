"""The layout a text without a masthead is written for, read from the numbers it cites.

A state appendix or an extract has no national title nor Party name above it, but it names
the text it goes with: "(Kèm theo Nghị định số 30/2020/NĐ-CP …)" is a state number,
"(Kèm theo Hướng dẫn số 36-HD/VPTW …)" a Party one. What each layout's numbers look like is
the profiles' `document_number.pattern` (data), the one that checks our own numbers; this
module only reads a number out of running text as offices type it — spaces around "/" and
"-", an en dash, "Ð" (Latin eth) or "Ɖ" for "Đ", lower case after "số" or "số:" — and asks
each profile whether it is its kind (`DocumentNumber.cites`). The first such number near the
top decides; the guess is said. The lint asks the same of a masthead's number line and of an
appendix head (`number_profile`, `cited_profile`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.profile.model import Profile, available_profiles, load_profile
from briefing.readers.source import Block, Line
from briefing.validation.hygiene import LOOKALIKES

#: a number in running text: digits, then letters and digits joined by "/" or "-" (spaces
#: around the joiner as typed: "30 / 2020 / NĐ-CP", "36 - HD/VPTW")
_JOINER = r"\s*[-/\u2010-\u2014]\s*"
_CANDIDATE = re.compile(rf"(?<![\w/\-\u2010-\u2014])(?P<digits>\d{{1,4}})"
                        rf"(?P<rest>(?:{_JOINER}[^\W_]+)+)")
_PIECE = re.compile(rf"{_JOINER}[^\W_]+")
#: "số", "Số:" right before a number: its letters are a symbol, whatever their case
_SO = re.compile(r"\bsố\s*:?\s*$", re.IGNORECASE)
_FOLDED = str.maketrans({**LOOKALIKES, **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014"}})
#: how far down a cited number still speaks for the whole text
_TOP = 12


def profile_from_citations(body: list[Block], notes: Notebook) -> str | None:
    """The profile whose numbers the first document number the top of `body` cites are
    shaped like ("state", "party"), else None."""
    for block in [b for b in body if isinstance(b, Line)][:_TOP]:
        found = cited_profile(block.text)
        if found is None:
            continue
        notes.guess(msg("import-profile-cited", "no masthead: the layout ({profile}) is read "
                        "from the number the text cites", profile=found[0]), block.where,
                    found[1])
        return found[0]
    return None


def cited_profile(text: str) -> tuple[str, str] | None:
    """(profile, the number as typed) of the first document number `text` cites."""
    rulebooks = _rulebooks()
    for typed, number in cited_numbers(text):
        name = next((p.name for p in rulebooks if p.document_number.cites(number)), None)
        if name is not None:
            return name, typed
    return None


def number_profile(number: str) -> str | None:
    """The profile whose shape a number line's number has, as typed in a masthead ("Số: 12/
    QĐ-UBND", a blank one "Số:   …/QĐ-UBND"): its spaces and dots left out, its case raised
    (it follows "Số"); one that goes on past the shape ("47-QĐ/TW/BTC") by its longest part
    that has it."""
    folded = re.sub(r"[\s.…_]+", "", number.translate(_FOLDED)).rstrip(",;").upper()
    rulebooks = _rulebooks()
    for candidate in [folded, *(n for _, n in cited_numbers(folded))]:
        name = next((p.name for p in rulebooks if p.document_number.fits(candidate)), None)
        if name is not None:
            return name
    return None


def cited_numbers(text: str) -> Iterator[tuple[str, str]]:
    """Each number-like run of `text` as typed, with the numbers it may stand for, longest
    first, in the form a profile's pattern reads ("30 / 2020 / NÐ-CP ngày" -> "30/2020/NĐ-CP",
    then "30/2020/NĐ"): running text goes on after a number with a dash or a slash too."""
    for found in _CANDIDATE.finditer(text):
        pieces = [found["digits"], *(m.group() for m in _PIECE.finditer(found["rest"]))]
        raise_case = _SO.search(text, 0, found.start()) is not None
        for end in range(len(pieces), 1, -1):
            typed = "".join(pieces[:end]).strip()
            number = re.sub(r"\s+", "", typed.translate(_FOLDED))
            yield typed, number.upper() if raise_case else number


def _rulebooks() -> list[Profile]:
    """Every profile that loads, Party's first (a broken copy cannot be a layout anyway)."""
    profiles = []
    for name in sorted(available_profiles(), key=lambda n: (n != "party", n)):
        try:
            profiles.append(load_profile(name))
        except BriefingError:
            continue
    return profiles
