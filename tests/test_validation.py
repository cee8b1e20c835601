"""Validation: exact positions inside scalars, hygiene rules, typed numbering, the check
command's exit codes and `--fix` (comments and key order kept, result re-validates), limits.

Expected positions are found by searching the test's own YAML text, never by asking the code
under test where it thinks things are.
"""

from __future__ import annotations

import resource
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from briefing import PROJECT_ROOT
from briefing.cli import main
from briefing.content.loader import load_document
from briefing.problems import BriefingError
from briefing.source.yaml_source import MAX_FILE_BYTES, MAX_YAML_NODES, _ComposeGuard, load_yaml
from briefing.validation import check_loaded, validate_file
from briefing.validation.fixer import fix_file, fix_text
from briefing.validation.hygiene import (
    HOMOGLYPHS,
    LOOKALIKES,
    character_issues,
    quote_issues,
    spacing_issues,
)
from briefing.validation.locate import Locator
from briefing.validation.markup import markup_issues
from briefing.validation.spans import nfc_offsets, scalar_spans
from briefing.validation.string_issues import issues_of
from briefing.validation.typed_numbers import numbering_issues
from tests.work_counting import bytes_read, calls_made, hang_guard

HEAD = """meta:
  form: booklet
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


def write(tmp_path: Path, text: str, name: str = "doc.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def where(text: str, line_has: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of `needle` on the first line containing `line_has`."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line_has in line:
            return number, line.index(needle) + 1
    raise AssertionError(line_has)


def located(problems, code_or_text: str):
    return [p for p in problems if code_or_text in p.message or p.code == code_or_text]


# -- positions inside scalars ---------------------------------------------------------------

SCALARS = r"""a: plain  text here
b: 'it''s  ok'
c: "esc \u00a0 \" x\ty"
d: plain
  continued   line

  after blank
e: "quoted
   folded \
   joined"
f: |
  lit line
    more

  last
g: >-
  folded a
  folded b

  para
   indented
  end
h: [flow a, 'b c', "d"]
i: |+
  keep

j:
  - |-
      deep
      text
  - "  lead"
