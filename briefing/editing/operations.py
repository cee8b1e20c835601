"""Every editing operation by name, with its arguments checked: one entry point for the studio
(and for tests), `apply_operation(tree, name, args, context)`.

An operation changes the round-trip tree in place and returns where the editor should put
the cursor next (`focus`), plus anything it created (a footnote id). Bad arguments raise
`EditError` with a message for the clerk; the document is then left as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.editing import footnotes, items, meeting_files, outline, relocate, unit_files
from briefing.editing import meta_form as meta
from briefing.editing.field_findings import check_text
from briefing.editing.items import styled_like
from briefing.editing.paths import Path_, as_path, get, parent_of
from briefing.editing.refusals import EditError
from briefing.editing.yamltext import render
from briefing.messages import msg


@dataclass
class Context:
    """What some operations need besides the tree: the file's name and its text as the tree
    being edited stands now (for fixes: `check` runs on that text). Several operations of one
    change edit one tree: after each, the text is rendered again when next asked for."""

    text: str
    file: Path
    tree: Any = None
    _stale: bool = False

    def changed(self) -> None:
        self._stale = self.tree is not None

    def current_text(self) -> str:
        if self._stale:
            self.text, self._stale = render(self.tree), False
        return self.text


@dataclass
class Outcome:
    focus: Path_ | None = None
    info: dict[str, Any] = field(default_factory=dict)


def _text(args: dict[str, Any], key: str = "value") -> str:
    value = args.get(key, "")
    if not isinstance(value, str):
        raise EditError(msg("edit-not-text", "The content must be text."))
    return value


def _int(args: dict[str, Any], key: str, default: int | None = None) -> int | None:
    value = args.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise EditError(msg("edit-number", "'{key}' must be a number.", key=key))
    return value


def _set_text(tree: Any, args: dict, context: Context) -> Outcome:
    path = as_path(args.get("path"))
    items.set_text(tree, path, _text(args))
    return Outcome(path)


def _set_meta(tree: Any, args: dict, context: Context) -> Outcome:
    name = _text(args, "field")
    meta.set_field(tree, name, args.get("value", ""))
    return Outcome(("meta", *name.split(".")))


def _add_section(tree: Any, args: dict, context: Context) -> Outcome:
    path = outline.add_section(tree, as_path(args.get("parent")), _text(args, "title"),
                               _int(args, "index"))
    return Outcome(path)


def _rename(tree: Any, args: dict, context: Context) -> Outcome:
    path = as_path(args.get("path"))
    outline.rename(tree, path, _text(args, "title"))
    return Outcome(path)


def _move(tree: Any, args: dict, context: Context) -> Outcome:
    return Outcome(outline.move(tree, as_path(args.get("path")), _int(args, "delta", 0) or 0))


def _relocate(action: Callable[..., Path_]) -> Callable[[Any, dict, Context], Outcome]:
    """move_to / copy_to {path, list, index}: a block anywhere (drag and drop, cut or copy and
    paste, Alt+arrows across sections)."""
    def run(tree: Any, args: dict, context: Context) -> Outcome:
        return Outcome(action(tree, as_path(args.get("path")), as_path(args.get("list")),
                              _int(args, "index")))

    return run


def _indent(tree: Any, args: dict, context: Context) -> Outcome:
    return Outcome(outline.indent(tree, as_path(args.get("path"))))


def _outdent(tree: Any, args: dict, context: Context) -> Outcome:
    return Outcome(outline.outdent(tree, as_path(args.get("path"))))


def _delete(tree: Any, args: dict, context: Context) -> Outcome:
    path = as_path(args.get("path"))
    outline.delete(tree, path)
    return Outcome(path[:-1])


def _insert_item(tree: Any, args: dict, context: Context) -> Outcome:
    path = items.insert_item(tree, as_path(args.get("list")), _int(args, "index"),
                            _text(args, "kind") or "paragraph", _text(args, "text"))
    return Outcome(path)


def _split(tree: Any, args: dict, context: Context) -> Outcome:
    return Outcome(items.split_paragraph(tree, as_path(args.get("path")),
                                        _int(args, "offset", 0) or 0))


def _insert_footnote(tree: Any, args: dict, context: Context) -> Outcome:
    path = as_path(args.get("path"))
    identifier = footnotes.insert_footnote(tree, path, _int(args, "offset", 0) or 0,
                                           _text(args, "text"))
    return Outcome(path, {"footnote": identifier})


def _set_footnote(tree: Any, args: dict, context: Context) -> Outcome:
    identifier = _text(args, "id")
    footnotes.set_footnote(tree, identifier, args.get("value", ""))
    return Outcome(("footnotes", identifier))


def _add_footnote(tree: Any, args: dict, context: Context) -> Outcome:
    identifier = _text(args, "id")
    footnotes.add_footnote(tree, identifier, _text(args))
    return Outcome(("footnotes", identifier))


def _delete_footnote(tree: Any, args: dict, context: Context) -> Outcome:
    removed = footnotes.delete_footnote(tree, _text(args, "id"))
    return Outcome(None, {"calls_removed": removed})


def _table(action: Callable[..., None]) -> Callable[[Any, dict, Context], Outcome]:
    def run(tree: Any, args: dict, context: Context) -> Outcome:
        path = as_path(args.get("path"))
        if action is items.delete_column:
            action(tree, path, _int(args, "column", 0))
        elif action is items.add_row:
            action(tree, path, _int(args, "index"))
        else:
            action(tree, path)
        return Outcome(path)

    return run


def _apply_fix(tree: Any, args: dict, context: Context) -> Outcome:
    """Apply one safe fix `check` offers for the current text (and only such a fix)."""
    wanted = args.get("fix")
    if not isinstance(wanted, dict):
        raise EditError(msg("edit-which-fix", "Which problem to fix is not clear."))
    path = as_path(wanted.get("path"))
    offered = [f.fix for f in check_text(context.file, context.current_text()).findings
               if f.fix is not None]
    for fix in offered:
        if (tuple(fix.path), fix.start, fix.end, fix.text) == (
                path, wanted.get("start"), wanted.get("end"), wanted.get("text")):
            container, key = parent_of(tree, path)
            value = get(tree, path)
            container[key] = styled_like(value, value[:fix.start] + fix.text + value[fix.end:])
            return Outcome(path)
    raise EditError(msg("edit-fix-gone", "This problem has been fixed already or is gone."))


def _set_unit_field(tree: Any, args: dict, context: Context) -> Outcome:
    name = _text(args, "field")
    if name.startswith("meeting."):
        meeting_files.set_meeting_field(tree, name, args.get("value", ""))
    else:
        unit_files.set_unit_field(tree, name, args.get("value", ""))
    return Outcome(tuple(name.split(".")))


def _keep_section(tree: Any, args: dict, context: Context) -> Outcome:
    if isinstance(tree, dict) and "meeting" in tree:
        meeting_files.keep_in_meeting(tree, _text(args, "id"), bool(args.get("kept")),
                                      _text(args, "kind") or None)
    else:
        unit_files.set_section_kept(tree, _text(args, "id"), bool(args.get("kept")))
    return Outcome(("sections",))


def _set_titled(tree: Any, args: dict, context: Context) -> Outcome:
    """An article's or a clause's `titled` switch (the editor's checkbox): whether its text is
    a title of its own, or runs in after its label."""
    path = as_path(args.get("path"))
    item = get(tree, path)
    if not isinstance(item, dict) or not ({"article", "clause"} & set(item)):
        raise EditError(msg("edit-titled", "Only an article or a clause has a title of its own."))
    item["titled"] = bool(args.get("value"))
    return Outcome(path)


OPERATIONS: dict[str, Callable[[Any, dict, Context], Outcome]] = {
    "set_text": _set_text,
    "set_meta": _set_meta,
    "add_section": _add_section,
    "rename": _rename,
    "move": _move,
    "move_to": _relocate(relocate.move_to),
    "copy_to": _relocate(relocate.copy_to),
    "indent": _indent,
    "outdent": _outdent,
    "delete": _delete,
    "insert_item": _insert_item,
    "split": _split,
    "insert_footnote": _insert_footnote,
    "set_footnote": _set_footnote,
    "add_footnote": _add_footnote,
    "delete_footnote": _delete_footnote,
    "add_row": _table(items.add_row),
    "add_column": _table(items.add_column),
    "delete_column": _table(items.delete_column),
    "apply_fix": _apply_fix,
    "set_unit_field": _set_unit_field,
    "keep_section": _keep_section,
    "set_titled": _set_titled,
}


def apply_operation(tree: Any, name: str, args: dict[str, Any], context: Context) -> Outcome:
    operation = OPERATIONS.get(name)
    if operation is None:
        raise EditError(msg("edit-operation", "Operation not supported: '{name}'.", name=name))
    if not isinstance(args, dict):
        raise EditError(msg("edit-arguments", "The operation's arguments are not valid."))
    return operation(tree, args, context)
