"""Hand-typed numbers and markers at the start of titles and items.

The layout computes every heading number (I., 1.1., 2.1.3.), every enumeration marker ((iv), a),
Thứ nhất,) and every bullet, so a number typed into the text comes out twice: "I. I. Bối cảnh".
Text pasted from Word documents nearly always carries them. We warn, and the fix removes the
marker (with its space) and keeps the emphasis around it.
"""

from __future__ import annotations

import re

from briefing.validation.findings import TextIssue

_ORDINAL_WORDS = "nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười"
_SPOKEN_WORDS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"

#: (what it is, pattern) tried in order at the start of the text; each must be followed by
#: white space (the ordinal words end in their own comma).
MARKERS: tuple[tuple[str, str], ...] = (
    ("heading number", r"[IVX]+\.(?:\d{1,2}\.)*"),  # I.  II.  I.1.
    ("heading number", r"\d{1,2}(?:\.\d{1,2})+\.?"),  # 1.1  2.1.3.
    ("number", r"\d{1,2}[.)]|\(\d{1,2}\)"),  # 1.  2)  (3)
    ("Roman numeral", r"\(?[ivx]{1,5}[.)]|\([IVX]{1,5}\)|[IVX]{1,5}\)"),  # (iv)  iv)  (IV)
    ("letter", r"\(?[a-zđ][.)]|\([A-ZĐ]\)"),  # a)  (a)  b.
    ("ordinal", rf"(?i:thứ\s+(?:{_ORDINAL_WORDS})(?:\s+(?:{_SPOKEN_WORDS}|lăm|tư))?"
                rf"(?:\s+là)?|(?:{_SPOKEN_WORDS})\s+là)\s*[,:.]"),  # Thứ nhất,  Hai là,
    ("bullet", "[-–—+•·●○◦▪■□‣⁃*\uf0b7\uf0a7\uf076\uf0d8]"),  # - + • and Word's symbol bullets
)

_COMPILED = tuple(
    (label, re.compile(rf"(?P<stars>\*{{0,3}})(?P<marker>{pattern})(?P<close>(?P=stars))?"
                       + (r"\s*" if label == "ordinal" else r"\s+")))
    for label, pattern in MARKERS)

#: Where a marker is computed, by role, and which markers count there.
WHERE = {
    "title": ("heading numbers are computed from the structure", None),
    "item": ("list markers are computed from the list's style", None),
    "recipient": ("'- ' is added before each recipient", {"bullet"}),
}


def numbering_issues(value: str, role: str) -> list[TextIssue]:
    """A warning (with the fix that removes it) if `value` starts with a typed marker."""
    if role not in WHERE:
        return []
    reason, labels = WHERE[role]
    for label, pattern in _COMPILED:
        if labels is not None and label not in labels:
            continue
        match = pattern.match(value)
        if match is None or (label == "bullet" and match.group("stars")):
            continue
        rest = value[match.end():]
        if not rest.strip() or (label == "bullet" and match.group("marker") == "*"
                                and rest.startswith("*")):
            continue
        stars = match.group("stars")
        if stars and match.group("close") and match.group("close") == stars:
            start, end = 0, match.end()  # "**I.** Bối cảnh" -> "Bối cảnh"
        else:
            start, end = len(stars), match.end()  # "**I. Bối cảnh**" -> "**Bối cảnh**"
        marker = match.group("marker")
        return [TextIssue(start, end,
                          f"hand-typed {label} '{marker}' at the start of the {role}: {reason}",
                          "numbering", replacement="")]
    return []
