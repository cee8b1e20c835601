"""The typed numbers of a whole document, each judged under its parent: where a run of numbers
restarts and where it continues.

ND 30/2020, PL I §II.6.c–đ lays a document out in phần, chương, mục, tiểu mục, điều, khoản and
điểm: khoản restart in every Điều ("số thứ tự các khoản trong mỗi mục"), điểm in every khoản,
Mục in every Chương (or Phần), Tiểu mục in every Mục, Roman mục under every Phần — while Điều
(and Chương, and Phần) run on through the whole text. An attached text ("(Ban hành kèm theo
Quyết định …)") or an appendix ("Phụ lục II") starts its numbers afresh. Below the legal
headings the typed markers nest as they come ("I." → "1." → "1.1." → "a)" → "(i)"): a marker
of a kind already open closes the runs opened after it, so "b)" after "(iii)" continues the
points and "2." after "c)" the khoản; a first marker ("a)", "1.") opens a run of its own,
inside the one of its kind already open, which a later marker may still continue. Whether one
marker follows another is `sequence`'s to say (the Vietnamese alphabet, "i)" after "h)" a
letter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.numbering.counters import roman
from briefing.numbering.markers import ORDINAL_WORDS, Marker, parse, roman_value, shown
from briefing.numbering.sequence import Run, follows, read_in_run

#: legal headings, highest first; Phần, Chương and Điều never restart under a higher one
LEGAL_KINDS = ("part", "chapter", "division", "subdivision", "article")
CONTINUING = frozenset({"part", "chapter", "article"})
_WORDS = {"phần": "part", "chương": "chapter", "mục": "division", "tiểu mục": "subdivision",
          "điều": "article"}
_LABELS = {"part": "Phần {}", "chapter": "Chương {}", "division": "Mục {}",
           "subdivision": "Tiểu mục {}", "article": "Điều {}."}
#: "Chương IV", "Mục 2", "Phần II" (or "Phần thứ hai"), "Tiểu mục 1" alone (or with a title
#: after a dot or colon, or a title after a space); "Điều 5." with its title run in — never
#: "Điều 5 của Luật …" in running text
_LEGAL = re.compile(r"^(?P<word>(?i:tiểu\s+mục|phần|chương|mục|điều))\s+"
                    r"(?P<n>[IVXLC]{1,7}|\d{1,3}|(?i:thứ\s+(?:" +
                    "|".join(sorted(ORDINAL_WORDS[:10], key=len, reverse=True)) +
                    r")))(?P<end>\s*[.:]\s*|\s*$|\s+)")
#: a new text whose numbers start again: an appendix head or an attached text's reference line
_NEW_TEXT = re.compile(r"^(?:phụ\s+lục(?:\s+[IVXLC\d]+)?\s*$|\(\s*(?:ban\s+hành\s+)?kèm\s+theo\b)",
                       re.IGNORECASE)


def legal_marker(text: str) -> Marker | None:
    """"Điều 5. Phạm vi" -> Marker("article", (5,)); "Chương IV" -> ("chapter", (4,))."""
    match = _LEGAL.match(text)
    if match is None:
        return None
    kind = _WORDS[" ".join(match.group("word").lower().split())]
    raw = match.group("n")
    ordinal = " ".join(raw.lower().split()[1:])  # "Phần thứ nhất", as Party reports write it
    value = (int(raw) if raw.isdigit() else ORDINAL_WORDS.index(ordinal) + 1
             if raw.lower().startswith("thứ") else roman_value(raw))
    rest = text[match.end():]
    if not value or (rest and not match.group("end").strip() and not _title_after(rest)):
        return None  # "Điều 5 của Luật …", "Mục 2 về …": running text, not a heading
    return Marker(kind, (value,), f"{match.group('word')} {raw}", rest)


def _title_after(text: str) -> bool:
    """"Chương II PHƯƠNG HƯỚNG, NHIỆM VỤ", "Mục 1 Quy định chung": a title after the label
    (in capitals, or a capital and no sentence end), not running text."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    return text[:1].isupper() and not text.rstrip().endswith((".", ";", ",", ":"))


def legal_label(kind: str, value: int, like: Marker) -> str:
    """How the legal heading `value` of `kind` is written, in the numerals `like` uses."""
    number = roman(value) if not like.raw.split()[-1].isdigit() else str(value)
    return _LABELS[kind].format(number)


@dataclass
class Verdict:
    """A marker as its run read it, and whether it follows the one before ("" if it does)."""

    marker: Marker
    verdict: str  # "" | "repeat" | "skip"
    previous: Marker | None = None
    expected: str = ""  # the marker that would follow `previous`


@dataclass
class Outline:
    """Every typed number of one document, fed in order (`take`), judged under its parent."""

    legal: dict[str, Run] = field(default_factory=dict)
    #: the typed markers open under the current legal heading, outermost first
    open: list[tuple[tuple[str, int], Run]] = field(default_factory=list)

    def take(self, text: str) -> Verdict | None:
        """The verdict on the number `text` starts with; None if it starts with none."""
        if _NEW_TEXT.match(text):
            self.legal.clear()
            self.open.clear()
            return None
        legal = legal_marker(text)
        if legal is not None:
            return self._legal(legal)
        marker = parse(text)
        if marker is None or marker.kind == "bullet":
            return None
        return self._typed(marker)

    def _legal(self, marker: Marker) -> Verdict:
        rank = LEGAL_KINDS.index(marker.kind)
        for kind in LEGAL_KINDS[rank + 1:]:
            if kind not in CONTINUING:
                self.legal.pop(kind, None)
        self.open.clear()
        run = self.legal.setdefault(marker.kind, Run())
        return _judged(run, marker, lambda value: legal_label(marker.kind, value, marker))

    def _typed(self, marker: Marker) -> Verdict:
        for _, run in reversed(self.open):  # "i)" after "h)" is a letter, not Roman one
            read = read_in_run(run.last, marker)
            if read is not marker:
                marker = read
                break
        key = (marker.kind, marker.depth)
        same = [i for i, (k, _) in enumerate(self.open) if k == key]
        if not same or marker.value == 1:  # a new run (or a list inside an item of its kind)
            run = Run()
            self.open.append((key, run))
            run.take(marker)
            return Verdict(marker, "")
        # the innermost open run it continues ("b)" of a lettered heading after the a) … e) of
        # a list inside its first item), else the innermost of its kind, which it breaks
        index = next((i for i in reversed(same) if follows(self.open[i][1].last, marker)),
                     same[-1])
        del self.open[index + 1:]
        run = self.open[index][1]
        return _judged(run, marker, lambda value: shown(marker.kind, value)
                       if marker.kind != "path" else _path(marker, value))


def _path(marker: Marker, value: int) -> str:
    return ".".join(str(v) for v in (*marker.values[:-1], value)) + "."


def _judged(run: Run, marker: Marker, written) -> Verdict:
    previous = run.last
    read, verdict = run.take(marker)
    if verdict not in ("repeat", "skip") or previous is None:
        return Verdict(read, "")
    return Verdict(read, verdict, previous, written(previous.value + 1))
