"""The content file as YAML text, written by hand so it reads like the hand-made ones: a
comment naming the source on top, keys in the order of the format, block-style lists, plain
scalars wherever YAML reads them back unchanged and double quotes elsewhere (": " or " #"
inside text, a leading '*', '- ' or quote), and each guess as a comment above its item.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from briefing.importing.draft import Item

INDENT = "  "
_NULLS = {"", "~", "null", "Null", "NULL"}
#: Strings only, as `build.py check` reads them; libyaml's when PyYAML was built with it.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def scalar(value: Any) -> str:
    text = str(value)
    if _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str) -> bool:
    if text in _NULLS or text != text.strip() or "\n" in text or "\t" in text:
        return False
    if text[0] in "-?:,[]{}#&*!|>'\"%@`" and not (text[0] == "-" and text[1:2].isdigit()):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    try:
        return yaml.load(f"k: {text}", Loader=_LOADER) == {"k": text}
    except yaml.YAMLError:
        return False


def emit(data: dict[str, Any], head: list[str]) -> str:
    out: list[str] = [f"# {line}".rstrip() for line in head]
    for index, (key, value) in enumerate(data.items()):
        if index and key in ("footnotes", "preamble", "blocks", "conclusion", "appendices"):
            out.append("")
        _entry(out, key, value, 0)
    return "\n".join(out) + "\n"


def _comments(out: list[str], comments: list[str], level: int) -> None:
    for comment in comments:
        for piece in comment.splitlines():
            out.append(f"{INDENT * level}# {piece}")


def _entry(out: list[str], key: str, value: Any, level: int) -> None:
    pad = INDENT * level
    if isinstance(value, Item):
        _comments(out, value.comments, level)
        value = value.value
    name = scalar(key)
    if isinstance(value, dict):
        out.append(f"{pad}{name}:")
        for k, v in value.items():
            _entry(out, k, v, level + 1)
    elif isinstance(value, list):
        out.append(f"{pad}{name}:")
        for item in value:
            _list_item(out, item, level + 1)
    elif isinstance(value, bool):
        out.append(f"{pad}{name}: {'true' if value else 'false'}")
    else:
        out.append(f"{pad}{name}: {scalar(value)}")


def _list_item(out: list[str], item: Any, level: int) -> None:
    pad = INDENT * level
    if isinstance(item, Item):
        _comments(out, item.comments, level)
        item = item.value
    if isinstance(item, dict):
        first = True
        for key, value in item.items():
            if first:
                # "- key: value" on the dash's line, the other keys under it
                lines: list[str] = []
                _entry(lines, key, value, level + 1)
                head = lines[0].lstrip()
                comment_lines = []
                while head.startswith("#"):
                    comment_lines.append(lines.pop(0))
                    head = lines[0].lstrip()
                out.extend(line.replace(INDENT * (level + 1), pad, 1) for line in comment_lines)
                out.append(f"{pad}- {head}")
                out.extend(lines[1:])
                first = False
            else:
                _entry(out, key, value, level + 1)
    elif isinstance(item, list):
        lines = []
        for sub in item:
            _list_item(lines, sub, level + 1)
        first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
        out.extend(lines[:first])
        out.append(f"{pad}- {lines[first].lstrip()}")
        out.extend(lines[first + 1:])
    else:
        out.append(f"{pad}- {scalar(item)}")
