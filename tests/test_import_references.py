"""The two reference texts (../shared/reference/) import into content that matches the
hand-made embedded files paragraph for paragraph (briefing.importing.agreement).

The Markdown conversion of the real PDF holds two documents — the programme (with its
Nơi nhận and signature) and the booklet it sends — and must come out as two content files.
Only the hand-made file's paragraphs that come from the source count (their opening words are
in it): the booklet on main adds an appendix of figures and a source line of its own. The plain
text is the booklet's first pages only (it stops at "Thứ tư,") and has its own typos ("Chi
thị", "truyền thông"), which the hand-made file corrected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.importing.agreement import agreement
from briefing.source.yaml_source import load_yaml
from tests.importing import imported, loaded

REFERENCE = PROJECT_ROOT.parent / "shared" / "reference"
MARKDOWN = REFERENCE / "program-and-briefing-2024.md"
PLAIN = REFERENCE / "briefing-foreign-affairs-plain.txt"
PROGRAMME = PROJECT_ROOT / "content" / "coordination-programme-2024.yaml"
BOOKLET = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"

needs_reference = pytest.mark.skipif(not MARKDOWN.is_file(),
                                     reason="../shared/reference is not beside the checkout")


def _data(path: Path) -> dict:
    return load_yaml(path).data


@needs_reference
def test_markdown_reference_gives_both_documents() -> None:
    result = imported(MARKDOWN)
    assert len(result.documents) == 2
    programme, booklet = (loaded(result, i).document for i in range(2))
    assert programme.meta.form == "official" and programme.meta.type == "CHƯƠNG TRÌNH"
    assert programme.meta.numbering == "sequential"
    assert programme.meta.signer is not None and programme.meta.signer.name == "Lê Hồng Sơn"
    assert programme.meta.signer.authority == "K/T TRƯỞNG BAN"
    assert len(programme.meta.recipients) == 9 and programme.meta.recipients[-1] == "Lưu."
    assert programme.meta.number == "-CTr/BTGTU"
    assert booklet.meta.form == "booklet" and booklet.meta.numbering == "hierarchical"
    assert booklet.meta.title == "TÀI LIỆU THÔNG TIN NỘI BỘ"
    assert len(booklet.footnotes) == 12 and len(programme.footnotes) == 5


@needs_reference
@pytest.mark.parametrize(("index", "reference"), [(0, PROGRAMME), (1, BOOKLET)],
                         ids=["programme", "booklet"])
def test_markdown_reference_matches_the_embedded_files(index: int, reference: Path) -> None:
    result = imported(MARKDOWN)
    got = load_yaml(Path("x.yaml"), result.documents[index].yaml).data
    share = agreement(_data(reference), got, MARKDOWN.read_text(encoding="utf-8"))
    print(share.line(f"{MARKDOWN.name} -> {reference.name} (paragraphs from the source)"))
    print(agreement(_data(reference), got).line(f"{MARKDOWN.name} -> {reference.name} (all)"))
    assert share.share >= 0.98, share.missing


@needs_reference
def test_markdown_reference_reports_the_source_numbering_error() -> None:
    result = imported(MARKDOWN)
    assert any("'(v)' after '(iii)'" in n.message for n in result.guesses)


@needs_reference
def test_plain_reference_matches_the_part_it_covers() -> None:
    result = imported(PLAIN)
    got = load_yaml(Path("x.yaml"), result.yaml).data
    reference = _data(BOOKLET)
    share = agreement(reference, got, PLAIN.read_text(encoding="utf-8"))
    print(share.line(f"{PLAIN.name} -> {BOOKLET.name} (paragraphs from the source)"))
    assert share.share >= 0.90, share.missing  # the source's own typos differ
    assert share.precision >= 0.90
    assert len(result.documents) == 1
    assert loaded(result).document.meta.subject == (
        "Về thành tựu đối ngoại của Việt Nam trong nửa nhiệm kỳ thực hiện Nghị quyết Đại hội "
        "lần thứ XIII của Đảng")
