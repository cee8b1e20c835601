"""Every document shape the office issues, in both outputs: numbered paragraphs and the decimal
ladder, intertitles, article and interview constructs, tables (spans, repeated headers, rows
kept whole), figures, appendices, balanced subject lines, unit and meeting rules.

The PDF is read with pdfplumber (text, fonts, positions), the DOCX as XML; expectations come
from the content files and the profile, not from the writers.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree
from pdf_reading import MM, read_pages, squash

from briefing import PROJECT_ROOT
from briefing.builds.pipeline import render_loaded
from briefing.cli import main
from briefing.content.loader import load_document
from briefing.layout.measure import line_width_mm
from briefing.profile.model import load_profile
from briefing.tree.base import nodes_of
from briefing.tree.vocabulary import Table
from briefing.validation.proofreading.tones import OLD, tone_marks

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
CONTENT = PROJECT_ROOT / "content"
BOOKLET = CONTENT / "briefing-foreign-affairs.yaml"
REPORT = FIXTURES / "report-six-months.yaml"
ARTICLE = FIXTURES / "article-year-review.yaml"
INTERVIEW = FIXTURES / "interview.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1], "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


@functools.cache
def rendered(path: Path):
    return render_loaded(load_document(path))


@functools.cache
def pdf_chars(path: Path) -> list[list[dict]]:
    with pdfplumber.open(io.BytesIO(rendered(path).outputs["pdf"])) as pdf:
        return [page.chars for page in pdf.pages]


@functools.cache
def pdf_lines(path: Path) -> list[list[str]]:
    """Each page's text lines, top to bottom."""
    with pdfplumber.open(io.BytesIO(rendered(path).outputs["pdf"])) as pdf:
        return [(page.extract_text() or "").split("\n") for page in pdf.pages]


def docx_body(path: Path) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(rendered(path).outputs["docx"])) as package:
        return etree.fromstring(package.read("word/document.xml")).find(f"{W}body")


def chars_of(path: Path, text: str) -> list[dict]:
    """The characters of the first line that starts with `text`, on whichever page."""
    for chars in pdf_chars(path):
        line = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
        joined = "".join(c["text"] for c in line)
        start = joined.find(text)
        if start >= 0:
            return line[start:start + len(text)]
    raise AssertionError(f"{text!r} is not in the PDF")


def is_bold(char: dict) -> bool:
    return "Bold" in char["fontname"]


def is_italic(char: dict) -> bool:
    return "Italic" in char["fontname"]


def style_of(p: etree._Element) -> str | None:
    found = p.find("w:pPr/w:pStyle", NS)
    return found.get(f"{W}val") if found is not None else None


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


# -- numbering freedom -------------------------------------------------------------------------


def test_report_is_numbered_one_to_seven_without_a_roman_level():
    text = squash(" ".join(" ".join(lines) for lines in pdf_lines(REPORT)))
    for number in range(1, 8):
        assert f" {number}. " in f" {text}", number
    assert not re.search(r"\b(I|II|III)\. ", text)
    # the one-sentence sub-items are numbered 1.1., 1.2. and 4.1., 4.2.
    for number in ("1.1.", "1.2.", "4.1.", "4.2.", "6.1.", "6.2."):
        assert f" {number} " in f" {text}"


def test_numbered_paragraph_is_body_text_with_a_bold_number():
    """"2. Công tác nắm bắt …" is a paragraph: body size, regular text, the number bold."""
    chars = chars_of(REPORT, "2. Công tác nắm bắt dư luận")
    body = load_profile("party").body
    assert all(abs(c["size"] - body.size) < 0.1 for c in chars)
    assert all(is_bold(c) for c in chars[:2])
    assert not any(is_bold(c) for c in chars[3:] if c["text"].strip())
    # while a heading ("1. Công tác giáo dục …") is bold throughout
    heading = chars_of(REPORT, "1. Công tác giáo dục chính trị")
    assert all(is_bold(c) for c in heading if c["text"].strip())


