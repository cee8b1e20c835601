"""The phrases a document writes: counts of its runs of one to four words, to ask whether it
writes a phrase elsewhere (`doubled.verdict`).

Counting every phrase of a 24-page booklet takes ~0.08 s, and the studio checks the whole
document again after every save, one changed paragraph apart. So the counts are kept between
checks (a few corpora, process-wide) and brought up to date text by text: the texts a check
asks about are compared, as a multiset, with those a kept corpus counts, and only the texts
that came or went are counted in or out. The answers depend on the multiset of texts only,
never on what was asked before (`tests/test_phrase_index.py` compares them with a fresh count
over random edits).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import TypeVar

#: a word of letters only
WORD = r"[^\W\d_]+"
#: a word of the text (letters and digits) and what separates two words of one phrase
_TOKEN = re.compile(r"\w+")
_LETTERS = re.compile(WORD)
#: corpora kept: the document being edited, another tab's, the one `check` ran on last
KEPT = 3

Phrase = tuple[str, ...]
T = TypeVar("T")


class PhraseIndex:
    """The phrases of `texts`, counted on first use (and then kept: `_Corpus`)."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._wanted: Counter[str] | None = None
        #: the corpus last brought to these texts, and its version then
        self._synced: tuple[_Corpus, int] | None = None

    def _ask(self, question: Callable[[_Corpus], T]) -> T:
        """`question` answered on a corpus counting exactly `self.texts` (under the lock: another
        thread's check may bring the same corpus to its own texts next)."""
        with _LOCK:
            synced = self._synced
            if synced is not None and synced[0].version == synced[1] and synced[0] in _KEPT:
                return question(synced[0])  # unchanged since: no need to compare the texts
            if self._wanted is None:
                self._wanted = Counter(self.texts)
            corpus = _corpus_for(self._wanted)
            self._synced = (corpus, corpus.version)
            return question(corpus)

    def count(self, phrase: str) -> int:
        """How many times the document writes `phrase` (one to four words, case aside)."""
        key = tuple(phrase.lower().split(" "))
        return self._ask(lambda corpus: corpus.counts.get(key, 0))

    def middles(self, side: str, a: str, b: str, c: str) -> list[str]:
        """The words written between `a` and `b c` ("before") or `a b` and `c` ("after")."""
        return self._ask(lambda corpus: list(corpus.middles.get((side, a, b, c), ())))


class _Corpus:
    """Counts of one multiset of texts: phrases of one to four words standing one space apart,
    and for each four-word frame the words seen in its second or third place."""

    def __init__(self) -> None:
        self.texts: Counter[str] = Counter()
        self.counts: Counter[Phrase] = Counter()
        self.middles: dict[Phrase, Counter[str]] = {}
        #: bumped at every change of the texts counted
        self.version = 0

    def distance(self, wanted: Counter[str]) -> int:
        """How many texts would be counted in or out to reach `wanted`."""
        return sum((wanted - self.texts).values()) + sum((self.texts - wanted).values())

    def sync(self, wanted: Counter[str]) -> None:
        for text, times in (self.texts - wanted).items():
            self._change(text, -times)
        for text, times in (wanted - self.texts).items():
            self._change(text, times)

    def _change(self, text: str, times: int) -> None:
        """Count `text` in (`times` > 0) or out (< 0) `times` times; a count that falls to
        zero is dropped, so the corpus is exactly what counting its texts afresh gives."""
        self.version += 1
        phrases, middles = _phrases(text)
        counts = self.counts
        for phrase, n in phrases.items():
            left = counts[phrase] + n * times
            if left:
                counts[phrase] = left
            else:
                del counts[phrase]
        for frame, word in middles:
            seen = self.middles.setdefault(frame, Counter())
            left = seen[word] + times
            if left:
                seen[word] = left
            else:
                del seen[word]
                if not seen:
                    del self.middles[frame]
        left_texts = self.texts[text] + times
        if left_texts:
            self.texts[text] = left_texts
        else:
            del self.texts[text]


def _phrases(text: str) -> tuple[Counter[Phrase], list[tuple[Phrase, str]]]:
    """One text's phrases (counted) and its (frame, middle word) pairs."""
    counts: Counter[Phrase] = Counter()
    middles: list[tuple[Phrase, str]] = []
    for run in _runs(text.lower()):
        counts.update((word,) for word in run)
        counts.update(pairwise(run))
        counts.update(zip(run, run[1:], run[2:], strict=False))
        lettered = [_LETTERS.fullmatch(word) is not None for word in run]
        quads = zip(run, run[1:], run[2:], run[3:], strict=False)
        for i, (a, b, c, d) in enumerate(quads):
            if lettered[i + 1]:
                middles.append((("before", a, c, d), b))
            if lettered[i + 2]:
                middles.append((("after", a, b, d), c))
    return counts, middles


def _runs(text: str) -> list[list[str]]:
    """The text's runs of words standing exactly one space apart ("a b c, d" -> [a b c] [d])."""
    runs: list[list[str]] = []
    current: list[str] = []
    last_end = None
    for match in _TOKEN.finditer(text):
        if last_end is not None and text[last_end:match.start()] != " ":
            runs.append(current)
            current = []
        current.append(match.group())
        last_end = match.end()
    if current:
        runs.append(current)
    return runs


_LOCK = threading.Lock()
#: the corpora kept, the one used last first
_KEPT: list[_Corpus] = []


def _corpus_for(wanted: Counter[str]) -> _Corpus:
    """A corpus brought to `wanted`: the nearest kept one, or a new count where every kept
    corpus is further off than counting afresh (the least recently used one is dropped)."""
    total = sum(wanted.values())
    distance, corpus = min(((c.distance(wanted), c) for c in _KEPT),
                           key=lambda found: found[0], default=(total + 1, None))
    if corpus is None or distance > total:
        corpus = _Corpus()
        del _KEPT[KEPT - 1:]
    else:
        _KEPT.remove(corpus)
    _KEPT.insert(0, corpus)
    corpus.sync(wanted)
    return corpus


def forget() -> None:
    """Drop every kept corpus (tests; memory)."""
    with _LOCK:
        _KEPT.clear()
