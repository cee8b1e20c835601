"""`check`'s messages in the clerk's language (the studio shows them beside the field).

The checks word their messages once, in English, as the command line prints them; a catalog
(`vi.yaml`, data) maps each message shape to its Vietnamese wording, carrying the document's
own text over unchanged. A message the catalog does not know is shown as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

CATALOGS = Path(__file__).parent


@lru_cache(maxsize=4)
def _catalog(language: str) -> dict[str, list[tuple[re.Pattern[str], str]]]:
    data = yaml.safe_load((CATALOGS / f"{language}.yaml").read_text(encoding="utf-8"))
    return {part: [(re.compile(entry["en"], re.DOTALL), entry["vi"]) for entry in data[part]]
            for part in ("messages", "hints")}


def _translate(text: str, entries: list[tuple[re.Pattern[str], str]]) -> str | None:
    for pattern, wording in entries:
        match = pattern.fullmatch(text)
        if match:
            return wording.format(**match.groupdict())
    return None


def translated_message(message: str, language: str = "vi") -> str:
    """`message` in `language`; itself when the catalog has no wording for it."""
    return _translate(message, _catalog(language)["messages"]) or message


def translated_hint(hint: str, language: str = "vi") -> str:
    """A hint in `language`: each of its parts ("did you mean …", "fix: …") that the catalog
    knows is translated, the rest kept."""
    if not hint:
        return hint
    parts = [part.strip() for part in hint.split("; ")]
    entries = _catalog(language)["hints"]
    return "; ".join(_translate(part, entries) or part for part in parts)


def is_translated(message: str, language: str = "vi") -> bool:
    return _translate(message, _catalog(language)["messages"]) is not None
