"""The text and Markdown readers under the same contract as the Word reader: fill-in blanks,
hard-wrapped items and paragraphs joined whole (a property over generated texts), and the
importer's outer gate — sizes refused before the work, the check run once.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import briefing.validation as validation
from briefing.cli import main
from briefing.importing import import_file
from briefing.importing.guesses import Notebook
from briefing.importing.repair import join_cut_paragraphs
from briefing.readers.markdown import read_markdown
from briefing.readers.source import Line
from briefing.readers.text.physical_lines import read_text
from briefing.text.inline_markdown import plain_text
from tests.importing import loaded


def test_dot_runs_are_blanks_in_text_and_markdown() -> None:
    source = "Hà Nội, ngày ...... tháng ….. năm ……\n\nHọ và tên: ..............\n"
    for doc in (read_text(source, "x.txt"), read_markdown(source, "x.md", Notebook())):
        assert [b.text for b in doc.blocks] == ["Hà Nội, ngày {blank} tháng {blank} năm {fill}",
                                               "Họ và tên: {fill}"]
    typed = read_text("Gõ {blank} và {fill} như chữ.", "x.txt")
    assert plain_text(typed.blocks[0].text) == "Gõ {blank} và {fill} như chữ."


@pytest.mark.parametrize(("typed", "read"), [
    ("Các cấp ủy, chính quyền và … các đoàn thể cùng tham gia.",
     "Các cấp ủy, chính quyền và … các đoàn thể cùng tham gia."),
    ("Các cấp ủy ... các đoàn thể.", "Các cấp ủy ... các đoàn thể."),
    ("Các hoạt động văn hóa, thể thao, … góp phần xây dựng đời sống mới.",
     "Các hoạt động văn hóa, thể thao, … góp phần xây dựng đời sống mới."),
    ("Kết quả trong năm … các đơn vị đã thực hiện.",
     "Kết quả trong năm … các đơn vị đã thực hiện."),
    ("Họ và tên: ..............................", "Họ và tên: {fill}"),
    ("Chức vụ: ……………………………………", "Chức vụ: {fill}"),
    ("Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …",
     "Cuộc họp kết thúc vào {blank} giờ {blank}, ngày {blank} tháng {blank} năm {fill}"),
    ("Hà Nội, ngày ... tháng ... năm 2025", "Hà Nội, ngày {blank} tháng {blank} năm 2025"),
])
def test_an_ellipsis_in_prose_stays_and_a_blank_is_one(typed: str, read: str) -> None:
    """An ellipsis between words is punctuation; dots that fill the line and a date typed as
    a frame ("ngày … tháng …") are blanks."""
    assert read_text(typed + "\n", "x.txt").blocks[0].text == read


REPORT = """\
I. TÌNH HÌNH CHUNG

