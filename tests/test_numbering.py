"""Numbering is computed from structure and the profile, never typed: ladders and markers."""

from __future__ import annotations

import pytest

from briefing.layout.numbering import enumeration_marker, heading_number, letter, roman
from briefing.profile.model import load_profile
from briefing.tree.base import nodes_of
from briefing.tree.plain_text import body_paragraphs
from briefing.tree.vocabulary import Item, Section


@pytest.mark.parametrize(("number", "expected"), [
    (1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman(number, expected):
    assert roman(number) == expected


def test_letters_run_past_z():
    assert [letter(n) for n in (1, 2, 26, 27, 28)] == ["a", "b", "z", "aa", "ab"]


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
