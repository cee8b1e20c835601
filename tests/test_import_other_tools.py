"""Word files made by other tools, generated here: pandoc (Markdown with footnotes),
LibreOffice (plain text, and its .odt), python-docx with automatic numbering. Footnotes,
numbers and emphasis must survive. Skipped, with the reason, only where the tool is absent
(CI installs pandoc and LibreOffice).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.importing import imported, loaded
from tests.word_files import PANDOC, SOFFICE, pandoc_docx, soffice

MARKDOWN = """\
# I. Bối cảnh, tình hình

## 1.1. Tình hình quốc tế

Thách thức lớn nhất là *cục diện an ninh – chính trị* và **cạnh tranh chiến lược**[^wto].

- Củng cố quan hệ với các nước láng giềng;
- Mở rộng quan hệ đối tác.

## 1.2. Tình hình trong nước

Kinh tế vĩ mô được duy trì ổn định[^imf].

# II. Phương hướng

1. Tiếp tục đẩy mạnh ngoại giao kinh tế.
2. Nâng tầm đối ngoại đa phương.

[^wto]: Theo Tổ chức Thương mại Thế giới (WTO).
[^imf]: Theo thống kê của Quỹ Tiền tệ Quốc tế.
"""


def _body(result) -> dict:
    return loaded(result).document.model_dump(mode="json", exclude_none=True)


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_docx_keeps_footnotes_numbers_and_emphasis(tmp_path: Path) -> None:
    docx = pandoc_docx(MARKDOWN, tmp_path, "bai")
    result = imported(docx)
    document = loaded(result).document
    assert document.meta.numbering == "hierarchical"
    blocks = _body(result)["blocks"]
    assert [b["title"] for b in blocks] == ["Bối cảnh, tình hình", "Phương hướng"]
    first = blocks[0]["body"][0]
    assert first["title"] == "Tình hình quốc tế"
    paragraph = first["body"][0]
    assert "*cục diện an ninh – chính trị*" in paragraph
    assert "**cạnh tranh chiến lược**[^1]" in paragraph
    assert first["body"][1] == {"bullets": ["Củng cố quan hệ với các nước láng giềng;",
                                            "Mở rộng quan hệ đối tác."]}
    assert document.footnotes == {"1": "Theo Tổ chức Thương mại Thế giới (WTO).",
                                  "2": "Theo thống kê của Quỹ Tiền tệ Quốc tế."}
    enumeration = blocks[1]["body"][0]
    assert enumeration["enumerate"] == ["Tiếp tục đẩy mạnh ngoại giao kinh tế.",
                                        "Nâng tầm đối ngoại đa phương."]
    assert enumeration["style"] == "arabic"


TEXT = """\
ĐẢNG BỘ TỈNH HÀ TĨNH\tĐẢNG CỘNG SẢN VIỆT NAM
BAN TUYÊN GIÁO
*
Số 05-HD/BTGTU\tHà Tĩnh, ngày 05 tháng 3 năm 2024
HƯỚNG DẪN
tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng
I. MỤC ĐÍCH, YÊU CẦU
1. Tuyên truyền sâu rộng truyền thống vẻ vang của Đảng¹.
2. Nội dung thiết thực, phù hợp với từng đối tượng.
II. NỘI DUNG TUYÊN TRUYỀN
1. Tuyên truyền về lịch sử Đảng bộ tỉnh.
¹ Theo Kế hoạch số 12-KH/TU.
Nơi nhận:\tT/M BAN THƯỜNG VỤ
- Các huyện ủy, thành ủy,\tTRƯỞNG BAN
- Lưu.\tNguyễn Văn An
"""


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_docx_from_text_keeps_masthead_numbers_and_notes(tmp_path: Path) -> None:
    source = tmp_path / "huong-dan.txt"
    source.write_text(TEXT, encoding="utf-8")
    docx = soffice(source, "docx:MS Word 2007 XML", tmp_path)
    result = imported(docx)
    document = loaded(result).document
    meta = document.meta
    assert (meta.form, meta.profile, meta.type) == ("official", "party", "HƯỚNG DẪN")
    assert meta.issuer.name == "BAN TUYÊN GIÁO"
    assert meta.issuer.superior == "ĐẢNG BỘ TỈNH HÀ TĨNH"
    assert meta.number == "05-HD/BTGTU" and str(meta.date) == "2024-03-05"
    assert meta.place == "Hà Tĩnh"
    assert meta.subject == "tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng"
    assert meta.signer is not None and meta.signer.name == "Nguyễn Văn An"
    assert meta.signer.authority == "T/M BAN THƯỜNG VỤ" and meta.signer.title == "TRƯỞNG BAN"
    assert meta.recipients == ["Các huyện ủy, thành ủy,", "Lưu."]
    assert meta.numbering == "sequential"
    data = _body(result)
    assert [b["title"] for b in data["blocks"]] == ["MỤC ĐÍCH, YÊU CẦU",
                                                     "NỘI DUNG TUYÊN TRUYỀN"]
    assert data["blocks"][0]["body"][0] == {
        "numbered": "Tuyên truyền sâu rộng truyền thống vẻ vang của Đảng[^1]."}
    assert document.footnotes == {"1": "Theo Kế hoạch số 12-KH/TU."}


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_odt_is_imported_through_libreoffice(tmp_path: Path) -> None:
    source = tmp_path / "huong-dan.txt"
    source.write_text(TEXT, encoding="utf-8")
    odt = soffice(source, "odt", tmp_path)
    result = imported(odt)
    assert loaded(result).document.meta.type == "HƯỚNG DẪN"
    assert any("LibreOffice" in n.message for n in result.fixes)


NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
  <w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
  <w:lvlText w:val="%2.%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
  <w:lvlText w:val="(%1)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="3"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbered_docx(path: Path) -> None:
    """A python-docx document whose numbers are Word's automatic numbering."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    part = Part(PackURI("/word/numbering.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
                NUMBERING.encode(), document.part.package)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            document.part.rels.pop(rel_id)
    document.part.relate_to(part, RT.NUMBERING)

    def numbered(text: str, num: int, level: int, style: str | None = None,
                 bold_words: str = "") -> None:
        p = document.add_paragraph(style=style)
        if bold_words:
            p.add_run(bold_words).bold = True
        p.add_run(text)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr xmlns:w="{qn("w:p")[1:].split("}")[0]}">'
                             f'<w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))

    numbered("Bối cảnh", 1, 0, "Heading 1")
    numbered("Tình hình quốc tế", 1, 1, "Heading 2")
    p = document.add_paragraph("Xu thế ")
    p.add_run("hòa bình").italic = True
    p.add_run(", hợp tác.")
    numbered("Tình hình trong nước", 1, 1, "Heading 2")
    numbered("Ổn định kinh tế vĩ mô;", 2, 0)
    numbered("Kiểm soát lạm phát.", 2, 1)
    numbered("Thành tựu", 1, 0, "Heading 1")
    numbered("Kết quả nổi bật", 1, 1, "Heading 2")
    numbered("Về kinh tế", 1, 2, "Heading 3")
    numbered(" tăng trưởng cao;", 3, 0, bold_words="Một,")
    numbered("xuất khẩu kỷ lục.", 3, 0)
    numbered("Thu hút đầu tư.", 4, 0)
    document.save(path)