"""


def test_spans_reproduce_every_scalar_style():
    document = load_yaml("s.yaml", SCALARS)
    assert len(document.source.scalars) == 13
    for path, scalar in document.source.scalars.items():
        spans = scalar_spans(SCALARS, scalar)
        assert spans is not None, path
        assert "".join(spans.chars) == scalar.raw
        for char, start, end, direct in zip(spans.chars, spans.starts, spans.ends,
                                            spans.direct, strict=True):
            written = SCALARS[start:end]
            if direct and char != "\n":
                assert written == char or written.startswith(("\\", "''")), (path, char)


def test_position_inside_escapes_and_folds():
    document = load_yaml("s.yaml", SCALARS)
    locator = Locator(document.source)
    # 'x' after the escaped quote in c:
    value = document.data["c"]
    position = locator.position(("c",), value.index("x"))
    assert (position.line, position.col) == where(SCALARS, 'c: "esc', "x\\t")
    # 'after' on the third line of the multi-line plain scalar d:
    value = document.data["d"]
    position = locator.position(("d",), value.index("after"))
    assert (position.line, position.col) == where(SCALARS, "after blank", "after")
    # 'more' inside the literal block f:
    position = locator.position(("f",), document.data["f"].index("more"))
    assert (position.line, position.col) == where(SCALARS, "    more", "more")
    # the apostrophe written '' in b:
    position = locator.position(("b",), document.data["b"].index("'"))
    assert (position.line, position.col) == where(SCALARS, "b: 'it", "''")


def test_edit_refuses_folded_line_breaks():
    document = load_yaml("s.yaml", SCALARS)
    locator = Locator(document.source)
    value = document.data["d"]
    fold = value.index("plain ") + len("plain")
    assert locator.edit(("d",), fold, fold + 1, "") is None  # the space is a line break
    assert locator.edit(("d",), 0, 5, "PLAIN") is not None


def test_nfc_offsets_follow_decomposed_text():
    raw = "Bo\u0302\u0301i ca\u0309nh ð"
    offsets = nfc_offsets(raw)
    assert offsets is not None
    assert raw[offsets[-1]] == "ð"
    assert len(offsets) == len("Bối cảnh ð")


# -- hygiene --------------------------------------------------------------------------------

@pytest.mark.parametrize("char", sorted(LOOKALIKES))
def test_lookalike_letters_are_flagged_and_fixed(char):
    issues = character_issues(f"Thành phố {char}à Nẵng")
    assert [(i.start, i.replacement) for i in issues] == [(10, LOOKALIKES[char])]


def test_cyrillic_and_greek_only_inside_latin_words():
    assert character_issues("Việt Nаm")[0].replacement == "a"  # Cyrillic а
    assert character_issues("mοt")[0].replacement == "o"  # Greek ο
    assert character_issues("tia α và β") == []  # Greek words on their own are fine
    assert character_issues("Москва") == []
    assert set(HOMOGLYPHS.values()) <= set("abcdeghijkmnopqstuvwxyzABCDEHIJKMNOPSTXYZ")


@pytest.mark.parametrize(("text", "code", "replacement"), [
    ("a\u200bb", "invisible", ""), ("a\u00adb", "invisible", ""), ("a\u202eb", "invisible", ""),
    ("a\ufeffb", "invisible", ""), ("a\x07b", "control", ""), ("a\u2028b", "control", " "),
    ("o\u0301\u0301", "accent", None), ("a\uf0b7", "private-use", None),
    ("a\ufffdb", "damaged", None),
])
def test_invisible_and_control_characters(text, code, replacement):
    issues = character_issues(unicodedata.normalize("NFC", text))  # as loaded
    assert [(i.code, i.replacement) for i in issues] == [(code, replacement)]


@pytest.mark.parametrize(("text", "fixed"), [
    ("a  b", "a b"), ("a\u00a0b", "a b"), ("a\tb", "a b"), ("a \u00a0 b", "a b"),
    ("a , b", "a, b"), ("a .", "a."), ("a ?", "a?"), ("a ;b", "a;b"), ("( a )", "(a)"),
    (" a", "a"), ("a ", "a"), ("**Chú ý** :", "**Chú ý**:"),
])
def test_spacing_fixes(text, fixed):
    result = text
    for issue in sorted(spacing_issues(text), key=lambda i: -i.start):
        assert issue.replacement is not None
        result = result[:issue.start] + issue.replacement + result[issue.end:]
    assert result == fixed


@pytest.mark.parametrize("text", ["a b", "1 .000 người", "giá ,5", "a\nb",
                                  "“a” và (b)", "a - b", "8 - 10"])
def test_spacing_leaves_good_text_alone(text):
    assert spacing_issues(text) == []


def test_quotes_pair_and_apostrophes():
    issues = quote_issues('Cuộc vận động "Người dân" và Int\'l')
    assert [i.replacement for i in sorted(issues, key=lambda i: i.start)] == ["“", "”", "’"]
    assert [i.replacement for i in quote_issues('một " lẻ')] == [None]


# -- hand-typed numbering -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "removed"), [
    ("I. Bối cảnh", "I. "), ("IV. Nhiệm vụ", "IV. "), ("2.1.3. Tình hình", "2.1.3. "),
    ("1.1 Tình hình", "1.1 "), ("(iv) Củng cố", "(iv) "), ("iv) Củng cố", "iv) "),
    ("a) Nội dung", "a) "), ("(a) Nội dung", "(a) "), ("b. Nội dung", "b. "),
    ("1. Nội dung", "1. "), ("(2) Nội dung", "(2) "), ("3) Nội dung", "3) "),
    ("Thứ nhất, tiếp tục", "Thứ nhất, "), ("Thứ mười hai: tiếp", "Thứ mười hai: "),
    ("Hai là, bảo vệ", "Hai là, "), ("- Tăng cường", "- "), ("+ Tăng cường", "+ "),
    ("• Tăng cường", "• "), ("**I.** Bối cảnh", "**I.** "),
])
def test_typed_numbering_is_found_with_its_fix(text, removed):
    issues = numbering_issues(text, "title")
    assert len(issues) == 1
    issue = issues[0]
    assert text[issue.start:issue.end] == removed.lstrip("*") or \
        text[issue.start:issue.end] == removed
    assert issue.replacement == ""


def test_typed_numbering_keeps_emphasis():
    text = "**I. Bối cảnh**"
    issue = numbering_issues(text, "title")[0]
    assert text[:issue.start] + text[issue.end:] == "**Bối cảnh**"


@pytest.mark.parametrize("text", ["1.500 người tham gia", "V.I. Lênin", "C. Mác và Ph. Ăngghen",
                                  "2024 là năm", "*Kinh tế* phát triển", "Một số định hướng",
                                  "Thứ trưởng Bộ Ngoại giao", "Ia Grai", "Đà Nẵng"])
def test_typed_numbering_false_friends(text):
    assert numbering_issues(text, "title") == []
    assert numbering_issues(text, "item") == []
    assert numbering_issues(text, "paragraph") == []


def test_numbering_only_where_numbers_are_computed():
    assert numbering_issues("I. Lưu", "recipient") == []  # only bullets are added there
    assert numbering_issues("- Lưu.", "recipient")
    assert numbering_issues("I. Đoạn văn", "line") == []  # a byline, a note …


@pytest.mark.parametrize("text", ["I. Đoạn văn", "1.1. Quan hệ với Lào", "2. Công tác",
                                  "(iv) Nhiệm vụ", "a) Nội dung", "- Gạch đầu dòng"])
def test_typed_numbering_in_paragraphs_is_flagged_without_a_fix(text):
    """A typed number at the start of a paragraph asks for a change of structure (a numbered
    paragraph or a list), which no text fix can make: a warning that says so, no fix."""
    [issue] = numbering_issues(text, "paragraph")
    assert issue.start == 0 and issue.replacement is None
    assert "numbered:" in issue.message


def test_an_ordinal_opening_a_paragraph_is_prose():
    assert numbering_issues("Thứ nhất, công tác đối ngoại đã …", "paragraph") == []
    assert numbering_issues("Một là, cần phải tiếp tục …", "paragraph") == []


@pytest.mark.parametrize(("text", "role", "removed"), [
    ("Bảng 1. Một số số liệu", "caption", "Bảng 1. "),
    ("Hình 2: Toàn cảnh", "caption", "Hình 2: "),
    ("2.1. Quan hệ với Lào", "numbered", "2.1. "),
])
def test_typed_labels_of_computed_numbers(text, role, removed):
    [issue] = numbering_issues(text, role)
    assert text[issue.start:issue.end] == removed and issue.replacement == ""


def test_typed_appendix_label():
    [issue] = numbering_issues("PHỤ LỤC II: Toàn văn", "title", ("appendices", 0, "title"))
    assert issue.replacement == "" and "PHỤ LỤC II:" in issue.message
    assert numbering_issues("Phụ lục và bảng", "title", ("appendices", 0, "title")) == []


# -- markup ---------------------------------------------------------------------------------

def test_markup_warnings():
    codes = {i.message.split("'")[1] for i in markup_issues(
        "a <b>b</b> <img src=x> &amp; <!-- c -->", "paragraph")}
    assert codes == {"<b>", "</b>", "<img src=x>", "&amp;", "<!-- c -->"}
    assert markup_issues("x < 5 và y > 3", "paragraph") == []
    stray = markup_issues("a *b* c *d", "paragraph")
    assert [i.start for i in stray] == [8]
    assert markup_issues(r"a \*b", "paragraph") == []
    assert markup_issues("***đậm nghiêng***", "paragraph") == []


@pytest.mark.parametrize(("unit", "times", "tail"), [
    ("a *b* c ", 2000, "*"), ("*", 5000, ""), ("**a", 2000, ""), (" ,", 5000, ""),
    ('"', 5000, ""), ("<a ", 5000, ""), (" ", 20000, "x"), ("\u00a0x", 5000, ""),
    ("Nаm ", 3000, ""), ("I. ", 3000, "")])
def test_string_checks_stay_linear_on_pathological_text(unit, times, tail):
    """Twice the text, at most about twice the work (calls counted, not time), and no
    runaway regular expression (a hang guard far above the milliseconds it takes)."""
    def work(value: str) -> int:
        return calls_made(lambda: [issues_of(value, role)
                                   for role in ("title", "paragraph", "meta")])

    with hang_guard():
        single, double = work(unit * times + tail), work(unit * 2 * times + tail)
    assert double <= 2.5 * single + 100, (single, double)


# -- whole files ----------------------------------------------------------------------------

def test_default_content_is_clean(capsys, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    assert main(["check", "--strict"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "0 errors, 0 warnings" in captured.out


def test_check_loaded_on_default_content():
    for path in sorted((PROJECT_ROOT / "content").glob("*.yaml")):
        assert check_loaded(load_document(path)) == []


def test_check_loaded_without_scalar_positions(tmp_path):
    """Documents assembled from several files (unit variants) have positions but no scalars:
    problems are then reported at the value's position, without fixes."""
    text = HEAD + "      - Đoạn văn Ðà Nẵng.\n"
    loaded = load_document(write(tmp_path, text))
    exact = check_loaded(loaded)
    loaded.source.scalars.clear()
    approximate = check_loaded(loaded)
    assert [p.message for p in exact] == [p.message for p in approximate]
    assert (exact[0].position.line, exact[0].position.col) == where(text, "Ðà", "Ð")
    assert (approximate[0].position.line, approximate[0].position.col) == \
        where(text, "Ðà", "Đoạn")
    assert approximate[0].fix is None


