"""The head of a Word file against the layout: the Party or national title lines, the motto, the
"*", the number line and the place and date.

A file whose head is an appendix head ("Phụ lục II" / title / "(Kèm theo …)", ND 30 PL I
§III.1) has no masthead of its own. The number is "Số …" in the masthead area (the lines before
the document type) in the shape of a document number; a form field "Số định danh …:" is not it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.importing.head import PLACE_DATE, HeadLine, document_type, kind_of
from briefing.importing.words import upper
from briefing.lint.profile_signs import NUMBER_LINE, title_of
from briefing.messages import msg
from briefing.problems import ERROR, WARNING

if TYPE_CHECKING:
    from briefing.lint.rules import Linter

#: the motto as ND 30 PL I §II.1.b writes it: hyphens between its phrases
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_MOTTO_DASHES = re.compile(r"\s*[-–—‒−]\s*")


def check_masthead(linter: Linter) -> None:
    head = linter.head
    kinds = [kind_of(line.text) for line in head]
    if linter.official and not linter.booklet and linter.known:
        _titles(linter, kinds, {title_of(line.text) for line in head})
    for line in linter.masthead_area:
        match = NUMBER_LINE.match(line.text)
        if match is not None and linter.known:
            _colon(linter, line, bool(match.group("colon")))
        if match is not None:
            _padded(linter, line, match.group("number"))
        date = PLACE_DATE.match(line.text)
        if date and linter.official:  # a document's date line, not an article's dateline
            _date(linter, date, line)
    for line in head:
        _motto(linter, line)
    dated = linter.type_layout is None or linter.type_layout.place_date
    if linter.official and not linter.booklet and dated and not any(PLACE_DATE.match(line.text)
                                                                    for line in head):
        linter.add(WARNING, msg("lint-place-date",
                                "no '<place>, ngày … tháng … năm …' line in the masthead"))


def masthead_area(head: list[HeadLine]) -> list[HeadLine]:
    """The lines before the document type (or the first twelve when none is named)."""
    for index, line in enumerate(head):
        if document_type(line.text):
            return head[:index]
    return head[:12]


def _titles(linter: Linter, kinds: list[str], titles: set[str | None]) -> None:
    if ("party" if linter.party else "state") not in titles:
        words = "ĐẢNG CỘNG SẢN VIỆT NAM" if linter.party else \
            f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / {MOTTO}"
        linter.add(ERROR, msg("lint-masthead", "the masthead has no '{words}' line",
                              words=words))
    if linter.party and "star" not in kinds:
        linter.add(WARNING, msg("lint-star", "no '*' under the issuing body (HD 36)"))


def _colon(linter: Linter, line: HeadLine, colon: bool) -> None:
    if linter.party and colon:
        linter.add(ERROR, msg("lint-number-colon", "'Số:' with a colon: Party documents write "
                              "'Số 12-HD/…' (HD 36)"), line.where, line.text)
    elif not linter.party and not colon:
        linter.add(ERROR, msg("lint-number-colon", "'Số' without a colon: state documents "
                              "write 'Số: 12/QĐ-…' (NĐ 30)"), line.where, line.text)


def _padded(linter: Linter, line: HeadLine, number: str) -> None:
    """Numbers below 10 take a leading zero: "05/QĐ-UBND", "05-HD/BTGTU" (ND 30 PL I §II.3.c;
    HD 36 alike)."""
    digits = re.match(r"\s*(\d+)", number)
    if digits and len(digits.group(1)) == 1 and digits.group(1) != "0":
        linter.add(ERROR, msg("lint-number-zero", "number '{number}' must be written with two "
                              "digits ('{padded:02d}')", number=digits.group(1),
                              padded=int(digits.group(1))), line.where, line.text)


def _motto(linter: Linter, line: HeadLine) -> None:
    """"Độc lập – Tự do – Hạnh phúc" with en dashes: the rule wants hyphens (PL I §II.1.b)."""
    pieces = _MOTTO_DASHES.split(line.text.strip())
    if len(pieces) != 3 or upper(" - ".join(pieces)) != upper(MOTTO):
        return
    dashes = {d.strip() for d in _MOTTO_DASHES.findall(line.text)}
    if dashes != {"-"}:
        linter.add(WARNING, msg("lint-motto", "the motto is written with '{dash}': the layout "
                                "joins its phrases with hyphens, '{motto}' (NĐ 30)",
                                dash="', '".join(sorted(dashes - {"-"})), motto=MOTTO),
                   line.where, line.text)


def _date(linter: Linter, match: re.Match[str], line: HeadLine) -> None:
    day, month = match.group("d").strip(), match.group("m").strip()
    pad = set(linter.profile.date.pad_months)
    if day.isdigit() and int(day) < 10 and len(day) != 2:
        linter.add(ERROR, msg("lint-date", "day '{day}' must be written with two digits "
                              "('{padded:02d}')", day=day, padded=int(day)),
                   line.where, line.text)
    if month.isdigit():
        number = int(month)
        if number in pad and len(month) != 2:
            linter.add(ERROR, msg("lint-date", "month '{month}' must be written "
                                  "'{number:02d}'", month=month, number=number),
                       line.where, line.text)
        elif number not in pad and month.startswith("0"):
            linter.add(ERROR, msg("lint-date", "month '{month}' must be written '{number}' "
                                  "(only months {padded} take a zero)", month=month,
                                  number=number, padded=tuple(str(m) for m in sorted(pad))),
                       line.where, line.text)