def test_numbered_paragraphs_in_the_docx():
    paragraphs = docx_body(REPORT).findall("w:p", NS)
    numbered = [p for p in paragraphs if text_of(p).startswith("2. Công tác nắm bắt")]
    assert len(numbered) == 1
    p = numbered[0]
    assert style_of(p) == "BodyText"
    first, second = p.findall("w:r", NS)[:2]
    assert text_of(first) == "2. " and first.find("w:rPr/w:b", NS) is not None
    assert second.find("w:rPr/w:b", NS) is None
    # a numbered paragraph of two paragraphs: only the first carries the number
    texts = [text_of(p) for p in paragraphs]
    i = texts.index(next(t for t in texts if t.startswith("3. Công tác tuyên truyền miệng")))
    assert texts[i + 1].startswith("Các trang thông tin điện tử")


def test_intertitle_takes_no_number_and_shifts_nothing():
    lines = [line for page in pdf_lines(ARTICLE) for line in page]
    assert "Bản sắc “cây tre Việt Nam”" in lines
    chars = chars_of(ARTICLE, "Bản sắc “cây tre Việt Nam”")
    assert all(is_bold(c) for c in chars if c["text"].strip())
    left = load_profile("party").page.margins["left"] * MM
    assert abs(chars[0]["x0"] - left) < 1  # flush left, no indent, no number
    assert not any(re.match(r"^(I|1)\. ", line) for line in lines)
    intertitles = [p for p in docx_body(ARTICLE).findall("w:p", NS) if style_of(p) == "Intertitle"]
    assert [text_of(p) for p in intertitles] == ["Bản sắc “cây tre Việt Nam”"]


# -- article and interview constructs ------------------------------------------------------------


def _right_edge(path: Path, text: str) -> float:
    return max(c["x1"] for c in chars_of(path, text))


def test_article_lines_in_their_looks():
    profile = load_profile("party")
    right = (profile.page.size[0] - profile.page.margins["right"]) * MM
    assert abs(_right_edge(ARTICLE, "Minh Anh") - right) < 1  # byline right-aligned
    assert all(is_bold(c) for c in chars_of(ARTICLE, "Minh Anh"))
    credit = chars_of(ARTICLE, "Theo Báo Điện tử Đảng Cộng sản Việt Nam")
    assert abs(max(c["x1"] for c in credit) - right) < 1 and all(
        is_italic(c) for c in credit if c["text"].strip())
    assert all(is_italic(c) for c in chars_of(ARTICLE, "Hà Nội, ngày 28 tháng 12 năm 2023")
               if c["text"].strip())
    assert all(is_bold(c) for c in chars_of(ARTICLE, "Năm 2023 khép lại") if c["text"].strip())
    quote = chars_of(ARTICLE, "Thực hiện nhất quán")
    body_left = profile.page.margins["left"] * MM
    assert quote[0]["x0"] > body_left + (profile.furniture.quote.left + 5) * MM  # indented
    assert all(is_italic(c) for c in quote if c["text"].strip())
    styles = [style_of(p) for p in docx_body(ARTICLE).findall("w:p", NS)]
    for style in ("Dateline", "Standfirst", "Intertitle", "Quote", "Attribution", "Byline",
                  "Credit"):
        assert style in styles


def test_interview_turns_carry_their_speaker_labels():
    question = chars_of(INTERVIEW, "Phóng viên: Thưa đồng chí")
    assert all(is_bold(c) for c in question if c["text"].strip())
    answer = chars_of(INTERVIEW, "Đồng chí Nguyễn Văn Minh: Ngoại giao kinh tế")
    label = len("Đồng chí Nguyễn Văn Minh:")
    assert all(is_bold(c) for c in answer[:label] if c["text"].strip())
    assert not any(is_bold(c) for c in answer[label + 1:] if c["text"].strip())
    paragraphs = docx_body(INTERVIEW).findall("w:p", NS)
    turns = [(style_of(p), text_of(p)) for p in paragraphs if style_of(p) in ("Question", "Answer")]
    assert turns[0] == ("Question", "Phóng viên: Thưa đồng chí, xin đồng chí cho biết những "
                                    "kết quả nổi bật của ngoại giao kinh tế trong năm qua?")
    assert turns[1][0] == "Answer" and turns[1][1].startswith("Đồng chí Nguyễn Văn Minh: ")
    assert turns[2] == ("Answer", "Thu hút vốn đầu tư trực tiếp nước ngoài năm 2023 lập kỷ lục "
                                  "mới, đạt 36,6 tỷ USD.")  # the second paragraph: no label again


# -- figures -------------------------------------------------------------------------------------


