"""Enumerations run into one paragraph: "… các mục tiêu sau: (i) A; (ii) B; (iii) C"."""

from __future__ import annotations

import re
from typing import Any

from briefing.importing.markdown_text import markdown_runs, runs_to_markdown
from briefing.numbering import markers as M

_INLINE_KINDS = (("paren-roman", r"\((?P<v>[ivx]{1,5})\)"), ("paren-arabic", r"\((?P<v>\d{1,2})\)"),
                 ("alpha", r"(?P<v>[a-h])\)"))


def inline_enumeration(text: str) -> dict | None:
    """"… sau: (i) A; (ii) B" -> an inline enumeration, when the markers count from one."""
    for style, pattern in _INLINE_KINDS:
        found = list(re.finditer(rf"(?:(?<=\s)|^){pattern}(?=\s)", text))
        if len(found) < 2:
            continue
        values = []
        for match in found:
            marker = M.parse(match.group(0) + " x")
            values.append(marker.value if marker else -1)
        if values != list(range(1, len(values) + 1)):
            continue
        lead = text[:found[0].start()].strip()
        items = []
        for index, match in enumerate(found):
            end = found[index + 1].start() if index + 1 < len(found) else len(text)
            items.append(text[match.end():end].strip())
        if not all(items) or not all(_balanced(part) for part in [lead, *items] if part):
            continue
        node: dict[str, Any] = {"enumerate": items, "style": style, "inline": True}
        if lead:
            node["lead"] = lead
        return node
    return None


def _balanced(text: str) -> bool:
    return runs_to_markdown(markdown_runs(text)) == text or "*" not in text
