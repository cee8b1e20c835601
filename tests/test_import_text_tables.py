"""Tables typed in a text file come in as tables where their shape is clearly one (two rows
or more of two cells or more, split at tabs or between pipes), else as paragraphs."""

from __future__ import annotations

from pathlib import Path

from briefing.importing.guesses import Notebook
from briefing.importing.text_tables import text_tables
from briefing.readers.source import Line, Table
from tests.importing import imported, loaded

HEAD = ["ĐẢNG BỘ TỈNH HÀ TĨNH", "BAN TUYÊN GIÁO", "*", "Số 12-BC/BTGTU",
        "Hà Tĩnh, ngày 5 tháng 3 năm 2025", "", "BÁO CÁO", "Kết quả công tác tuyên truyền", ""]


def _blocks(tmp_path: Path, body: list[str]) -> list:
    path = tmp_path / "x.txt"
    path.write_text("\n".join(HEAD + body) + "\n", encoding="utf-8")
    return loaded(imported(path)).document.model_dump(mode="json", exclude_none=True)["blocks"]


def _tables(value) -> list:
    if isinstance(value, dict):
        return ([value] if "table" in value else []) + [t for v in value.values()
                                                         for t in _tables(v)]
    if isinstance(value, list):
        return [t for v in value for t in _tables(v)]
    return []


def test_tab_separated_rows_are_a_table(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, ["Kết quả các đơn vị như sau:", "Đơn vị\tSố buổi\tGhi chú",
                                "Huyện Kỳ Anh\t12\tVượt kế hoạch", "\tThị xã Hồng Lĩnh\t9",
                                "Các đơn vị tiếp tục thực hiện."])
    [table] = _tables(blocks)
    cells = [[c if isinstance(c, str) else c.get("text") for c in row] for row in table["table"]]
    assert cells[0] == ["Đơn vị", "Số buổi", "Ghi chú"]
    assert cells[1] == ["Huyện Kỳ Anh", "12", "Vượt kế hoạch"]
    assert cells[2][:3] == ["", "Thị xã Hồng Lĩnh", "9"]  # a blank first cell kept blank
    assert "Các đơn vị tiếp tục thực hiện." in repr(blocks)


def test_a_pasted_pipe_table_is_a_table(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, ["| Đơn vị | Số buổi |", "|---|---|", "| Huyện Kỳ Anh | 12 |",
                                "| Thị xã Hồng Lĩnh | 9 |"])
    [table] = _tables(blocks)
    assert table["table"][1] == ["Huyện Kỳ Anh", "12"]
    assert len(table["table"]) == 3


def test_a_single_tabbed_line_stays_a_paragraph(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, ["Đơn vị thực hiện:\tVăn phòng Ban Tuyên giáo",
                                "Các đơn vị tiếp tục thực hiện."])
    assert not _tables(blocks)
    assert "Văn phòng Ban Tuyên giáo" in repr(blocks)


def test_what_is_clearly_a_table() -> None:
    def lines(*texts: str) -> list:
        return [Line(text, f"line {n}") for n, text in enumerate(texts, 1)]

    def shape(*texts: str) -> list[str]:
        return [type(b).__name__ for b in text_tables(lines(*texts), Notebook())]

    assert shape("A\tB", "C\tD") == ["Table"]
    assert shape("A\tB\tC", "D\tE") == ["Table"]  # the header is the widest row
    assert shape("A\tB", "C\tD\tE") == ["Line", "Line"]  # rows wider than the header
    assert shape("A\tB", "Một câu văn.") == ["Line", "Line"]
    assert shape("Một câu.", "A\tB", "C\tD", "Câu sau.") == ["Line", "Table", "Line"]
    assert isinstance(text_tables(lines("| A | B |", "| C | D |"), Notebook())[0], Table)


def test_columns_set_by_spaces_are_a_table_where_they_line_up(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, ["Đơn vị              Số buổi     Ghi chú",
                                "Huyện Kỳ Anh        12          Vượt kế hoạch",
                                "Thị xã Hồng Lĩnh    9           Đạt"])
    [table] = _tables(blocks)
    assert table["table"][2] == ["Thị xã Hồng Lĩnh", "9", "Đạt"]


def test_spaces_that_do_not_line_up_stay_paragraphs() -> None:
    def shape(*texts: str) -> list[str]:
        found = text_tables([Line(t, f"line {n}") for n, t in enumerate(texts, 1)], Notebook())
        return [type(b).__name__ for b in found]

    assert shape("Đơn vị      Số buổi", "Huyện Kỳ Anh    12") == ["Line", "Line"]
    assert shape("Đơn vị      Số buổi", "Huyện        12") == ["Table"]
    assert shape("Một câu   có khoảng trắng.", "Một dòng khác.") == ["Line", "Line"]
    assert shape("A   B", "C\tD") == ["Line", "Line"]  # rows typed two ways: not one table