def test_figure_in_the_pdf_at_its_width_with_a_numbered_caption_below():
    with pdfplumber.open(io.BytesIO(rendered(INTERVIEW).outputs["pdf"])) as pdf:
        images = [(page.page_number, image) for page in pdf.pages for image in page.images]
        assert len(images) == 1
        number, image = images[0]
        profile = load_profile("party")
        width_mm = (image["x1"] - image["x0"]) / MM
        assert abs(width_mm - 0.8 * profile.text_width_mm) < 1
        page = pdf.pages[number - 1]
        text = page.extract_text()
        assert "Hình 1. Toàn cảnh Hội nghị Ngoại giao lần thứ 32" in text
        caption = [c for c in page.chars if c["text"] == "H" and c["top"] > image["bottom"]]
        assert caption, "the caption stands below the image"


def test_figure_in_the_docx_is_an_inline_picture_with_a_seq_caption():
    body = docx_body(INTERVIEW)
    drawings = body.findall(".//w:drawing/wp:inline", NS)
    assert len(drawings) == 1
    extent = drawings[0].find("wp:extent", NS)
    profile = load_profile("party")
    assert abs(int(extent.get("cx")) / 36000 - 0.8 * profile.text_width_mm) < 0.5
    captions = [p for p in body.findall("w:p", NS) if style_of(p) == "FigureCaption"]
    assert [text_of(p) for p in captions] == ["Hình 1. Toàn cảnh Hội nghị Ngoại giao lần thứ 32"]
    instructions = "".join(t.text for t in captions[0].iter(f"{W}instrText"))
    assert instructions.strip().startswith("SEQ Figure")
    with zipfile.ZipFile(io.BytesIO(rendered(INTERVIEW).outputs["docx"])) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        original = (FIXTURES / "media" / "hoi-nghi-ngoai-giao.jpg").read_bytes()
        assert [package.read(n) for n in media] == [original]


# -- tables --------------------------------------------------------------------------------------


def test_interview_table_with_caption_above_and_figures_right_aligned():
    lines = [line for page in pdf_lines(INTERVIEW) for line in page]
    caption = lines.index("Bảng 1. Một số kết quả ngoại giao kinh tế năm 2023")
    assert lines[caption + 1] == "Chỉ tiêu Kết quả"
    profile = load_profile("party")
    widths = [3, 2]
    table_right = (profile.page.size[0] - profile.page.margins["right"]) * MM
    padding = profile.table.padding[1] * MM
    assert abs(_right_edge(INTERVIEW, "36,6 tỷ USD") - (table_right - padding)) < 1.5
    first_column = profile.text_width_mm * widths[0] / sum(widths)
    left = profile.page.margins["left"] * MM
    row = chars_of(INTERVIEW, "Kim ngạch xuất nhập khẩu")  # the first cell of the row
    line = sorted((c for chars in pdf_chars(INTERVIEW) for c in chars
                   if abs(c["top"] - row[0]["top"]) < 2), key=lambda c: c["x0"])
    second = line[len("Kim ngạch xuất nhập khẩu"):]
    assert "".join(c["text"] for c in second).strip() == "trên 680 tỷ USD"
    assert second[0]["x0"] > left + first_column * MM  # in the second column


