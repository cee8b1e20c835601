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

MAX_TEXT = 100_000


def clean_text(value: Any) -> str:
    """Text as the file will hold it: NFC, Windows line ends gone, trailing blanks trimmed."""
    if not isinstance(value, str):
        raise EditError("Nội dung phải là văn bản.")
    if len(value) > MAX_TEXT:
        raise EditError("Đoạn văn quá dài.")
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
        raise EditError("Phần tử này không còn trong tài liệu.")
    if old is not None and not isinstance(old, str):
        raise EditError("Chỗ này không phải là một đoạn văn bản.")
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
    if kind in ("numbered", "intertitle", "quote", "question", "answer", "note"):
        return new_map(**{kind: ""})
    raise EditError(f"Không biết loại nội dung '{kind}'.")


def insert_item(tree: Any, list_path: Path_, index: int | None, kind: str,
                text: str = "") -> Path_:
    """Insert a new body item (or list item) into the list at `list_path`."""
    container = get(tree, list_path)
    if not isinstance(container, list):
        raise EditError("Chỗ này không phải là một danh sách.")
    item = new_item(kind)
    if text and kind == "paragraph":
        item = clean_text(text)
    position = len(container) if index is None else max(0, min(index, len(container)))
    container.insert(position, item)
    return (*list_path, position)


def split_paragraph(tree: Any, path: Path_, offset: int) -> Path_:
    """Cut a paragraph at `offset`: the rest becomes the next paragraph (Enter in the studio)."""
    container, index = parent_of(tree, path)
    text = get(tree, path)
    if not isinstance(container, list) or not isinstance(index, int) or not isinstance(text, str):
        raise EditError("Chỉ tách được một đoạn văn.")
    offset = max(0, min(int(offset), len(text)))
    container[index] = styled_like(text, text[:offset].rstrip())
    container.insert(index + 1, text[offset:].lstrip())
    return (*path[:-1], index + 1)


# -- tables -----------------------------------------------------------------------------------
def _rows(tree: Any, table_path: Path_) -> list:
    table = get(tree, table_path)
    rows = table.get("table") if isinstance(table, dict) else None
    if not isinstance(rows, list):
        raise EditError("Chỗ này không phải là một bảng.")
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
        raise EditError("Bảng có ô gộp cột: hãy bỏ gộp trước khi xóa cột.")
    if max((_width(row) for row in rows), default=0) <= 1:
        raise EditError("Bảng cần ít nhất một cột.")
    for row in rows:
        if isinstance(row, list) and 0 <= column < len(row):
            row.pop(column)
    table = get(tree, table_path)
    if isinstance(table.get("columns"), list) and 0 <= column < len(table["columns"]):
        table["columns"].pop(column)
