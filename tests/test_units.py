"""Unit and meeting overlays on the default briefing: structure, numbering, footnotes, errors.

Model-level and fast: every variant is loaded and prepared (numbers and footnotes computed),
never rendered. Rendered PDF and DOCX are checked in test_batch.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.problems import BriefingError
from briefing.tree.prepare import prepare
from briefing.tree.views import DocumentView, SectionView
from briefing.units.load import load_meeting, load_unit, parse_meeting, parse_unit
from briefing.units.selection import meeting_from_options, select
from briefing.units.sources import SourceFile, read_source
from briefing.units.variant import load_variant

CONTENT = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
UNITS = PROJECT_ROOT / "content" / "units"
MEETING = PROJECT_ROOT / "content" / "meetings" / "hoi-nghi-bao-cao-vien-2024-03.yaml"
LINE = re.compile(r"^[^:\n]+:\d+:\d+: error: .+$")


@pytest.fixture(scope="module")
def content() -> SourceFile:
    return read_source(CONTENT)


def unit(text: str, name: str = "unit.yaml") -> SourceFile:
    return SourceFile(f"units/{name}", text.encode())


def view_of(content: SourceFile, unit_file: SourceFile | Path | None = None,
            meeting: SourceFile | Path | None = None) -> DocumentView:
    overlay = None
    if isinstance(unit_file, Path):
        overlay = load_unit(unit_file)
    elif unit_file is not None:
        overlay = parse_unit(unit_file)
    meeting_overlay = None
    if isinstance(meeting, Path):
        meeting_overlay = load_meeting(meeting)
    elif meeting is not None:
        meeting_overlay = parse_meeting(meeting)
    return prepare(load_variant(content, overlay, meeting_overlay).loaded)


def sections(view: DocumentView) -> dict[str, SectionView]:
    found: dict[str, SectionView] = {}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, SectionView):
                found[item.id] = item
                walk(item.body)

    walk(view.blocks)
    return found


def footnote_numbers(view: DocumentView) -> dict[str, int]:
    """Footnote id -> number, read from the prepared markup (<fn n=".." id="..">)."""
    markup = repr(view.blocks) + repr(view.preamble) + repr(view.conclusion)
    return {m.group(2): int(m.group(1))
            for m in re.finditer(r'<fn n="(\d+)" id="([^"]+)">', markup)}


def errors(excinfo: pytest.ExceptionInfo[BriefingError]) -> list[str]:
    lines = [str(p) for p in excinfo.value.problems]
    for line in lines:
        assert LINE.match(line), line
    return lines


# -- the three unit files of the repository ---------------------------------------------------
def test_base_briefing_numbering(content):
    view = view_of(content)
    numbers = {k: v.number for k, v in sections(view).items()}
    assert numbers["directions"] == "III." and numbers["forecast"] == "3.1."
    assert footnote_numbers(view)["gs-speech-32"] == 6
    assert view.footnote_count == 12


def test_district_unit_header_closing_and_local_section(content):
    view = view_of(content, UNITS / "quan-1.yaml")
    meta = view.meta
    assert (meta.issuer.superior, meta.issuer.name) == ("QUẬN ỦY QUẬN 1", "BAN TUYÊN GIÁO")
    assert meta.signer.name == "Trần Minh Tâm" and meta.signer.authority == "K/T TRƯỞNG BAN"
    assert meta.recipients[0] == "Ban Tuyên giáo Thành ủy (để báo cáo),"
    assert meta.recipients[-1] == "Lưu."
    assert view.cover_foot == "Quận 1, tháng 3 năm 2024"
    found = sections(view)
    assert "forecast" not in found
    assert (found["objectives"].number, found["orientations"].number) == ("3.1.", "3.2.")
    local = found["local-practice"]
    assert local.number == "V." and local.level == 1
    text = repr(local.body)
    assert "Đảng bộ Quận 1 xác định" in text and "hình ảnh Quận 1 năng động" in text
    assert footnote_numbers(view)["q1-congress"] == 13
    assert view.footnote_count == 13


def test_department_unit_replaces_guidance_and_drops_directions(content):
    view = view_of(content, UNITS / "dang-uy-so-gd-dt.yaml")
    found = sections(view)
    assert "directions" not in found and "forecast" not in found and "domestic" not in found
    guidance = found["guidance"]
    assert guidance.number == "III."
    assert str(guidance.title) == "Một số nhiệm vụ của các chi bộ trong ngành giáo dục"
    text = repr(guidance.body)
    assert "Đảng ủy Sở Giáo dục và Đào tạo tập trung" in text
    assert "(1)" in text and "(3)" in text  # its own enumeration, paren-arabic
    assert "Tiếp tục theo dõi, nắm bắt" not in text  # the briefing's guidance is gone
    assert footnote_numbers(view)["edu-conclusion"] == 13
    assert view.meta.issuer.name == "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO"


def test_school_unit_includes_two_blocks_and_renumbers_footnotes(content):
    view = view_of(content, UNITS / "chi-bo-thpt-le-quy-don.yaml")
    assert [b.id for b in view.blocks] == ["achievements", "school-tasks", "guidance"]
    assert [b.number for b in view.blocks] == ["I.", "II.", "III."]
    found = sections(view)
    assert "lessons" not in found and "context" not in found
    assert found["leadership"].number == "1.1.1."
    assert str(found["school-tasks"].title) == "Liên hệ với nhiệm vụ của Trường THPT Lê Quý Đôn"
    numbers = footnote_numbers(view)
    assert numbers["gs-speech-32"] == 1  # was 6: the context block's five notes went with it
    assert numbers["peacekeeping"] == 7 and numbers["school-plan"] == 8
    assert "us-china-russia" not in numbers
    assert view.meta.circulation == "LƯU HÀNH NỘI BỘ CHI BỘ"


def test_excluded_sections_take_their_footnote_definitions_along(content):
    variant = load_variant(content, load_unit(UNITS / "chi-bo-thpt-le-quy-don.yaml"))
    notes = variant.loaded.document.footnotes
    assert "wto-unctad" not in notes and "school-plan" in notes and "gs-speech-32" in notes


def test_meeting_handout_line_mark_and_selection(content):
    view = view_of(content, UNITS / "quan-1.yaml", MEETING)
    assert view.meta.meeting == "Tài liệu phục vụ Hội nghị báo cáo viên tháng 3/2024"
    assert view.meta.circulation == "TRẢ LẠI SAU HỘI NGHỊ"
    assert [b.id for b in view.blocks] == ["context", "achievements", "guidance",
                                           "local-practice"]  # the unit's own block stays
    assert view.blocks[-1].number == "IV."


def test_meeting_from_command_line_options(content):
    meeting = meeting_from_options("Hội nghị quán triệt", "2024-03-20", "Hội trường A",
                                   circulation="TRẢ LẠI SAU HỘI NGHỊ",
                                   line="Tài liệu phục vụ {{meeting.name}} ngày {{meeting.date}}")
    view = view_of(content, None, meeting)
    assert view.meta.meeting == "Tài liệu phục vụ Hội nghị quán triệt ngày 20/3/2024"
    assert len(view.blocks) == 4


# -- rules ------------------------------------------------------------------------------------
BASE = "unit:\n  code: t\n  name: Đơn vị *thử*\n  short_name: ĐV\n"


def test_include_a_nested_section_keeps_its_ancestors_only(content):
    view = view_of(content, unit(BASE + "sections:\n  include: [lessons, international]\n"))
    assert [b.id for b in view.blocks] == ["context", "achievements"]
    found = sections(view)
    assert set(found) == {"context", "international", "achievements", "lessons"}
    assert found["lessons"].number == "2.1."
    assert "Trong 3 năm thực hiện" in repr(found["achievements"].body)  # its own paragraph


def test_exclude_by_kind_reaches_nested_sections(content):
    view = view_of(content, unit(BASE + "sections:\n  exclude: [kind:lessons, kind:context]\n"))
    found = sections(view)
    assert "lessons" not in found and "international" not in found and "context" not in found
    assert view.blocks[0].id == "achievements" and view.blocks[0].number == "I."


def test_insert_after_a_nested_section_and_append_to_a_body(content):
    text = BASE + """sections:
  insert_after:
    forecast:
      - id: local-forecast
        title: Dự báo tình hình tại {{unit.short_name}}
        body: [Đoạn văn.]
  append_to:
    guidance:
      - Đoạn bổ sung của {{unit.name}}[^local].
