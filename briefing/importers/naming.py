"""Names the importer gives what a source does not name: section ids from titles, block kinds
from the words a title starts with (units address blocks by kind)."""

from __future__ import annotations

import re
import unicodedata

from briefing.text.inline import plain_text

_KINDS = (("context", r"^(bối cảnh|tình hình)"), ("achievements", r"^(thành tựu|kết quả)"),
          ("lessons", r"^bài học"), ("directions", r"^(phương hướng|mục tiêu|nhiệm vụ)"),
          ("guidance", r"(định hướng|tổ chức thực hiện|kiến nghị|đề xuất)"))

def slug(text: str, taken: set[str]) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:5]
    base = "-".join(words)[:40].strip("-") or "section"
    name, n = base, 2
    while name in taken:
        name = f"{base}-{n}"
        n += 1
    taken.add(name)
    return name


def block_kind(title: str) -> str:
    lowered = plain_text(title).lower()
    for kind, pattern in _KINDS:
        if re.search(pattern, lowered):
            return kind
    return "section"
