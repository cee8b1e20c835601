"""Fill-in blanks: `{blank}`, `{blank:40}`, `{fill}` read as inline Markdown (a span of their
own, an element in the tree), placeholders and escapes left alone, checked where they stand
and how wide they are; dots typed for a blank are a warning whose fix writes the blank, and a
blank is never an unbreakable run wider than a line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.text.inline_markdown import Span, parse_inline, plain_text, to_tree_markup
from briefing.units.placeholders import escape_markdown
from briefing.validation import validate_file
from briefing.validation.fixer import fix_file

HEAD = """meta:
  form: booklet
  issuer:
    name: BAN TUYÊN GIÁO
  place: Hà Nội
  date: 2024-03-05
footnotes:
  note: Ghi chú {blank}.
blocks:
  - id: context
    kind: context
    title: Bối cảnh {fill}
    body:
"""


def test_blanks_are_spans_of_their_own():
    spans = parse_inline("ngày {blank} tháng {blank:20.5mm} năm **{fill}**")
    blanks = [s for s in spans if s.blank]
    assert [(b.width, b.fill, b.bold) for b in blanks] == [(None, False, False),
                                                          (20.5, False, False),
                                                          (None, True, True)]
    assert Span("x") == Span("x", False, False, False)  # the old fields, the old defaults
    assert plain_text("Chức vụ: {fill}") == "Chức vụ: …"


def test_blanks_in_the_tree():
    markup = to_tree_markup("ngày {blank} tháng {blank:40} năm {fill}", lambda _: "")
    assert markup == 'ngày <blank/> tháng <blank width="40"/> năm <blank fill="fill"/>'


@pytest.mark.parametrize("text", ["\\{blank}", "{{ unit.name }}", "{{blank}}", "{blank:x}",
                                  "{fill:20}", "{name}"])
def test_escapes_placeholders_and_other_braces_stay_text(text: str):
    assert not any(span.blank for span in parse_inline(text))


def test_a_unit_name_with_braces_is_text_not_a_blank():
    assert not any(s.blank for s in parse_inline(escape_markdown("Chi bộ {blank}")))


def where(text: str, needle: str, nth: int = 1) -> str:
    """"line:col" of the nth line that holds `needle`, at the needle."""
    lines = [(i, line) for i, line in enumerate(text.splitlines(), 1) if needle in line]
    number, line = lines[nth - 1]
    return f"{number}:{line.index(needle) + 1}"


def _findings(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "doc.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return [f"{p.position.line}:{p.position.col} {p.severity}: {p.message}"
            for p in validate_file(path)]


def test_where_a_blank_may_stand(tmp_path: Path):
    body = """      - "Họ và tên: {fill}"
      - bullets: ["Chức vụ: {blank:40}"]
      - table:
          - [Họ và tên, Chữ ký]
          - ["{blank}", "{blank}"]
"""
    found = _findings(tmp_path, body)
    errors = [p for p in found if " error: " in p]
    assert errors == [f"{where(HEAD, '{fill}')} error: a fill-in blank cannot stand in a title"
                      ], found  # the footnote's {blank} prints (at the notes' size)


@pytest.mark.parametrize("written, message", [
    ("{blank:0}", "'{blank:0}': a blank is more than 0 mm wide"),
    ("{blank:4cm}", "'{blank:4cm}' is not a fill-in blank"),
    ("{blank:400}", "a blank 400 mm wide is wider than the 165 mm of a line"),
    ("{blnak}", "'{blnak}' is printed as written: did you mean {blank}?"),
])
def test_malformed_blanks(tmp_path: Path, written: str, message: str):
    body = f'      - "Họ và tên: {written}."\n'
    found = _findings(tmp_path, body)
    assert any(p.startswith(where(HEAD + body, written) + " ") and message in p
               for p in found), found


def test_typed_dots_become_blanks_with_the_fix(tmp_path: Path):
    long_run = "…" * 80
    found = _findings(tmp_path, f"""      - "ngày ....... tháng ....... năm ......."
      - "Chức vụ: {long_run}"
""")
    assert sum("dots typed for a fill-in blank" in p for p in found) == 4, found
    assert any("unbreakable run" in p for p in found)  # until it is written as a blank
    fix_file(tmp_path / "doc.yaml")
    text = (tmp_path / "doc.yaml").read_text("utf-8")
    assert '- "ngày {blank} tháng {blank} năm {fill}"' in text
    assert '- "Chức vụ: {fill}"' in text
    after = [str(p) for p in validate_file(tmp_path / "doc.yaml")]
    assert not any("unbreakable run" in p or "dots typed" in p or "space before" in p
                   for p in after), after


def test_an_ellipsis_is_not_a_blank(tmp_path: Path):
    found = _findings(tmp_path, '      - "Các nhiệm vụ: tuyên truyền, vận động..."\n')
    assert not any("dots typed" in p for p in found), found


def test_a_long_line_of_blanks_is_no_overflow(tmp_path: Path):
    blanks = "".join("{blank:15}" for _ in range(12))
    found = _findings(tmp_path, f'      - "Ký tên: {blanks}"\n')
    assert not any("unbreakable run" in p for p in found), found
