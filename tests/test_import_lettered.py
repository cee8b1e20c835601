"""Lettered lines in a text source ("a) …", in the Vietnamese alphabet: a b c d đ e g h i k
…): a sub-heading where a title heads a run of paragraphs and the ladder has the letters'
place there, the paragraphs under it part of its item where the ladder's letters sit deeper,
a list item where each is a one-line point. Labels are read by the numbering module."""

from __future__ import annotations

from pathlib import Path

from briefing.importing.legal_lines import legal_label
from tests.importing import imported, loaded

STATE_HEAD = ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc", "Số: 12/KH-SNV",
              "Hà Tĩnh, ngày 5 tháng 3 năm 2025", "", "KẾ HOẠCH",
              "Tuyên truyền cải cách hành chính", ""]
PARTY_HEAD = ["ĐẢNG BỘ TỈNH HÀ TĨNH", "BAN TUYÊN GIÁO", "*", "Số 12-HD/BTGTU",
              "Hà Tĩnh, ngày 5 tháng 3 năm 2025", "", "HƯỚNG DẪN", "Tuyên truyền năm 2025", ""]
TITLED = ["I. NỘI DUNG", "1. Tuyên truyền trực tiếp", "1.1. Đối tượng",
          "a) Nguyên tắc thực hiện", "Các sở, ban, ngành tổ chức thực hiện nghiêm túc.",
          "Các huyện báo cáo kết quả hằng quý.",
          "b) Hình thức tuyên truyền", "Tuyên truyền trên báo chí và mạng xã hội.",
          "c) Kinh phí", "Kinh phí do ngân sách tỉnh bảo đảm.",
          "2. Tuyên truyền gián tiếp", "Các cơ quan báo chí thực hiện."]


def _data(tmp_path: Path, lines: list[str]) -> dict:
    path = tmp_path / "x.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return loaded(imported(path)).document.model_dump(mode="json", exclude_none=True)


def _find(value, key: str) -> list:
    found = []
    if isinstance(value, dict):
        if key in value:
            found.append(value)
        for item in value.values():
            found += _find(item, key)
    elif isinstance(value, list):
        for item in value:
            found += _find(item, key)
    return found


def test_lettered_titles_over_paragraphs_are_sub_headings_where_the_ladder_has_them(
        tmp_path: Path) -> None:
    data = _data(tmp_path, STATE_HEAD + TITLED)
    titles = [s["title"] for s in _find(data["blocks"], "title")]
    assert titles[3:6] == ["Nguyên tắc thực hiện", "Hình thức tuyên truyền", "Kinh phí"]
    first = next(s for s in _find(data["blocks"], "title") if s["title"] == "Nguyên tắc thực hiện")
    assert first["body"] == ["Các sở, ban, ngành tổ chức thực hiện nghiêm túc.",
                             "Các huyện báo cáo kết quả hằng quý."]
    assert not _find(data["blocks"], "enumerate")


def test_lettered_titles_keep_their_paragraphs_where_the_letters_sit_deeper(
        tmp_path: Path) -> None:
    data = _data(tmp_path, PARTY_HEAD + TITLED)  # the Party ladder: a) below 1.1.1.1.
    lists = _find(data["blocks"], "enumerate")
    assert len(lists) == 1 and lists[0].get("start", 1) == 1
    assert lists[0]["enumerate"] == [
        ["Nguyên tắc thực hiện", "Các sở, ban, ngành tổ chức thực hiện nghiêm túc.",
         "Các huyện báo cáo kết quả hằng quý."],
        ["Hình thức tuyên truyền", "Tuyên truyền trên báo chí và mạng xã hội."],
        ["Kinh phí", "Kinh phí do ngân sách tỉnh bảo đảm."]]


def test_one_line_points_stay_list_items(tmp_path: Path) -> None:
    points = ["I. NỘI DUNG", "1. Tuyên truyền trực tiếp", "1.1. Đối tượng",
              "Các cơ quan thực hiện các việc sau:", "a) tổ chức hội nghị;",
              "b) biên soạn tài liệu;", "c) báo cáo kết quả.", "Các huyện thực hiện."]
    data = _data(tmp_path, STATE_HEAD + points)
    lists = _find(data["blocks"], "enumerate")
    assert lists and lists[0]["enumerate"] == ["tổ chức hội nghị;", "biên soạn tài liệu;",
                                               "báo cáo kết quả."]
    assert "Các huyện thực hiện." in repr(data["blocks"])
    assert [s["title"] for s in _find(data["blocks"], "title")] == [
        "NỘI DUNG", "Tuyên truyền trực tiếp", "Đối tượng"]


def test_legal_labels_are_read_by_the_numbering_module() -> None:
    assert legal_label("Điều 5. Phạm vi điều chỉnh") == ("article", "Phạm vi điều chỉnh")
    assert legal_label("**Điều 12.** Hiệu lực thi hành") == ("article", "Hiệu lực thi hành")
    assert legal_label("Điều 1 Phạm vi điều chỉnh") == ("article", "Phạm vi điều chỉnh")
    assert legal_label("Điều 5 của Luật này quy định như sau:") is None  # running text
    assert legal_label("Chương II. QUY ĐỊNH CHUNG") == ("chapter", "QUY ĐỊNH CHUNG")
    assert legal_label("Mục 1 Quy định chung") == ("division", "Quy định chung")
    assert legal_label("Tiểu mục 2") == ("subdivision", "")
    assert legal_label("Mục 2 về việc phân công") is None


DECREE_HEAD = ["CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
               "Số: 30/2020/NĐ-CP\tHà Nội, ngày 05 tháng 3 năm 2020", "", "NGHỊ ĐỊNH",
               "Về công tác văn thư", "", "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
               "", "Chính phủ ban hành Nghị định về công tác văn thư.", ""]


def test_a_titled_point_of_a_clause_keeps_the_paragraphs_under_it(tmp_path: Path) -> None:
    """The decree's shape (Điều 15): "a) Đăng ký văn bản bằng sổ" heads a paragraph, and so
    does b); a point that ends a sentence leaves the paragraph after it to its clause."""
    data = _data(tmp_path, [
        *DECREE_HEAD, "Điều 1. Đăng ký văn bản đi", "1. Đăng ký văn bản",
        "a) Đăng ký văn bản bằng sổ",
        "Văn thư cơ quan đăng ký văn bản vào Sổ đăng ký văn bản đi.",
        "b) Đăng ký văn bản bằng Hệ thống", "Văn bản được đăng ký bằng Hệ thống phải được in.",
        "2. Văn bản được đăng ký như sau:", "a) Bằng sổ;", "b) Bằng Hệ thống.",
        "Văn thư cơ quan chịu trách nhiệm."])
    first, second = data["blocks"][0]["body"]
    assert first["points"] == [
        ["Đăng ký văn bản bằng sổ", "Văn thư cơ quan đăng ký văn bản vào Sổ đăng ký văn bản đi."],
        ["Đăng ký văn bản bằng Hệ thống", "Văn bản được đăng ký bằng Hệ thống phải được in."]]
    assert second["points"] == ["Bằng sổ;", "Bằng Hệ thống."]
    assert second["body"] == ["Văn thư cơ quan chịu trách nhiệm."]