1. Công tác tuyên truyền được triển khai đồng bộ, có trọng tâm, trọng điểm trên
các lĩnh vực của đời sống xã hội, tạo sự đồng thuận trong Nhân dân.
- Trên biển, lực lượng chức năng đã phối hợp chặt chẽ với ngư dân để bảo vệ
chủ quyền, quyền chủ quyền và quyền tài phán của Việt Nam trên các vùng biển
theo quy định của luật pháp quốc tế, đặc biệt là Công ước Liên hợp quốc về
Luật Biển năm 1982.
- Trên bộ, công tác quản lý biên giới được tăng cường.
2. Ta và Lào ký kết nhiều văn kiện hợp tác quan trọng.
"""


def test_a_bullet_wrapped_over_four_lines_comes_back_whole(tmp_path: Path) -> None:
    source = tmp_path / "bao-cao.txt"
    source.write_text(REPORT, encoding="utf-8")
    body = loaded(import_file(source)).document.model_dump(mode="json", exclude_none=True)
    items = body["blocks"][0]["body"]
    assert items[1] == {"bullets": [
        "Trên biển, lực lượng chức năng đã phối hợp chặt chẽ với ngư dân để bảo vệ chủ quyền, "
        "quyền chủ quyền và quyền tài phán của Việt Nam trên các vùng biển theo quy định của "
        "luật pháp quốc tế, đặc biệt là Công ước Liên hợp quốc về Luật Biển năm 1982.",
        "Trên bộ, công tác quản lý biên giới được tăng cường."]}
    assert items[0]["numbered"].endswith("tạo sự đồng thuận trong Nhân dân.")


WORDS = ["công", "tác", "tuyên", "truyền", "được", "triển", "khai", "đồng", "bộ", "Việt",
         "Nam", "Nhân", "dân", "chủ", "quyền", "biển", "đảo", "Hà", "Tĩnh", "hợp", "tác",
         "quốc", "tế", "Công", "ước", "Luật", "thực", "hiện", "nghiêm", "túc", "các", "cấp"]
_word = st.sampled_from(WORDS)


@st.composite
def _items(draw) -> list[str]:
    """Paragraphs and "- " items of 20–60 words, each a sentence that wraps (a text whose
    lines do not wrap is paragraphs of their own, joined only where a line starts small)."""
    out = []
    for _ in range(draw(st.integers(3, 7))):
        words = draw(st.lists(_word, min_size=20, max_size=60))
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:] + draw(st.sampled_from([".", ";", ":"]))
        out.append(("- " if draw(st.booleans()) else "") + sentence)
    return out


@settings(max_examples=60, deadline=None)
@given(items=_items(), width=st.integers(50, 90))
def test_hard_wrapped_items_and_paragraphs_come_back_whole(items: list[str], width: int) -> None:
    physical = [line for item in items for line in textwrap.wrap(item, width)]
    assume(len(physical) >= 6)  # a few lines do not tell a wrapped text from short paragraphs
    doc = read_text("\n".join(physical), "x.txt")
    joined = join_cut_paragraphs(doc.blocks, Notebook())
    assert [plain_text(b.text) for b in joined if isinstance(b, Line)] == items


def test_a_text_of_short_lines_is_not_joined() -> None:
    lines = ["Nơi nhận:", "- Các huyện ủy,", "- Lưu.", "TRƯỞNG BAN", "Nguyễn Văn An",
             "Hà Tĩnh là tỉnh ven biển", "Người dân hưởng ứng phong trào"]
    doc = read_text("\n".join(lines), "x.txt")
    assert [b.text for b in join_cut_paragraphs(doc.blocks, Notebook())] == lines


def test_fifty_thousand_headings_are_refused_before_the_file_is_read(
        tmp_path: Path, monkeypatch, capsys) -> None:
    source = tmp_path / "dai.md"
    source.write_text("".join(f"# Mục {i}\n\nĐoạn {i}.\n\n" for i in range(50_001)),
                      encoding="utf-8")

    def never(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr("briefing.readers.markdown.read_markdown", never)
    assert main(["import", str(source), "-o", str(tmp_path / "out.yaml")]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "more than 50,000 values in one file" in error[0]
    assert not (tmp_path / "out.yaml").exists()


def test_a_word_table_too_large_is_refused_before_the_work(tmp_path: Path, monkeypatch) -> None:
    from briefing.importing import assemble

    source = tmp_path / "bang.md"
    rows = "".join(f"| {i} | {i} | {i} |\n" for i in range(17_000))
    source.write_text("| a | b | c |\n|---|---|---|\n" + rows, encoding="utf-8")
    monkeypatch.setattr(assemble, "split", lambda *a: pytest.fail("split after the gate"))
    with pytest.raises(Exception, match="more than 50,000 values"):
        import_file(source)


def test_the_check_runs_once_on_the_result(tmp_path: Path, monkeypatch) -> None:
    calls = []
    check = validation.check_file
    monkeypatch.setattr(validation, "check_file", lambda *a, **k: calls.append(1) or check(*a, **k))
    source = tmp_path / "bao-cao.txt"
    source.write_text(REPORT.replace("đồng bộ,", "đồng  bộ,"), encoding="utf-8")
    import_file(source)
    assert calls == [1]
