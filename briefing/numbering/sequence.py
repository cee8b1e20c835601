"""Whether a typed marker is the next one: what the importer's gap and repeat guesses and the
lint's numbering findings rest on.

Letters follow the Vietnamese alphabet ("g)" after "e)", "đ)" after "d)", "i)" after "h)" is a
letter, not Roman one) or, where a clerk typed Latin letters ("f)"), the Latin one — both are
the same list to a reader. Numbers restart under a new parent (khoản under each Điều, điểm
under each khoản, Roman mục under each Phần): the caller says where a parent began by starting
a new `Run`.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.numbering.letters import LATIN_ONLY, VIETNAMESE_LETTERS
from briefing.numbering.markers import AS_LETTER, Marker, as_letter

_LETTER_KINDS = ("alpha", "paren-alpha")


def next_letters(letter: str) -> set[str]:
    """The letters that may follow `letter`: the next in the Vietnamese alphabet, and the next
    in the Latin one when the clerk counted in Latin (e -> f, i -> j)."""
    following: set[str] = set()
    if letter in VIETNAMESE_LETTERS:
        index = VIETNAMESE_LETTERS.index(letter)
        if index + 1 < len(VIETNAMESE_LETTERS):
            following.add(VIETNAMESE_LETTERS[index + 1])
    if len(letter) == 1 and "a" <= letter < "z":
        latin = chr(ord(letter) + 1)
        if latin in LATIN_ONLY or latin not in VIETNAMESE_LETTERS or not following:
            following.add(latin)
    if letter == "d":
        following.add("e")  # a clerk who skipped "đ)" counted a, b, c, d, e: not a gap to flag
    return following


def read_in_run(previous: Marker | None, marker: Marker) -> Marker:
    """`marker` as the run it stands in reads it: "i)" after "h)" is the letter i, "(v)" after
    "(iv)" the numeral five; a run's first "i)" stays Roman."""
    if previous is not None and previous.kind in _LETTER_KINDS and marker.kind in AS_LETTER:
        letter = as_letter(marker)
        if letter is not None and letter.kind == previous.kind:
            return letter
    return marker


def follows(previous: Marker, marker: Marker) -> bool:
    """Whether `marker` is the item right after `previous` in one run of the same kind."""
    if previous.kind != marker.kind:
        return False
    if marker.kind in _LETTER_KINDS and previous.letter and marker.letter:
        return marker.letter in next_letters(previous.letter)
    if marker.kind == "bullet":
        return True
    return marker.values[:-1] == previous.values[:-1] and marker.value == previous.value + 1


@dataclass
class Run:
    """One run of items of one kind under one parent: what came last, to judge the next."""

    last: Marker | None = None

    def take(self, marker: Marker) -> tuple[Marker, str]:
        """The marker as this run reads it, and "" when it continues the run, "first" when it
        opens it, "repeat" or "skip" when it does not follow."""
        marker = read_in_run(self.last, marker)
        previous, self.last = self.last, marker
        if previous is None or previous.kind != marker.kind:
            return marker, "first"
        if follows(previous, marker):
            return marker, ""
        if marker.kind in _LETTER_KINDS:
            before = _letter_place(marker.letter) <= _letter_place(previous.letter)
            return marker, "repeat" if before else "skip"
        return marker, "repeat" if marker.value <= previous.value else "skip"


def _letter_place(letter: str | None) -> int:
    """Where a letter stands, Vietnamese and Latin letters on one scale (đ between d and e)."""
    if not letter:
        return 0
    order = "abcdđefghijklmnopqrstuvwxyz"
    return order.index(letter[0]) + 27 * (len(letter) - 1) if letter[0] in order else 0
