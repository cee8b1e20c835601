"""The words the importer recognises in heads and closings (data/document-words.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data" / "document-words.yaml"


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def upper(text: str) -> str:
    return " ".join(text.upper().split())


def is_caps(text: str) -> bool:
    """A line in capitals (two letters at least, every letter a capital)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