def test_booklet_table_of_figures_in_the_docx():
    body = docx_body(BOOKLET)
    tables = [t for t in body.findall("w:tbl", NS) if t.find(".//w:tblHeader", NS) is not None]
    assert len(tables) == 1
    table = tables[0]
    rows = table.findall("w:tr", NS)
    assert len(rows) == 16
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    grid = [int(c.get(f"{W}w")) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert len(grid) == 3 and abs(grid[1] / sum(grid) - 4.6 / 9) < 0.01
    # "Quan hệ đối ngoại" spans six rows: a restart and five continuations in column 1
    merges = [r.find("w:tc/w:tcPr/w:vMerge", NS) for r in rows[1:7]]
    assert merges[0].get(f"{W}val") == "restart"
    assert all(m is not None and m.get(f"{W}val") is None for m in merges[1:])
    borders = table.find("w:tblPr/w:tblBorders", NS)
    eighths = round(load_profile("party").table.border * 8)
    assert {b.get(f"{W}sz") for b in borders} == {str(eighths)}
    caption = [p for p in body.findall("w:p", NS) if style_of(p) == "Caption"]
    assert [text_of(p) for p in caption] == [
        "Bảng 1. Quan hệ đối ngoại, hoạt động cấp cao và kinh tế đối ngoại giai đoạn 2021 – 2023"]


def test_column_spans_in_the_docx(tmp_path):
    source = _table_document(tmp_path, rows=3, extra="      - [{text: Tổng cộng, colspan: 2}, "
                                                      "\"100\"]\n")
    docx = render_loaded(load_document(source), ("docx",)).outputs["docx"]
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    last = body.findall(".//w:tbl/w:tr", NS)[-1]
    cells = last.findall("w:tc", NS)
    assert len(cells) == 2
    assert cells[0].find("w:tcPr/w:gridSpan", NS).get(f"{W}val") == "2"


def _table_document(directory: Path, rows: int, extra: str = "") -> Path:
    lines = "".join(f"      - [Dòng {i} của bảng dài, Nội dung thứ {i}, \"{i * 7}\"]\n"
                    for i in range(1, rows + 1))
    text = ("meta:\n  form: booklet\n  issuer:\n    name: BAN TUYÊN GIÁO\n  place: Hà Nội\n"
            "  date: 2024-03\nblocks:\n  - Bảng số liệu dưới đây.\n  - table:\n"
            "      - [Chỉ tiêu, Nội dung, Số liệu]\n" + lines + extra +
            "    caption: Bảng dài qua nhiều trang\n    columns:\n      - {width: 2}\n"
            "      - {width: 3}\n      - {width: 1, align: right}\n")
    path = directory / "long-table.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_long_table_repeats_its_header_and_never_splits_a_row(tmp_path):
    source = _table_document(tmp_path, rows=90)
    pdf = render_loaded(load_document(source), ("pdf",)).outputs["pdf"]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [(page.extract_text() or "").split("\n") for page in document.pages[1:]]
    with_rows = [lines for lines in pages if any(line.startswith("Dòng ") for line in lines)]
    assert len(with_rows) >= 3
    for lines in with_rows:
        first_row = next(i for i, line in enumerate(lines) if line.startswith("Dòng "))
        assert lines[first_row - 1] == "Chỉ tiêu Nội dung Số liệu", lines[:first_row + 1]
    found = [line for lines in with_rows for line in lines if line.startswith("Dòng ")]
    assert found == [f"Dòng {i} của bảng dài Nội dung thứ {i} {i * 7}" for i in range(1, 91)]


# -- appendices ----------------------------------------------------------------------------------


def test_booklet_appendices_each_start_a_page_after_the_body():
    pages = read_pages(io.BytesIO(rendered(BOOKLET).outputs["pdf"]))
    starts = [p.number for p in pages if squash(p.body).startswith("PHỤ LỤC ")]
    assert len(starts) == 2
    first, second = (squash(pages[n - 1].body) for n in starts)
    assert first.startswith("PHỤ LỤC I Toàn văn phát biểu của Tổng Bí thư Nguyễn Phú Trọng")
    assert second.startswith("PHỤ LỤC II Một số số liệu về thành tựu đối ngoại "
                             "(Tổng hợp từ Phần II của tài liệu)")
    before = squash(pages[starts[0] - 2].body)
    assert before.endswith("quan hệ của Việt Nam với các đối tác quan trọng./.")


def test_the_whole_speech_is_in_the_booklet():
    """Every sentence of the speech at the end of the reference prints in the appendix, and
    the salutations print in italic."""
    reference = (PROJECT_ROOT.parent / "shared" / "reference" / "program-and-briefing-2024.md")
    if not reference.is_file():
        pytest.skip("the reference folder ../shared is not beside this checkout")
    text = reference.read_text(encoding="utf-8")
    speech = text[text.index("(Chinhphu.vn) - Hội nghị Ngoại giao"):]
    plain = re.sub(r"[*<>]", "", speech)
    plain = re.sub(r"\s+", " ", plain).replace('"', "“")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", plain) if len(s.strip()) > 20]
    assert len(sentences) >= 80
    printed = _new_tones(squash(" ".join("\n".join(_without_page_number(lines))
                                         for lines in pdf_lines(BOOKLET))).replace("”", "“"))
    # the content writes tone marks in the profile's style (hòa, not hoà), the source both
    missing = [s for s in sentences if _new_tones(squash(s).replace("”", "“")) not in printed]
    assert missing == []
    salutation = chars_of(BOOKLET, "Thưa các vị đại biểu, các vị khách quý,")
    assert all(is_italic(c) for c in salutation if c["text"].strip())


def _new_tones(text: str) -> str:
    """`text` with every old-style tone placement (hoà, uỷ) moved to the new one (hòa, ủy)."""
    out, last = [], 0
    for mark in tone_marks(text):
        if mark.style == OLD:
            out += [text[last:mark.start], mark.other]
            last = mark.end
    return "".join(out) + text[last:]


def _without_page_number(lines: list[str]) -> list[str]:
    return lines[1:] if lines and lines[0].strip().isdigit() else lines


# -- balanced subject lines -----------------------------------------------------------------------


def _subject_lines(lines: list[str], first: str, count: int) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    return lines[start:start + count]


@pytest.mark.parametrize(("source", "page", "first", "expected"), [
    (REPORT, 0, "sơ kết công tác", ["sơ kết công tác tuyên giáo 6 tháng đầu năm,",
                                    "phương hướng nhiệm vụ 6 tháng cuối năm 2024"]),
    (CONTENT / "coordination-programme-2024.yaml", 0, "phối hợp thực hiện",
     ["phối hợp thực hiện công tác khoa giáo", "giữa Ban Tuyên giáo Thành ủy",
      "và các sở, ban, ngành, đơn vị năm 2024"]),
    (BOOKLET, 0, "Về thành tựu", ["Về thành tựu đối ngoại của Việt Nam trong nửa nhiệm kỳ",
                                  "thực hiện Nghị quyết Đại hội lần thứ XIII của Đảng"]),
])
def test_subject_lines_are_balanced_and_alike_in_both_formats(source, page, first, expected):
    assert _subject_lines(pdf_lines(source)[page], first, len(expected)) == expected
    body = docx_body(source)
    subjects = [p for p in body.iter(f"{W}p") if style_of(p) in ("Subject", "CoverSubject")]
    for p in subjects:  # the DOCX breaks where the PDF does: explicit breaks, same words
        shown = "".join("\n" if e.tag == f"{W}br" else e.text or ""
                        for e in p.iter(f"{W}t", f"{W}br"))
        assert [line.strip() for line in shown.split("\n")] == expected
    profile = load_profile("party")
    widths = [line_width_mm(line, profile.title_block.subject, profile) for line in expected]
    assert max(widths) - min(widths) < 0.5 * max(widths)  # no lone last word


# -- units and meetings --------------------------------------------------------------------------


def test_meeting_may_promise_less_than_the_briefing(tmp_path):
    meeting = tmp_path / "hoi-nghi.yaml"
    meeting.write_text(
        "meeting:\n  name: Hội nghị báo cáo viên tháng 3/2024\n  date: 2024-03-20\n"
        "  subject: Thành tựu đối ngoại nửa đầu nhiệm kỳ\n"
        "sections:\n  include:\n    - kind:achievements\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(BOOKLET), "--meeting", str(meeting), "--unit", "quan-1",
                 "--out", str(out), "--format", "pdf"])
    assert code == 0
    [pdf] = list(out.glob("*.pdf"))
    cover = squash(read_pages(pdf)[0].body)
    assert "Thành tựu đối ngoại nửa đầu nhiệm kỳ" in cover
    assert "Về thành tựu đối ngoại" not in cover


