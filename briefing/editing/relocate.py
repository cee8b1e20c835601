"""Blocks moved or copied anywhere in the document: a paragraph into another section, a section
under another one, a list item into another list (drag and drop, Alt+↑/↓, cut and paste,
copy and paste in the studio).

What may go where: a section only into a list of sections (`blocks` or a section's `body`); a
paragraph, list, table or other item into a body (not `blocks`, which holds sections); a
list item (a string) also into a bulleted or numbered list. A copy is a new block: its
sections get ids of their own and each footnote it calls a copy of the note (the build allows
one call per note, as Word does).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from briefing.editing.footnotes import new_id
from briefing.editing.outline import DEFAULT_KIND, _ensure_list, unique_id
from briefing.editing.paths import Path_, get, is_section, parent_of, section_list
from briefing.editing.refusals import EditError
from briefing.messages import msg
from briefing.text.inline_markdown import FOOTNOTE_CALL

ITEM_LISTS = ("bullets", "enumerate")


def _fits(item: Any, target: Path_) -> bool:
    if is_section(item):
        return section_list(target)
    if target == ("blocks",) or not target:
        return False
    if target[-1] in ITEM_LISTS:
        return isinstance(item, str)
    return target[-1] in ("body", "preamble", "conclusion")


def _target(tree: Any, path: Path_, target: Path_, item: Any) -> list:
    if target[:len(path)] == path:
        raise EditError(msg("edit-move-inside", "A block cannot be moved into itself."))
    if not _fits(item, target):
        raise EditError(msg("edit-move-where", "This kind of content cannot go there."))
    return _ensure_list(tree, target)


def _after_removal(target: Path_, removed: Path_) -> Path_:
    """`target` once the item at `removed` has left its list (indexes after it shift)."""
    depth = len(removed) - 1
    if target[:depth] == removed[:depth] and len(target) > depth:
        at = target[depth]
        if isinstance(at, int) and at > removed[-1]:
            return (*target[:depth], at - 1, *target[depth + 1:])
    return target


def move_to(tree: Any, path: Path_, target: Path_, index: int | None) -> Path_:
    """Move the item at `path` into the list at `target`, at `index` of that list as it is
    once the item has left its place (None: at the end)."""
    container, key = parent_of(tree, path)
    if not isinstance(container, list) or not isinstance(key, int) or not 0 <= key < len(container):
        raise EditError(msg("edit-move", "This element cannot be moved."))
    item = container[key]
    if path == ("blocks", 0) and len(container) == 1:
        raise EditError(msg("edit-last-block", "A document needs at least one top-level section."))
    destination = _target(tree, path, target, item)
    container.pop(key)
    position = len(destination) if index is None else max(0, min(index, len(destination)))
    destination.insert(position, item)
    if target == ("blocks",) and is_section(item) and not item.get("kind"):
        item["kind"] = DEFAULT_KIND
    return (*_after_removal(target, path), position)


def copy_to(tree: Any, path: Path_, target: Path_, index: int | None) -> Path_:
    """A copy of the item at `path` in the list at `target`, at `index` (None: at the end)."""
    item = get(tree, path)
    destination = _target(tree, (*path, "\0"), target, item)   # a copy may go inside itself
    twin = copy.deepcopy(item)
    _fresh_ids(tree, twin)
    twin = _fresh_notes(tree, twin)
    position = len(destination) if index is None else max(0, min(index, len(destination)))
    destination.insert(position, twin)
    if target == ("blocks",) and is_section(twin) and not twin.get("kind"):
        twin["kind"] = DEFAULT_KIND
    return (*target, position)


def _fresh_ids(tree: Any, value: Any) -> None:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            value["id"] = unique_id(tree, value["id"])
        for child in value.values():
            _fresh_ids(tree, child)
    elif isinstance(value, list):
        for child in value:
            _fresh_ids(tree, child)


def _fresh_notes(tree: Any, value: Any) -> Any:
    """`value` with each footnote call pointing at a new copy of its note."""
    notes = tree.get("footnotes") if isinstance(tree, dict) else None
    if not isinstance(notes, dict):
        return value

    def renamed(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            old = match.group(1)
            if old not in notes:
                return match.group(0)
            fresh = new_id(tree, old)
            notes[fresh] = copy.deepcopy(notes[old])
            return f"[^{fresh}]"

        return type(text)(FOOTNOTE_CALL.sub(one, text)) if "[^" in text else text

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return renamed(node)
        if isinstance(node, dict):
            for key in list(node.keys()):
                node[key] = walk(node[key])
        elif isinstance(node, list):
            for position, child in enumerate(node):
                node[position] = walk(child)
        return node

    return walk(value)