def test_python_docx_automatic_numbering_is_read_as_displayed(tmp_path: Path) -> None:
    path = tmp_path / "tu-dong.docx"
    _numbered_docx(path)
    result = imported(path)
    document = loaded(result).document
    assert document.meta.numbering == "sequential"  # I. -> 1. -> 1.1., as Word showed
    data = _body(result)
    blocks = data["blocks"]
    assert [b["title"] for b in blocks] == ["Bối cảnh", "Thành tựu"]
    assert [s["title"] for s in blocks[0]["body"]] == ["Tình hình quốc tế",
                                                        "Tình hình trong nước"]
    assert blocks[0]["body"][0]["body"] == ["Xu thế *hòa bình*, hợp tác."]
    assert blocks[0]["body"][1]["body"] == [
        {"bullets": [["Ổn định kinh tế vĩ mô;", {"bullets": ["Kiểm soát lạm phát."]}]]}]
    enumeration = blocks[1]["body"][0]["body"][0]["body"]
    # the second list instance restarts at (i) (startOverride): a new enumeration
    assert enumeration[0]["enumerate"] == ["**Một,** tăng trưởng cao;", "xuất khẩu kỷ lục."]
    assert enumeration[0]["style"] == "paren-roman"
    assert enumeration[1]["enumerate"] == ["Thu hút đầu tư."]
    assert not [g for g in result.guesses if "numbering" in g.message]


