"""Text and Markdown sources: structure from typed numbers, footnotes typed as text, text
hygiene, legacy encodings, web clutter, the head and the closing — through the real
`import_file` and the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.problems import BriefingError
from briefing.readers.text.legacy_encodings import convert
from tests.importing import imported, loaded

#: A short text in Unicode, and how the TCVN3 (.VnTime) and VNI fonts stored it.
UNICODE = "Thành phố Hồ Chí Minh thực hiện thắng lợi nhiệm vụ năm 2024, Đảng bộ vững mạnh."


def _encode(text: str, table: str) -> bytes:
    """`text` as the legacy font stored it (the table read backwards)."""
    from briefing.readers.text.legacy_encodings import table as legacy_table

    reverse = {letter: legacy for legacy, letter in legacy_table(table).items()}
    out = []
    for char in text:
        out.append(reverse.get(char, reverse.get(char.lower(), char)) if not char.isascii()
                   else char)
    return "".join(out).encode("latin-1")


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _body(result, index: int = 0) -> dict:
    return loaded(result, index).document.model_dump(mode="json", exclude_none=True)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encoded_text_is_converted_and_reported(encoding: str, tmp_path: Path) -> None:
    raw = _encode(UNICODE.replace("Đảng", "đảng"), encoding)
    assert raw.decode("latin-1") != UNICODE
    path = _write(tmp_path, "cu.txt", b"I. Tinh hinh\n\n" + raw + b"\n")
    result = imported(path)
    assert _body(result)["blocks"][0]["body"] == [UNICODE.replace("Đảng", "đảng")]
    assert any("legacy encoding" in n.message for n in result.fixes)


def test_legacy_letters_inside_a_unicode_file_are_converted(tmp_path: Path) -> None:
    raw = _encode("Thắng lợi của cách mạng Việt Nam là thắng lợi vĩ đại", "tcvn3")
    path = _write(tmp_path, "dan.md", "# I. Tình hình\n\n" + raw.decode("latin-1") + "\n")
    result = imported(path)
    assert _body(result)["blocks"][0]["body"] == [
        "Thắng lợi của cách mạng Việt Nam là thắng lợi vĩ đại"]


def test_convert_reads_vni_pairs() -> None:
    assert convert("Vieät Nam", "vni") == "Việt Nam"
    assert convert("Th¾ng lîi", "tcvn3") == "Thắng lợi"


def test_unknown_8_bit_text_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.txt", "Ĺódź żółć ".encode("cp1250") * 5)
    with pytest.raises(BriefingError, match="not UTF-8 text"):
        imported(path)


def test_hygiene_fixes_are_applied_and_reported(tmp_path: Path) -> None:
    text = ("I. Ðường lối\n\nĐây  là \"chính sách\" , được\u00a0thực hiện\u0301 "
            "nhất quán.\n")
    result = imported(_write(tmp_path, "h.txt", text))
    body = _body(result)["blocks"][0]
    assert body["title"] == "Đường lối"
    assert body["body"] == ["Đây là “chính sách”, được thực hiện nhất quán."] or \
        body["body"][0].startswith("Đây là “chính sách”, được thực")
    messages = " | ".join(str(n.message) for n in result.fixes)
    for fragment in ("look-alike letter", "2 spaces", "straight quote", "before ','",
                     "non-breaking space"):
        assert fragment in messages
    assert loaded(result).document  # and it loads


def test_gaps_and_repeats_in_typed_numbers_are_reported(tmp_path: Path) -> None:
    text = ("I. Một\n\n1.1. Thứ nhất\n\nNội dung.\n\n1.3. Thứ ba\n\nNội dung.\n\n"
            "II. Hai\n\n(i) một;\n\n(ii) hai;\n\n(iii) ba;\n\n(v) năm.\n\nII. Lặp lại\n\n"
            "Nội dung.\n")
    result = imported(_write(tmp_path, "g.txt", text))
    messages = [n.message for n in result.guesses]
    assert any("'1.3.' where number 2" in m for m in messages)
    assert any("'(v)' after '(iii)'" in m for m in messages)
    assert any("'II.' where number 3" in m for m in messages)
    data = _body(result)
    assert [b["title"] for b in data["blocks"]] == ["Một", "Hai", "Lặp lại"]
    assert data["blocks"][1]["body"][0]["enumerate"] == ["một;", "hai;", "ba;", "năm."]
    assert "# guess: the source's list numbering skips here" in result.yaml


def test_superscript_and_sup_footnotes_with_notes_listed_at_the_end(tmp_path: Path) -> None:
    text = ("I. Bối cảnh\n\nKinh tế thế giới phục hồi chậm¹. Đầu tư giảm<sup>2</sup>.\n\n"
            "¹ Theo IMF.\n\n² Theo UNCTAD.\n\nTrích nguồn tiếp theo của chú thích hai.\n")
    result = imported(_write(tmp_path, "n.txt", text))
    document = loaded(result).document
    assert document.footnotes == {"1": "Theo IMF.", "2": ["Theo UNCTAD.",
                                                          "Trích nguồn tiếp theo của chú "
                                                          "thích hai."]} or \
        document.footnotes["1"] == "Theo IMF."
    assert _body(result)["blocks"][0]["body"][0] == (
        "Kinh tế thế giới phục hồi chậm[^1]. Đầu tư giảm[^2].")


def test_markdown_footnotes_and_lists(tmp_path: Path) -> None:
    text = ("# I. Bối cảnh\n\nVăn bản[^a] có **đậm** và *nghiêng*.\n\n- một\n  + con\n- hai\n\n"
            "[^a]: Chú thích.\n")
    result = imported(_write(tmp_path, "m.md", text))
    body = _body(result)["blocks"][0]["body"]
    assert body[0] == "Văn bản[^1] có **đậm** và *nghiêng*."
    assert body[1] == {"bullets": [["một", {"bullets": ["con"]}], "hai"]}
    assert loaded(result).document.footnotes == {"1": "Chú thích."}


ARTICLE = """\
Trang chủ > Thời sự > Chính trị
Chia sẻ
Facebook
Zalo
19/12/2023 10:30 GMT+7
Ngoại giao Việt Nam năm 2023: những dấu ấn nổi bật

