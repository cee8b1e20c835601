"""Legal structure in the content model (ND 30/2020 PL I §II.6.c–đ): where each item may
stand, what it must hold, points lettered in the profile's alphabet, numbered paragraphs with
children, units addressing legal items by id, and the build refusing, one line each, what the
writers do not print yet.

Positions are found by searching the test's own YAML, never by asking the code under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.cli import main
from briefing.content.legal import Article, Chapter, Clause, legal_key, legal_title, title_key
from briefing.content.loader import load_document
from briefing.problems import BriefingError
from briefing.units.addressing import index_sections
from briefing.validation import validate_file

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "types"

HEAD = """meta:
  form: official
  profile: state
  issuer:
    superior: ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
    name: SỞ NỘI VỤ
  number: 15/QĐ-SNV
  place: Hà Tĩnh
  date: 2024-03-05
  type: quyet-dinh
  subject: Về việc ban hành Quy chế làm việc
  enacting_authority: GIÁM ĐỐC SỞ NỘI VỤ
  signer:
    authority: GIÁM ĐỐC
    name: Trần Văn An
basis:
  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
  - Theo đề nghị của Chánh Văn phòng Sở.
"""


def problems(tmp_path: Path, blocks: str, head: str = HEAD) -> list[str]:
    path = tmp_path / "doc.yaml"
    path.write_text(head + blocks, encoding="utf-8")
    return [f"{p.position.line}:{p.position.col} {p.severity}: {p.message} ({p.hint})"
            for p in validate_file(path)]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_quy_che_of_chapters_loads_as_typed_items():
    loaded = load_document(FIXTURES / "state-quyet-dinh-quy-che.yaml")
    attached = loaded.document.appendices[0]
    chapters = attached.body
    assert [type(c) for c in chapters] == [Chapter] * 3
    articles = [a for c in chapters for a in c.body]
    assert len(articles) == 5 and all(isinstance(a, Article) for a in articles)
    assert [legal_title(a) for a in articles][:2] == ["Phạm vi điều chỉnh và đối tượng áp dụng",
                                                      "Giải thích từ ngữ"]
    titled = articles[2].body[0]
    assert isinstance(titled, Clause) and titled.titled and titled.clause == "Nguyên tắc"
    decision = loaded.document.blocks
    assert all(isinstance(a, Article) and not a.titled for a in decision)


def test_fifteen_points_of_a_clause_load_in_order():
    loaded = load_document(FIXTURES / "state-quyet-dinh.yaml")
    clause = loaded.document.blocks[1].body[0]
    assert isinstance(clause, Clause) and len(clause.points) == 15


@pytest.mark.parametrize("blocks, needle, message", [
    ("""blocks:
  - article: Phạm vi
    body:
      - clause: Một.
        body:
          - clause: Hai.
""", "clause: Hai.", "a clause (khoản) inside a clause (khoản)"),
    ("""blocks:
  - id: s
    kind: section
    title: Mục đích
    body:
      - article: Phạm vi
        body: [Quyết định này quy định chế độ làm việc.]
""", "article: Phạm vi", "an article (Điều) inside a section"),
    ("""blocks:
  - chapter: Chung
    body:
      - subdivision: Tiểu mục
        body:
          - article: Phạm vi
            body: [Quyết định này quy định chế độ làm việc.]
""", "subdivision: Tiểu mục", "a subdivision (Tiểu mục) inside a chapter (Chương)"),
    ("""blocks:
  - chapter: Chung
    body:
      - article: Phạm vi
        body: [Quyết định này quy định chế độ làm việc.]
  - article: Hiệu lực
    body: [Quyết định này có hiệu lực kể từ ngày ký.]
""", "article: Hiệu lực", "an article (Điều) beside chapters (Chương)"),
    ("""blocks:
  - article: Phạm vi
    body:
      - numbered: Quyết định này quy định chế độ làm việc.
