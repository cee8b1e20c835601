"""The measuring instrument of the importer (tests/sources, tests/import_scoring) tested on
its own: it must be able to fail, and what it generates must read back as it says.

- A shuffled, shortened or re-marked reading fails the order or structure check.
- Every generated source reads back (python-docx, the same reader the scorer uses on our
  DOCX) with exactly the words of its expected reading, in order — over hypothesis examples.
- Word's automatic numbering in the generated numbering.xml prints the numbers the expected
  reading says, by our resolver and by LibreOffice (its text export prints list numbers).
- The meta reader reads our own DOCX's furniture back into the fixture's meta.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import PROJECT_ROOT
from tests.docx_reading import read_docx
from tests.import_scoring import body_paragraphs, compare_meta, printed_meta, score_generated
from tests.importing import build_docx
from tests.reading_alignment import classify, key, order_check, structure, words
from tests.sources.kinds import KINDS
from tests.sources.model import Line, Para
from tests.sources.renderings import documents, render, seeded
from tests.sources.word_lists import format_number

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
EXAMPLES = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
any_document = st.sampled_from(sorted(KINDS)).flatmap(documents)


def _reading_words(reading: list[Para]) -> list[str]:
    return [w for para in reading for w in words(para.printed)]


def _source_body(data: bytes, doc) -> list:
    """The generated DOCX read as the scorer reads ours, its title lines (type, subject)
    left out: they are meta."""
    titles = [key(t) for t in (doc.type, doc.subject) if t]
    out = []
    for p in body_paragraphs(read_docx(data)):
        if key(p.text) in titles:
            titles.remove(key(p.text))
            continue
        out.append(p)
    return out


def test_the_order_check_fails_on_a_shuffled_reading() -> None:
    rendering = render(seeded("party-report", 3), "docx")
    source = _reading_words(rendering.reading)
    assert order_check(source, source).ok
    moved = rendering.reading[:]
    moved[2], moved[5] = moved[5], moved[2]
    result = order_check(source, _reading_words(moved))
    assert not result.ok and result.moved > 0 and "word" in result.divergence
    shorter = order_check(source, _reading_words(rendering.reading[:-1]))
    assert not shorter.ok and shorter.missing > 0 and shorter.extra == 0
    added = order_check(source, [*source[:10], "thêm", *source[10:]])
    assert not added.ok and added.extra == 1 and "added" in added.divergence


def test_tone_mark_placement_is_counted_not_failed() -> None:
    result = order_check(["hòa", "bình", "thủy", "lợi"], ["hoà", "bình", "thuỷ", "lợi"])
    assert result.ok and result.retoned == 2
    assert not order_check(["hòa", "bình"], ["hoa", "bình"]).ok  # a lost tone is a change


def test_markers_are_not_words_and_numbers_in_text_are() -> None:
    assert words("Điều 12. Phạm vi điều chỉnh") == ["phạm", "vi", "điều", "chỉnh"]
    assert words("đ) Tên địa lý") == ["tên", "địa", "lý"]
    assert words("Đồng chí Nguyễn Văn An: Năm 2024, tăng 7,2%.") == \
        ["năm", "2024", "tăng", "7", "2"]
    assert words("Thứ nhất, củng cố") == ["củng", "cố"]
    assert words("______") == []


def test_the_structure_check_sees_a_wrong_marker_and_a_wrong_role() -> None:
    reading = [Para("article", "Phạm vi điều chỉnh", "Điều 1."),
               Para("clause", "Nghị định này quy định về công tác văn thư.", "1."),
               Para("point", "Văn bản đi;", "đ)"), Para("paragraph", "Đoạn văn kết.")]
    right = [("article", "Điều 1.", "Điều 1. Phạm vi điều chỉnh"),
             ("clause", "1.", "1. Nghị định này quy định về công tác văn thư."),
             ("point", "đ)", "đ) Văn bản đi;"), ("paragraph", "", "Đoạn văn kết.")]
    assert structure(reading, right).score == 1.0
    wrong = [right[0], ("numbered", "5.", "5. Nghị định này quy định về công tác văn thư."),
             ("point", "e)", "e) Văn bản đi;")]
    result = structure(reading, wrong)
    assert result.matched == 3 and result.both_ok == 1 and result.score == 0.25
    assert "clause '1.' printed as numbered '5.'" in result.mismatches[0]


@EXAMPLES
@given(any_document)
def test_a_generated_docx_reads_back_as_its_expected_reading(doc) -> None:
    rendering = render(doc, "docx")
    body = _source_body(rendering.data, doc)
    result = order_check(_reading_words(rendering.reading),
                         [w for p in body for w in words(p.text)])
    assert result.ok, result.divergence
    # the clerk's own Word file is the easy case for the role reader: articles, clauses,
    # points and numbered paragraphs are seen where they are
    found = structure(rendering.reading, classify(body))
    assert found.matched == found.expected


@EXAMPLES
@given(any_document, st.sampled_from(["text", "web"]))
def test_a_generated_text_holds_its_reading_in_order(doc, fmt: str) -> None:
    if fmt == "web" and doc.kind not in ("article", "interview"):
        fmt = "text"
    rendering = render(doc, fmt)
    text = rendering.data.decode("utf-8")
    assert "\r" not in text and text == text.strip("\n") + "\n"
    assert unicodedata.is_normalized("NFC", text)
    expected = _reading_words(rendering.reading)
    printed = [w for line in text.splitlines() for w in words(line)]
    it = iter(printed)
    assert all(w in it for w in expected)  # a subsequence: head, clutter and closing around
    if fmt == "text":  # nothing breaks into the body of a text file
        joined, body = " ".join(printed), " ".join(expected)
        assert body in joined


def test_teasers_and_labels_of_a_web_page_are_shaped_not_listed() -> None:
    pages = [render(seeded("article", n), "web").data.decode() for n in range(6)]
    teasers = [line for page in pages for line in page.splitlines() if line.endswith("…")]
    assert teasers and all(len(t) >= 160 for t in teasers)
    assert len(set(teasers)) == len(teasers)
    assert re.search(r"^\d\d:\d\d:\d\d$", "\n".join(pages), re.MULTILINE)


def _auto_documents() -> list:
    """Documents of every kind with at least one list Word numbers."""
    out = []
    for kind in sorted(KINDS):
        for seed in range(60):
            doc = seeded(kind, seed)
            if any(isinstance(b, Line) and b.auto for b in doc.body):
                out.append(doc)
                break
    return out


def test_word_lists_print_the_expected_numbers_by_our_resolver() -> None:
    docs = _auto_documents()
    assert len(docs) >= 5
    for doc in docs:
        printed = {key(p.text): p.text for p in read_docx(render(doc, "docx").data).body}
        for block in doc.body:
            if isinstance(block, Line) and block.auto:
                assert printed[key(block.para.printed)].startswith(block.para.marker + " ")


def test_format_number_follows_word() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 4, 5, 27)] == ["a", "d", "e", "aa"]
    assert format_number(14, "upperRoman") == "XIV" and format_number(3, "lowerRoman") == "iii"
    assert format_number(7, "decimalZero") == "07" and format_number(2, "none") == ""


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_sources_and_prints_the_same_numbers(tmp_path: Path) -> None:
    docs = _auto_documents()[:4]
    paths = []
    for n, doc in enumerate(docs):
        paths.append(tmp_path / f"d{n}.docx")
        paths[-1].write_bytes(render(doc, "docx").data)
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir",
                    str(tmp_path), *map(str, paths)], check=True, timeout=300,
                   capture_output=True)
    for n, doc in enumerate(docs):
        lines = [x.strip() for x in (tmp_path / f"d{n}.txt").read_text("utf-8-sig").splitlines()]
        for block in doc.body:
            if isinstance(block, Line) and block.auto:
                # the text export writes bullets as "•", "◦" (the PDF shows "-" and "+")
                bullet = block.para.marker in "-+" and any(
                    f"{sign} {block.para.text}" in lines for sign in "•◦▪")
                assert block.para.printed in lines or bullet, block.para.printed
        it = iter(w for line in lines for w in words(line))
        assert all(w in it for w in _reading_words(render(doc, "docx").reading))


def test_the_meta_reader_reads_our_own_docx(tmp_path: Path) -> None:
    docx = build_docx(PROJECT_ROOT / "tests" / "fixtures" / "state-decision.yaml", tmp_path)
    expected = {"issuer": "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "number": "15/KH-STTTT",
                "place": "Hà Tĩnh", "date": "2024-03-05", "type": "KẾ HOẠCH",
                "subject": "Tuyên truyền về chuyển đổi số trên địa bàn tỉnh Hà Tĩnh năm 2024",
                "signer": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trần Minh Đức",
                "recipients": ["Ủy ban nhân dân tỉnh (để báo cáo)", "Giám đốc, các Phó Giám đốc Sở",
                               "Ủy ban nhân dân các huyện, thành phố, thị xã",
                               "Báo Hà Tĩnh, Đài Phát thanh và Truyền hình tỉnh",
                               "Lưu: VT, TTBCXB."]}
    reading = read_docx(docx)
    agreed = compare_meta(expected, printed_meta(reading))
    assert all(ok for _, _, ok in agreed.values()), agreed
    assert not compare_meta({"number": "16/KH-STTTT"}, printed_meta(reading))["number"][2]
    body = [p.text for p in body_paragraphs(reading)]
    assert body[0].startswith("Thực hiện Kế hoạch") and "Nơi nhận:" not in body


def test_a_source_goes_through_the_real_command_line(tmp_path: Path) -> None:
    rendering = render(seeded("party-guide", 1), "text")
    source = tmp_path / "nguon.txt"
    source.write_bytes(rendering.data)
    score = score_generated(source, rendering.reading, rendering.meta, tmp_path / "work",
                            "party-guide/text")
    assert score.import_rc in (0, 2)  # what the importer makes of it is measured elsewhere
    if score.exit_ok:
        assert score.order is not None and score.structure is not None and score.meta
    else:
        assert score.error and score.order is None
