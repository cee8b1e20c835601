"""Two variants side by side, section by section, the changed words marked: the studio's
comparison of editions (the command line's `archive diff` prints `diff.diff_texts`).

Both sides are read as a reader sees them (`diff.job_text`: the head and closing lines, then
each section under its numbered heading); sections are paired by id, lines by difflib, and a
changed line is split into words so that only the words that differ are marked. Text is NFC:
a Vietnamese letter and its marks are one character on the screen as on the page.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from briefing.editions.diff import VariantText
from briefing.messages import msg

#: a word and the spaces after it: words are compared whole, spaces kept with them
_WORDS = re.compile(r"\S+\s*|\s+")
#: below this share of words in common, two lines are one rewritten, not one edited
_REWRITTEN = 0.4


@dataclass
class Piece:
    """A run of text on one side, changed or not."""

    text: str
    changed: bool = False


@dataclass
class Row:
    """One line of the comparison: the old side's pieces and the new side's (empty: absent)."""

    old: list[Piece] = field(default_factory=list)
    new: list[Piece] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if not self.old:
            return "added"
        if not self.new:
            return "removed"
        return "changed" if any(p.changed for p in self.old + self.new) else "same"


@dataclass
class Block:
    """A section (or the head and closing) with its rows; `note` says if it was added,
    removed or renumbered."""

    heading: str
    rows: list[Row]
    note: str = ""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def words_changed(old: str, new: str) -> Row:
    """The two lines as pieces, the words that differ marked on each side."""
    a, b = _WORDS.findall(_nfc(old)), _WORDS.findall(_nfc(new))
    row = Row()
    matcher = difflib.SequenceMatcher(None, [w.strip() for w in a], [w.strip() for w in b],
                                      autojunk=False)
    if matcher.ratio() < _REWRITTEN:  # a line written anew: a word or two in common is chance
        return Row([Piece(_nfc(old), True)], [Piece(_nfc(new), True)])
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        if i2 > i1:
            row.old.append(Piece("".join(a[i1:i2]), changed=not same))
        if j2 > j1:
            row.new.append(Piece("".join(b[j1:j2]), changed=not same))
    return row


def line_rows(old: list[str], new: list[str], context: int = 1) -> list[Row]:
    """Rows for two lists of lines: changes, with `context` unchanged lines around each."""
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                rows += [Row([Piece(_nfc(line))], [Piece(_nfc(line))]) for line in old[i1:i2]]
                continue
            pairs = max(i2 - i1, j2 - j1)
            for k in range(pairs):
                left = old[i1 + k] if i1 + k < i2 else None
                right = new[j1 + k] if j1 + k < j2 else None
                if left is not None and right is not None:
                    rows.append(words_changed(left, right))
                else:
                    rows.append(Row([Piece(_nfc(left), True)] if left is not None else [],
                                    [Piece(_nfc(right), True)] if right is not None else []))
    return rows


def side_by_side(old: VariantText, new: VariantText) -> list[Block]:
    """The blocks that differ between two variants, in the new one's order."""
    blocks: list[Block] = []
    if old.frame != new.frame:
        blocks.append(Block(str(msg("diff-frame", "header and closing")),
                            line_rows(old.frame, new.frame)))
    before = {s.id: s for s in old.sections}
    after = {s.id: s for s in new.sections}
    for section in new.sections:
        previous = before.get(section.id)
        if previous is None:
            blocks.append(Block(_nfc(section.heading), line_rows([], section.lines),
                                str(msg("diff-added", "added"))))
            continue
        renamed = previous.heading != section.heading
        if previous.lines == section.lines and not renamed:
            continue
        note = f"{_nfc(previous.heading)} → {_nfc(section.heading)}" if renamed else ""
        blocks.append(Block(_nfc(section.heading), line_rows(previous.lines, section.lines),
                            note))
    for section in old.sections:
        if section.id not in after:
            blocks.append(Block(_nfc(section.heading), line_rows(section.lines, []),
                                str(msg("diff-removed", "removed"))))
    return blocks
