"""Numbering is computed from structure and the profile, never typed: ladders and markers."""

from __future__ import annotations

import re

import pytest

from briefing.numbering.counters import enumeration_marker, heading_number, letter, roman
from briefing.numbering.letters import VIETNAMESE, Letters, PastLastLetter, word_letter
from briefing.numbering.markers import parse
from briefing.numbering.sequence import Run
from briefing.profile.model import load_profile
from briefing.tree.base import nodes_of
from briefing.tree.plain_text import body_paragraphs
from briefing.tree.vocabulary import Item, Section


@pytest.mark.parametrize(("number", "expected"), [
    (1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman(number, expected):
    assert roman(number) == expected


def test_points_are_lettered_in_the_vietnamese_alphabet():
    """ND 30/2020, PL I §II.6.đ: a) b) c) d) đ) e) g) h) i) k) … — no f, j, w, z."""
    assert "".join(letter(n) for n in range(1, 24)) == "abcdđeghiklmnopqrstuvxy"


def test_what_follows_the_last_letter_is_the_profiles_to_say():
    with pytest.raises(PastLastLetter):
        letter(24)
    doubled = Letters(after="double")
    assert [doubled.letter(n) for n in (23, 24, 25, 28)] == ["y", "aa", "bb", "đđ"]
    assert doubled.value("đđ") == 28
    assert VIETNAMESE.value("đ") == 5 and VIETNAMESE.value("f") is None


def test_word_shows_latin_letters():
    """A Word lowerLetter list shows what Word shows (a–z, then aa, bb): the reader's view."""
    assert [word_letter(n) for n in (1, 6, 26, 27, 28)] == ["a", "f", "z", "aa", "bb"]


@pytest.mark.parametrize("run", [
    list("abcdđeghiklmno"),  # ND 30 and its appendices (d07: a–o)
    list("abcdefghij"),      # a clerk who counted in Latin
])
def test_a_run_of_points_reads_without_a_gap(run):
    sequence = Run()
    verdicts = [sequence.take(parse(f"{x}) Nội dung.")) for x in run]
    assert [v for _, v in verdicts] == ["first"] + [""] * (len(run) - 1)
    assert all(m.kind == "alpha" for m, _ in verdicts)  # "i)" after "h)" is a letter


def test_a_gap_and_a_repeat_are_seen():
    sequence = Run()
    verdicts = [sequence.take(parse(f"{x} Nội dung."))[1] for x in ("a)", "b)", "d)", "c)")]
    assert verdicts == ["first", "", "skip", "repeat"]
    roman = Run()
    assert [roman.take(parse(f"{x} Nội dung."))[0].kind for x in ("(i)", "(ii)", "(v)")] == [
        "paren-roman"] * 3


def test_party_ladders():
    ladders = load_profile("party").numbering.ladders
    assert heading_number(ladders["hierarchical"], [2]) == "II."
    assert heading_number(ladders["hierarchical"], [2, 1]) == "2.1."
    assert heading_number(ladders["hierarchical"], [2, 1, 6]) == "2.1.6."
    assert heading_number(ladders["sequential"], [1, 3]) == "3."
    assert heading_number(ladders["sequential"], [1, 3, 2]) == "3.2."
    assert heading_number(ladders["sequential"], [1, 3, 2, 1, 2]) == "b)"


def test_enumeration_markers():
    styles = load_profile("party").enumerations
    assert [enumeration_marker(styles["paren-roman"], n) for n in (1, 4)] == ["(i)", "(iv)"]
    assert enumeration_marker(styles["ordinal"], 6) == "Thứ sáu,"
    assert enumeration_marker(styles["paren-arabic"], 3) == "(3)"
    with pytest.raises(ValueError):
        enumeration_marker(styles["ordinal-spoken"], 11)


def _section(tree, section_id):
    return next(s for s in nodes_of(tree, Section) if s.id == section_id)


def test_briefing_headings_follow_the_hierarchical_ladder(briefing_pdf):
    numbers = {s.id: s.number for s in nodes_of(briefing_pdf.tree, Section)}
    assert numbers["context"] == "I." and numbers["guidance"] == "IV."
    assert numbers["international"] == "1.1." and numbers["domestic"] == "1.2."
    assert numbers["results"] == "2.1." and numbers["lessons"] == "2.2."
    assert [numbers[k] for k in ("leadership", "three-pillars")] == ["2.1.1.", "2.1.6."]
    assert numbers["orientations"] == "3.3."


def test_guidance_enumeration_reads_i_to_iv_without_gap(briefing_pdf):
    """The source typed (i) (ii) (iii) (v); the computed markers have no gap."""
    guidance = _section(briefing_pdf.tree, "guidance")
    markers = [item.marker for item in nodes_of(guidance, Item)]
    assert markers == ["(i)", "(ii)", "(iii)", "(iv)"]
    paragraphs = list(body_paragraphs(guidance.body))
    assert paragraphs[1].startswith("(i) Tiếp tục đẩy mạnh cụ thể hóa")
    assert paragraphs[4].startswith("(iv) Tiếp tục đẩy mạnh thông tin, tuyên truyền")


def test_orientations_use_vietnamese_ordinals(briefing_pdf):
    orientations = _section(briefing_pdf.tree, "orientations")
    markers = [item.marker for item in nodes_of(orientations, Item)]
    assert markers == ["Thứ nhất,", "Thứ hai,", "Thứ ba,", "Thứ tư,", "Thứ năm,", "Thứ sáu,"]
    paragraphs = list(body_paragraphs(orientations.body))
    assert paragraphs[0].startswith("Thứ nhất, tiếp tục củng cố vững chắc")
    # "Thứ tư" has a second paragraph, which carries no marker
    assert paragraphs[4].startswith("Chủ động, tích cực xây dựng")


def test_run_in_objectives(briefing_pdf):
    text = next(body_paragraphs(_section(briefing_pdf.tree, "objectives").body))
    for marker in ("(i) Tiếp tục", "(ii) bảo vệ", "(iii) Tận dụng", "(iv) Không ngừng"):
        assert marker in text


def test_programme_uses_the_sequential_ladder(programme_pdf):
    numbers = [s.number for s in nodes_of(programme_pdf.tree, Section)]
    assert numbers[:5] == ["I.", "1.", "1.1.", "1.2.", "1.3."]
    assert "3.3." in numbers and numbers.count("II.") == 1


POINTS = """meta:
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
      - enumerate: [{items}]
        style: alpha
"""


@pytest.mark.parametrize("profile", ["party", "state"])
def test_points_print_in_the_vietnamese_alphabet_in_both_writers(profile, tmp_path):
    """What a reader sees: "đ)" after "d)", "g)" after "e)", no "f)" or "j)", in the DOCX XML
    and in the PDF's text."""
    import io
    import zipfile

    import pdfplumber

    from briefing.builds.pipeline import build_file

    items = ", ".join(f"Điểm số {n}." for n in range(1, 15))
    source = tmp_path / "points.yaml"
    source.write_text(POINTS.format(profile=profile, items=items), encoding="utf-8")
    docx, pdf = sorted(build_file(source, tmp_path / "out"))
    expected = [f"{x}) Điểm số {n}." for n, x in enumerate("abcdđeghiklmno", start=1)]
    with zipfile.ZipFile(docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    words = re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml))
    assert [line for line in words.splitlines() if "Điểm số" in line] == expected
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert [line for line in text.splitlines() if "Điểm số" in line] == expected