def test_exit_codes(tmp_path, capsys):
    clean = write(tmp_path, HEAD + "      - Đoạn văn.\n", "clean.yaml")
    warned = write(tmp_path, HEAD + "      - Đoạn  văn.\n", "warned.yaml")
    broken = write(tmp_path, HEAD.replace("kind: context", "kind: contex") + "      - x\n",
                   "broken.yaml")
    assert main(["check", str(clean)]) == 0
    assert main(["check", "--strict", str(clean)]) == 0
    assert main(["check", str(warned)]) == 0
    assert main(["check", "--strict", str(warned)]) == 1
    assert main(["check", str(broken)]) == 2
    assert main(["check", "--strict", str(warned), str(broken)]) == 2
    assert main(["check", str(tmp_path / "missing.yaml")]) == 2
    err = capsys.readouterr().err
    assert "missing.yaml: error: file does not exist" in err


def test_problems_are_in_file_order_with_severity(tmp_path):
    text = HEAD + "      - Đoạn  văn[^x].\n      - id: context\n        title: Lặp\n"
    problems = validate_file(write(tmp_path, text))
    lines = [str(p) for p in problems]
    assert lines == sorted(lines, key=lambda s: tuple(int(n) for n in s.split(":")[1:3]))
    assert {p.severity for p in problems} == {"error", "warning"}
    line, col = where(text, "[^x]", "[^x]")
    assert any(p.position.line == line and p.position.col == col and "[^x]" in p.message
               for p in problems)


