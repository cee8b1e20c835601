"""Word files made by pandoc and by LibreOffice, with the shapes real files have, read by the
Word reader: a LibreOffice frame (a text box Word's way, stored twice) read once after its
paragraph and sorted, a dot-leader tab, a table with blank and merged-blank cells, several
paragraphs and a list in one cell; pandoc's multi-paragraph cells and lists in cells. Skipped,
with the reason, only where the tool is absent (CI installs both).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.readers.source import Table
from tests.word_files import PANDOC, SOFFICE, lines, pandoc_docx, read, soffice

FLAT_ODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="Leader" style:family="paragraph"><style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="15.5cm" style:type="right"
    style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
  </style:paragraph-properties></style:style>
  <style:style style:name="Small" style:family="paragraph">
   <style:text-properties fo:font-size="10pt"/></style:style>
  <style:style style:name="Caps" style:family="paragraph">
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="fr" style:family="graphic">
   <style:graphic-properties fo:border="0.5pt solid #000000"/></style:style>
  <style:style style:name="tb" style:family="table-cell">
   <style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p>Trước khung<draw:frame draw:style-name="fr" text:anchor-type="paragraph"
   svg:width="3cm" svg:height="0.8cm" svg:x="12cm" svg:y="0cm"><draw:text-box>
   <text:p text:style-name="Caps">HỎA TỐC</text:p></draw:text-box></draw:frame> sau khung.</text:p>
  <text:p>Mẫu điện tử<draw:frame draw:style-name="fr" text:anchor-type="paragraph"
   svg:width="7.7cm" svg:height="0.9cm" svg:x="9cm" svg:y="1cm"><draw:text-box>
   <text:p text:style-name="Small">Số: ...; ngày/tháng/năm; giờ: phút: giây</text:p>
   </draw:text-box></draw:frame></text:p>
  <text:p text:style-name="Leader">Chức vụ:<text:tab/></text:p>
  <table:table table:name="T"><table:table-column table:number-columns-repeated="3"/>
   <table:table-row>
    <table:table-cell table:style-name="tb"><text:p>STT</text:p></table:table-cell>
    <table:table-cell table:style-name="tb" table:number-rows-spanned="2"><text:p/>
    </table:table-cell>
    <table:table-cell table:style-name="tb"><text:p>Một</text:p><text:p>Hai</text:p>
    </table:table-cell></table:table-row>
   <table:table-row>
    <table:table-cell table:style-name="tb"><text:p/></table:table-cell>
    <table:covered-table-cell/>
    <table:table-cell table:style-name="tb"><text:list><text:list-item><text:p>mục một</text:p>
     </text:list-item><text:list-item><text:p>mục hai</text:p></text:list-item></text:list>
    </table:table-cell></table:table-row>
  </table:table>
 </office:text></office:body>
</office:document>
"""


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_frames_leader_tabs_and_table_cells(tmp_path: Path) -> None:
    source = tmp_path / "mau.fodt"
    source.write_text(FLAT_ODT, encoding="utf-8")
    doc, notes = read(soffice(source, "docx:MS Word 2007 XML", tmp_path).read_bytes())
    shown = [(line.plain, line.box) for line in lines(doc)]
    assert shown[:4] == [("Trước khung sau khung.", None), ("HỎA TỐC", "mark"),
                         ("Mẫu điện tử", None),
                         ("Số: ...; ngày/tháng/năm; giờ: phút: giây", "stamp")]
    assert lines(doc)[4].text == "Chức vụ:{fill}"
    table = next(b for b in doc.blocks if isinstance(b, Table))
    cells = [[[(line.label, line.plain) for line in cell.lines] for cell in row]
             for row in table.rows]
    assert cells[0] == [[("", "STT")], [], [("", "Một"), ("", "Hai")]]
    assert table.rows[0][1].rowspan == 2 and cells[1][0] == []
    assert cells[1][1] == [("•", "mục một"), ("•", "mục hai")]
    assert not table.borderless and notes.notes == []


MARKDOWN = """\
+-----------+--------------------------+
| Nơi nhận  | Nội dung                 |
+===========+==========================+
|           | Đoạn thứ nhất.           |
|           |                          |
|           | Đoạn thứ hai.            |
+-----------+--------------------------+
| 2         | - gạch một               |
|           | - gạch hai               |
+-----------+--------------------------+

Họ và tên: ..............................
"""


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_cells_of_several_paragraphs_lists_in_cells_and_blanks(tmp_path: Path) -> None:
    doc, _ = read(pandoc_docx(MARKDOWN, tmp_path, "bang").read_bytes())
    table = next(b for b in doc.blocks if isinstance(b, Table))
    cells = [[[(line.label, line.plain) for line in cell.lines] for cell in row]
             for row in table.rows]
    assert cells[1] == [[], [("", "Đoạn thứ nhất."), ("", "Đoạn thứ hai.")]]
    assert cells[2][1] == [("•", "gạch một"), ("•", "gạch hai")]
    assert lines(doc)[-1].text == "Họ và tên: {fill}"
