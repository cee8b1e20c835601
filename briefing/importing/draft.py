"""The content being built: plain content-format data, with comments attached to items.

`Item` wraps a list element or a mapping value that carries comments (the guesses made at
that place); `plain` strips the wrappers for the loader and the checks; the emitter writes
the comments above the item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Item:
    value: Any
    comments: list[str] = field(default_factory=list)


def plain(data: Any) -> Any:
    if isinstance(data, Item):
        return plain(data.value)
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(value) for value in data]
    return data


def unwrap(data: Any) -> Any:
    return data.value if isinstance(data, Item) else data
