"""Where the title block (type and trích yếu) ends, as a reader sees it: a field ("Thời
gian: …", a fill-in blank) or a line in another look ends it; a title wrapped over two lines
in the same look stays one subject. Word files and text files alike."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from briefing.importing.head import HeadLine, continues_subject
from tests.importing import imported, loaded

MASTHEAD = ["ĐẢNG BỘ TỈNH HÀ TĨNH", "CHI BỘ THÔN TÂY", "*", "Số 12-BB/CB"]


def _docx(tmp_path: Path, title: list[str], rest: list[str]) -> dict:
    document = Document()
    for text in MASTHEAD:
        document.add_paragraph(text)
    for text in title:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = True
    for text in rest:
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    path = tmp_path / "minutes.docx"
    document.save(path)
    return loaded(imported(path)).document.model_dump(mode="json", exclude_none=True)


FIELDS = ["Thời gian: 8 giờ 00 phút ngày 5 tháng 5 năm 2025", "Địa điểm: Hội trường thôn Tây",
          "Nội dung cuộc họp:", "Chi bộ đã thảo luận kế hoạch của tháng."]


def test_a_word_minutes_subject_ends_before_its_fields(tmp_path: Path) -> None:
    data = _docx(tmp_path, ["BIÊN BẢN", "Họp chi bộ thường kỳ tháng 5"], FIELDS)
    assert data["meta"]["subject"] == "Họp chi bộ thường kỳ tháng 5"
    text = repr(data["blocks"])
    assert "Thời gian: 8 giờ 00" in text and "Địa điểm: Hội trường" in text
    assert text.index("Thời gian") < text.index("Địa điểm") < text.index("thảo luận")


def test_a_word_subject_over_two_centred_lines_stays_one(tmp_path: Path) -> None:
    data = _docx(tmp_path, ["BIÊN BẢN", "Họp chi bộ thường kỳ", "tháng 5 năm 2025"], FIELDS)
    assert data["meta"]["subject"] == "Họp chi bộ thường kỳ tháng 5 năm 2025"


def test_a_fill_in_line_under_the_subject_is_body(tmp_path: Path) -> None:
    data = _docx(tmp_path, ["BIÊN BẢN", "Họp chi bộ thường kỳ tháng 5"],
                 ["Chủ trì ......................................", *FIELDS[2:]])
    assert data["meta"]["subject"] == "Họp chi bộ thường kỳ tháng 5"
    assert "Chủ trì" in repr(data["blocks"])


def test_a_text_minutes_subject_ends_at_a_field_with_no_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join([*MASTHEAD, "", "BIÊN BẢN", "Họp chi bộ thường kỳ tháng 5",
                               *FIELDS]) + "\n", encoding="utf-8")
    data = loaded(imported(path)).document.model_dump(mode="json", exclude_none=True)
    assert data["meta"]["subject"] == "Họp chi bộ thường kỳ tháng 5"
    assert "Địa điểm: Hội trường" in repr(data["blocks"])


def _line(text: str, **look) -> HeadLine:
    return HeadLine(text, "line 1", **look)


def test_what_goes_on_with_a_title() -> None:
    title = [_line("Họp chi bộ thường kỳ", align="center", bold=True)]
    assert continues_subject(title, _line("tháng 5 năm 2025", align="center", bold=True))
    assert not continues_subject(title, _line("tháng 5 năm 2025", align="justify"))
    assert not continues_subject(title, _line("Thành phần tham dự: …", align="center",
                                              bold=True, fill=True))
    assert not continues_subject(title, _line("Chủ trì: đồng chí Bí thư chi bộ"))
    assert not continues_subject(title, _line("về công tác tuyên truyền", gap=True))
    assert continues_subject([_line("Về công tác tuyên truyền")], _line("năm 2025"))
    assert continues_subject([], _line("Chuyên đề: học tập và làm theo"))
