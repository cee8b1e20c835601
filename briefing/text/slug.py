"""Names made from Vietnamese text: ids from titles, file names from document names.

Vietnamese letters lose their accents rather than the whole letter ("Bài học" -> "bai-hoc",
"Đà Nẵng" -> "da-nang"), so a name still reads as the words it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container


def fold_ascii(text: str) -> str:
    """`text` without its accents ("đ" becomes "d")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str, *, fallback: str, words: int | None = None, length: int = 40,
         whole_words: bool = False) -> str:
    """An id from a title: lower-case ASCII words joined by "-" ("Bài học kinh nghiệm" ->
    "bai-hoc-kinh-nghiem"), at most `words` words and `length` characters; `whole_words`
    stops before the word that would be cut (a file name reads as words: "…-94-nam", never
    "…-94-nam-n"), unless the first word alone is longer."""
    found = re.findall(r"[a-z0-9]+", fold_ascii(text).lower())[:words]
    joined = "-".join(found)
    if whole_words and len(joined) > length:
        kept = [found[0]]
        for word in found[1:]:
            if len("-".join([*kept, word])) > length:
                break
            kept.append(word)
        joined = "-".join(kept)
    return joined[:length].strip("-") or fallback


def unique(base: str, taken: Container[str] | Callable[[str], bool]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is not taken yet (in `taken`, or for which
    `taken(name)` says so)."""
    is_taken = taken if callable(taken) else taken.__contains__
    name, n = base, 2
    while is_taken(name):
        name = f"{base}-{n}"
        n += 1
    return name
