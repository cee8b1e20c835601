"""Fill-in blanks and numbered paragraphs with children as a reader sees them, in both
profiles: the DOCX's XML (a right tab stop with a dot leader at the text's edge, dots of the
blank's width), the PDF's lines (pdfplumber: dots to the right margin, a blank as wide as
written) and LibreOffice's rendering of our DOCX."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from briefing.builds.pipeline import render_loaded
from briefing.content.loader import load_document
from briefing.layout.measure import MM_PER_PT, text_width_pt
from briefing.profile.model import load_profile
from briefing.writers.markdown import write_markdown
from tests.page_agreement import libreoffice_pdf

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MM = 72 / 25.4
TWIPS_PER_MM = 1440 / 25.4

HEADS = {
    "party": """meta:
  form: official
  profile: party
  issuer: {superior: TỈNH ỦY HÀ TĨNH, name: BAN TUYÊN GIÁO}
  number: 15-BC/BTGTU
  place: Hà Tĩnh
  date: 2024-03-05
  type: bao-cao
  subject: Kết quả công tác tháng 3
  numbering: decimal
  signer: {authority: T/M BAN TUYÊN GIÁO, title: TRƯỞNG BAN, name: Trần Văn An}
""",
    "state": """meta:
  form: official
  profile: state
  issuer: {superior: ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH, name: SỞ NỘI VỤ}
  number: 15/BC-SNV
  place: Hà Tĩnh
  date: 2024-03-05
  type: bao-cao
  subject: Kết quả công tác tháng 3
  numbering: decimal
  signer: {authority: GIÁM ĐỐC, name: Trần Văn An}
"""}
BODY = """blocks:
  - numbered: Công tác tuyên truyền được đẩy mạnh.
    body:
      - numbered: Tổ chức 12 hội nghị báo cáo viên.
      - numbered: Phát hành 4.000 bản tin nội bộ.
  - numbered: "Họ và tên người báo cáo: {fill} ký tên"
  - "Ngày {blank} tháng {blank:40} năm 2024 tại trụ sở[^n1]."
  - quote: "Người trích dẫn: {fill}"
  - "Đơn vị: {fill} Điện thoại: {fill}"
  - table:
      - [Nội dung, Ghi chú]
      - ["Chức vụ: {fill}", "Ký {blank:15}"]
footnotes:
  n1: "Ghi rõ địa chỉ: {fill}"
