"""Proofreading: what a Vietnamese proofreader marks in the margin, beyond text hygiene.

- doubled words ("thực thực hiện"), reduplication allowed (`doubled`, lexicon.yaml);
- years that cannot be ("20230", "2025 - 2020") (`years`);
- one tone-mark style per document, the profile's (hòa/hoà, ủy/uỷ) (`tones`);
- quotes and brackets left open or closed twice in a paragraph (`balance`);
- running-text paragraphs without final punctuation (`endings`).

All are warnings at the offending character; `check --fix` applies only the certain fixes (a
tone mark moved to the profile's style, a repeated word the document shows is one too many).
Some checks need the whole document (its tone-mark style, the phrases it writes elsewhere),
so a `Proofreader` is made once per document and asked about each string.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from briefing.messages import msg
from briefing.source.yaml_source import Path_
from briefing.validation.findings import TextIssue
from briefing.validation.proofreading.balance import unbalanced
from briefing.validation.proofreading.doubled import (
    Doubled,
    doubled_words,
    substitutes,
    verdict,
)
from briefing.validation.proofreading.endings import missing_final_punctuation
from briefing.validation.proofreading.phrases import PhraseIndex
from briefing.validation.proofreading.tones import NEW, OLD, tone_marks
from briefing.validation.proofreading.years import year_problems
from briefing.validation.roles import TEXT_ROLES

#: Roles of running text whose paragraphs end with punctuation (not titles, leads, meta).
ENDING_ROLES = frozenset({"paragraph", "numbered", "item", "footnote"})

__all__ = ["ENDING_ROLES", "Proofreader"]


class Proofreader:
    """The proofreading checks for one document: `texts` are its (path, value, role); `data`
    (the YAML data) tells which items run in one sentence (inline enumerations)."""

    def __init__(self, texts: Iterable[tuple[Path_, str, str]], tone_style: str = "consistent",
                 data: Any = None):
        texts = [(path, value, role) for path, value, role in texts if role in TEXT_ROLES]
        self.run_in = run_in_items(data)
        self.phrases = PhraseIndex([value for _, value, _ in texts])
        self.style = tone_style if tone_style in (NEW, OLD) else _majority(
            [value for _, value, _ in texts])
        self.mixed = tone_style not in (NEW, OLD)

    def issues(self, value: str, role: str, path: Path_ = ()) -> list[TextIssue]:
        if role not in TEXT_ROLES:
            return []
        return (self.tone_issues(value) + self.doubled_issues(doubled_words(value))
                + self.local_issues(value, role, path))

    def local_issues(self, value: str, role: str, path: Path_) -> list[TextIssue]:
        """What one text shows alone (years, quotes and brackets, final punctuation): the same
        for the same value, role and place (`briefing.validation.string_issues` keeps them)."""
        issues = self._years(value)
        issues += [TextIssue(u.index, u.index + 1, u.message, u.hint) for u in unbalanced(value)]
        if role in ENDING_ROLES and path not in self.run_in:
            end = missing_final_punctuation(value)
            if end is not None:
                issues.append(TextIssue(end, end, msg(
                    "final-punctuation", "no final punctuation at the end of the {what}",
                    what=_ENDED.get(role, _PARAGRAPH)), msg(
                    "final-punctuation-hint",
                    "end it with '.' (or ';' in a list, ':' before one)")))
        return issues

    def tone_issues(self, value: str) -> list[TextIssue]:
        if self.style is None:
            return []
        issues = []
        for mark in tone_marks(value):
            if mark.style == self.style:
                continue
            why = msg("tone-mark-mixed-hint", "this document writes the other style elsewhere") \
                if self.mixed else msg("tone-mark-profile-hint",
                                       "the profile writes the {style} style",
                                       style=_STYLES[self.style])
            issues.append(TextIssue(
                mark.start, mark.end, msg("tone-mark", "'{word}' has its tone mark in the "
                                          "{style} style", word=mark.word,
                                          style=_STYLES[mark.style]),
                hint=why, replacement=mark.other))
        return issues

    def doubled_issues(self, found_doubled: list[Doubled]) -> list[TextIssue]:
        """The doublings `doubled_words` found in one text, judged against the whole document."""
        issues = []
        for doubled in found_doubled:
            found = verdict(doubled, self.phrases)
            if found == "boundary":
                continue
            certain = found == "typo"
            if found == "letter":
                hint = msg("doubled-letter-hint", "a wrong letter? this document writes "
                           "{phrases}", phrases=tuple(
                               f"'{s}'" for s in substitutes(doubled, self.phrases)[:3]))
            elif certain:
                hint = msg("doubled-remove-hint", "remove the repeated word")
            else:
                hint = msg("doubled-maybe-hint",
                           "remove the repeated word, or correct it if a letter is wrong")
            issues.append(TextIssue(
                doubled.start, doubled.end, msg("doubled-word", "'{word}' is written twice",
                                                word=doubled.word),
                hint, replacement="" if certain else None,
                fix_span=doubled.remove if certain else None))
        return issues

    @staticmethod
    def _years(value: str) -> list[TextIssue]:
        return [TextIssue(p.start, p.end, p.message, p.hint) for p in year_problems(value)]


#: `inline: true` as YAML data (strings) or as the checked model (bool) writes it.
_TRUE = frozenset({"true", "yes", "on"})


def run_in_items(data: Any, path: Path_ = ()) -> set[Path_]:
    """Paths of the items of inline enumerations but the last: "(i) … đi đôi với (ii) …;"
    is one sentence, its items end as the sentence goes on."""
    found: set[Path_] = set()
    if isinstance(data, dict):
        items = data.get("enumerate")
        if str(data.get("inline")).lower() in _TRUE and isinstance(items, list):
            found |= {(*path, "enumerate", k) for k in range(len(items) - 1)}
        for key, value in data.items():
            found |= run_in_items(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found |= run_in_items(value, (*path, index))
    return found


def _majority(values: list[str]) -> str | None:
    """The style most words of the document are written in (the first one seen on a tie)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for value in values:
        for mark in tone_marks(value):
            counts[mark.style] += 1
            first.setdefault(mark.style, len(first))
    if not counts:
        return None
    return max(counts, key=lambda style: (counts[style], -first[style]))


_PARAGRAPH = msg("ending-paragraph", "paragraph")
#: what a text that ought to end in punctuation is called, by role
_ENDED = {"item": msg("ending-item", "list item"), "footnote": msg("ending-footnote", "footnote")}
_STYLES = {NEW: msg("tone-style-new", "new"), OLD: msg("tone-style-old", "old")}
