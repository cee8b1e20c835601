"""Body items edited in place: text of paragraphs, titles, list items and table cells; new
paragraphs, lists and tables; rows and columns of tables."""

from __future__ import annotations

import unicodedata
from typing import Any

from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from briefing.editing.paths import Path_, get, parent_of
from briefing.editing.refusals import EditError
from briefing.editing.yamltext import new_map, new_seq
from briefing.messages import msg

MAX_TEXT = 100_000


def clean_text(value: Any) -> str:
    """Text as the file will hold it: NFC, Windows line ends gone, trailing blanks trimmed."""
    if not isinstance(value, str):
        raise EditError(msg("edit-not-text", "The content must be text."))
    if len(value) > MAX_TEXT:
        raise EditError(msg("edit-too-long", "The paragraph is too long."))
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip()


def styled_like(old: Any, text: str) -> str:
    """`text` in the quoting of the value it replaces, when that quoting can hold it."""
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if isinstance(old, SingleQuotedScalarString) and "\n" not in text:
        return SingleQuotedScalarString(text)
    if isinstance(old, (LiteralScalarString, FoldedScalarString)):
        return LiteralScalarString(text) if "\n" in text else text
    return text


def set_text(tree: Any, path: Path_, value: Any) -> None:
    """Replace the text at `path` (a paragraph, a title, a list item, a cell, a meta field)."""
    text = clean_text(value)
    container, key = parent_of(tree, path)
    if isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container):
        old = container[key]
    elif isinstance(container, dict) and isinstance(key, str):
        old = container.get(key)
    else:
        raise EditError(msg("edit-gone", "This element is no longer in the document."))
    if old is not None and not isinstance(old, str):
        raise EditError(msg("edit-not-paragraph", "This is not a text."))
    container[key] = styled_like(old, text)


def new_item(kind: str) -> Any:
    """An empty body item of `kind`, ready to be filled in."""
    if kind == "paragraph":
        return ""
    if kind == "bullets":
        return new_map(bullets=new_seq([""]))
    if kind == "enumerate":
        return new_map(enumerate=new_seq([""]), style="paren-roman")
    if kind == "table":
        return new_map(table=new_seq([new_seq(["", ""]), new_seq(["", ""])]))
    if kind == "article":  # "Điều N." and its text on one line, a blank to fill (a title
        return new_map(article="", titled=False)  # is a choice of the clerk's, later)
    if kind in ("numbered", "intertitle", "quote", "question", "answer", "note", "clause"):
        return new_map(**{kind: ""})
    if kind in ("part", "chapter", "division", "subdivision"):  # a heading and its body
        return new_map(**{kind: ""}, body=new_seq([]))
    raise EditError(msg("edit-kind", "Unknown kind of content '{kind}'.", kind=kind))


def insert_item(tree: Any, list_path: Path_, index: int | None, kind: str,
                text: str = "") -> Path_:
    """Insert a new body item (or list item) into the list at `list_path` (a legal item's
    body made at its first item; a clause's lettered points, `points`, beside its body)."""
    container = _body(tree, list_path)
    if kind == "points":
        return _add_point(tree, list_path)
    if not isinstance(container, list):
        raise EditError(msg("edit-not-list", "This is not a list."))
    item = new_item(kind)
    if text and kind == "paragraph":
        item = clean_text(text)
    position = len(container) if index is None else max(0, min(index, len(container)))
    container.insert(position, item)
    return (*list_path, position)


def _body(tree: Any, list_path: Path_) -> Any:
    """The list at `list_path`; an article's or a clause's body made empty if it has none."""
    holder = get(tree, list_path[:-1]) if list_path and list_path[-1] == "body" else None
    if isinstance(holder, dict) and "body" not in holder and (
            "article" in holder or "clause" in holder):
        holder["body"] = new_seq([])
    return get(tree, list_path)


def _add_point(tree: Any, list_path: Path_) -> Path_:
    """A lettered point more at the end of the clause whose body is `list_path`."""
    clause = get(tree, list_path[:-1])
    if not isinstance(clause, dict) or "clause" not in clause:
        raise EditError(msg("edit-points", "Lettered points belong to a clause."))
    if not isinstance(clause.get("points"), list):  # after the clause's text, before its body
        at = list(clause).index("body") if "body" in clause else len(clause)
        clause.insert(at, "points", new_seq([]))
    clause["points"].append("")
    return (*list_path[:-1], "points", len(clause["points"]) - 1)


def split_paragraph(tree: Any, path: Path_, offset: int) -> Path_:
    """Cut a paragraph at `offset`: the rest becomes the next paragraph (Enter in the studio)."""
    container, index = parent_of(tree, path)
    text = get(tree, path)
    if not isinstance(container, list) or not isinstance(index, int) or not isinstance(text, str):
        raise EditError(msg("edit-split", "Only a paragraph can be split."))
    offset = max(0, min(int(offset), len(text)))
    container[index] = styled_like(text, text[:offset].rstrip())
    container.insert(index + 1, text[offset:].lstrip())
    return (*path[:-1], index + 1)


# -- tables -----------------------------------------------------------------------------------
def _rows(tree: Any, table_path: Path_) -> list:
    table = get(tree, table_path)
    rows = table.get("table") if isinstance(table, dict) else None
    if not isinstance(rows, list):
        raise EditError(msg("edit-not-table", "This is not a table."))
    return rows


def _width(row: Any) -> int:
    if not isinstance(row, list):
        return 0
    return sum(int(cell.get("colspan", 1)) if isinstance(cell, dict) else 1 for cell in row)


def add_row(tree: Any, table_path: Path_, index: int | None = None) -> None:
    rows = _rows(tree, table_path)
    width = max((_width(row) for row in rows), default=1) or 1
    position = len(rows) if index is None else max(0, min(index, len(rows)))
    rows.insert(position, new_seq([""] * width))


def add_column(tree: Any, table_path: Path_) -> None:
    rows = _rows(tree, table_path)
    for row in rows:
        if isinstance(row, list):
            row.append("")
    table = get(tree, table_path)
    if isinstance(table.get("columns"), list):
        table["columns"].append(new_map(width=1))


def delete_column(tree: Any, table_path: Path_, column: int) -> None:
    rows = _rows(tree, table_path)
    if any(isinstance(cell, dict) and cell.get("colspan") for row in rows for cell in row):
        raise EditError(msg("edit-table-spans", "The table has merged cells: unmerge them before "
                            "deleting a column."))
    if max((_width(row) for row in rows), default=0) <= 1:
        raise EditError(msg("edit-table-column", "A table needs at least one column."))
    for row in rows:
        if isinstance(row, list) and 0 <= column < len(row):
            row.pop(column)
    table = get(tree, table_path)
    if isinstance(table.get("columns"), list) and 0 <= column < len(table["columns"]):
        table["columns"].pop(column)
