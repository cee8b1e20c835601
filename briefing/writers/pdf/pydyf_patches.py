"""Page references computed once per page count, not once per tagged element.

A tagged PDF (PDF/UA, PDF/A-3a) gives every structure element the page it is on: WeasyPrint's
`pdf/tags.py` reads `pdf.page_references[n]`, and pydyf 0.13 builds that property's tuple
afresh on every read: one tuple of all pages per element, so the time grows with pages ×
elements (a tenth of a 140-page build). The property is replaced by one that rebuilds the
tuple only when pages were added, and only if pydyf's getter is byte-for-byte the one this
was written against (its SHA-256): the bytes written are the same (tests/test_speed.py).
"""

from __future__ import annotations

import hashlib
import inspect
from typing import Any

#: sha256 of `pydyf.PDF.page_references`'s getter source, by pydyf version
KNOWN_SOURCES = {
    "0.13.0": "060bf90aad55931bc24c3575a52af9478a89916aa307e5323142663841cb7798",
}

_original: dict[str, Any] = {}


def page_references(pdf: Any) -> tuple[bytes, ...]:
    """`pdf.page_references`, kept until the page list changes."""
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get("_briefing_page_references")
    if cached is None or cached[0] is not kids or cached[1] != len(kids):
        references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
        cached = pdf.__dict__["_briefing_page_references"] = (kids, len(kids), references)
    return cached[2]


def apply() -> bool:
    """Install once per process; False (pydyf untouched) for a pydyf this does not know."""
    import pydyf

    if "page_references" in _original:
        return True
    current = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(current, property) or current.fget is None:
        return False
    try:
        source = inspect.getsource(current.fget)
    except (OSError, TypeError):
        return False
    if KNOWN_SOURCES.get(pydyf.__version__) != hashlib.sha256(source.encode()).hexdigest():
        return False
    _original["page_references"] = current
    pydyf.PDF.page_references = property(page_references)
    return True


def remove() -> None:
    import pydyf

    original = _original.pop("page_references", None)
    if original is not None:
        pydyf.PDF.page_references = original
