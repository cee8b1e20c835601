"""Addresses of values inside a content tree: ("blocks", 0, "body", 2) and so on.

The same tuples are used by the loader's source map (`briefing.source.yaml_source.Path_`), by
the checks' fixes and by the studio's fields, so a message found by `check` lands on the very
field that holds the value.
"""

from __future__ import annotations

from typing import Any

from briefing.editing.refusals import EditError
from briefing.messages import msg

Path_ = tuple[str | int, ...]


def as_path(value: Any) -> Path_:
    """A path from JSON (a list of keys and indexes); anything else is refused."""
    if not isinstance(value, (list, tuple)) or len(value) > 64:
        raise EditError(msg("edit-path", "The element's address is not valid."))
    out: list[str | int] = []
    for part in value:
        if isinstance(part, bool) or not isinstance(part, (str, int)):
            raise EditError(msg("edit-path", "The element's address is not valid."))
        out.append(part)
    return tuple(out)


def get(tree: Any, path: Path_) -> Any:
    node = tree
    for part in path:
        node = child(node, part)
    return node


def child(node: Any, part: str | int) -> Any:
    try:
        if isinstance(node, dict) and isinstance(part, str):
            return node[part]
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            return node[part]
    except KeyError:
        pass
    raise EditError(msg("edit-path-gone", "This element is no longer in the document (has the "
                        "document changed?)."))


def parent_of(tree: Any, path: Path_) -> tuple[Any, str | int]:
    """The container holding `path` and the key or index inside it."""
    if not path:
        raise EditError(msg("edit-whole", "This operation cannot change the whole document."))
    return get(tree, path[:-1]), path[-1]


def is_section(value: Any) -> bool:
    return isinstance(value, dict) and "title" in value


def section_list(path: Path_) -> bool:
    """Whether `path` names a list that may hold sections (blocks, or a section's body)."""
    return path in (("blocks",),) or (len(path) >= 2 and path[-1] == "body")