""", "numbered: Quyết", "a numbered paragraph inside an article (Điều)"),
    ("""blocks:
  - article: Phạm vi
    body:
      - bullets:
          - [{article: Hiệu lực, body: [Có hiệu lực.]}]
""", "article: Hiệu lực", "an article (Điều) inside a list"),
    ("""blocks:
  - chapter: Chung
""", "chapter: Chung", "chapter (Chương) 'Chung' has no body"),
    ("""blocks:
  - article: Phạm vi
    body:
      - clause: Nguyên tắc
        titled: true
""", "clause: Nguyên tắc", "a titled clause has no text"),
])
def test_misplaced_and_empty_items_are_one_error_each(tmp_path, blocks, needle, message):
    found = problems(tmp_path, blocks)
    errors = [p for p in found if " error: " in p]
    assert len(errors) == 1, found
    line = line_of(HEAD + blocks, needle)
    assert errors[0].startswith(f"{line}:") and message in errors[0], errors


def test_parts_may_hold_sections_or_chapters(tmp_path):
    blocks = """blocks:
  - part: Tình hình thực hiện nhiệm vụ
    body:
      - id: ket-qua
        title: Kết quả
        body: [Hoàn thành các chỉ tiêu đề ra.]
  - part: Quy định chung
    body:
      - chapter: Phạm vi
        body:
          - article: Phạm vi điều chỉnh
            body: [Quyết định này quy định chế độ làm việc.]
"""
    assert not [p for p in problems(tmp_path, blocks) if " error: " in p]


def test_points_past_the_alphabet_are_fine_where_the_profile_doubles(tmp_path):
    points = "".join(f"          - Hồ sơ loại {i};\n" for i in range(1, 25))
    blocks = f"""blocks:
  - article: Danh mục
    body:
      - clause: "Danh mục gồm:"
        points:
{points}"""
    errors = [p for p in problems(tmp_path, blocks) if " error: " in p]
    assert len(errors) == 1 and "point 24 cannot be lettered" in errors[0]
    from briefing.profile.model import load_profile
    from briefing.validation.legal_nesting import legal_findings
    from briefing.validation.locate import Locator

    loaded = load_document(tmp_path / "doc.yaml")
    state = load_profile("state")
    doubled = state.model_copy(update={"numbering": state.numbering.model_copy(
        update={"after_letters": "double"})})
    assert not legal_findings(loaded, doubled, Locator(loaded.source))


def test_legal_ids_are_unique_with_section_ids(tmp_path):
    blocks = """blocks:
  - part: Tình hình
    id: tinh-hinh
    body:
      - id: tinh-hinh
        title: Kết quả
        body: [Hoàn thành các chỉ tiêu đề ra.]
"""
    found = problems(tmp_path, blocks)
    assert any("duplicate id 'tinh-hinh'" in p for p in found), found


def test_typed_labels_in_legal_titles_are_warnings_with_fixes(tmp_path):
    blocks = """blocks:
  - chapter: "Chương I. Quy định chung"
    body:
      - article: "Điều 1. Phạm vi điều chỉnh"
        body:
          - clause: 1. Quyết định này quy định chế độ làm việc.
            points: [a) Các phòng chuyên môn;, đ) Các đơn vị trực thuộc.]
"""
    found = problems(tmp_path, blocks)
    for typed in ("'Chương I.'", "'Điều 1.'", "'1.'", "'a)'", "'đ)'"):
        assert any("hand-typed" in p and typed in p and "fix: remove" in p for p in found), \
            (typed, found)


def test_numbered_paragraphs_have_numbered_children(tmp_path):
    head = HEAD.replace("type: quyet-dinh", "type: bao-cao").replace("15/QĐ-SNV", "15/BC-SNV")
    head = head.replace("  enacting_authority: GIÁM ĐỐC SỞ NỘI VỤ\n", "")
    head = head[:head.index("basis:")]
    blocks = """blocks:
  - numbered: Công tác tuyên truyền được đẩy mạnh.
    body:
      - numbered: Tổ chức 12 hội nghị báo cáo viên.
      - numbered: Phát hành 4.000 bản tin nội bộ.
