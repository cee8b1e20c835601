"""The word lists of lexicon.yaml, read once."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON = Path(__file__).with_name("lexicon.yaml")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    return {key: frozenset(unicodedata.normalize("NFC", str(w)).lower() for w in words)
            for key, words in data.items()}


def reduplicatives() -> frozenset[str]:
    """Words whose doubling is Vietnamese reduplication, not a typo."""
    return _lists()["reduplicatives"]


def function_words() -> frozenset[str]:
    """Grammatical words that are never doubled: the second one can be removed for sure."""
    return _lists()["function_words"]


def compounds() -> frozenset[str]:
    """Two-syllable words ("trở thành", "thành phố"): a doubling between two is no typo."""
    return _lists()["compounds"]