def test_odt_without_libreoffice_says_so(tmp_path: Path, monkeypatch) -> None:
    from briefing.importing import importer
    from briefing.problems import BriefingError

    source = tmp_path / "van-ban.odt"
    source.write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setattr(importer.shutil, "which", lambda name: None)
    with pytest.raises(BriefingError, match="needs LibreOffice, which is not installed"):
        imported(source)


DEEP_HEADINGS = """\
######## \n
######## Chương I

**QUY ĐỊNH CHUNG**

**Điều 1. Phạm vi điều chỉnh**

Nghị định này quy định về công tác văn thư.

**Điều 2. Đối tượng áp dụng**

Nghị định này áp dụng đối với cơ quan, tổ chức.

######## Chương II

**VĂN BẢN HÀNH CHÍNH**

**Điều 3. Thể thức văn bản**

Thể thức văn bản là tập hợp các thành phần cấu thành văn bản.
"""


def test_markdown_headings_deeper_than_six_levels_are_headings(tmp_path: Path) -> None:
    """pandoc writes Word's headings 7 to 9 as "######## …", which CommonMark reads as text:
    the decree's "Chương I" came in with its hashes and the chapters beside loose articles
    made the whole decree plain paragraphs."""
    path = tmp_path / "nghi-dinh.md"
    path.write_text(DEEP_HEADINGS, encoding="utf-8")
    result = imported(path)
    blocks = _body(result)["blocks"]
    assert [b["chapter"] for b in blocks] == ["QUY ĐỊNH CHUNG", "VĂN BẢN HÀNH CHÍNH"]
    assert [len(b["body"]) for b in blocks] == [2, 1]
    assert "#" not in "".join(d.yaml for d in result.documents).split("blocks:")[1]


CAPTIONED = """\
Năm qua, công tác tuyên truyền được đổi mới mạnh mẽ ở mọi cấp, với nhiều hình thức phong phú.

![Toàn cảnh hội nghị tổng kết công tác năm 2024]({picture})

Các cấp ủy đã chỉ đạo sát sao việc học tập, quán triệt nghị quyết đến từng chi bộ.
"""
FIGURE_CAPTION = "Toàn cảnh hội nghị tổng kết công tác năm 2024"


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_a_captioned_picture_from_pandoc_keeps_its_caption_in_every_format(
        tmp_path: Path) -> None:
    """pandoc's Word file puts the caption in "Image Caption" (based on Word's Caption): the
    picture's caption, never lost; its plain text keeps the picture's place as
    "[description]" and its Markdown as "![…](…){width=…}": left out, and the caption under
    them a paragraph, never an intertitle."""
    picture = Path(__file__).parent / "fixtures" / "media" / "hoi-nghi-ngoai-giao.jpg"
    docx = pandoc_docx(CAPTIONED.format(picture=picture), tmp_path, "bai")
    [figure] = [b for b in _body(imported(docx))["blocks"] if "figure" in b]
    assert figure["caption"] == FIGURE_CAPTION
    for target, suffix in (("plain", "txt"), ("markdown", "md")):
        converted = tmp_path / f"bai-{target}.{suffix}"
        subprocess.run([str(PANDOC), str(docx), "-t", target, "-o", str(converted)],
                       check=True, timeout=120)
        blocks = _body(imported(converted))["blocks"]
        assert FIGURE_CAPTION in blocks, target
        assert not [b for b in blocks if "[" in str(b) or "width" in str(b)], target
