"""The place-and-date line: "Hà Tĩnh, ngày 05 tháng 3 năm 2024" (rules from the profile)."""

from __future__ import annotations

from briefing.content.schema import DocumentDate
from briefing.profile.model import DateFormat


def _day(day: int) -> str:
    return f"{day:02d}"


def _month(month: int, rules: DateFormat) -> str:
    return f"{month:02d}" if month in rules.pad_months else str(month)


def place_and_date(place: str, date: DocumentDate, rules: DateFormat) -> str:
    """Day 1–9 padded, months in `pad_months` padded; partial dates leave blanks to fill."""
    if date.month is None:
        return rules.year_only.format(place=place, year=date.year)
    month = _month(date.month, rules)
    if date.day is None:
        return rules.month_only.format(place=place, month=month, year=date.year)
    return rules.format.format(place=place, day=_day(date.day), month=month, year=date.year)


def day_and_month(date: DocumentDate, rules: DateFormat) -> tuple[str, str]:
    """The day and month as running text writes them ("05", "3"); blanks where the date has
    none (a draft)."""
    blank = "    "
    month = _month(date.month, rules) if date.month else blank
    return (_day(date.day) if date.day else blank), month


def place_and_month(place: str, date: DocumentDate, rules: DateFormat) -> str:
    """The foot of a booklet cover: "Hà Tĩnh, tháng 3 năm 2024"."""
    month = _month(date.month, rules) if date.month else "   "
    return rules.cover.format(place=place, month=month, year=date.year)
