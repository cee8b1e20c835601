"""What changed since an archived edition, in the clerk's words, in either language: sections
by their number and title as printed, never an input's key or path."""

from __future__ import annotations

from briefing.editions.change_words import section_changes
from briefing.editions.diff import SectionText, VariantText
from briefing.messages.language import speaking


def _text(*sections: tuple[str, str, list[str]], frame: list[str] | None = None) -> VariantText:
    return VariantText("x", frame or ["head"], [SectionText(*s) for s in sections])


def test_sections_are_named_as_printed_in_both_languages():
    old = _text(("a", "I. Tình hình", ["Đoạn một."]), ("b", "II. Nhiệm vụ", ["Việc."]),
                ("c", "III. Kiến nghị", ["Đề xuất."]))
    new = _text(("n", "I. Mục mới", ["Mới."]), ("a", "II. Tình hình", ["Đoạn một đã sửa."]),
                ("b", "III. Nhiệm vụ chính", ["Việc."]), frame=["head changed"])
    changes = section_changes(old, new)
    with speaking("vi"):
        said = [str(m) for m in changes]
    assert said == ["phần đầu và phần cuối văn bản (cơ quan ban hành, số, ngày, người ký, nơi "
                    "nhận) đã sửa", "«I. Mục mới»: mới thêm", "«II. Tình hình»: đã sửa nội dung",
                    "«II. Nhiệm vụ» nay là «III. Nhiệm vụ chính»", "«III. Kiến nghị»: đã bỏ"]
    with speaking("en"):
        said = [str(m) for m in changes]
    assert said[1:] == ["«I. Mục mới»: added", "«II. Tình hình»: text changed",
                        "«II. Nhiệm vụ» is now «III. Nhiệm vụ chính»", "«III. Kiến nghị»: removed"]


def test_a_section_only_renumbered_is_not_listed():
    old = _text(("a", "I. Tình hình", ["Đoạn."]))
    new = _text(("n", "I. Mới", ["Mới."]), ("a", "II. Tình hình", ["Đoạn."]))
    with speaking("vi"):
        assert [str(m) for m in section_changes(old, new)] == ["«I. Mới»: mới thêm"]
