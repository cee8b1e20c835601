"""Web page clutter and scan debris around a pasted text: reported and left out, never
imported silently into the body.

Menus, share buttons, "Tin liên quan" lists, tags, breadcrumbs ("Trang chủ > Thời sự"),
time stamps ("19/12/2023 10:30 GMT+7") and the reception stamp of a scanned document
("ĐẾN Số … Ngày …, Chuyển: …") are recognised from data/clutter.yaml and a few shapes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.readers.source import Block, Line
from briefing.text.inline_markdown import plain_text

DATA = Path(__file__).resolve().parent / "data" / "clutter.yaml"
_BREADCRUMB = re.compile(r"^[^>»/|]{1,40}(\s*[>»|]\s*[^>»|]{1,40}){1,5}$")
_TIMESTAMP = re.compile(r"^(?:(?:thứ\s+\w+|chủ\s+nhật),?\s*)?\d{1,2}[/-]\d{1,2}[/-]\d{2,4}"
                        r"[\s,|-]*\d{1,2}:\d{2}(?::\d{2})?\s*(?:\(?GMT[+-]\d+\)?)?$|"
                        r"^\d{1,2}:\d{2}\s*(?:\|\s*)?\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$",
                        re.IGNORECASE)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _key(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(":").strip()


def is_clutter(text: str) -> bool:
    key = _key(text)
    data = _data()
    if not key:
        return False
    if key in data["lines"] or any(key.startswith(s.rstrip(":")) for s in data["starts"]):
        return True
    if len(key) < 80 and ((_BREADCRUMB.match(text.strip()) and ">" in text) or "»" in text):
        return True
    return bool(_TIMESTAMP.match(text.strip()))


def is_stamp(text: str) -> bool:
    key = _key(text)
    return any(key.startswith(s.rstrip(":")) or f"({s})" in key for s in _data()["stamps"])


def opens_block(text: str) -> bool:
    return _key(text) in _data()["blocks"]


def drop_clutter(blocks: list[Block], notes: Notebook) -> list[Block]:
    out: list[Block] = []
    in_block = False
    for block in blocks:
        if not isinstance(block, Line):
            in_block = False
            out.append(block)
            continue
        text = plain_text(block.text)
        pieces = [p for p in text.split("\n") if p.strip()]
        if in_block and len(text) < 160 and not block.heading:
            notes.dropped(msg("dropped-related-link", "a link in a list of related articles"),
                          block.where, text)
            continue
        in_block = False
        if opens_block(text):
            notes.dropped(msg("dropped-clutter-list", "web page clutter (a list of related "
                                                      "articles follows)"), block.where, text)
            in_block = True
            continue
        if pieces and all(is_clutter(p) for p in pieces):
            notes.dropped(msg("dropped-clutter", "web page clutter"), block.where, text)
            continue
        if pieces and sum(is_stamp(p) for p in pieces) >= max(1, len(pieces) // 2):
            notes.dropped(msg("dropped-stamp", "the reception stamp of a scanned document"),
                          block.where, text)
            continue
        out.append(block)
    return out