footnotes:
  local: Ghi chú của đơn vị.
"""
    view = view_of(content, unit(text))
    found = sections(view)
    assert found["local-forecast"].number == "3.2." and found["objectives"].number == "3.3."
    assert str(found["local-forecast"].title) == "Dự báo tình hình tại ĐV"
    tail = repr(found["guidance"].body[-1])
    # the placeholder value is literal text: its '*' did not turn into emphasis
    assert "Đơn vị *thử*" in tail and "<em>" not in tail
    assert footnote_numbers(view)["local"] == 13


def test_placeholders_in_meta_are_plain_and_null_clears(content):
    view = view_of(content, unit(BASE + "meta:\n  issue: Bản của {{unit.name}}\n"
                                        "  circulation: null\n"))
    assert view.meta.issue == "Bản của Đơn vị *thử*"
    assert view.meta.circulation is None


# -- errors -----------------------------------------------------------------------------------
def fails(content: SourceFile, text: str, meeting: str | None = None) -> list[str]:
    with pytest.raises(BriefingError) as excinfo:
        view_of(content, unit(text), SourceFile("meetings/m.yaml", meeting.encode())
                if meeting else None)
    return errors(excinfo)


def test_unknown_section_names_unit_file_line_and_id(content):
    lines = fails(content, BASE + "sections:\n  exclude:\n    - forecast\n    - lesons\n")
    assert lines == ["units/unit.yaml:8:7: error: unit 't': no section 'lesons' in "
                     f"{CONTENT} (did you mean \"lessons\"?)"]


def test_unknown_kind_is_an_error(content):
    (line,) = fails(content, BASE + "sections:\n  exclude: [kind:lesson]\n")
    assert line.startswith("units/unit.yaml:6:13: error:") and "unknown kind 'lesson'" in line


def test_excluding_every_block_is_an_error(content):
    (line,) = fails(content, BASE + "sections:\n  exclude: [kind:context, achievements, "
                                    "directions, guidance]\n")
    assert line.startswith("units/unit.yaml:5:1: error: unit 't' leaves no block")


def test_including_and_excluding_one_section_conflict(content):
    (line,) = fails(content, BASE + "sections:\n  include: [lessons]\n  exclude: [lessons]\n")
    assert "both excluded and included" in line


@pytest.mark.parametrize("rules, what", [
    ("  exclude: [lessons]\n  replace:\n    lessons:\n      title: Mới\n", "replaced but excluded"),
    ("  exclude: [kind:context]\n  replace:\n    international:\n      body: [x]\n",
     "replaced but excluded"),
    ("  exclude: [directions]\n  insert_after:\n    forecast:\n      - {id: x, title: X}\n",
     "given sections after it but excluded"),
    ("  include: [guidance]\n  replace:\n    lessons:\n      title: Mới\n",
     "replaced but not included"),
    ("  replace:\n    achievements:\n      body: [x]\n    lessons:\n      title: Mới\n",
     "lies inside 'achievements', whose body is replaced"),
])
def test_conflicting_overrides(content, rules, what):
    lines = fails(content, BASE + "sections:\n" + rules)
    assert any("conflicting overrides in unit 't'" in line and what in line for line in lines)


def test_added_section_id_must_be_new_and_blocks_need_a_kind(content):
    lines = fails(content, BASE + "sections:\n  append:\n    - id: lessons\n      title: X\n")
    assert any("section id 'lessons' is already used at" in line and
               "briefing-foreign-affairs.yaml:" in line for line in lines)
    assert any("an added top-level block needs a kind" in line for line in lines)


def test_unit_footnote_may_not_redefine_a_briefing_footnote(content):
    (line,) = fails(content, BASE + "footnotes:\n  peacekeeping: Khác.\n")
    assert line.startswith("units/unit.yaml:6:3: error: footnote 'peacekeeping' is already")


def test_problem_in_an_added_section_points_into_the_unit_file(content):
    (line,) = fails(content, BASE + "sections:\n  append:\n    - id: x\n      kind: section\n"
                                    "      title: X\n      body:\n        - Văn bản[^missing].\n")
    assert line.startswith("units/unit.yaml:11:11: error: footnote [^missing] is not defined")


def test_unknown_and_unavailable_placeholders(content):
    lines = fails(content, BASE + "meta:\n  subject: '{{unit.nam}} {{meeting.place}}'\n")
    assert "unknown placeholder {{unit.nam}} (did you mean \"unit.name\"?)" in lines[0]
    assert "{{meeting.place}} has no value here" in lines[1]


def test_placeholders_are_not_a_template_language(content):
    (line,) = fails(content, BASE + "meta:\n  subject: \"{{ unit.name.__class__ }}\"\n")
    assert "unknown placeholder {{unit.name.__class__}}" in line


def test_unit_code_cannot_escape_the_output_folder(content):
    (line,) = fails(content, "unit:\n  code: ../../etc\n  name: X\n")
    assert line.startswith("units/unit.yaml:2:9: error: unit.code:")


def test_meeting_date_must_exist(content):
    (line,) = fails(content, BASE, meeting="meeting:\n  name: H\n  date: 2024-02-30\n")
    assert line == ("meetings/m.yaml:3:9: error: meeting.date: '2024-02-30' does not exist in "
                    "the calendar")


def test_duplicate_unit_codes_and_unknown_unit(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text("unit:\n  code: same\n  name: X\n",
                                               encoding="utf-8")
    selection = select(CONTENT, [tmp_path])
    lines = [str(p) for p in selection.problems]
    a, b = f"{tmp_path / 'a.yaml'}:2:9", f"{tmp_path / 'b.yaml'}:2:9"
    # each names the other one's place (the second once read "also used at ; …")
    assert lines == [f"{a}: error: duplicate unit code 'same' (also used at {b}; each unit "
                     "needs its own code)",
                     f"{b}: error: duplicate unit code 'same' (also used at {a}; each unit "
                     "needs its own code)"]
    with pytest.raises(BriefingError) as excinfo:
        select(CONTENT, [UNITS], ["quan-2"])
    assert "unknown unit 'quan-2' (did you mean \"quan-1\"?)" in str(excinfo.value)


def test_three_units_sharing_a_code_each_name_the_two_others(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text("unit:\n  code: same\n  name: X\n",
                                               encoding="utf-8")
    selection = select(CONTENT, [tmp_path])
    places = {name: f"{tmp_path / f'{name}.yaml'}:2:9" for name in "abc"}
    hints = [p.hint for p in selection.problems]
    assert hints == [f"also used at {places['b']}, {places['c']}; each unit needs its own code",
                     f"also used at {places['a']}, {places['c']}; each unit needs its own code",
                     f"also used at {places['a']}, {places['b']}; each unit needs its own code"]
    assert all(choice.overlay is None for choice in selection.units)
