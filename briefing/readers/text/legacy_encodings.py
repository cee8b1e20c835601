"""Legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows, Windows-1258): detect and convert.

Before Unicode (TCVN 6909:2001) offices typed Vietnamese with 8-bit fonts: the bytes are
ordinary Latin-1 characters that only the font drew as Vietnamese letters. Such text arrives
as a non-UTF-8 text file, or inside a Word file or a paste as Latin-1 letters ("Th¾ng" for
"Thắng", "Vieät" for "Việt"). The tables are data (`data/*.tsv`); detection converts
with each table and keeps the one whose words all read as Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

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


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@lru_cache(maxsize=1)
def _spelling() -> tuple[re.Pattern[str], frozenset[str]]:
    import yaml

    data = yaml.safe_load((DATA / "syllables.yaml").read_text(encoding="utf-8"))
    initials = "|".join(sorted(data["initials"], key=len, reverse=True))
    finals = "|".join(sorted(data["finals"], key=len, reverse=True))
    pattern = re.compile(rf"^(?:{initials})?(?P<nucleus>[aăâeêioôơuưy]{{1,3}})(?:{finals})?$")
    return pattern, frozenset(data["nuclei"])


def _syllable(word: str) -> bool:
    """Whether `word` is spelled like a Vietnamese syllable (one tone at most)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    pattern, nuclei = _spelling()
    match = pattern.match(bare)
    if not match:
        return False
    nucleus = match.group("nucleus")
    # a final glide (i, o, u, y) may follow the nucleus: "oai", "ươi"
    return nucleus in nuclei or (nucleus[:-1] in nuclei and nucleus[-1] in "ioyu")


def vietnamese_share(text: str) -> float:
    """Share of words spelled as Vietnamese syllables, among words with a non-ASCII letter
    (1.0 for text without such words)."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 1.0
    return sum(_syllable(w) for w in words) / len(words)


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
    if best is not None and best.share >= 0.8 and best.share > before:
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
    if share >= 0.8 and any(c in _VIETNAMESE for c in cp1258):
        return Detection("cp1258", cp1258, share)
    return None
