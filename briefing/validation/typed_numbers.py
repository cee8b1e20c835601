"""Hand-typed numbers and markers at the start of titles and items.

The layout computes every heading number (I., 1.1., 2.1.3.), every enumeration marker ((iv), a),
Thứ nhất,) and every bullet, so a number typed into the text comes out twice: "I. I. Bối cảnh".
Text pasted from Word documents nearly always carries them. We warn, and the fix removes the
marker (with its space) and keeps the emphasis around it.
"""

from __future__ import annotations

import re

from briefing.messages import Message, msg
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

#: What each marker is called in messages.
LABEL_NAMES = {
    "heading number": msg("marker-heading-number", "heading number"),
    "number": msg("marker-number", "number"),
    "Roman numeral": msg("marker-roman", "Roman numeral"),
    "letter": msg("marker-letter", "letter"),
    "ordinal": msg("marker-ordinal", "ordinal"),
    "bullet": msg("marker-bullet", "bullet"),
}

#: Where a marker is computed, by role, and which markers count there.
WHERE: dict[str, tuple[Message, set[str] | None]] = {
    "title": (msg("numbering-title", "heading numbers are computed from the structure"), None),
    "item": (msg("numbering-item", "list markers are computed from the list's style"), None),
    "numbered": (msg("numbering-numbered", "the number of a numbered paragraph is computed "
                                           "from the ladder"), None),
    "recipient": (msg("numbering-recipient", "'- ' is added before each recipient"),
                  {"bullet"}),
    "addressee": (msg("numbering-addressee", "'- ' is added before each addressee where there "
                                             "are several"), {"bullet"}),
    "clause": (msg("numbering-clause", "a clause's number is computed (1., 2., … in each "
                                       "article)"), None),
    # In running text an ordinal ("Thứ nhất, …") may be the author's prose; outline numbers
    # and bullets are not. The fix is a change of structure, so none is offered.
    "paragraph": (msg("numbering-paragraph", "numbers are computed: write the paragraph as "
                      "`numbered:` (a heading number) or the text as a list (`bullets:`, "
                      "`enumerate:`)"),
                  {"heading number", "number", "Roman numeral", "letter", "bullet"}),
}
#: What the text holding the marker is called in messages, by role.
ROLE_NAMES = {
    "title": msg("role-title", "title"), "item": msg("role-item", "item"),
    "numbered": msg("role-numbered", "numbered paragraph"),
    "recipient": msg("role-recipient", "recipient"),
    "addressee": msg("role-addressee", "addressee"),
    "clause": msg("role-clause", "clause"),
    "paragraph": msg("role-paragraph", "paragraph"),
}
#: A legal heading's typed label: "Điều 5.", "Chương IV", "Mục 2:", "Phần I -"
LEGAL_LABEL = re.compile(
    r"(?P<stars>\*{0,3})(?P<marker>(?i:phần|chương|tiểu mục|mục|điều)\s+(?:\d+|[IVXLC]+)\b"
    r"\s*[.:\-–—]?)(?P<close>(?P=stars))?\s+")
LEGAL_TITLES = frozenset({"part", "chapter", "division", "subdivision", "article"})
#: Roles whose typed marker is reported without a fix (removing it would lose the structure).
NO_FIX = {"paragraph"}

#: A caption's typed label: "Bảng 1.", "Hình 2:", "Biểu đồ 3 -" (the label is computed).
CAPTION_LABEL = re.compile(
    r"(?P<stars>\*{0,3})(?P<marker>(?i:bảng|hình|biểu đồ|sơ đồ|ảnh|table|figure|fig\.)\s*"
    r"(?:\d+|[IVXivx]+)(?:\.\d+)*\s*[.:\-–—]?)(?P<close>(?P=stars))?\s+")
#: An appendix title's typed label: "Phụ lục 1.", "PHỤ LỤC II:"
APPENDIX_LABEL = re.compile(
    r"(?P<stars>\*{0,3})(?P<marker>(?i:phụ lục)(?:\s+(?:\d+|[IVXivx]+)\b\s*[.:\-–—]?"
    r"|\s*[.:\-–—]))"
    r"(?P<close>(?P=stars))?\s+")


def numbering_issues(value: str, role: str, path: tuple = ()) -> list[TextIssue]:
    """A warning (with the fix that removes it) if `value` starts with a typed marker."""
    if role == "caption":
        return _label_issue(value, CAPTION_LABEL, msg(
            "numbering", "hand-typed caption label '{marker}' at the start: the caption's "
            "number (Bảng 1., Hình 1.) is computed"))
    if role == "title" and path and path[-1] in LEGAL_TITLES:
        issues = _label_issue(value, LEGAL_LABEL, msg(
            "numbering", "hand-typed label '{marker}' at the start: the label (Chương I, "
            "Điều 5.) and its number are computed"))
        if issues:
            return issues
    if role == "title" and path[:1] == ("appendices",) and len(path) == 3:
        return _label_issue(value, APPENDIX_LABEL, msg(
            "numbering", "hand-typed appendix label '{marker}' at the start: the label (PHỤ "
            "LỤC, PHỤ LỤC I …) is computed and printed above the title"))
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
        return [TextIssue(start, end, msg(
            "numbering", "hand-typed {what} '{marker}' at the start of the {role}: {reason}",
            what=LABEL_NAMES[label], marker=marker, role=ROLE_NAMES[role], reason=reason),
            replacement=None if role in NO_FIX else "")]
    return []


def _label_issue(value: str, pattern: re.Pattern[str], message: Message) -> list[TextIssue]:
    match = pattern.match(value)
    if match is None or not value[match.end():].strip():
        return []
    stars = match.group("stars")
    start = 0 if stars and match.group("close") == stars else len(stars)
    return [TextIssue(start, match.end(), message.given(marker=match.group("marker")),
                      replacement="")]
