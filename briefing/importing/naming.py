"""Names the importer gives what a source does not name: section ids from titles, block kinds
from the words a title starts with (units address blocks by kind)."""

from __future__ import annotations

import re

from briefing.text.inline_markdown import plain_text
from briefing.text.slug import slug as make_slug
from briefing.text.slug import unique

_KINDS = (("context", r"^(bối cảnh|tình hình)"), ("achievements", r"^(thành tựu|kết quả)"),
          ("lessons", r"^bài học"), ("directions", r"^(phương hướng|mục tiêu|nhiệm vụ)"),
          ("guidance", r"(định hướng|tổ chức thực hiện|kiến nghị|đề xuất)"))

def slug(text: str, taken: set[str]) -> str:
    """A new section id from the first words of its title, unique among `taken`."""
    name = unique(make_slug(text, fallback="section", words=5), taken)
    taken.add(name)
    return name


def block_kind(title: str) -> str:
    lowered = plain_text(title).lower()
    for kind, pattern in _KINDS:
        if re.search(pattern, lowered):
            return kind
    return "section"
