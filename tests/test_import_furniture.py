"""An article's furniture in a text or pasted web page, by its shape and place: the byline
under the last paragraph (no end mark) is kept, a caption line is never an intertitle."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported, loaded

TEASER = ("Một bài khác của chuyên mục này nói về nhiều việc của các cơ quan báo chí và các "
          "cấp ủy trong tỉnh trong thời gian tới đây…")
LAST = "Các cấp ủy đã chỉ đạo sát sao việc học tập, quán triệt nghị quyết đến từng chi bộ."


def _import(tmp_path: Path, lines: list[str]):
    path = tmp_path / "x.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = imported(path)
    return result, loaded(result).document.model_dump(mode="json", exclude_none=True)


def _page(*tail: str) -> list[str]:
    return ["Xã Hội Kinh Tế Văn Hóa Thể Thao", "08:15:02",
            "Công tác tuyên truyền đạt nhiều kết quả", "12.345 lượt xem",
            "Năm qua, công tác tuyên truyền được đổi mới mạnh mẽ ở mọi cấp.", LAST, *tail,
            "Tin liên quan", TEASER, "10/01/2025 05:57", TEASER]


def test_a_web_pages_byline_under_the_last_paragraph_is_kept(tmp_path: Path) -> None:
    result, data = _import(tmp_path, _page("Lý Thị Mai", "Nguồn: Báo Hà Tĩnh"))
    assert data["blocks"][-2:] == [{"byline": "Lý Thị Mai"}, {"credit": "Nguồn: Báo Hà Tĩnh"}]
    head = result.yaml.split("meta:")[0]
    assert "Lý Thị Mai" not in head


def test_a_pen_name_with_a_credit_under_it_is_the_byline(tmp_path: Path) -> None:
    _, data = _import(tmp_path, _page("Minh Anh", "Theo Báo Nhân Dân"))
    assert {"byline": "Minh Anh"} in data["blocks"]


def test_a_share_line_under_the_last_paragraph_is_still_clutter(tmp_path: Path) -> None:
    result, data = _import(tmp_path, _page("Chia Sẻ Bài Viết"))
    assert "Chia Sẻ" not in repr(data)
    assert "Chia Sẻ Bài Viết" in result.yaml.split("meta:")[0]


ARTICLE = ["Công tác tuyên truyền đạt nhiều kết quả", "",
           "Năm qua, công tác tuyên truyền được đổi mới mạnh mẽ ở mọi cấp.", ""]


def test_caption_lines_in_text_are_never_intertitles(tmp_path: Path) -> None:
    captions = ["(Ảnh minh họa)", "Ảnh: Minh Anh",
                "Các đại biểu dự lễ khánh thành công trình (Ảnh: Lý Thị Mai)",
                "Toàn cảnh hội nghị. Ảnh: TTXVN"]
    lines = list(ARTICLE)
    for caption in captions:
        lines += [caption, "", LAST, ""]
    lines += ["Tuyên truyền trên báo chí", "", LAST]
    _, data = _import(tmp_path, lines)
    blocks = data["blocks"]
    for caption in captions:
        assert caption in blocks  # a paragraph, as typed
    assert {"intertitle": "Tuyên truyền trên báo chí"} in blocks


def test_a_source_line_under_a_table_is_its_note(tmp_path: Path) -> None:
    lines = [*ARTICLE, "Đơn vị\tSố buổi", "Huyện Kỳ Anh\t12", "Thị xã Hồng Lĩnh\t9",
             "Nguồn: Ban Tuyên giáo Tỉnh ủy", "", LAST]
    _, data = _import(tmp_path, lines)
    [table] = [b for b in data["blocks"] if "table" in b]
    assert table["note"] == "Nguồn: Ban Tuyên giáo Tỉnh ủy"
    assert not [b for b in data["blocks"] if "intertitle" in b]