"""
    assert problems(tmp_path, blocks, head) == []
    loaded = load_document(tmp_path / "doc.yaml")
    assert [c.numbered for c in loaded.document.blocks[0].body] == [
        "Tổ chức 12 hội nghị báo cáo viên.", "Phát hành 4.000 bản tin nội bộ."]
    deep = """blocks:
  - numbered: Một.
    body:
      - numbered: Hai.
        body:
          - numbered: Ba.
            body:
              - numbered: Bốn.
                body:
                  - numbered: Năm.
"""
    found = problems(tmp_path, deep, head)
    assert any(p.startswith(f"{line_of(head + deep, 'Năm.')}:") and "nested 5 levels" in p
               for p in found), found


def test_units_address_legal_items_by_id():
    data = {"blocks": [{"chapter": "Chung", "id": "chung", "body": [
        {"article": "Phạm vi", "id": "pham-vi", "body": ["x"]}, {"article": "Khác"}]}]}
    index = index_sections(data, set())
    assert set(index) == {"chung", "pham-vi"}
    assert index["pham-vi"].ancestors == ("chung",)
    assert legal_key(data["blocks"][0]) == "chapter" and title_key(data["blocks"][0]) == "chapter"
    assert title_key({"title": "x", "id": "y"}) == "title"


def test_a_unit_excludes_an_article_and_retitles_a_chapter(tmp_path):
    from briefing.units.load import parse_unit
    from briefing.units.sources import SourceFile
    from briefing.units.variant import load_variant

    unit = SourceFile("content/units/so-noi-vu.yaml", """unit:
  code: so-noi-vu
  name: Sở Nội vụ
sections:
  exclude: [thong-tin-cung-cap]
  replace:
    quy-dinh-chung:
      title: Những quy định chung
""".encode())
    source = FIXTURES / "state-quyet-dinh-quy-che.yaml"
    content = SourceFile("tests/fixtures/types/state-quyet-dinh-quy-che.yaml", source.read_bytes())
    loaded = load_variant(content, parse_unit(unit)).loaded
    chapters = loaded.document.appendices[0].body
    assert chapters[0].chapter == "Những quy định chung"
    assert [legal_title(a) for a in chapters[1].body] == ["Trách nhiệm cung cấp thông tin"]


def test_legal_structure_builds_and_the_rest_is_refused_one_line_each(tmp_path, capsys,
                                                                       monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    out = tmp_path / "out"
    code = main(["build", str(FIXTURES / "party-quy-che.yaml"), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["party-quy-che.docx", "party-quy-che.pdf"]
    # a quyết định: its articles print; what this version cannot print yet (if anything) is
    # refused one line each, never legal structure, and nothing is written
    out = tmp_path / "refused"
    code = main(["build", str(FIXTURES / "state-quyet-dinh.yaml"), "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if "cannot be printed yet" in line]
    assert not any("legal structure" in line or "blank" in line for line in lines), err
    if code == 2:
        assert lines and all(line.startswith(f"{FIXTURES / 'state-quyet-dinh.yaml'}:")
                             for line in lines), err
        assert not out.exists() or not any(out.iterdir())


def test_a_type_named_by_its_key_prints_its_name(tmp_path):
    from briefing.tree.prepare import prepare

    text = (PROJECT_ROOT / "tests" / "fixtures" / "state-decision.yaml").read_text("utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace("type: KẾ HOẠCH", "type: ke-hoach"), encoding="utf-8")
    assert prepare(load_document(path)).meta.type == "KẾ HOẠCH"


def test_a_broken_legal_item_is_a_schema_error_at_its_key(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text(HEAD + """blocks:
  - article: [Một., Hai.]
    body: [Ba.]
""", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_document(path)
    problem = caught.value.problems[0]
    assert problem.position.line == line_of(path.read_text("utf-8"), "article: [")
    assert "an article's title is one line" in problem.message
