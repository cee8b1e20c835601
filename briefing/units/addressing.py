"""What unit and meeting rules can address: every section, appendix and legal item (a chapter,
an article, …) with an id, wherever it stands in the content's data, with its ancestors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.content.legal import legal_key

Path_ = tuple[Any, ...]
CONTAINERS = ("preamble", "blocks", "conclusion", "appendices")


@dataclass
class SectionInfo:
    id: str
    kind: str | None
    path: Path_
    ancestors: tuple[str, ...]
    added: bool

    @property
    def top(self) -> bool:
        return not self.ancestors



def is_section(item: Any) -> bool:
    """Whether `item` (plain data) is addressable: a section, or a legal item (a chapter, an
    article, …) with an id."""
    return isinstance(item, dict) and isinstance(item.get("id"), str) and (
        "title" in item or legal_key(item) is not None)


def index_sections(data: dict[str, Any], added: set[str]) -> dict[str, SectionInfo]:
    """Every addressable section and legal item (in preamble, blocks, conclusion, appendices,
    nested bodies) by id."""
    index: dict[str, SectionInfo] = {}

    def walk(items: Any, path: Path_, ancestors: tuple[str, ...], inside_added: bool) -> None:
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            if not is_section(item):
                continue
            sid = item["id"]
            was_added = inside_added or sid in added
            kind = item.get("kind") if isinstance(item.get("kind"), str) else None
            index.setdefault(sid, SectionInfo(sid, kind, (*path, i), ancestors, was_added))
            walk(item.get("body"), (*path, i, "body"), (*ancestors, sid), was_added)

    for container in CONTAINERS:
        walk(data.get(container), (container,), (), False)
    return index
