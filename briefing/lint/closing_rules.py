"""The closing of a Word file against the layout: "Nơi nhận:" and its items, the authority
line (T/M, K/T, T/L in Party documents; TM., KT., TL., TUQ., Q. in state ones) and the
signature.

Nơi nhận is the closing's "Nơi nhận:" (with its colon) in the running text or a layout table
(borderless) — never a column of a data table ("Nơi nhận văn bản" in a register). Its items are
the "- " lines under it in the same column; a line that goes on from an item not yet ended with
";" or "." is that item wrapped by hand, not an item of its own (ND 30 PL I §II.9.d: each item
on its own line, "- " first, ";" last, the last item "- Lưu: VT, …").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.importing.closing import ClosingReader
from briefing.importing.guesses import Notebook
from briefing.importing.head import HeadLine, MetaDraft, head_lines, is_caps
from briefing.messages import msg
from briefing.problems import WARNING
from briefing.readers.source import Table

if TYPE_CHECKING:
    from briefing.lint.rules import Linter

_LABEL = re.compile(r"^Nơi\s+nhận\s*:", re.IGNORECASE)
_BULLET = ("-", "–", "+", "•")
_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.)\s")
#: the lines of a signature block from its authority line: authority, title, "(Đã ký)", name
_SIGNATURE = 5


def closing_lines(linter: Linter) -> list[tuple[HeadLine, int]]:
    """The lines of the running text and of layout tables (not data tables), each with the
    index of the table it is in (-1 for the running text)."""
    source = linter.facts.source
    return [(line, index if isinstance(block, Table) else -1)
            for index, block in enumerate(source.blocks if source else [])
            if not (isinstance(block, Table) and not block.borderless)
            for line in head_lines(block)]


def check_closing(linter: Linter) -> None:
    placed = closing_lines(linter)
    labels = [i for i, (line, _) in enumerate(placed) if _LABEL.match(line.text)]
    if linter.official and not labels:
        linter.add(WARNING, msg("lint-recipients", "no 'Nơi nhận:' (recipients) in the "
                                                   "closing"))
    if labels:
        _recipients(linter, recipient_items(placed, labels[-1]))
    lines = [line for line, _ in placed]
    _authority(linter, lines)
    if linter.official and not _signed(lines[labels[-1]:] if labels else lines[-12:]):
        linter.add(WARNING, msg("lint-signature",
                                "no signature block (authority, title, name) found"))


def closing_places(linter: Linter) -> set[str]:
    """Where the closing's lines are (Nơi nhận, its items, the signature block): laid out by
    their own rules (12 and 11 pt, 13–14 pt), not as body text."""
    placed = closing_lines(linter)
    places: set[str] = set()
    for index, (line, _) in enumerate(placed):
        if _LABEL.match(line.text):
            places.add(str(line.where))
            places.update(str(part.where) for item in recipient_items(placed, index)
                          for part in item)
        elif _AUTHORITY.match(line.text):
            places.update(str(after.where) for after, _ in placed[index:index + _SIGNATURE])
    return places


def recipient_items(placed: list[tuple[HeadLine, int]], label: int) -> list[list[HeadLine]]:
    """The items under the label at `label` (in its table cell's column, or in the running
    text after it): each a list of its lines (a wrapped item has more than one)."""
    items: list[list[HeadLine]] = []
    head, table = placed[label]
    rest = _LABEL.sub("", head.text).strip()
    if rest:
        items.append([HeadLine(rest, head.where, column=head.column)])
    for line, where in placed[label + 1:]:
        if where != table:
            break
        if line.column != head.column or _AUTHORITY.match(line.text):
            continue
        text = line.text.strip()
        if table < 0 and is_caps(text):
            break  # the signature block after Nơi nhận in the running text
        if text.startswith(_BULLET):
            items.append([line])
        elif items and not items[-1][-1].text.rstrip().endswith((";", ".")):
            items[-1].append(line)  # an item wrapped onto a second paragraph
        elif (items and items[-1][-1].text.rstrip().endswith(".")) or is_caps(text):
            break
        else:
            items.append([line])
    return items


def _recipients(linter: Linter, items: list[list[HeadLine]]) -> None:
    bad = [item[0] for item in items if not item[0].text.startswith("-")]
    if bad:
        linter.add(WARNING, msg("lint-recipients-dash", "each Nơi nhận item should start with "
                                "'- '"), bad[0].where, bad[0].text)
    last = items[-1][0] if items else None
    if last is not None and not last.text.lstrip("-–+• ").startswith("Lưu"):
        wanted = "- Lưu …" if linter.party or not linter.known else "- Lưu: VT, …"
        linter.add(WARNING, msg("lint-recipients-last", "the last Nơi nhận item should be "
                                "'{wanted}' (the copies kept)", wanted=wanted),
                   last.where, " ".join(part.text for part in items[-1]))


def _authority(linter: Linter, lines: list[HeadLine]) -> None:
    authority = [line for line in lines if _AUTHORITY.match(line.text)]
    if linter.known:
        for line in authority:
            if linter.party and re.match(r"^(TM|KT|TL)\.", line.text):
                linter.add(WARNING, msg("lint-authority", "Party documents write T/M, K/T, T/L "
                                        "(with a slash)"), line.where, line.text)
            if not linter.party and re.match(r"^(T/M|K/T|T/L)", line.text):
                linter.add(WARNING, msg("lint-authority", "state documents write TM., KT., TL. "
                                        "(with a dot)"), line.where, line.text)


def _signed(lines: list[HeadLine]) -> bool:
    """Whether a signature block (an authority or a title in capitals, then a name) is among
    `lines`, read as the importer reads a closing — a head of office signs without "KT."."""
    reader = ClosingReader(MetaDraft(), Notebook())
    for line in lines:
        reader.take(line)
        if reader.done:
            return True
    return bool(reader.signer.get("name"))
