"""The outline of sections: add, rename, move up and down, indent, outdent, delete.

A section is a mapping with `title` in `blocks` (top level, needs a `kind`) or in a section's
`body`. Moving and deleting work on any item of a list (paragraphs, list items, table rows).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from briefing.editing.paths import Path_, get, is_section, parent_of, section_list
from briefing.editing.refusals import EditError
from briefing.editing.yamltext import new_map, new_seq
from briefing.messages import msg
from briefing.text.slug import slug, unique

#: kind of a section that becomes a top-level block without one
DEFAULT_KIND = "section"


def all_ids(tree: Any) -> set[str]:
    """Every section id (and other `id:`) used in the document."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                found.add(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(tree)
    return found


def unique_id(tree: Any, base: str) -> str:
    return unique(base, all_ids(tree))


def _list_at(tree: Any, path: Path_) -> list:
    value = get(tree, path)
    if not isinstance(value, list):
        raise EditError(msg("edit-not-list", "This is not a list."))
    return value


def add_section(tree: Any, parent: Path_, title: str, index: int | None = None) -> Path_:
    """A new, empty section titled `title` in the list at `parent` (at `index`, else last)."""
    title = _clean_title(title)
    if not section_list(parent):
        raise EditError(msg("edit-add-section", "A section can only be added to a list of sections "
                            "or to a section's body."))
    container = _ensure_list(tree, parent)
    section = new_map(id=unique_id(tree, slug(title, fallback="muc")))
    if parent == ("blocks",):
        section["kind"] = DEFAULT_KIND
    section["title"] = title
    section["body"] = new_seq()
    position = len(container) if index is None else max(0, min(index, len(container)))
    container.insert(position, section)
    return (*parent, position)


def _ensure_list(tree: Any, path: Path_) -> list:
    """The list at `path`, created when a section has no `body` yet."""
    holder = get(tree, path[:-1])
    key = path[-1]
    if isinstance(holder, dict) and key not in holder:
        holder[key] = new_seq()
    return _list_at(tree, path)


def rename(tree: Any, path: Path_, title: str) -> None:
    section = get(tree, path)
    if not is_section(section):
        raise EditError(msg("edit-rename", "Only a section can be renamed."))
    section["title"] = _clean_title(title)


def _clean_title(title: str) -> str:
    title = unicodedata.normalize("NFC", str(title)).strip()
    if not title:
        raise EditError(msg("edit-title-empty", "A section's title cannot be empty."))
    if "\n" in title:
        raise EditError(msg("edit-title-line", "A section's title is one line."))
    return title


def move(tree: Any, path: Path_, delta: int) -> Path_:
    """Swap the item with its neighbour (`delta` -1: up, +1: down) in the same list."""
    container, index = parent_of(tree, path)
    if not isinstance(container, list) or not isinstance(index, int):
        raise EditError(msg("edit-move", "This element cannot be moved."))
    target = index + delta
    if delta not in (-1, 1) or not 0 <= target < len(container):
        raise EditError(msg("edit-move-end", "It cannot move further this way."))
    item = container.pop(index)
    container.insert(target, item)
    return (*path[:-1], target)


def indent(tree: Any, path: Path_) -> Path_:
    """The section becomes the last sub-section of the section just above it."""
    container, index = parent_of(tree, path)
    section = get(tree, path)
    if not is_section(section) or not isinstance(index, int):
        raise EditError(msg("edit-indent", "Only a section can be indented."))
    above = container[index - 1] if index > 0 else None
    if not is_section(above):
        raise EditError(msg("edit-indent-above", "This section has no section right above it to "
                            "become its subsection."))
    if "body" not in above or above["body"] is None:
        above["body"] = new_seq()
    container.pop(index)
    above["body"].append(section)
    return (*path[:-1], index - 1, "body", len(above["body"]) - 1)


def outdent(tree: Any, path: Path_) -> Path_:
    """The section leaves its parent and follows it, one level up."""
    if len(path) < 4 or path[-2] != "body":
        raise EditError(msg("edit-top-level", "This section is at the top level already."))
    section = get(tree, path)
    if not is_section(section):
        raise EditError(msg("edit-outdent", "Only a section can be outdented."))
    parent_path = path[:-2]
    grand, parent_index = parent_of(tree, parent_path)
    if not isinstance(grand, list) or not isinstance(parent_index, int):
        raise EditError(msg("edit-top-level", "This section is at the top level already."))
    get(tree, path[:-1]).pop(path[-1])
    if parent_path[:-1] == ("blocks",) and not section.get("kind"):
        section["kind"] = DEFAULT_KIND
        _put_first(section, "kind", "id")
    grand.insert(parent_index + 1, section)
    return (*parent_path[:-1], parent_index + 1)


def _put_first(mapping: Any, key: str, after: str) -> None:
    """Move `key` right after `after` so new keys read in the usual order."""
    keys = list(mapping.keys())
    if after not in keys:
        return
    value = mapping.pop(key)
    mapping.insert(keys.index(after) + 1, key, value)


def delete(tree: Any, path: Path_) -> None:
    container, key = parent_of(tree, path)
    if path == ("blocks", 0) and len(container) == 1:
        raise EditError(msg("edit-last-block", "A document needs at least one top-level section."))
    if isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container):
        container.pop(key)
    elif isinstance(container, dict) and key in container:
        del container[key]
    else:
        raise EditError(msg("edit-gone", "This element is no longer in the document."))
