"""Proofreading checks: doubled words, impossible years, tone-mark style, unbalanced quotes and
brackets, final punctuation — each at its exact file position, with `--fix` only where certain.

Expected positions are found by searching the test's own YAML text (the `where` helper), never
by asking the code under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing import PROJECT_ROOT
from briefing.cli import main
from briefing.problems import BriefingError
from briefing.profile.model import load_profile_file
from briefing.validation import validate_file
from briefing.validation.fixer import fix_file
from briefing.validation.proofreading import Proofreader
from briefing.validation.proofreading.balance import unbalanced
from briefing.validation.proofreading.endings import missing_final_punctuation
from briefing.validation.proofreading.lexicon import compounds, function_words, reduplicatives
from briefing.validation.proofreading.tones import style_of
from briefing.validation.proofreading.years import year_problems

HEAD = """meta:
  form: booklet
  profile: {profile}
  issuer:
    name: BAN TUYÊN GIÁO
  place: Hà Nội
  date: 2024-03-05
blocks:
  - id: context
    kind: context
    title: Bối cảnh
    body:
"""


def document(tmp_path: Path, *paragraphs: str, profile: str = "party") -> tuple[Path, str]:
    text = HEAD.format(profile=profile) + "".join(f"      - {p}\n" for p in paragraphs)
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def where(text: str, line_has: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the n-th `needle` on the first line containing `line_has`."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line_has in line:
            index = -1
            for _ in range(occurrence):
                index = line.index(needle, index + 1)
            return number, index + 1
    raise AssertionError(line_has)


def found(path: Path, code: str) -> list[tuple[int, int, str]]:
    return [(p.position.line, p.position.col, p.message) for p in validate_file(path)
            if p.code == code]


# -- doubled words ----------------------------------------------------------------------------

def test_doubled_word_is_reported_at_the_repeated_word(tmp_path):
    path, text = document(tmp_path, "Tiếp tục thực thực hiện các nhiệm vụ.",
                          "Các đơn vị tiếp tục thực hiện nghị quyết.")
    assert found(path, "doubled-word") == [
        (*where(text, "thực thực", "thực", 2), "'thực' is written twice")]


def test_doubled_word_fix_only_when_certain(tmp_path):
    path, _ = document(tmp_path, "Tiếp tục thực thực hiện các nhiệm vụ.",
                       "Các đơn vị tiếp tục thực hiện nghị quyết.", "Triển khai các các nội dung.",
                       "Nâng cao hiệu quả hiệu quả công tác.")
    problems = [p for p in validate_file(path) if p.code == "doubled-word"]
    assert [(p.message, p.fix) for p in problems] == [
        ("'thực' is written twice", ("thực ", "")),  # the document writes "tục thực hiện"
        ("'các' is written twice", ("các ", "")),  # a grammatical word is never doubled
    ]
    assert fix_file(path).applied == 2
    body = yaml.safe_load(path.read_text(encoding="utf-8"))["blocks"][0]["body"]
    assert body[0] == "Tiếp tục thực hiện các nhiệm vụ."
    assert body[2] == "Triển khai các nội dung."
    assert body[3] == "Nâng cao hiệu quả hiệu quả công tác."  # a doubled phrase: not a word


def test_doubled_word_without_evidence_is_reported_without_fix(tmp_path):
    path, text = document(tmp_path, "Nhằm thực thực hiện nhiệm vụ.")
    (problem,) = [p for p in validate_file(path) if p.code == "doubled-word"]
    assert (problem.position.line, problem.position.col) == where(text, "Nhằm", "thực", 2)
    assert problem.fix is None and "correct it if a letter is wrong" in problem.hint


def test_doubled_word_that_is_a_wrong_letter_names_the_phrase(tmp_path):
    path, text = document(tmp_path, "Hoạt động đối ngoại trong hình hình mới.",
                          "Bảo vệ Tổ quốc trong tình hình mới.")
    (problem,) = [p for p in validate_file(path) if p.code == "doubled-word"]
    assert (problem.position.line, problem.position.col) == where(text, "hình hình", "hình", 2)
    assert problem.fix is None
    assert "this document writes 'trong tình hình mới'" in problem.hint


@pytest.mark.parametrize("text", [
    "Ngày ngày người người thi đua.",  # reduplication
    "Nhà nhà, người người hưởng ứng.",
    "Tầng tầng lớp lớp thanh niên lên đường.",
    "Xây dựng Thành phố trở thành thành phố học tập.",  # trở thành + thành phố
    "Việt Nam là đối tác hàng đầu đầu tư vào khu vực.",  # hàng đầu + đầu tư
    "Thu hút đầu tư tư nhân.",  # đầu tư + tư nhân
    "Các các-bon.",  # not two words
    "Đồng chí Trưởng ban Ban Tuyên giáo phát biểu.",  # a name starts: capital after lower case
    "Luôn luôn giữ vững lập trường.",
    "Số 12 12.",  # numbers are not words here
])
def test_legitimate_doublings_are_left_alone(tmp_path, text):
    path, _ = document(tmp_path, text)
    assert found(path, "doubled-word") == []


def test_word_lists_are_data_and_disjoint():
    assert {"ngày", "người", "nhà", "đâu", "ai", "lâu", "xa"} <= reduplicatives()
    assert "các" in function_words() and not reduplicatives() & function_words()
    assert all(len(pair.split(" ")) == 2 for pair in compounds())


# -- years ------------------------------------------------------------------------------------

def test_five_digit_year_in_the_embedded_source_typo(tmp_path):
    path, text = document(tmp_path, "Đề án đào tạo nhân lực giai đoạn 20230 - 2035 và Đại học "
                                    "chia sẻ.")
    ((line, col, message),) = found(path, "year")
    assert (line, col) == where(text, "20230", "20230")
    assert message == "'20230' is not a year (five digits)"
    (problem,) = [p for p in validate_file(path) if p.code == "year"]
    assert problem.fix is None and "2020, 2023 or 2030?" in problem.hint


@pytest.mark.parametrize("text, number", [
    ("ngày 15/6/20230", "20230"), ("tháng 3/20240", "20240"), ("năm 20240", "20240"),
    ("nhiệm kỳ 2020 - 20250", "20250"), ("ngày 12-8-20210", "20210"),
])
def test_five_digit_years_where_a_year_is_expected(text, number):
    (problem,) = year_problems(text)
    assert text[problem.start:problem.end] == number


@pytest.mark.parametrize("text", [
    "có 20000 người tham gia", "Quyết định số 12345/QĐ-UBND", "số 12345/20230",
    "giai đoạn 2021 - 2025", "ngày 12-8-2021", "10.000 tỷ đồng", "mã 7-20230",
])
def test_numbers_that_are_not_impossible_years(text):
    assert year_problems(text) == []


@pytest.mark.parametrize("text, last", [
    ("giai đoạn 2025 - 2020", "2020"), ("thời kỳ 2023-2021", "2021"),
    ("từ năm 2025 đến năm 2020", "2020"), ("giai đoạn 2030–2025", "2025"),
])
def test_reversed_range_is_reported_at_its_end(text, last):
    (problem,) = year_problems(text)
    assert (problem.code, text[problem.start:problem.end]) == ("year-range", last)
    assert problem.start == text.rindex(last)


def test_reversed_range_position_in_file(tmp_path):
    path, text = document(tmp_path, "Kế hoạch giai đoạn 2025 - 2020 của Thành phố.")
    ((line, col, message),) = found(path, "year-range")
    assert (line, col) == where(text, "2025 - 2020", "2020")
    assert message == "the range 2025 - 2020 ends before it starts"


# -- tone marks -------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"), ("HOÀ", "HÒA"), ("Hoá", "Hóa"), ("uỷ", "ủy"), ("Uỷ", "Ủy"), ("thuỷ", "thủy"),
    ("khoẻ", "khỏe"), ("toả", "tỏa"), ("xoá", "xóa"), ("hoạ", "họa"), ("luỹ", "lũy"),
    ("tuỳ", "tùy"), ("thuý", "thúy"),
])
def test_tone_styles_pair_up(old, new):
    assert style_of(old) == ("old", new)
    assert style_of(new) == ("new", old)


@pytest.mark.parametrize("word", ["quý", "quỳ", "hoàn", "thuyết", "huỳnh", "ngoài", "hoa",
                                  "khuya", "của", "quả", "thuở", "tuy"])
def test_words_without_a_tone_style(word):
    assert style_of(word) is None


def test_profile_style_is_enforced_with_a_certain_fix(tmp_path):
    path, text = document(tmp_path, "Môi trường hoà bình, Thành uỷ chỉ đạo.")
    problems = [p for p in validate_file(path) if p.code == "tone-mark"]
    assert [(p.position.line, p.position.col, p.fix) for p in problems] == [
        (*where(text, "hoà", "hoà"), ("hoà", "hòa")),
        (*where(text, "uỷ", "uỷ"), ("uỷ", "ủy")),
    ]
    assert "the profile writes the new style" in problems[0].hint
    fix_file(path)
    body = yaml.safe_load(path.read_text(encoding="utf-8"))["blocks"][0]["body"]
    assert body == ["Môi trường hòa bình, Thành ủy chỉ đạo."]


def test_new_style_is_left_alone_by_a_new_style_profile(tmp_path):
    path, _ = document(tmp_path, "Môi trường hòa bình, Thành ủy chỉ đạo, sức khỏe.")
    assert found(path, "tone-mark") == []


def _texts(*values: str):
    return [(("blocks", 0, "body", k), v, "paragraph") for k, v in enumerate(values)]


def _tones(reader: Proofreader, value: str):
    return [i for i in reader.issues(value, "paragraph") if i.code == "tone-mark"]


def test_consistent_style_flags_the_minority():
    reader = Proofreader(_texts("hoà bình", "hoà hợp", "Thành ủy"), "consistent")
    assert [i.replacement for i in _tones(reader, "Thành ủy")] == ["uỷ"]
    assert _tones(reader, "hoà bình") == []
    assert "writes the other style elsewhere" in _tones(reader, "ủy")[0].hint


def test_consistent_style_on_a_tie_keeps_the_first_seen():
    reader = Proofreader(_texts("Thành ủy", "hoà bình"), "consistent")
    assert [i.replacement for i in _tones(reader, "hoà bình")] == ["hòa"]


def test_old_style_profile(tmp_path):
    source = (PROJECT_ROOT / "profiles" / "party.yaml").read_text(encoding="utf-8")
    profile_path = tmp_path / "party.yaml"
    profile_path.write_text(source.replace("tone_marks: new", "tone_marks: old"),
                            encoding="utf-8")
    profile = load_profile_file(profile_path)
    assert profile.spelling.tone_marks == "old"
    reader = Proofreader(_texts("hòa bình"), profile.spelling.tone_marks)
    assert [i.replacement for i in _tones(reader, "hòa bình")] == ["hoà"]


def test_profile_refuses_an_unknown_tone_style(tmp_path):
    source = (PROJECT_ROOT / "profiles" / "party.yaml").read_text(encoding="utf-8")
    profile_path = tmp_path / "party.yaml"
    profile_path.write_text(source.replace("tone_marks: new", "tone_marks: newest"),
                            encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_profile_file(profile_path)
    (problem,) = caught.value.problems
    line = source.split("\n").index("  tone_marks: new") + 1
    assert (problem.position.line, problem.position.col) == (line, 15)
    assert "spelling.tone_marks" in str(problem) or "tone_marks" in str(problem)


# -- quotes and brackets ----------------------------------------------------------------------

def test_unclosed_quote_position(tmp_path):
    path, text = document(tmp_path, "'Chỉ thị về “Tăng cường công tác đối ngoại nhân dân.'")
    ((line, col, message),) = found(path, "unbalanced")
    assert (line, col) == where(text, "Chỉ thị", "“")
    assert message == "'“' is not closed in this paragraph"


def test_bracket_closing_nothing_position(tmp_path):
    path, text = document(tmp_path, "Kết luận số 57-KL/TW của Bộ Chính trị) về thông tin.")
    ((line, col, message),) = found(path, "unbalanced")
    assert (line, col) == where(text, "Kết luận", ")")
    assert message == "')' closes nothing in this paragraph"


@pytest.mark.parametrize("text, marks", [
    ("“A ‘b” c’", [(3, "‘"), (8, "’")]),  # crossed: the inner one is not closed
    ("(a [b) c]", [(3, "["), (8, "]")]),
    ('lỗi "trích dẫn', [(4, '"')]),
    ("«a", [(0, "«")]),
])
def test_unbalanced_marks(text, marks):
    assert [(u.index, u.mark) for u in unbalanced(text)] == marks


@pytest.mark.parametrize("text", [
    "Theo “Chiến lược (2021–2030)” của Chính phủ.", "văn bản[^wto] (xem Phụ lục).",
    "gồm: a) tăng trưởng, b) ổn định, 1) một; 2) hai.", "O’Neil nói.", r"ký hiệu \( và \[.",
    "«Trích» và ‘nháy đơn’.", 'câu "có ngoặc" thẳng.',
])
def test_balanced_text(text):
    assert unbalanced(text) == []


# -- final punctuation ------------------------------------------------------------------------

@pytest.mark.parametrize("text, missing", [
    ("Một câu", True), ("Một câu.", False), ("câu “mới.”", False), ("câu “mới”", True),
    ("năm 2023.[^wto]", False), ("năm 2023[^wto]", True), ("**đậm**", True),
    ("**đậm.**", False), ("Hết…", False), ("mục;", False), ("dẫn:", False), ("ý,", False),
    ("Vì sao?", False), ("(ghi chú)", True), ("(ghi chú).", False),
])
def test_final_punctuation(text, missing):
    assert (missing_final_punctuation(text) is not None) == missing


def test_final_punctuation_position_is_after_the_last_character(tmp_path):
    path, text = document(tmp_path, "Đoạn văn không có dấu chấm cuối[^a]",
                          "- bullets: [Mục một;, Mục hai]")
    text_with_notes = text.replace("meta:\n", "footnotes:\n  a: Chú thích.\nmeta:\n")
    path.write_text(text_with_notes, encoding="utf-8")
    problems = found(path, "final-punctuation")
    line, col = where(text_with_notes, "Đoạn văn", "[^a]")
    item_line, item_col = where(text_with_notes, "Mục hai", "]")
    assert problems == [
        (line, col, "no final punctuation at the end of the paragraph"),
        (item_line, item_col, "no final punctuation at the end of the list item"),
    ]


def test_final_punctuation_spares_titles_leads_run_in_items_and_recipients(tmp_path):
    text = HEAD.format(profile="party").replace("    title: Bối cảnh\n",
                                                "    title: Bối cảnh không có dấu chấm\n")
    text = text.replace("  date: 2024-03-05\n", "  date: 2024-03-05\n  recipients:\n"
                                                "    - Các chi bộ\n")
    text += ("      - enumerate: [củng cố hòa bình đi đôi với, bảo vệ chủ quyền.]\n"
             "        style: paren-roman\n        inline: true\n"
             "        lead: Tập trung vào các mục tiêu sau\n")
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    assert found(path, "final-punctuation") == []


# -- the embedded content ---------------------------------------------------------------------

def test_the_source_typos_are_flagged(tmp_path):
    """The typos of the reference texts, as transcribed before they were fixed."""
    path, text = document(
        tmp_path,
        "Nâng cao hiệu quả thực hiện Đề án đào tạo nhân lực trình độ quốc tế ở 08 ngành giai "
        "đoạn 20230 - 2035 và Đại học chia sẻ.",
        "Tham mưu Ban Thường vụ Thành ủy triển khai thực hiện Kết luận số 01-KL/TW về tiếp tục "
        "thực thực hiện Chỉ thị số 05-CT/TW.",
        "Tiếp tục thực hiện các nghị quyết.",
        "'Chỉ thị số 12-CT/TW về “Nâng cao hiệu quả hoạt động đối ngoại nhân dân trong hình hình "
        "mới”; Kết luận số 57-KL/TW về công tác thông tin đối ngoại trong tình hình mới.'")
    codes = {(p.code, p.position.line, p.position.col) for p in validate_file(path)}
    assert ("year", *where(text, "20230", "20230")) in codes
    line, col = where(text, "thực thực", "thực thực")
    assert ("doubled-word", line, col + len("thực ")) in codes
    assert ("doubled-word", *where(text, "hình hình", "hình", 2)) in codes


def test_embedded_content_checks_clean(capsys, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    assert main(["check", "--strict", "content/briefing-foreign-affairs.yaml",
                 "content/coordination-programme-2024.yaml",
                 "tests/fixtures/state-decision.yaml"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["briefing-foreign-affairs.yaml",
                                  "coordination-programme-2024.yaml"])
def test_embedded_fixes_are_listed_at_the_top(name):
    text = (PROJECT_ROOT / "content" / name).read_text(encoding="utf-8")
    head = text[:text.index("meta:")]
    assert "Proofreading fixes" in head
    for typo in ("thực thực", "20230", "hình hình", "đối ngoại đáng"):
        if typo in head:
            assert typo not in text[text.index("meta:"):]