def test_a_unit_rules_for_another_briefing_keep_its_identity(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["batch", str(CONTENT / "coordination-programme-2024.yaml"), "--out", str(out),
                 "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    first = squash(read_pages(out / "quan-1.pdf")[0].body)
    assert first.startswith("QUẬN ỦY QUẬN 1 ĐẢNG CỘNG SẢN VIỆT NAM BAN TUYÊN GIÁO")
    last = squash(" ".join(p.body for p in read_pages(out / "quan-1.pdf")[-2:]))
    assert "Trần Minh Tâm" in last and "Liên hệ thực tiễn" not in last


def test_check_reads_unit_and_meeting_files_with_their_schema(capsys, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    files = [str(p.relative_to(PROJECT_ROOT)) for p in
             sorted((CONTENT / "units").glob("*.yaml")) + sorted(
                 (CONTENT / "meetings").glob("*.yaml"))]
    assert main(["check", *files]) == 0, capsys.readouterr().err
    assert "unknown key 'unit'" not in capsys.readouterr().err


def test_tree_of_a_table_is_a_rectangle():
    tree = rendered(BOOKLET).tree
    (table, *_) = nodes_of(tree, Table)
    widths = [column.width for column in table.columns]
    assert abs(sum(widths) - 100) < 0.01


@pytest.mark.parametrize("width", ["120 mm", "120mm", "100%"])
def test_a_figure_has_the_same_size_in_both_formats(tmp_path, width):
    """One size, computed once: a width with a space before its unit, or a tall image capped
    so its caption still fits, prints the same in the PDF and the DOCX."""
    from PIL import Image as PILImage

    (tmp_path / "media").mkdir()
    PILImage.new("RGB", (300, 900), (40, 90, 160)).save(tmp_path / "media" / "cao.png")
    source = tmp_path / "figure.yaml"
    source.write_text(
        "meta:\n  form: booklet\n  issuer:\n    name: BAN TUYÊN GIÁO\n  place: Hà Nội\n"
        "  date: 2024-03\nblocks:\n  - Ảnh dưới đây.\n  - figure: media/cao.png\n"
        f"    width: {width}\n    caption: Một ảnh cao\n", encoding="utf-8")
    result = render_loaded(load_document(source))
    with pdfplumber.open(io.BytesIO(result.outputs["pdf"])) as pdf:
        [image] = [i for page in pdf.pages for i in page.images]
        pdf_size = ((image["x1"] - image["x0"]) / MM, (image["bottom"] - image["top"]) / MM)
    with zipfile.ZipFile(io.BytesIO(result.outputs["docx"])) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    extent = body.find(".//wp:inline/wp:extent", NS)
    docx_size = (int(extent.get("cx")) / 36000, int(extent.get("cy")) / 36000)
    assert abs(pdf_size[0] - docx_size[0]) < 0.5 and abs(pdf_size[1] - docx_size[1]) < 0.5
    profile = load_profile("party")
    page = profile.page
    text_height = page.size[1] - page.margins["top"] - page.margins["bottom"]
    assert docx_size[1] <= text_height * profile.media.max_height + 0.01  # capped
    assert abs(docx_size[1] / docx_size[0] - 3) < 0.01  # proportions kept


def test_balancing_a_long_subject_costs_little():
    """The balancer measures a line only while it still fits (lines only grow), and leaves a
    subject longer than any display line to the renderer: work grows with the words, not
    with their cube. Counted in measurements, never in seconds."""
    from briefing.layout import lines

    profile = load_profile("party")
    subject = ("phối hợp thực hiện công tác khoa giáo giữa Ban Tuyên giáo Thành ủy và các sở, "
               "ban, ngành, đơn vị năm 2024")
    words = subject.split(" ") * 4
    counted = []
    real = lines.line_width_mm

    def measuring(*args):
        counted.append(args[0])
        return real(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lines, "line_width_mm", measuring)
        result = lines.balanced_lines(" ".join(words[:79]), profile.title_block.subject, 145,
                                      profile)
        assert len(result) > 3
        assert len(counted) < 79 * 20  # each start measures only the lines that fit
        counted.clear()
        assert lines.balanced_lines(" ".join(words * 3), profile.title_block.subject, 145,
                                    profile) == [" ".join(words * 3)]
        assert counted == []


def test_the_space_under_a_last_table_stays_with_it(tmp_path):
    """A body ending with a table: the profile's space under it is the PDF's margin at the end
    of the body; in the DOCX it must not land on the appendix label of the next page."""
    text = ("meta:\n  form: booklet\n  issuer:\n    name: BAN TUYÊN GIÁO\n  place: Hà Nội\n"
            "  date: 2024-03\nblocks:\n  - Bảng số liệu dưới đây.\n  - table:\n"
            "      - [Chỉ tiêu, Số liệu]\n      - [Một, \"1\"]\nappendices:\n"
            "  - id: data\n    title: Phụ lục số liệu\n    body:\n      - Nội dung của phụ lục.\n")
    source = tmp_path / "table-last.yaml"
    source.write_text(text, encoding="utf-8")
    docx = render_loaded(load_document(source), ("docx",)).outputs["docx"]
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    label = next(p for p in body.iter(f"{W}p") if p.find("w:pPr/w:pageBreakBefore", NS)
                 is not None and text_of(p).startswith("PHỤ LỤC"))
    assert label.find("w:pPr/w:spacing", NS) is None
