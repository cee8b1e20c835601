"""After a split or a join of paragraphs, only the paragraphs of that one list are drawn again.

A change that adds or removes an item renumbers the paths of what follows it in its list, so
the page's fields must be drawn again from the new version; on the 24-page booklet drawing
them all (and re-making their 140 editors) held the browser a quarter to half a second. A
split (`set_text` + `insert_item`) or a join (`set_text` + `delete`) touches one list of
paragraphs: its `body` macro of `_doc.html` alone is drawn, and the page swaps that list in.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from briefing.builds.draft_preview import value_at

#: what a split or a join is made of
_PARTS_OPS = {"set_text", "insert_item", "delete"}
#: lists drawn by the `body` macro: a section's body, the preamble, the conclusion
_BODIES = {("preamble",), ("conclusion",)}


def changed_list(operations: list[tuple[str, dict[str, Any]]]) -> list[Any] | None:
    """The one list of paragraphs `operations` change (its items' texts, items added or
    removed), or None when they change anything else."""
    lists: set[tuple[Any, ...]] = set()
    for operation, args in operations:
        if operation not in _PARTS_OPS:
            return None
        path = args.get("list") if operation == "insert_item" else args.get("path")
        if not isinstance(path, list) or not path:
            return None
        lists.add(tuple(path) if operation == "insert_item" else tuple(path[:-1]))
    if len(lists) != 1:
        return None
    (found,) = lists
    if found and (found[-1] == "body" or found in _BODIES):
        return list(found)
    return None


def draw_list(env: Environment, context: dict[str, Any], data: Any,
              path: list[Any]) -> str | None:
    """The HTML of the list at `path` of `data` as `_doc.html` draws it in the whole page (its
    `body` macro, with the page's context), or None if there is no such list."""
    items = value_at(data, tuple(path))
    if not isinstance(items, list):
        return None
    module = env.get_template("_doc.html").make_module(vars=context | {"data": {}})
    return str(module.body(items, path))
