"""Years that cannot be: five digits ("giai đoạn 20230 - 2035") and ranges that end before they
start ("2025 - 2020").

A five-digit number is reported only where a year is expected: after "năm", "giai đoạn",
"từ", "đến", "khóa", "nhiệm kỳ", as the year of a date (15/6/20230), or beside a year in a
range. Other five-digit numbers (quantities, document numbers "số 12345/QĐ-UBND") are left
alone. Neither problem has a certain fix: "20230" may be 2023 or 2030, a reversed range may be
either year wrong; the hint lists the readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.messages import Message, msg

_CUE = r"(?:năm|giai đoạn|từ|đến|tới|khóa|khoá|niên khóa|niên khoá|nhiệm kỳ|kỳ)"
_DASH = r"\s*[-–—]\s*"
_YEAR = r"(?:1[89]|20)\d{2}"
FIVE_DIGITS = re.compile(r"(?<![\d.,\w])(?:1[89]|2\d)\d{3}(?![\d\w]|[.,/]\d)")
_CUED = re.compile(rf"(?i:{_CUE})\s+\Z")
_DATE_BEFORE = re.compile(r"(?<![\d.])(?:\d{1,2}/)?\d{1,2}/\Z|(?<![\d.])\d{1,2}-\d{1,2}-\Z")
_RANGE_AFTER = re.compile(rf"\A{_DASH}{_YEAR}(?!\d)")
_RANGE_BEFORE = re.compile(rf"(?<!\d){_YEAR}{_DASH}\Z")
RANGE = re.compile(rf"(?<![\d/.\-–\w])(?P<first>{_YEAR}){_DASH}(?P<last>{_YEAR})(?![\d/\w]|[.,]\d)")
SPOKEN_RANGE = re.compile(rf"(?i:từ)\s+(?:(?i:năm)\s+)?(?P<first>{_YEAR})\s+(?i:đến|tới)\s+"
                          rf"(?:(?i:năm)\s+)?(?P<last>{_YEAR})(?!\d)")


@dataclass(frozen=True)
class YearProblem:
    start: int
    end: int
    message: Message
    hint: Message

    @property
    def code(self) -> str:
        return self.message.code


def year_problems(value: str) -> list[YearProblem]:
    return _five_digit_years(value) + _reversed_ranges(value)


def _five_digit_years(value: str) -> list[YearProblem]:
    found = []
    for match in FIVE_DIGITS.finditer(value):
        before = value[max(0, match.start() - 20):match.start()]
        after = value[match.end():match.end() + 12]
        if before[-1:] == "/":
            expected = _DATE_BEFORE.search(before) is not None  # 15/6/20230, not 12345/20230
        else:
            expected = bool(_CUED.search(before) or _DATE_BEFORE.search(before)
                            or _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before))
        if not expected:
            continue
        number = match.group()
        readings = sorted({number[:k] + number[k + 1:] for k in range(5)}
                          & {str(y) for y in range(1900, 2100)})
        if len(readings) > 1:
            hint = msg("year-hint", "a year has four digits: {some} or {last}?",
                       some=", ".join(readings[:-1]), last=readings[-1])
        elif readings:
            hint = msg("year-hint", "a year has four digits: {year}?", year=readings[0])
        else:
            hint = msg("year-hint", "a year has four digits")
        found.append(YearProblem(match.start(), match.end(), msg(
            "year", "'{number}' is not a year (five digits)", number=number), hint))
    return found


def _reversed_ranges(value: str) -> list[YearProblem]:
    found = []
    for pattern in (RANGE, SPOKEN_RANGE):
        for match in pattern.finditer(value):
            first, last = int(match["first"]), int(match["last"])
            if last < first:
                found.append(YearProblem(
                    match.start("last"), match.end("last"),
                    msg("year-range", "the range {first} - {last} ends before it starts",
                        first=first, last=last),
                    msg("year-range-hint", "the earlier year comes first: {last} - {first}?",
                        first=first, last=last)))
    return found
