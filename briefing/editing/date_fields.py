"""Dates as a Vietnamese clerk writes and reads them: 15/03/2024, 03/2024 — stored as the
content format writes them (2024-03-15, 2024-03), so files and `build.py` are unchanged."""

from __future__ import annotations

import re
from typing import Any

_DAY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_MONTH = re.compile(r"(\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def stored_date(text: str) -> str:
    """"15/03/2024" -> "2024-03-15", "3/2024" -> "2024-03"; anything else as given (an ISO
    date, a year, or a mistake the check then reports at its field)."""
    text = text.strip()
    day = _DAY.fullmatch(text)
    if day:
        return f"{day.group(3)}-{int(day.group(2)):02d}-{int(day.group(1)):02d}"
    month = _MONTH.fullmatch(text)
    if month:
        return f"{month.group(2)}-{int(month.group(1)):02d}"
    return text


def shown_date(value: Any) -> str:
    """A stored date as the clerk reads it: "15/03/2024", "03/2024", "2024"."""
    text = "" if value is None else str(value).strip()
    iso = _ISO.fullmatch(text)
    if not iso:
        return text
    year, month, day = iso.groups()
    return "/".join(part for part in (day, month, year) if part)
