"""Documents typed the way many offices still type them, in plain text laid out with spaces:

- a Party guidance with labels with a hyphen ("I-", "1-", "a-") and a closing with Nơi nhận on
  the left and the signature on the right, its K/T line on a line of its own;
- a state công văn whose "V/v" trích yếu wraps to a second line, "Kính gửi:" with one
  addressee per line, and the signer's name alone at the bottom, under Nơi nhận's column;
- a quyết định with its enacting authority's line in capitals above the Căn cứ lines and
  lettered points straight under an article that has no khoản.

The structure, the addressees and the one signer must come in; a placeholder for the signer's
name is never written without a guess saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.importing.cited_numbers import cited_numbers
from briefing.numbering import markers
from briefing.profile.model import load_profile
from tests.importing import imported, loaded

SOURCE = Path(__file__).parent / "fixtures" / "import" / "party-hyphen-labels.txt"
LETTER = Path(__file__).parent / "fixtures" / "import" / "state-cong-van-spaces.txt"
DECISION = Path(__file__).parent / "fixtures" / "import" / "state-quyet-dinh-spaces.txt"


@pytest.mark.parametrize(("text", "kind", "value", "rest"), [
    ("I- MỤC ĐÍCH, YÊU CẦU", "roman", 1, "MỤC ĐÍCH, YÊU CẦU"),
    ("III- TỔ CHỨC THỰC HIỆN", "roman", 3, "TỔ CHỨC THỰC HIỆN"),
    ("2- Gắn tuyên truyền với nhiệm vụ.", "arabic", 2, "Gắn tuyên truyền với nhiệm vụ."),
    ("đ- Thành tựu của công cuộc đổi mới.", "alpha", 5, "Thành tựu của công cuộc đổi mới."),
])
def test_hyphen_labels_are_markers(text: str, kind: str, value: int, rest: str) -> None:
    marker = markers.parse(text)
    assert marker is not None and (marker.kind, marker.value, marker.rest) == (kind, value, rest)


@pytest.mark.parametrize("text", ["1-2 ngày mỗi tuần.", "e-mail của cơ quan.", "- 5 % so với",
                                  "Covid-19 lan rộng."])
def test_a_hyphen_inside_words_or_numbers_is_no_label(text: str) -> None:
    marker = markers.parse(text)
    assert marker is None or marker.kind == "bullet"


def test_hyphen_labels_come_in_as_structure_and_the_signer_whole() -> None:
    result = imported(SOURCE)
    document = loaded(result).document
    data = document.model_dump(mode="json", exclude_none=True)
    assert [b["title"] for b in data["blocks"]] == [
        "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG TUYÊN TRUYỀN", "TỔ CHỨC THỰC HIỆN"]
    second = data["blocks"][1]["body"]
    assert second[0] == {"numbered": "Khẳng định sự lãnh đạo đúng đắn của Đảng:"}
    assert second[1]["enumerate"] == ["Những thắng lợi to lớn của cách mạng Việt Nam.",
                                      "Thành tựu của công cuộc đổi mới."]
    signer = data["meta"]["signer"]
    assert (signer["authority"], signer["title"], signer["name"]) == (
        "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Bình")
    assert "signers" not in data["meta"]
    assert data["meta"]["recipients"][-1] == "Lưu Văn phòng."


def test_a_cong_van_laid_out_with_spaces_keeps_its_furniture() -> None:
    result = imported(LETTER)
    data = loaded(result).document.model_dump(mode="json", exclude_none=True)
    meta = data["meta"]
    assert (meta["type"], meta["number"], meta["subject"]) == (
        "cong-van", "1234/SGDĐT-VP", "triển khai nhiệm vụ năm học 2024-2025")
    assert meta["addressees"] == ["Phòng Giáo dục và Đào tạo các huyện, thành phố, thị xã;",
                                  "Các trường trung học phổ thông trực thuộc."]
    assert (meta["signer"]["authority"], meta["signer"]["name"]) == ("KT. GIÁM ĐỐC",
                                                                    "Nguyễn Văn Hùng")
    assert data["preamble"][0].startswith("Thực hiện Chỉ thị số 70/CT-BGDĐT")
    assert [b.get("numbered", "")[:10] for b in data["blocks"][:3]] == [
        "Tổ chức kh", "Rà soát, s", "Thực hiện "]
    assert not [n for n in result.notes if n.message.code in ("import-no-signer",
                                                               "import-order")]
    # the addressees' ';' and '.' were typed: nothing to fix
    assert not [n for n in result.notes if "addressee" in n.message.english]


def test_a_quyet_dinh_keeps_its_authority_basis_and_points(tmp_path: Path) -> None:
    result = imported(DECISION)
    data = loaded(result).document.model_dump(mode="json", exclude_none=True)
    assert data["meta"]["enacting_authority"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THANH CHƯƠNG"
    assert [line[:12] for line in data["basis"]] == ["Căn cứ Luật ", "Căn cứ Nghị ",
                                                     "Theo đề nghị"]
    assert not data.get("preamble")
    second = data["blocks"][1]
    assert second["article"] == "Tổ công tác có nhiệm vụ:"
    points, = second["body"]
    assert points["style"] == "alpha" and points["enumerate"] == [
        "Rà soát các thủ tục hành chính thuộc thẩm quyền giải quyết của huyện;",
        "Đề xuất phương án đơn giản hóa thủ tục hành chính;",
        "Báo cáo kết quả về Chủ tịch UBND huyện trước ngày 30/6/2024."]
    assert not [n for n in result.notes if n.message.code in ("import-order", "degraded")]


def test_a_lettered_point_out_of_order_is_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "qd.txt"
    path.write_text(DECISION.read_text(encoding="utf-8").replace("c) Báo cáo", "đ) Báo cáo"),
                    encoding="utf-8")
    result = imported(path)
    assert [n.message.code for n in result.notes if n.message.code == "numbering-point"] == [
        "numbering-point"]


def test_an_empty_paragraph_in_word_is_the_blank_line_a_reader_sees(tmp_path: Path) -> None:
    """The quyết định typed in Word, one paragraph per line (columns at tabs), an empty
    paragraph where the text has a blank line: the trích yếu ends at the empty paragraph, so
    the authority line under it is not taken into the title."""
    import re

    from docx import Document

    document = Document()
    for line in DECISION.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(re.sub(r" {3,}", "\t", line.strip()))
    path = tmp_path / "qd.docx"
    document.save(str(path))
    meta = loaded(imported(path)).document.meta
    assert meta.subject == "Về việc thành lập Tổ công tác rà soát thủ tục hành chính"
    assert meta.enacting_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THANH CHƯƠNG"


def test_a_party_resolution_keeps_its_trich_yeu_under_the_organ_line() -> None:
    """"NGHỊ QUYẾT" / "CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN" / "về …": the line in small letters
    that opens as a trích yếu does goes on with the title block under the capitals."""
    result = imported(Path(__file__).parent / "fixtures" / "import" / "party-nghi-quyet.txt")
    data = loaded(result).document.model_dump(mode="json", exclude_none=True)
    assert data["meta"]["subject"].endswith("về phát triển kinh tế biển đến năm 2030")
    assert not [p for p in data.get("preamble", []) if "kinh tế biển đến năm 2030" in str(p)]
    assert [b["title"] for b in data["blocks"]][:1] == ["TÌNH HÌNH VÀ NGUYÊN NHÂN"]


def test_a_headline_in_capitals_without_a_masthead_is_never_the_issuer(tmp_path: Path) -> None:
    path = tmp_path / "bai.txt"
    path.write_text("NHỮNG KẾT QUẢ NỔI BẬT CỦA NĂM 2024\n\nNăm 2024, kinh tế tăng trưởng "
                    "khá, đời sống nhân dân được cải thiện.\n", encoding="utf-8")
    result = imported(path)
    meta = loaded(result).document.meta
    assert meta.subject == "NHỮNG KẾT QUẢ NỔI BẬT CỦA NĂM 2024"
    assert meta.issuer.name != meta.subject
    assert [n for n in result.notes if n.message.code == "import-headline"]


@pytest.mark.parametrize(("cited", "profile"), [
    ("(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)", "state"),
    ("(Kèm theo Hướng dẫn số 36-HD/VPTW ngày 03 tháng 4 năm 2018 của Văn phòng Trung ương)",
     "party"),
    # as offices type them: spaces around the joiners, "số:", lower case, a Latin eth or an
    # African D for Đ, an en dash, a number below 10 not padded
    ("(Kèm theo Nghị định số 30 / 2020 / N\u00d0-CP ngày 05 tháng 3 năm 2020)", "state"),
    ("(Kèm theo Nghị định số: 30/2020/n\u0256-cp ngày 05 tháng 3 năm 2020)", "state"),
    ("(Kèm theo Hướng dẫn số: 36-hd/vptw ngày 03 tháng 4 năm 2018)", "party"),
    ("(Kèm theo Hướng dẫn số 36 - HD / VPTW ngày 03 tháng 4 năm 2018)", "party"),
    ("(Kèm theo Chỉ thị số 5\u2013CT/TW ngày 15 tháng 5 năm 2016)", "party"),
])
def test_an_appendix_without_a_masthead_takes_the_layout_of_the_text_it_cites(
        cited: str, profile: str, tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.txt"
    path.write_text(f"Phụ lục III\nBẢNG CHỮ VIẾT TẮT TÊN LOẠI VĂN BẢN\n{cited}\n\n"
                    "1. Nghị quyết (cá biệt): NQ.\n2. Quyết định (cá biệt): QĐ.\n",
                    encoding="utf-8")
    result = imported(path)
    document = loaded(result).document
    assert document.meta.profile == profile
    assert document.meta.issuer.name != "BẢNG CHỮ VIẾT TẮT TÊN LOẠI VĂN BẢN"
    assert [n for n in result.notes if n.message.code == "import-profile-cited"]


@pytest.mark.parametrize(("text", "number"), [
    ("số 12/QĐ-UBND - Về việc ban hành", "12/QĐ-UBND"),      # a dash goes on in the text
    ("Quyết định số 47-QĐ/TW/BTC của", "47-QĐ/TW"),
    ("ngày 05/3/2020, tốc độ 60-km/h, giai đoạn 2021 - 2025/2030", None),
])
def test_a_cited_number_is_read_out_of_running_text(text: str, number: str | None) -> None:
    found = [typed for typed, value in cited_numbers(text)
             if any(load_profile(name).document_number.cites(value)
                    for name in ("party", "state"))]
    assert found[:1] == ([number] if number else [])


def test_a_party_report_in_parts_keeps_its_parts(tmp_path: Path) -> None:
    """"Phần thứ nhất" / "KẾT QUẢ …" and "Phần thứ hai" / "PHƯƠNG HƯỚNG …", the shape of a
    year's report: parts holding the sections after them, the order kept (the labels are
    computed), never paragraphs inside the last section of the part before."""
    result = imported(Path(__file__).parent / "fixtures" / "import" / "party-report-parts.txt")
    data = loaded(result).document.model_dump(mode="json", exclude_none=True)
    assert [b.get("part") for b in data["blocks"]] == [
        "KẾT QUẢ CÔNG TÁC TUYÊN GIÁO NĂM 2024", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"]
    assert [s["title"] for s in data["blocks"][0]["body"]] == [
        "CÔNG TÁC TUYÊN TRUYỀN", "CÔNG TÁC KHOA GIÁO"]
    assert "preamble" not in data or not data["preamble"]
    assert not [n for n in result.notes if n.message.code == "import-order"]
