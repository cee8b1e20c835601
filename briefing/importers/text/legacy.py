"""Legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows, Windows-1258): detect and convert.

Before Unicode (TCVN 6909:2001) offices typed Vietnamese with 8-bit fonts: the bytes are
ordinary Latin-1 characters that only the font drew as Vietnamese letters. Such text arrives
as a non-UTF-8 text file, or inside a Word file or a paste as Latin-1 letters ("Th¾ng" for
"Thắng", "Vieät" for "Việt"). The tables are data (`importers/data/*.tsv`); detection converts
with each table and keeps the one whose words all read as Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

_VIETNAMESE = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
                  "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ")
_WORD = re.compile(r"[^\W\d_]+")
#: Latin-1 letters that never occur in Unicode Vietnamese: a text full of them is legacy text.
_FOREIGN = set("µ¸¶·¹¨»¾¼½Æ©ÇË®ÎÏÑªÖ×ØÜÞßä«åæçëîïñö÷øûüþ¬\u00ad¡¢£¤¥¦§ÙÛ")


@cache
def table(name: str) -> dict[str, str]:
    """Legacy sequence -> Unicode letter, from `data/<name>.tsv`."""
    mapping: dict[str, str] = {}
    for raw in (DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            continue
        legacy, letter = raw.split("\t")[:2]
        mapping[legacy] = letter
    return mapping


@cache
def _pattern(name: str) -> re.Pattern[str]:
    keys = sorted(table(name), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def convert(text: str, name: str) -> str:
    """`text` (legacy characters) with every sequence of table `name` replaced."""
    mapping = table(name)
    return _pattern(name).sub(lambda m: mapping[m.group()], text)


def vietnamese_share(text: str) -> float:
    """Share of words made only of ASCII and Vietnamese letters (1.0 for text without words)."""
    words = _WORD.findall(text)
    if not words:
        return 1.0
    good = sum(all(c.isascii() or c in _VIETNAMESE for c in w) for w in words)
    return good / len(words)


def foreign_letters(text: str) -> int:
    return sum(c in _FOREIGN for c in text)


@dataclass(frozen=True)
class Detection:
    encoding: str  # "tcvn3" | "vni" | "cp1258"
    text: str
    share: float


#: What each legacy encoding is called in messages.
NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime fonts)", "vni": "VNI-Windows (VNI-Times fonts)",
         "cp1258": "Windows-1258"}


def detect(text: str) -> Detection | None:
    """The legacy encoding `text` (Latin-1 characters) was typed in, converted, or None when
    the text does not look like legacy Vietnamese."""
    if foreign_letters(text) < 3:
        return None
    before = vietnamese_share(text)
    best: Detection | None = None
    for name in ("tcvn3", "vni"):
        converted = unicodedata.normalize("NFC", convert(text, name))
        share = vietnamese_share(converted)
        if best is None or share > best.share:
            best = Detection(name, converted, share)
    if best is not None and best.share >= 0.95 and best.share > before:
        return best
    return None


def decode_legacy(raw: bytes) -> Detection | None:
    """Bytes that are not UTF-8: one of the legacy encodings, converted, or None."""
    latin = raw.decode("latin-1")
    found = detect(latin)
    if found is not None:
        return found
    try:
        cp1258 = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    share = vietnamese_share(cp1258)
    if share >= 0.95 and any(c in _VIETNAMESE for c in cp1258):
        return Detection("cp1258", cp1258, share)
    return None