def test_schema_errors_and_text_warnings_together(tmp_path):
    text = HEAD.replace("kind: context", "kind: achievments") + "      - Ðoạn văn.\n"
    problems = validate_file(write(tmp_path, text))
    assert {p.severity for p in problems} == {"error", "warning"}
    assert any("did you mean \"achievements\"?" in str(p) for p in problems)
    assert any("'Ð'" in p.message for p in problems)


# -- --fix ----------------------------------------------------------------------------------

MESSY = """# Tài liệu thử: comments and key order must survive --fix
meta:
  place: Hà Nội        # place before form on purpose
  form: booklet
  issuer: {name: BAN TUYÊN GIÁO}
  date: 2024-03-05
  recipients:
    - '- Lưu.'
blocks:
  - kind: context      # kind before id on purpose
    id: context
    title: I. *Bối cảnh*
    body:
      - Đoạn văn có chữ Ðà Nẵng , "trích dẫn" và  khoảng trắng.
      - 'It''s  đoạn văn thứ hai.'
      - "Tab\\there \\u200b và\\u00a0nbsp."
      - >
        Một đoạn gấp  dòng
        thứ hai ,ok.
      - bullets:
          - "- Một;"
          - (iv) Hai.
"""


def test_fix_rewrites_safely_and_keeps_comments_and_order(tmp_path, capsys):
    path = write(tmp_path, MESSY)
    before = validate_file(path)
    assert sum(p.fix is not None for p in before) >= 12
    assert main(["check", "--fix", str(path)]) == 0
    fixed = path.read_text(encoding="utf-8")
    assert "# Tài liệu thử: comments and key order must survive --fix" in fixed
    assert "# place before form on purpose" in fixed and "# kind before id on purpose" in fixed
    assert fixed.index("place:") < fixed.index("form:")
    assert fixed.index("kind: context") < fixed.index("id: context")
    assert validate_file(path) == []
    data = yaml.safe_load(fixed)
    body = data["blocks"][0]["body"]
    assert data["blocks"][0]["title"] == "*Bối cảnh*"
    assert body[0] == "Đoạn văn có chữ Đà Nẵng, “trích dẫn” và khoảng trắng."
    assert body[1] == "It’s đoạn văn thứ hai."
    assert body[2] == "Tab here và nbsp."
    assert body[3] == "Một đoạn gấp dòng thứ hai,ok.\n"
    assert body[4]["bullets"] == ["Một;", "Hai."]
    assert data["meta"]["recipients"] == ["Lưu."]
    # untouched lines are byte for byte the same
    assert fixed.splitlines()[2] == MESSY.splitlines()[2]
    assert "fixed" in capsys.readouterr().out