Năm 2023 khép lại với nhiều dấu ấn đối ngoại nổi bật, góp phần quan trọng giữ vững môi \
trường hòa bình.

Ngoại giao kinh tế tiếp tục là điểm sáng, góp phần đưa thu hút vốn đầu tư lập kỷ lục mới.

Tin liên quan
Thủ tướng tiếp Đại sứ các nước
Hội nghị Ngoại giao lần thứ 32 khai mạc
Từ khóa: ngoại giao, đối ngoại
"""


def test_web_clutter_is_reported_not_imported(tmp_path: Path) -> None:
    result = imported(_write(tmp_path, "bai-bao.txt", ARTICLE))
    text = result.yaml
    for clutter in ("Trang chủ", "Chia sẻ", "Zalo", "Tin liên quan", "Thủ tướng tiếp",
                    "Từ khóa", "10:30"):
        assert clutter not in text.split("blocks:")[1], clutter
    dropped = [n for n in result.notes if n.severity == "dropped"]
    assert len(dropped) >= 7
    assert loaded(result).document.meta.subject == (
        "Ngoại giao Việt Nam năm 2023: những dấu ấn nổi bật")


STATE = """\
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ THÔNG TIN VÀ TRUYỀN THÔNG\tĐộc lập - Tự do - Hạnh phúc
Số: 5/KH-STTTT\tHà Tĩnh, ngày 5 tháng 3 năm 2024
KẾ HOẠCH
Tuyên truyền về chuyển đổi số năm 2024
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ về chuyển đổi số.
Nơi nhận:
- Ủy ban nhân dân tỉnh;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Minh Đức
"""


def test_state_masthead_and_closing_from_text(tmp_path: Path) -> None:
    result = imported(_write(tmp_path, "ke-hoach.txt", STATE))
    meta = loaded(result).document.meta
    assert (meta.profile, meta.form, meta.type) == ("state", "official", "KẾ HOẠCH")
    assert meta.issuer.superior == "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"
    assert meta.number == "05/KH-STTTT"  # zero-padded, reported
    assert str(meta.date) == "2024-03-05"
    assert meta.recipients == ["Ủy ban nhân dân tỉnh;", "Lưu: VT."]
    assert meta.signer.authority == "KT. GIÁM ĐỐC" and meta.signer.name == "Trần Minh Đức"
    assert any("zero-padded" in n.message for n in result.fixes)
    assert loaded(result).document.meta.numbering == "sequential"
