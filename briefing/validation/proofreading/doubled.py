"""A word written twice in a row: "thực thực hiện", "các các".

Vietnamese doubles words on purpose (reduplication: "ngày ngày", "người người", "xa xa", the
allow-list in lexicon.yaml), and a syllable often ends one word and starts the next ("trở
thành thành phố", "hàng đầu đầu tư"). So an exact doubling (case aside) is judged, in order:

1. a reduplicative of the allow-list, or a name that starts after a word of the same
   spelling ("Trưởng ban Ban Tuyên giáo": lower case, then capital): fine;
2. a grammatical word that is never doubled ("các các"): a typo, the second one is removed;
3. the document writes the phrase with another word in place of one of the two ("trong tình
   hình mới" for "trong hình hình mới"): a wrong letter, that phrase is the hint, no fix;
4. the document writes the phrase without the doubling ("tiếp tục thực hiện"): a typo, the
   second one is removed;
5. the words on both sides are words (lexicon.yaml's compounds, or pairs the document writes
   elsewhere): a word boundary, fine;
6. otherwise: reported, without a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.validation.proofreading.lexicon import compounds, function_words, reduplicatives
from briefing.validation.proofreading.phrases import WORD as _WORD
from briefing.validation.proofreading.phrases import PhraseIndex

DOUBLED = re.compile(rf"(?<![\w\\-])({_WORD}) +({_WORD})(?![\w-])")
_BEFORE = re.compile(rf"({_WORD}) +\Z")
_AFTER = re.compile(rf"\A +({_WORD})")


@dataclass(frozen=True)
class Doubled:
    """value[start:end] is the second, repeated word; `remove` the span to delete to fix it."""

    start: int
    end: int
    word: str
    remove: tuple[int, int]
    previous: str
    next: str


def doubled_words(value: str) -> list[Doubled]:
    """Every exact doubling (case aside) of a word that is not a reduplicative."""
    found: list[Doubled] = []
    position = 0
    while (match := DOUBLED.search(value, position)) is not None:
        first, second = match.group(1), match.group(2)
        if (first.lower() != second.lower() or first.lower() in reduplicatives()
                or (first.islower() and second[0].isupper())):
            position = match.start(2)
            continue
        start, end = match.start(2), match.end(2)
        rest = value[end:]
        # "thực thực hiện": drop "thực "; "… các các.": drop " các"
        remove = (start, end + 1) if rest.startswith(" ") else (match.end(1), end)
        before = _BEFORE.search(value[max(0, match.start(1) - 40):match.start(1)])
        after = _AFTER.search(rest)
        found.append(Doubled(start, end, second, remove,
                             before.group(1) if before else "", after.group(1) if after else ""))
        position = end
    return found


def substitutes(doubled: Doubled, index: PhraseIndex) -> list[str]:
    """Phrases of the document with another word beside the doubled one, in its place."""
    if not (doubled.previous and doubled.next):
        return []
    word, prev, nxt = (w.lower() for w in (doubled.word, doubled.previous, doubled.next))
    found = {f"{prev} {other} {word} {nxt}"
             for other in index.middles("before", prev, word, nxt) if other != word}
    found |= {f"{prev} {word} {other} {nxt}"
              for other in index.middles("after", prev, word, nxt) if other != word}
    return sorted(found)


def verdict(doubled: Doubled, index: PhraseIndex) -> str:
    """"typo" (remove the second word), "letter" (a wrong letter, see `substitutes`),
    "boundary" (two words meeting: fine) or "doubt" (reported, no fix); steps 2 to 6 above."""
    word = doubled.word.lower()
    if word in function_words():
        return "typo"
    if substitutes(doubled, index):
        return "letter"
    prev, nxt = doubled.previous.lower(), doubled.next.lower()
    if prev and nxt and index.count(f"{prev} {word} {nxt}") > 0:
        return "typo"
    if prev and nxt and _is_word(f"{prev} {word}", index) and _is_word(f"{word} {nxt}", index):
        return "boundary"
    return "doubt"


def _is_word(pair: str, index: PhraseIndex) -> bool:
    """A known compound, or a pair the document writes at least once besides here."""
    return pair in compounds() or index.count(pair) > 1
