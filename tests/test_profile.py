"""A layout profile is user data: every mistake in a copy of party.yaml is a problem at its
line:col that names the field, never a traceback and never a silently wrong document."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.problems import BriefingError
from briefing.profile import model as profile_module
from briefing.profile.model import PROFILES_DIR, Profile, load_profile, load_profile_file

PARTY = (PROFILES_DIR / "party.yaml").read_text(encoding="utf-8")
STATE = (PROFILES_DIR / "state.yaml").read_text(encoding="utf-8")
HEADINGS = PARTY[PARTY.index("headings:"):PARTY.index("\n\n", PARTY.index("headings:")) + 1]
LADDER = '    hierarchical: ["{1:R}.", "{1}.{2}.", "{1}.{2}.{3}.", "{1}.{2}.{3}.{4}.", "{5:a})", ' \
         '"{6:r})"]'

# (id, text in party.yaml, its replacement, field named in the message, words of the message,
#  text of the broken file on whose line the problem is reported (default: the replacement))
CASES = [
    ("pattern", "pattern: '^(\\d{2,})?-[A-ZĐa-zđ]+/[A-ZĐ0-9-]+$'", "pattern: '(('",
     "document_number.pattern", "not a valid regular expression", None),
    ("date-unknown-field", 'format: "{place}, ngày {day}', 'format: "{place}, ngày {dya}',
     "date.format", "unknown field {dya} (did you mean {day}?)", None),
    ("date-missing-field", 'format: "{place}, ngày {day} tháng {month} năm {year}"',
     'format: "{place}, ngày {day} tháng {month}"', "date.format", "must contain {year}", None),
    ("date-day-in-month-only", 'month_only: "{place}, ngày    tháng',
     'month_only: "{place}, ngày {day} tháng', "date.month_only", "{day} cannot be used here",
     None),
    ("date-year-only", 'year_only: "{place}, ngày    tháng    năm {year}"',
     'year_only: "{place}, ngày    tháng    năm {yr}"', "date.year_only", "unknown field {yr}",
     None),
    ("date-cover-spec", 'cover: "{place}, tháng {month} năm {year}"',
     'cover: "{place}, tháng {month:>2} năm {year}"', "date.cover", "write the field bare",
     None),
    ("date-attribute", 'cover: "{place}, tháng {month} năm {year}"',
     'cover: "{place.__class__}, tháng {month} năm {year}"', "date.cover", "unknown field",
     None),
    ("date-brace", 'cover: "{place}, tháng {month} năm {year}"',
     'cover: "{place}, tháng {month} năm {year"', "date.cover", "not a valid format", None),
    ("page-size", "size: [210, 297]", "size: [210, -5]", "page.size[1]",
     "must be positive, found -5", None),
    ("page-size-nan", "size: [210, 297]", "size: [nan, 297]", "page.size[0]",
     "must be positive", None),
    ("margin", "left: 30, right: 15", "left: -30, right: 15", "page.margins.left",
     "must not be negative", None),
    ("margins-too-wide", "left: 30, right: 15", "left: 150, right: 90", "page.margins",
     "no room for text", None),
    ("body-size", "size: 14                         # 13–15", "size: 0 # 13–15", "body.size",
     "must be positive", None),
    ("footnote-line-height", "  line_height: 14\n", "  line_height: -14\n",
     "footnote.line_height",
     "must be positive", None),
    ("text-style-size", "{text: ĐẢNG CỘNG SẢN VIỆT NAM, size: 15,",
     "{text: ĐẢNG CỘNG SẢN VIỆT NAM, size: -15,", "masthead.title_lines[0].size",
     "must be positive", None),
    ("headings-empty", HEADINGS, "headings: []\n", "headings", "must not be empty", None),
    ("headings-too-few", HEADINGS, "\n".join(HEADINGS.splitlines()[:4]) + "\n", "headings",
     "3 styles for numbering.max_depth 6", "  - {size: 14, bold: true, italic: false"),
    ("bullets-empty", 'bullets: ["-", "+", "-"]', "bullets: []", "bullets",
     "must not be empty", None),
    ("ladder-foreign-level", LADDER, LADDER.replace('"{1}.{2}."', '"{1}.{9}."'),
     "numbering.ladders.hierarchical[1]", "{9} is not a level of a level-2 heading", None),
    ("ladder-unknown-style", LADDER, LADDER.replace('"{1:R}."', '"{1:X}."'),
     "numbering.ladders.hierarchical[0]", "unknown field {1:X}", None),
    ("ladder-named-field", LADDER, LADDER.replace('"{1:R}."', '"{one}."'),
     "numbering.ladders.hierarchical[0]", "unknown field {one}", None),
    ("ladder-own-level", LADDER, LADDER.replace('"{1}.{2}.{3}."', '"{1}.{2}."'),
     "numbering.ladders.hierarchical[2]", "must contain the counter of its level, {3}", None),
    ("ladder-conversion", LADDER, LADDER.replace('"{1}.{2}."', '"{1}.{2!r}."'),
     "numbering.ladders.hierarchical[1]", "conversions", None),
    ("ladder-short", LADDER, LADDER.replace(', "{5:a})", "{6:r})"', ""),
     "numbering.ladders.hierarchical", "4 formats for numbering.max_depth 6", None),
    ("numbering-default", "default: hierarchical", "default: hierarchcal", "numbering.default",
     'there is no ladder \'hierarchcal\' (did you mean "hierarchical"?)', None),
    ("max-depth-zero", "max_depth: 6", "max_depth: 0", "numbering.max_depth",
     "must be at least 1", None),
    ("max-depth-deeper-than-ladders", "max_depth: 6", "max_depth: 7",
     "numbering.ladders.hierarchical", "6 formats for numbering.max_depth 7",
     "hierarchical: ["),
    ("enumeration-no-counter", 'arabic: {format: "{n}."}', 'arabic: {format: "n."}',
     "enumerations.arabic.format", "has no counter", None),
    ("enumeration-unknown-field", 'arabic: {format: "{n}."}', "arabic: {format: '{wrod}.'}",
     "enumerations.arabic.format", "unknown field {wrod} (did you mean {word}?)", None),
    ("enumeration-word-without-words", 'alpha: {format: "{n:a})"}',
     'alpha: {format: "{word})"}', "enumerations.alpha.words", "needs the list of ordinal",
     None),
    ("masthead-columns-sum", "columns: [54, 46]", "columns: [64, 46]", "masthead.columns",
     "more than 100 %", None),
    ("closing-columns-zero", "columns: [50, 50]", "columns: [0, 50]", "closing.columns[0]",
     "must be positive", None),
    ("font-missing", "regular: liberation-serif/LiberationSerif-Regular.ttf",
     "regular: liberation-serif/NoSuchFont.ttf", "font.files.regular", "no font file", None),
    ("font-escapes", "bold: liberation-serif/LiberationSerif-Bold.ttf",
     "bold: ../profiles/party.yaml", "font.files.bold", "outside fonts/", None),
    ("font-absolute", "italic: liberation-serif/LiberationSerif-Italic.ttf",
     "italic: /etc/passwd", "font.files.italic", "outside fonts/", None),
    ("font-family-css", "pdf_family: Liberation Serif", "pdf_family: 'Liberation\"; color: red'",
     "font.pdf_family", "is not a font name", None),
    ("align", "mark: {size: 14, bold: true, boxed: true, space_before: 18}",
     "mark: {size: 14, bold: true, boxed: true, space_before: 18, align: centre}",
     "cover.mark.align",
     "unknown value 'centre'", None),
    ("unknown-key", "  header_distance: 10", "  header_distanse: 10", "page",
     "unknown key 'header_distanse'", None),
]


# The same, in a copy of state.yaml: what the party profile does not use.
STATE_CASES = [
    ("issuer-rule-missing", "  issuer_rule: 0.4", "  # issuer_rule: 0.4", "masthead.issuer_rule",
     "issuer_mark 'rule' needs its length", "  columns: [40, 60]"),
    ("issuer-rule-share", "issuer_rule: 0.4", "issuer_rule: 1.5", "masthead.issuer_rule",
     "must be a share of the line", None),
    ("issuer-mark", "issuer_mark: rule", "issuer_mark: line", "masthead.issuer_mark",
     "unknown value 'line'", None),
    ("number-example", "example: 12/QĐ-UBND", "example: 12-HD/BTGTU",
     "document_number.example", "does not match the pattern", None),
    ("title-lines-empty", STATE[STATE.index("  title_lines:"):STATE.index("  title_rule:")],
     "  title_lines: []\n", "masthead.title_lines", "must not be empty", None),
    ("title-line-text", "- {text: Độc lập - Tự do - Hạnh phúc, size: 14",
     "- {size: 14", "masthead.title_lines[1]", "missing required field 'text'",
     "- {size: 14, bold: true} "),
]


def _load_copy(directory: Path, text: str) -> Profile:
    path = directory / "office.yaml"
    path.write_text(text, encoding="utf-8")
    return load_profile_file(path)


@pytest.mark.parametrize(("old", "new", "field", "words", "at"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_broken_profile_is_a_problem_at_its_line(tmp_path, old, new, field, words, at):
    _assert_reported(tmp_path, PARTY, old, new, field, words, at)


@pytest.mark.parametrize(("old", "new", "field", "words", "at"),
                         [case[1:] for case in STATE_CASES],
                         ids=[case[0] for case in STATE_CASES])
def test_broken_state_profile_is_a_problem_at_its_line(tmp_path, old, new, field, words, at):
    _assert_reported(tmp_path, STATE, old, new, field, words, at)


def _assert_reported(tmp_path: Path, base: str, old: str, new: str, field: str, words: str,
                     at: str | None) -> None:
    assert base.count(old) == 1, "the case must change exactly one place of the profile"
    text = base.replace(old, new)
    start = text.index(at or new)
    line = text[:start].count("\n") + 1
    with pytest.raises(BriefingError) as raised:  # anything else is a traceback for a clerk
        _load_copy(tmp_path, text)
    problems = raised.value.problems
    shown = "\n".join(str(p) for p in problems)
    assert any(str(p).startswith(f"{tmp_path / 'office.yaml'}:{line}:")
               and p.message.startswith(f"{field}:") and words in str(p)
               for p in problems), shown


def test_party_profile_loads_unchanged():
    profile = load_profile_file(PROFILES_DIR / "party.yaml")
    assert profile == load_profile("party")
    assert profile.numbering.default == "hierarchical" and len(profile.headings) == 6


def test_state_profile_loads():
    profile = load_profile_file(PROFILES_DIR / "state.yaml")
    assert profile == load_profile("state")
    assert profile.numbering.default == "sequential" and len(profile.headings) == 4
    assert [line.text for line in profile.masthead.title_lines] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert profile.masthead.issuer_mark == "rule" and profile.document_number.prefix == "Số: "


def test_every_mistake_is_reported_in_one_pass(tmp_path):
    text = PARTY.replace("size: [210, 297]", "size: [210, -5]").replace(
        'format: "{place}, ngày {day}', 'format: "{place}, ngày {dya}').replace(
        "default: hierarchical", "default: nowhere")
    with pytest.raises(BriefingError) as raised:
        _load_copy(tmp_path, text)
    fields = {p.message.partition(":")[0] for p in raised.value.problems}
    assert {"page.size[1]", "date.format", "numbering.default"} <= fields


def test_a_profile_that_is_not_a_mapping(tmp_path):
    with pytest.raises(BriefingError, match="a layout profile is a mapping"):
        _load_copy(tmp_path, "- name: party\n")


def test_only_validation_errors_become_problems(tmp_path, monkeypatch):
    """A bug (any exception but pydantic's ValidationError) must not pass for a user mistake."""
    def broken(*args, **kwargs):
        raise KeyError("bug")

    monkeypatch.setattr(profile_module.Profile, "model_validate", broken)
    with pytest.raises(KeyError):
        _load_copy(tmp_path, PARTY)
    monkeypatch.undo()
    with pytest.raises(BriefingError):
        _load_copy(tmp_path, PARTY.replace("max_depth: 6", "max_depth: deep"))