def test_fix_is_idempotent_and_leaves_clean_files_alone(tmp_path):
    path = write(tmp_path, MESSY)
    fix_file(path)
    once = path.read_bytes()
    result = fix_file(path)
    assert path.read_bytes() == once
    assert (result.applied, result.changed) == (0, False)
    clean = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
    text = clean.read_text(encoding="utf-8")
    assert fix_text(clean, text) == (text, 0)


def test_fix_repairs_nfc_and_control_characters(tmp_path):
    raw = HEAD + "      - \"Bo\u0302\u0301i ca\u0309nh.\"\n      - Chuông\x07 reo.\n"
    path = write(tmp_path, raw)
    assert "U+0007" in str(validate_file(path)[0])
    result = fix_file(path)
    assert result.problems == []
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["blocks"][0]["body"] == [
        "Bối cảnh.", "Chuông reo."]


def test_fix_keeps_crlf_and_bom(tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEAD + "      - a  b\n").replace("\n", "\r\n")
                     .encode("utf-8"))
    fix_file(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == HEAD.count("\n") + 1
    assert b"a b\r\n" in data


def test_fix_fixes_document_number(tmp_path):
    text = HEAD.replace("  date:", "  number: Số 5-HD/BTGTU\n  date:") + "      - x.\n"
    path = write(tmp_path, text)
    assert any(p.code == "number" for p in validate_file(path))
    fix_file(path)
    assert "number: 05-HD/BTGTU" in path.read_text(encoding="utf-8")
    assert validate_file(path) == []


def test_fix_cannot_touch_an_unparsable_file(tmp_path):
    path = write(tmp_path, "meta: [\n")
    before = path.read_bytes()
    result = fix_file(path)
    assert path.read_bytes() == before and result.problems


# -- limits ---------------------------------------------------------------------------------

class Counter:
    count = 0


@contextmanager
def composed_values() -> Iterator[Counter]:
    """Counts the YAML values the loader composes (both loaders share the guard)."""
    counter = Counter()
    original = _ComposeGuard.compose_node

    def counted(self, parent, index):
        counter.count += 1
        return original(self, parent, index)

    _ComposeGuard.compose_node = counted
    try:
        yield counter
    finally:
        _ComposeGuard.compose_node = original


def test_oversize_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no time, no disk
    before = bytes_read()
    problems = validate_file(path)
    if before is not None:  # not one of its 2,000,001 bytes was read
        assert bytes_read() - before < 100_000
    assert "more than the limit of 2,000,000" in str(problems[0])


def test_billion_laughs_is_refused_quickly_and_cheaply(tmp_path):
    layers = ['a: &a ["' + "lol" * 10 + '"]']
    for k in range(1, 12):
        layers.append(f"{chr(97 + k)}: &{chr(97 + k)} [" + ", ".join([f"*{chr(96 + k)}"] * 10)
                      + "]")
    path = write(tmp_path, "\n".join(layers) + "\n")
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with composed_values() as values, hang_guard():
        problems = validate_file(path)
    # refused at the first anchor, by each of the two loaders (libyaml's, then the exact one
    # that words the message): nothing was expanded
    assert values.count <= 2 * 3
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory < 20_000  # kB
    assert str(problems[0]).startswith(f"{path}:1:4: error:")
    assert "anchors are not allowed" in problems[0].message


@pytest.mark.parametrize("text", ["a: " + "[" * 100_000, "a: " + "{a: " * 50_000,
                                  "a:\n" + "".join("  " * k + "- \n" for k in range(1, 200))])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path, text):
    problems = validate_file(write(tmp_path, text))
    assert "nesting deeper than 40 levels" in problems[0].message