"""


def build(profile: str, tmp_path: Path) -> tuple[bytes, bytes, str]:
    path = tmp_path / f"{profile}.yaml"
    path.write_text(HEADS[profile] + BODY, "utf-8")
    rendered = render_loaded(load_document(path), ("docx", "pdf"))
    return rendered.outputs["docx"], rendered.outputs["pdf"], write_markdown(rendered.tree)


@pytest.fixture(scope="module", params=["party", "state"])
def outputs(request, tmp_path_factory):
    profile = request.param
    return (load_profile(profile),
            *build(profile, tmp_path_factory.mktemp(f"blanks-{profile}")))


def stops(p) -> list[tuple[str, str, int]]:
    return [(tab.get(qn("w:val")), tab.get(qn("w:leader")), int(tab.get(qn("w:pos"))))
            for tab in p.findall(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")]


def test_numbered_children_count_one_level_down(outputs):
    _, docx, pdf, _ = outputs
    texts = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    start = texts.index("1. Công tác tuyên truyền được đẩy mạnh.")
    assert texts[start:start + 4] == ["1. Công tác tuyên truyền được đẩy mạnh.",
                                      "1.1. Tổ chức 12 hội nghị báo cáo viên.",
                                      "1.2. Phát hành 4.000 bản tin nội bộ.",
                                      "2. Họ và tên người báo cáo: \t ký tên"]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = document.pages[0].extract_text()
    at = [text.index(piece) for piece in ("1. Công tác", "1.1. Tổ chức", "1.2. Phát hành",
                                          "2. Họ và tên")]
    assert at == sorted(at)


def test_a_fill_is_a_right_dot_leader_tab_at_the_text_edge_in_the_docx(outputs):
    profile, docx, _, _ = outputs
    document = Document(io.BytesIO(docx))
    edge = round(profile.text_width_mm * TWIPS_PER_MM)
    body = next(p for p in document.paragraphs if "Họ và tên" in p.text)
    assert stops(body._p) == [("right", "dot", edge)]
    assert body._p.findall(f".//{qn('w:r')}/{qn('w:tab')}")  # the tab that reaches it
    quote = next(p for p in document.paragraphs if p.text.startswith("Người trích dẫn"))
    inset = round(profile.furniture.quote.right * TWIPS_PER_MM)
    assert stops(quote._p) == [("right", "dot", edge - inset)]  # measured from the margin
    cell = next(p for table in document.tables for row in table.rows for c in row.cells
                for p in c.paragraphs if p.text.startswith("Chức vụ"))
    (kind, leader, position), = stops(cell._p)
    width = int(cell._p.getparent().find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
    padding = 2 * round(profile.table.padding[1] * TWIPS_PER_MM)
    assert (kind, leader) == ("right", "dot") and abs(position - (width - padding)) <= 2
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        note = etree.fromstring(package.read("word/footnotes.xml"))
    assert [stops(p) for p in note.iter(qn("w:p")) if stops(p)] == [[("right", "dot", edge)]]


def test_a_blank_is_dots_as_wide_as_written(outputs):
    profile, docx, _, markdown = outputs
    line = next(p for p in Document(io.BytesIO(docx)).paragraphs if p.text.startswith("Ngày"))
    dots = [r.text for r in line.runs if r.text and set(r.text) == {"."}][:2]
    one = text_width_pt(".", profile, profile.body.size) * MM_PER_PT
    for run, width in zip(dots, (profile.blanks.width, 40), strict=True):
        assert width - one < len(run) * one <= width, (run, width)
    assert "Ngày … tháng … năm 2024" in markdown


def test_the_pdf_fills_to_the_right_margin_and_draws_blanks_their_width(outputs):
    profile, _, pdf, _ = outputs
    margins = profile.page.margins
    right = (profile.page.size[0] - margins["right"]) * MM
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        lines = page.extract_text_lines()
        filled = next(line for line in lines if "Họ và tên" in line["text"])
        # the text after a fill ends at the margin, the dots before it (first line indented)
        assert filled["text"].endswith(".... ký tên") and abs(filled["x1"] - right) < 3, filled
        quoted = next(line for line in lines if "Người trích dẫn" in line["text"])
        inset = profile.furniture.quote.right * MM
        assert abs(quoted["x1"] - (right - inset)) < 3, quoted
        note = next(line for line in lines if "Ghi rõ địa chỉ" in line["text"])
        assert note["text"].endswith("....") and abs(note["x1"] - right) < 3, note
        dated = next(line for line in lines if line["text"].startswith("Ngày"))
        chars = [c for c in dated["chars"]]
        runs, current = [], []
        for char in chars:
            if char["text"] == ".":
                current.append(char)
            elif current:
                runs.append(current)
                current = []
        widths = [(run[-1]["x1"] - run[0]["x0"]) / MM for run in runs[:2]]
    for width, wanted in zip(widths, (profile.blanks.width, 40), strict=True):
        assert wanted - 3 < width <= wanted + 0.5, widths


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; "
                    "CI installs it so this runs there")
def test_libreoffice_draws_the_leader_to_the_right_margin(tmp_path):
    profile = load_profile("state")
    docx = build("state", tmp_path)[0]
    path = tmp_path / "blanks.docx"
    path.write_bytes(docx)
    converted = libreoffice_pdf(path, tmp_path)
    right = (profile.page.size[0] - profile.page.margins["right"]) * MM
    with pdfplumber.open(converted) as document:
        lines = document.pages[0].extract_text_lines()
    filled = next(line for line in lines if "Họ và tên" in line["text"])
    assert filled["text"].endswith(" ký tên") and abs(filled["x1"] - right) < 3, filled
    assert any(line["text"].startswith("1.1. Tổ chức") for line in lines)


def _shared_line(lines: list[dict]) -> dict:
    line, = [line for line in lines if "Đơn vị:" in line["text"]]
    return line


def test_fills_sharing_a_line_split_it_in_the_docx(outputs):
    """Two fills on one line: the first a run of dots of its share, the last the leader tab;
    both labels stay on the line."""
    profile, docx, _, _ = outputs
    shared = next(p for p in Document(io.BytesIO(docx)).paragraphs if p.text.startswith("Đơn vị"))
    edge = round(profile.text_width_mm * TWIPS_PER_MM)
    assert stops(shared._p) == [("right", "dot", edge)]
    assert len(shared._p.findall(f".//{qn('w:r')}/{qn('w:tab')}")) == 1
    first, rest = shared.text.split("Điện thoại:")
    assert first.startswith("Đơn vị: ...") and rest == " \t"


def test_fills_sharing_a_line_split_it_in_the_pdf(outputs):
    """The second label stands near the middle of the line, the last dots reach the margin."""
    profile, _, pdf, _ = outputs
    margins = profile.page.margins
    left, right = margins["left"] * MM, (profile.page.size[0] - margins["right"]) * MM
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        line = _shared_line(document.pages[0].extract_text_lines())
    label = next(c for c in line["chars"] if c["text"] == "Đ" and c["x0"] > line["x0"] + 5)
    assert left + 0.3 * (right - left) < label["x0"] < left + 0.7 * (right - left), line
    assert line["text"].endswith("....") and abs(line["x1"] - right) < 3, line


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; "
                    "CI installs it so this runs there")
def test_libreoffice_keeps_fills_sharing_a_line_on_it(tmp_path):
    profile = load_profile("party")
    path = tmp_path / "blanks.docx"
    path.write_bytes(build("party", tmp_path)[0])
    right = (profile.page.size[0] - profile.page.margins["right"]) * MM
    with pdfplumber.open(libreoffice_pdf(path, tmp_path)) as document:
        line = _shared_line(document.pages[0].extract_text_lines())
    assert "Điện thoại:" in line["text"] and abs(line["x1"] - right) < 3, line


def test_a_blank_that_does_not_fit_moves_down_alone(tmp_path):
    """The line breaks before a blank that does not fit, not at the paragraph's first space:
    WeasyPrint broke "Số" off alone when the blank was a box of its own (giấy nghỉ phép)."""
    path = tmp_path / "nghi-phep.yaml"
    path.write_text(HEADS["state"] + """blocks:
  - Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép năm {blank:20} của người lao động.
""", "utf-8")
    pdf = render_loaded(load_document(path), ("pdf",)).outputs["pdf"]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        lines = [line["text"] for line in document.pages[0].extract_text_lines()]
    first = next(line for line in lines if line.startswith("Số ngày"))
    assert first.startswith("Số ngày nghỉ phép nêu trên được tính vào thời gian"), lines
