"""The Word reader on real files no one here wrote: Nghị định 30/2020/NĐ-CP and its appendices
(../shared/corpus/nd30-2020/, beside the checkout). Each reads without refusal, and what comes
out is what a reader of the file sees: the decree's Chương and Điều in order, the STT numbers
Word prints in a table, each text box once and sorted, callouts kept as text, footnotes where
they are called, the sections' page set-up.

`BRIEFING_SHARED` names another folder holding `corpus/` (a worktree whose parent has none).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.readers.source import Line, Picture, Table
from tests.word_files import lines, read

SHARED = Path(os.environ.get("BRIEFING_SHARED", PROJECT_ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "nd30-2020"
FILES = sorted(CORPUS.glob("d0*.docx")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside the checkout")


def _file(prefix: str) -> Path:
    return next(path for path in FILES if path.name.startswith(prefix))


def _read(prefix: str):
    path = _file(prefix)
    return read(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_every_file_reads_and_no_text_box_text_is_doubled(path: Path) -> None:
    doc, notes = read(path.read_bytes(), path.name)
    texts = [line.plain for line in lines(doc)]
    assert texts
    for text in texts:  # a box read from both branches would give "HỎA TỐCHỎA TỐC"
        assert not re.search(r"(HỎA TỐC|KHẨN|giây)\W*\1", text), text
    boxes = [line for line in lines(doc) if line.box]
    assert all(not line.where.startswith("paragraph") for line in boxes)
    assert doc.sections and all(s.width and s.height for s in doc.sections)
    assert not any("footnote call" in note.message for note in notes.notes)


def test_decree_chapters_and_articles_in_order_and_its_closing() -> None:
    doc, _ = _read("d01")
    texts = [line.plain.strip() for line in lines(doc)]
    chapters = [t for t in texts if re.fullmatch(r"Chương [IVX]+", t)]
    assert chapters == [f"Chương {n}" for n in ("I", "II", "III", "IV", "V", "VI", "VII")]
    articles = [int(m.group(1)) for t in texts if (m := re.match(r"Điều (\d+)\.", t))]
    assert articles == list(range(1, 39))
    first = next(line for line in lines(doc) if line.plain.startswith("Điều 1."))
    assert first.bold and first.size == 14 and first.align == "justify"
    assert first.indent is not None and first.first_line == pytest.approx(10.0, abs=0.1)
    title = next(line for line in lines(doc) if line.plain == "QUY ĐỊNH CHUNG")
    assert title.bold and title.caps and title.align == "center"
    masthead, closing = [b for b in doc.blocks if isinstance(b, Table)]
    assert masthead.borderless and closing.borderless
    assert "Số: 30/2020/NĐ-CP" in [line.plain for line in masthead.rows[0][0].lines]
    signer = [line.plain.strip() for line in closing.rows[0][1].lines]
    assert signer == ["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "(Đã ký)", "Nguyễn Xuân Phúc"]  # no white "["
    section = doc.sections[0]
    assert (section.width, section.height, section.title_page) == (11907, 16840, True)
    assert [(h.kind, h.type, h.page_number) for h in section.headers] == \
        [("header", "default", True)]
    assert {line.font for line in lines(doc) if line.font} == {"Times New Roman"}


def test_forms_stt_numbers_stamps_callouts_and_blanks() -> None:
    doc, _ = _read("d04")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    numbers = [row[0].lines[0].label if row[0].lines else "" for row in table.rows[1:]]
    assert numbers == [f"{n}." for n in range(1, 28)] + [""] + ["1.", "2.", "3."]
    stamps = [line for line in lines(doc) if "giờ: phút: giây" in line.plain]
    assert len(stamps) == 3 and {line.box for line in stamps} == {"stamp"}
    assert stamps[0].size == 10 and stamps[0].text.startswith("Số: {blank}⁴;")
    assert doc.callouts and doc.notes == {}
    texts = [line.text for line in lines(doc)]
    assert "TÊN CQ, TC CHỦ QUẢN¹" in texts
    assert any(t.startswith("Số:") and t.endswith("/NQ-³{fill}") for t in texts)
    assert "*Căn cứ ⁷{fill};*" in texts and "{fill}./." in texts
    assert not any("…" * 3 in t or "....." in t for t in texts)


def test_appendix_one_sections_diagrams_marks_and_repeated_header() -> None:
    doc, notes = _read("d02")
    assert [s.landscape for s in doc.sections] == [False, True, False]
    assert [s.title_page for s in doc.sections] == [True, False, False]
    assert all(any(h.page_number for h in s.headers) for s in doc.sections)
    parameters = [b for b in doc.blocks if isinstance(b, Table)][2]
    assert parameters.header_rows == 2 and parameters.repeated_rows == [17, 18, 44, 45]
    header = [line.text for cell in parameters.rows[0] for line in cell.lines]
    assert any("[^2]" in text for text in header)  # the real footnote in a header cell
    assert doc.notes["2"][0].startswith("Cỡ chữ trong cùng một văn bản")
    marks = [line for line in lines(doc) if line.box == "mark"]
    assert [line.plain for line in marks] == ["HỎA TỐC", "THƯỢNG KHẨN", "KHẨN",
                                              "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI"]
    assert all(line.role == "mark" and line.cell is not None for line in marks)
    diagrams = [n for n in notes.notes if n.severity == "dropped" and "diagram" in str(n.message)]
    assert len(diagrams) == 4 and "“7a”" in str(diagrams[0].message)
    assert not any(line.box and line.plain in ("5a", "7a", "20 - 25 mm") for line in lines(doc))


def test_registers_samples_dropped_with_what_they_were() -> None:
    doc, notes = _read("d05")
    samples = [n for n in notes.notes if "sample drawn in a text box" in str(n.message)]
    assert len(samples) >= 5 and "TÊN CƠ QUAN CHỦ QUẢN TRỰC TIẾP" in samples[0].quote
    assert not any(line.plain.strip() == "SỔ ĐĂNG KÝ VĂN BẢN ĐI" for line in lines(doc))
    registers = [b for b in doc.blocks if isinstance(b, Table) and not b.borderless]
    assert any([c.lines[0].plain for c in t.rows[1] if c.lines][:2] == ["(1)", "(2)"]
               for t in registers)
    stamp = [line for line in lines(doc) if line.plain == "ĐẾN"]
    assert stamp and stamp[0].box == "mark" and stamp[0].cell is not None


def test_records_footnotes_in_masthead_cells_and_headings_number_typed_twice() -> None:
    doc, _ = _read("d06")
    assert doc.notes["6"] == ["Áp dụng cho hồ sơ có thời hạn bảo quản vĩnh viễn."]
    called = {re.findall(r"\[\^(\w+)\]", line.text)[0]: line for line in lines(doc)
              if "[^" in line.text}
    assert called["2"].cell is not None and called["2"].plain.startswith("TÊN ĐƠN VỊ")
    assert called["6"].plain.lstrip("\t").startswith("IV. MẪU MỤC LỤC") and called["6"].bold
    assert "{blank}" in called["3"].text  # a note called from a dotted line


def test_records_system_points_and_a_part_label_with_its_title() -> None:
    doc, _ = _read("d07")
    texts = [line.plain for line in lines(doc)]
    letters = [t[0] for t in texts[:60] if re.match(r"^[a-zđ]\) ", t)]
    assert "".join(letters).startswith("abcdđeghiklmno")
    assert "Phần II\nCHUẨN THÔNG TIN ĐẦU VÀO CỦA HỆ THỐNG" in [line.text for line in lines(doc)]


def test_capitals_appendix_reads_plainly() -> None:
    doc, notes = _read("d03")
    assert not any(isinstance(b, (Table, Picture)) for b in doc.blocks)
    assert any(line.plain.startswith("đ) Tên địa lý") for line in doc.blocks
               if isinstance(line, Line))
    assert [n for n in notes.notes if n.kind == "dropped"] == []
