"""The Word reader on files built here with the shapes real files have: text boxes stored
twice (DrawingML and VML), stamps, marks, diagrams and samples; leader tabs and dot runs;
callouts and real footnotes; white and hidden text; the look of a line through the style chain;
sections; embedded objects; tables of every shape. What comes out is what a reader sees.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm, Pt, RGBColor

from briefing.readers.source import Line, Picture, Table
from tests.word_files import EMF, PNG, lines, p, read, text_box, word_file

RIGHT_LEADER = '<w:tabs><w:tab w:val="right" w:pos="8789" w:leader="dot"/></w:tabs>'


def _texts(data: bytes) -> list[str]:
    doc, _ = read(data)
    return [line.text for line in lines(doc)]


def test_a_text_box_is_read_once_after_the_paragraph_that_holds_it() -> None:
    body = ('<w:p><w:r><w:t xml:space="preserve">Trước hộp, </w:t></w:r>'
            + text_box("Bạn đọc cần biết: hội nghị diễn ra trong hai ngày tại Hà Nội.",
                       width_mm=60, height_mm=30, size=24)
            + '<w:r><w:t>sau hộp.</w:t></w:r></w:p>' + p("Đoạn tiếp theo."))
    doc, notes = read(word_file(body))
    assert [(line.text, line.box) for line in lines(doc)] == [
        ("Trước hộp, sau hộp.", None),
        ("Bạn đọc cần biết: hội nghị diễn ra trong hai ngày tại Hà Nội.", "text"),
        ("Đoạn tiếp theo.", None)]
    assert lines(doc)[1].where == "text box in paragraph 1"
    assert notes.notes == []


def test_stamp_mark_diagram_and_sample_boxes_are_told_apart() -> None:
    body = (f'<w:p>{text_box("Số: ...4……; ngày/tháng/năm; giờ: phút: giây5")}</w:p>'
            f'<w:p>{text_box("HỎA TỐC", width_mm=30, height_mm=8, size=26)}</w:p>'
            f'<w:p>{text_box("5a", width_mm=40, height_mm=7)}{text_box("20 - 25 mm")}</w:p>'
            f'<w:p>{text_box("Ô số", grouped=True)}</w:p>'
            + p("Mẫu bìa sổ:")
            + "<w:p>" + text_box("TÊN CƠ QUAN CHỦ QUẢN|SỔ ĐĂNG KÝ VĂN BẢN ĐI|Năm: ……..|"
                                 "Từ ngày ..….... đến ngày .....…...", width_mm=90,
                                 height_mm=96, size=28) + "</w:p>")
    doc, notes = read(word_file(body))
    kept = [(line.text, line.box, line.role) for line in lines(doc)]
    assert kept == [("Số: ...4{blank}; ngày/tháng/năm; giờ: phút: giây5", "stamp", None),
                    ("HỎA TỐC", "mark", "mark"), ("Mẫu bìa sổ:", None, None)]
    dropped = [n.message for n in notes.notes if n.severity == "dropped"]
    assert len(dropped) == 3
    assert "“5a”, “20 - 25 mm”" in dropped[0] and "diagram" in dropped[1]
    assert "sample" in dropped[2]


def test_a_picture_stored_twice_comes_in_once() -> None:
    inline = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline>'
              '<wp:extent cx="1800000" cy="900000"/><wp:docPr id="1" name="P"/><a:graphic>'
              '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
              '<pic:pic><pic:blipFill><a:blip r:embed="rImg"/></pic:blipFill></pic:pic>'
              '</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback>'
              '<w:pict><v:shape style="width:50pt;height:25pt"><v:imagedata r:id="rImg"/>'
              '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    doc, _ = read(word_file(f"<w:p>{inline}</w:p>", media={"rImg": PNG}))
    pictures = [b for b in doc.blocks if isinstance(b, Picture)]
    assert len(pictures) == 1 and pictures[0].width_percent == 30


def test_leader_tabs_and_dot_runs_are_fill_in_blanks() -> None:
    body = (p("Hà Nội, ngày …… tháng …… năm ……")
            + f'<w:p><w:pPr>{RIGHT_LEADER}</w:pPr><w:r><w:t xml:space="preserve">Căn cứ </w:t>'
              '<w:tab/><w:t>;</w:t></w:r></w:p>'
            + f'<w:p><w:pPr>{RIGHT_LEADER}</w:pPr><w:r><w:tab/><w:t>./.</w:t></w:r></w:p>'
            + '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="1843"/><w:tab w:val="right" '
              'w:pos="8789" w:leader="dot"/></w:tabs></w:pPr><w:r><w:t>Chức vụ:</w:t><w:tab/>'
              '<w:tab/></w:r></w:p>'
            + '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="4000"/></w:tabs></w:pPr><w:r>'
              '<w:t>Họ tên</w:t><w:tab/><w:t>Chức vụ</w:t></w:r></w:p>'
            + p("Các nước trong khu vực… và tiếp tục...."))
    assert _texts(word_file(body)) == [
        "Hà Nội, ngày {blank} tháng {blank} năm {fill}", "Căn cứ {fill};", "{fill}./.",
        "Chức vụ:\t{fill}", "Họ tên\tChức vụ", "Các nước trong khu vực… và tiếp tục...."]


def test_callouts_to_a_notes_box_stay_text() -> None:
    sup = '<w:vertAlign w:val="superscript"/>'
    body = ('<w:p><w:r><w:t>TÊN CƠ QUAN</w:t></w:r><w:r><w:rPr>' + sup + '</w:rPr><w:t>1'
            '</w:t></w:r></w:p>' + p("Ghi chú:", "<w:b/><w:i/>")
            + '<w:p><w:r><w:rPr>' + sup + '</w:rPr><w:t>1</w:t></w:r><w:r><w:t xml:space='
            '"preserve"> Tên cơ quan chủ quản.</w:t></w:r></w:p>')
    doc, notes = read(word_file(body))
    assert not any("footnote" in note.message for note in notes.notes)
    assert [line.text for line in lines(doc)] == ["TÊN CƠ QUAN¹", "***Ghi chú:***",
                                                  "¹ Tên cơ quan chủ quản."]
    assert doc.callouts and doc.notes == {}
    without_box = read(word_file(body.replace("Ghi chú:", "Chú thích")))[0]
    assert lines(without_box)[0].text == "TÊN CƠ QUAN[^1]"  # typed footnotes, as before


FOOTNOTES = ('<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
             '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:rPr>'
             '<w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r><w:r><w:t '
             'xml:space="preserve"> Áp dụng cho hồ sơ vĩnh viễn.</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t '
             'xml:space="preserve"> Tên đơn vị.</w:t></w:r></w:p></w:footnote>')


def test_real_footnotes_anywhere_and_a_typed_number_repeating_word_s() -> None:
    ref = '<w:r><w:footnoteReference w:id="{}"/></w:r>'
    cell = f'<w:tc><w:p><w:r><w:t>TÊN ĐƠN VỊ</w:t></w:r>{ref.format(3)}</w:p></w:tc>'
    body = (f"<w:tbl><w:tr>{cell}<w:tc><w:p/></w:tc></w:tr></w:tbl>"
            f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>IV. MẪU MỤC LỤC</w:t></w:r>{ref.format(7)}'
            "</w:p>")
    doc, _ = read(word_file(body, footnotes=FOOTNOTES))
    assert [line.text for line in lines(doc)] == ["TÊN ĐƠN VỊ[^3]", "**IV. MẪU MỤC LỤC**[^7]"]
    assert doc.notes == {"3": ["Tên đơn vị."], "7": ["Áp dụng cho hồ sơ vĩnh viễn."]}
    assert lines(doc)[1].bold


def test_white_and_hidden_runs_are_not_read() -> None:
    body = ('<w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>[</w:t></w:r>'
            '<w:r><w:t>(Đã ký)</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> ẩn</w:t></w:r>'
            '</w:p><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/><w:shd w:val="clear" '
            'w:fill="1F3864"/></w:rPr><w:t>Trắng trên nền xanh</w:t></w:r></w:p>')
    assert _texts(word_file(body)) == ["(Đã ký)", "Trắng trên nền xanh"]


STYLES = ('<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault>'
          '</w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '<w:rPr><w:sz w:val="28"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
          '<w:pPr><w:jc w:val="center"/><w:ind w:left="567" w:hanging="284"/></w:pPr>'
          '<w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/>'
          '<w:basedOn w:val="Base"/><w:rPr><w:caps/></w:rPr></w:style>')


def test_what_a_line_looks_like_through_the_style_chain() -> None:
    body = (p("Tiêu đề chương", para='<w:pStyle w:val="Derived"/>')
            + p("Đoạn văn thường.")
            + p("Chữ đậm", '<w:rFonts w:ascii="Times New Roman Bold"/><w:sz w:val="30"/>'))
    doc, _ = read(word_file(body, styles=STYLES))
    title, plain, bold = lines(doc)
    assert (title.size, title.bold, title.caps, title.align) == (13, True, True, "center")
    assert (title.indent, title.first_line) == (10.0, -5.0)
    assert title.text == "Tiêu đề chương"  # the style's bold is layout, not emphasis
    assert (plain.size, plain.bold, plain.caps, plain.indent) == (14, False, False, 0.0)
    assert (bold.font, bold.bold, bold.size, bold.text) == ("Times New Roman", True, 15,
                                                            "**Chữ đậm**")


def test_every_section_and_its_page_numbers() -> None:
    page = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/>'
            '</w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>'
            '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r>'
            '<w:fldChar w:fldCharType="end"/></w:r></w:p>')
    first = ('<w:sectPr><w:headerReference w:type="default" r:id="hPage"/>'
             '<w:pgSz w:w="11907" w:h="16840"/><w:pgMar w:top="1418" w:bottom="1134" '
             'w:left="1985" w:right="1134" w:header="567" w:footer="720" w:gutter="0"/>'
             '<w:titlePg/></w:sectPr>')
    body = (p("Trang đứng.") + f"<w:p><w:pPr>{first}</w:pPr></w:p>" + p("Trang ngang."))
    last = ('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
            '<w:pgMar w:top="1134" w:bottom="851" w:left="1701" w:right="851"/></w:sectPr>')
    doc, _ = read(word_file(body, sect=last, headers={"hPage": page}))
    portrait, landscape = doc.sections
    assert (portrait.width, portrait.height, portrait.landscape, portrait.title_page) == \
        (11907, 16840, False, True)
    assert portrait.margins["left"] == 1985 and portrait.mm(portrait.margins["left"]) == 35.0
    assert [(h.kind, h.type, h.page_number, h.inherited) for h in portrait.headers] == \
        [("header", "default", True, False)]
    assert landscape.landscape and landscape.headers[0].inherited
    assert landscape.first_block == 1
    second = lines(doc)[1]
    assert second.page_break and second.section == 1 and lines(doc)[0].section == 0


def _object(preview: str, program: str) -> str:
    return (f'<w:p><w:r><w:object><v:shape style="width:300pt;height:200pt"><v:imagedata '
            f'r:id="{preview}"/></v:shape><o:OLEObject Type="Embed" ProgID="{program}" '
            'r:id="rOle"/></w:object></w:r></w:p>')


def test_embedded_objects_come_in_as_their_picture_or_a_note() -> None:
    ole = '<Relationship Id="rOle" Type="{}/oleObject" Target="embeddings/o.bin"/>'
    rels = ole.format("http://schemas.openxmlformats.org/officeDocument/2006/relationships")
    chart = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="3600000" cy="1800000"/><a:graphic>'
             '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
             '<c:chart r:id="rChart"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
             '</w:r></w:p>')
    equation = ('<w:p><w:r><w:t xml:space="preserve">Tốc độ tăng </w:t></w:r><m:oMath><m:r>'
                '<m:t>g=</m:t></m:r><m:f><m:num><m:r><m:t>Δ</m:t></m:r></m:num><m:den><m:r>'
                '<m:t>x</m:t></m:r></m:den></m:f></m:oMath></w:p>')
    body = (_object("rPng", "Visio.Drawing.15") + _object("rEmf", "Excel.Sheet.12") + chart
            + equation)
    doc, notes = read(word_file(body, media={"rPng": PNG, "rEmf": EMF}, rels=rels))
    pictures = [b for b in doc.blocks if isinstance(b, Picture)]
    assert len(pictures) == 1 and pictures[0].stands_for == "the picture of a Visio drawing"
    messages = [(n.severity, n.message) for n in notes.notes]
    assert ("guess", "a Visio drawing embedded in the document comes in as the picture Word "
                     "shows of it") in messages
    assert any(kind == "dropped" and "an Excel sheet" in m and "Windows metafile (EMF)" in m
               for kind, m in messages)
    assert any(kind == "dropped" and m.startswith("a chart") for kind, m in messages)
    assert [line.text for line in lines(doc)] == ["Tốc độ tăng g=Δx"]
    assert any("equation" in m for _, m in messages)


NUMBERING = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>')


RESTART = '<w:vMerge w:val="restart"/>'


def _cell(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def test_tables_of_every_shape() -> None:
    numbered = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'
                "</w:pPr></w:p>")
    inner = f"<w:tbl><w:tr>{_cell(p('trong 1'))}{_cell(p('trong 2'))}</w:tr></w:tbl>"
    header = f"<w:tr>{_cell(p('STT'))}{_cell(p('Nội dung'))}{_cell(p('Ghi chú'))}</w:tr>"
    span = _cell(p("Gộp hai cột"), props='<w:gridSpan w:val="2"/>')
    rows = [
        f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{_cell(p('STT'))}{_cell(p('Nội dung'))}"
        f"{_cell(p('Ghi chú'))}</w:tr>",
        f"<w:tr>{_cell(numbered)}{_cell(p('Kính gửi:'), p('- Bộ Nội vụ;'), p('- Bộ Tài chính.'))}"
        f"{_cell(props=RESTART)}</w:tr>",
        f"<w:tr>{_cell(numbered)}{_cell(inner)}{_cell(props='<w:vMerge/>')}</w:tr>",
        header,
        f"<w:tr>{_cell(numbered)}{span}</w:tr>",
    ]
    grid = '<w:tblGrid><w:gridCol w:w="800"/><w:gridCol w:w="5000"/><w:gridCol w:w="3000"/>' \
           '</w:tblGrid>'
    borders = "".join(f'<w:{side} w:val="single"/>' for side in ("top", "left", "bottom",
                                                                "right", "insideH", "insideV"))
    body = f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr>{grid}" \
           f"{''.join(rows)}</w:tbl>"
    doc, notes = read(word_file(body, numbering=NUMBERING))
    table = doc.blocks[0]
    assert isinstance(table, Table) and not table.borderless and table.header_rows == 1
    shown = [[[(line.label, line.plain) for line in cell.lines] for cell in row]
             for row in table.rows]
    assert shown[1] == [[("1.", "")], [("", "Kính gửi:"), ("", "- Bộ Nội vụ;"),
                                        ("", "- Bộ Tài chính.")], []]
    assert shown[2] == [[("2.", "")], [("", "trong 1"), ("", "trong 2")]]
    assert table.rows[1][2].rowspan == 2 and table.rows[4][1].colspan == 2
    assert table.repeated_rows == [3] and table.nested == 1
    assert shown[4][0] == [("3.", "")]
    assert any("table inside a table cell" in n.message for n in notes.notes)


def test_a_document_made_with_python_docx() -> None:
    document = Document()
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0].bold = True
    form = document.add_paragraph("Họ và tên:")
    form.paragraph_format.tab_stops.add_tab_stop(Mm(160), WD_TAB_ALIGNMENT.RIGHT,
                                                 WD_TAB_LEADER.DOTS)
    form.add_run().add_tab()
    hidden = document.add_paragraph("Hiện ")
    hidden.add_run("ẩn").font.hidden = True
    white = document.add_paragraph()
    white.add_run("[").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    white.add_run("(Đã ký)")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp"
    table.cell(1, 0).text = "Một"
    table.cell(1, 0).add_paragraph("Hai")
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    big = document.add_paragraph("Chữ lớn")
    big.runs[0].font.size = Pt(16)
    buffer = io.BytesIO()
    document.save(buffer)
    doc, _ = read(buffer.getvalue())
    texts = [line.text for line in doc.blocks if isinstance(line, Line)]
    assert texts == ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Họ và tên:{fill}", "Hiện ",
                     "(Đã ký)", "Chữ lớn"]
    table_block = next(b for b in doc.blocks if isinstance(b, Table))
    assert table_block.rows[0][0].colspan == 2 and not table_block.rows[0][1].lines
    assert [line.plain for line in table_block.rows[1][0].lines] == ["Một", "Hai"]
    assert [s.landscape for s in doc.sections] == [False, True]
    assert doc.blocks[-1].size == 16 and doc.blocks[-1].page_break
