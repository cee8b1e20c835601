"""What the importer recognises by shape, on small texts written here (not one file's words):
interview turns and their speakers, an article's dateline, standfirst, byline and credit, a
web page's clutter (listed at the top of the content file), a công văn's V/v and Kính gửi, a
biên bản's two signers, an all-capitals headline that is not an issuer."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported, loaded


def _import(tmp_path: Path, text: str):
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    result = imported(path)
    return result, loaded(result).document.model_dump(mode="json", exclude_none=True)


INTERVIEW = """Những kết quả nổi bật của công tác tuyên truyền năm qua

Hà Nội, ngày 5 tháng 1 năm 2025

Năm qua, công tác tuyên truyền đạt nhiều kết quả. Phóng viên đã trao đổi với đồng chí Trần Văn Bình.

Phóng viên: Xin đồng chí cho biết những kết quả nổi bật?

Đồng chí Trần Văn Bình: Công tác tuyên truyền được đổi mới mạnh mẽ.

Nhiều mô hình hay được nhân rộng.

Phóng viên: Nhiệm vụ năm tới là gì?

Đồng chí Trần Văn Bình: Tiếp tục đổi mới nội dung và phương thức./.

Nguyễn Thị Hoa

Theo Báo Nhân Dân
"""


def test_an_interview_comes_in_as_turns_with_its_furniture(tmp_path: Path) -> None:
    result, data = _import(tmp_path, INTERVIEW)
    blocks = data["blocks"]
    assert data["meta"]["subject"].startswith("Những kết quả nổi bật")
    assert data["meta"]["issuer"]["name"] != "NHỮNG KẾT QUẢ"  # a placeholder, not the title
    assert blocks[0] == {"dateline": "Hà Nội, ngày 5 tháng 1 năm 2025"}
    assert "standfirst" in blocks[1]
    assert blocks[2] == {"question": "Xin đồng chí cho biết những kết quả nổi bật?",
                         "speaker": "Phóng viên"}
    assert blocks[3]["speaker"] == "Đồng chí Trần Văn Bình"
    assert blocks[3]["answer"] == ["Công tác tuyên truyền được đổi mới mạnh mẽ.",
                                   "Nhiều mô hình hay được nhân rộng."]
    assert blocks[-2] == {"byline": "Nguyễn Thị Hoa"}
    assert blocks[-1] == {"credit": "Theo Báo Nhân Dân"}
    assert not [n for n in result.notes if n.message.code == "import-order"]


def test_a_web_pages_clutter_is_dropped_by_shape_and_listed(tmp_path: Path) -> None:
    teaser = ("Một bài khác của chuyên mục này nói về nhiều việc của các cơ quan báo chí và "
              "các cấp ủy trong tỉnh trong thời gian tới đây…")
    page = "\n".join([
        "Xã Hội Kinh Tế Văn Hóa Thể Thao", "Tin khác", teaser, "08:15:02", teaser,
        "Trang chủThời sựCông tác tuyên truyền đạt nhiều kết quả", "12.345 lượt xem",
        "Năm qua, công tác tuyên truyền được đổi mới.",
        "Các cấp ủy đã chỉ đạo sát sao việc học tập nghị quyết.", "Chia Sẻ Bài Viết",
        "Tin liên quan", teaser, "10/01/2025 05:57", teaser]) + "\n"
    result, data = _import(tmp_path, page)
    text = repr(data)
    assert data["meta"]["subject"] == "Công tác tuyên truyền đạt nhiều kết quả"
    assert "lượt xem" not in text and "08:15" not in text and "Một bài khác" not in text
    assert "Chia Sẻ" not in text and "Thời sự" not in text
    assert "Các cấp ủy đã chỉ đạo sát sao" in text
    head = result.yaml.split("meta:")[0]
    assert "Left out of the source" in head and "“12.345 lượt xem”" in head


CONG_VAN = """SỞ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 224/SNV-VP\tThanh Hóa, ngày 18 tháng 3 năm 2024
V/v triển khai công tác chuyển đổi số

Kính gửi:
- Các sở, ban, ngành cấp tỉnh;
- Ủy ban nhân dân các huyện.

Thực hiện chỉ đạo của tỉnh, Sở Nội vụ đề nghị các cơ quan triển khai công tác chuyển đổi số./.

Nơi nhận:\tKT. GIÁM ĐỐC
- Như trên;\tPHÓ GIÁM ĐỐC
- Lưu: VT, VP.\tLê Văn Nam
"""


def test_a_cong_van_gives_its_subject_and_addressees(tmp_path: Path) -> None:
    _, data = _import(tmp_path, CONG_VAN)
    meta = data["meta"]
    assert meta["subject"] == "triển khai công tác chuyển đổi số"
    assert [a.rstrip(";.") for a in meta["addressees"]] == ["Các sở, ban, ngành cấp tỉnh",
                                                            "Ủy ban nhân dân các huyện"]
    assert meta["signer"]["name"] == "Lê Văn Nam"
    assert meta["number"] == "224/SNV-VP"


def test_a_bien_ban_gives_two_signers(tmp_path: Path) -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/BB-UBND\tHà Tĩnh, ngày 2 tháng 3 năm 2024\n\nBIÊN BẢN\nCuộc họp giao ban\n\n"
            "Cuộc họp bàn về công tác tháng 3./.\n\nTHƯ KÝ\t\tCHỦ TỌA\n\n"
            "Hoàng Thị Lan\t\tVõ Văn Hùng\n\nNơi nhận:\n- Lưu: VT.\n")
    _, data = _import(tmp_path, text)
    assert [(s["title"], s["name"]) for s in data["meta"]["signers"]] == [
        ("THƯ KÝ", "Hoàng Thị Lan"), ("CHỦ TỌA", "Võ Văn Hùng")]
    assert data["meta"]["recipients"] == ["Lưu: VT."]