def test_too_many_values_is_refused(tmp_path):
    with composed_values() as values, hang_guard():
        problems = validate_file(write(tmp_path, "- a\n" * 60_000))
    # each of the two loaders (libyaml's, then the exact one that words the message) stopped
    # at the limit: the other 9,999 values were never composed
    assert values.count == 2 * (MAX_YAML_NODES + 1)
    assert "more than 50,000 values" in problems[0].message


def test_sections_deeper_than_the_profile(tmp_path):
    body, indent = "", "      "
    for level in range(2, 9):
        body += f"{indent}- id: s{level}\n{indent}  title: Mức {level}\n{indent}  body:\n"
        indent += "    "
    body += f"{indent}- Đoạn.\n"
    problems = validate_file(write(tmp_path, HEAD + body))
    too_deep = located(problems, "too-deep")
    assert len(too_deep) == 1 and "'s7' is nested 7 levels deep" in too_deep[0].message


def test_never_raises_for_garbage(tmp_path):
    for blob in (b"\x00\x01\x02", b"\xff\xfe", b"---\n...\n", b"[]", b"- - - -", b"!!binary x",
                 b"? [a]\n: b\n", b"%YAML 1.1\n---\na: 1\n", b"a: !!int x\n"):
        path = tmp_path / "garbage.yaml"
        path.write_bytes(blob)
        problems = validate_file(path)
        assert problems and all(p.position.file == str(path) for p in problems)


def test_load_still_raises_briefing_errors(tmp_path):
    with pytest.raises(BriefingError):
        load_document(write(tmp_path, HEAD.replace("kind: context", "kind: x") + "      - y\n"))


@pytest.mark.parametrize("loaded_check", [False, True])
def test_check_walks_every_string_once(monkeypatch, loaded_check):
    """The text checks and the font's run in one walk over a document's strings, counted
    (not timed): a booklet's 210 strings are visited once, not once per family of checks."""
    from briefing.validation import check_file
    from briefing.validation import strings as walker

    booklet = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
    loaded = load_document(booklet)
    walks: list[int] = []
    original = walker.strings

    def counted(data, path=()):
        if path == ():
            walks.append(0)
        for item in original(data, path):
            if path == ():
                walks[-1] += 1
            yield item

    monkeypatch.setattr(walker, "strings", counted)
    problems = check_loaded(loaded) if loaded_check else check_file(booklet).problems
    assert len(walks) == 1 and walks[0] > 150
    assert not [p for p in problems if p.severity == "error"]
