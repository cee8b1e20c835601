"""What a reader sees in a DOCX, paragraph by paragraph: the printed text (Word's automatic
numbers resolved, hidden runs and text boxes left out), whether it looks like a heading, and
whether it sits in the body, in a data table, or in the furniture (the masthead and the
closing layout tables, the title block).

Used on the generated sources, the real corpus and our own output alike, so the scorer sees
every file the same way. Our own furniture is recognised by its style names (the writer's
named styles are part of what it prints); a clerk's by its content (the national title, the
Party's name, "Nơi nhận:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from tests.sources.word_lists import WordNumbers

#: Our writer's styles for the head, the title block and the closing: meta, not body. The
#: Căn cứ lines and the enactment line ("QUYẾT ĐỊNH:") are read as text, as a reader reads them.
FURNITURE = re.compile(r"^(Masthead|Party |Party$|Place Date|Cover |Mark$|Document Type$|"
                       r"Subject$|Title Rule$|Recipients|Signature|Salutation$|"
                       r"Letter Subject$|Addressees$|Authority Line$)")
#: Text that makes a borderless table a masthead or a closing.
LAYOUT_TEXT = re.compile(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do|"
                         r"^Nơi nhận", re.IGNORECASE | re.MULTILINE)
_SKIP = {qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:del"), qn("w:delText"),
         qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:instrText"),
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


@dataclass
class Printed:
    """One paragraph as printed."""

    text: str
    style: str = ""
    heading: bool = False
    bold: bool = False
    in_table: bool = False


@dataclass
class DocxReading:
    body: list[Printed] = field(default_factory=list)
    furniture: list[Printed] = field(default_factory=list)


def _text(paragraph: etree._Element) -> str:
    """The visible text: runs' text, tabs and breaks; not text boxes, deletions or hidden
    runs."""
    out: list[str] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            if child.tag in _SKIP:
                continue
            if child.tag == qn("w:r"):
                props = child.find(qn("w:rPr"))
                if props is not None and props.find(qn("w:vanish")) is not None:
                    continue
            if child.tag == qn("w:t"):
                out.append(child.text or "")
            elif child.tag == qn("w:tab"):
                out.append("\t")
            elif child.tag in (qn("w:br"), qn("w:cr")):
                out.append("\n")
            elif child.tag == qn("w:noBreakHyphen"):
                out.append("-")
            else:
                walk(child)

    walk(paragraph)
    return "".join(out)


class _Styles:
    """Paragraph styles: name, heading (a heading name or an outline level), bold."""

    def __init__(self, document: docx.document.Document) -> None:
        self.by_id: dict[str, tuple[str, bool, bool | None]] = {}
        for style in document.styles:
            if style.type != WD_STYLE_TYPE.PARAGRAPH:
                continue
            heading = style.name.lower().startswith(("heading", "title")) or (
                style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is not None)
            bold = None
            base = style
            for _ in range(10):
                if base is None or bold is not None:
                    break
                bold = base.font.bold
                base = base.base_style
            self.by_id[style.style_id] = (style.name, heading, bold)

    def of(self, paragraph: etree._Element) -> tuple[str, bool, bool]:
        ppr = paragraph.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        name, heading, bold = self.by_id.get(style.get(qn("w:val")) if style is not None
                                             else "", ("Normal", False, None))
        outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if outline is not None and outline.get(qn("w:val")) not in (None, "9"):
            heading = True
        return name, heading, bool(bold)


def _all_bold(paragraph: etree._Element, style_bold: bool) -> bool:
    """Every run with text is bold (direct formatting over the style's)."""
    seen = False
    for run in paragraph.iter(qn("w:r")):
        if not "".join(t.text or "" for t in run.iter(qn("w:t"))).strip():
            continue
        seen = True
        b = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
        bold = style_bold if b is None else b.get(qn("w:val"), "true") not in ("0", "false")
        if not bold:
            return False
    return seen


def _borderless(table: etree._Element) -> bool:
    props = table.find(qn("w:tblPr"))
    borders = props.find(qn("w:tblBorders")) if props is not None else None
    style = props.find(qn("w:tblStyle")) if props is not None else None
    if borders is not None:
        return all(edge.get(qn("w:val")) in ("nil", "none") for edge in borders)
    return style is None or "grid" not in (style.get(qn("w:val")) or "").lower()


def _cells(table: etree._Element) -> list[etree._Element]:
    """Each cell once, row by row (the continuation of a vertical merge left out)."""
    out = []
    for row in table.findall(qn("w:tr")):
        for cell in row.findall(qn("w:tc")):
            merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                continue
            out.append(cell)
    return out


class _Reader:
    def __init__(self, document: docx.document.Document) -> None:
        self.styles = _Styles(document)
        self.numbers = WordNumbers.of(document)
        self.reading = DocxReading()

    def paragraph(self, element: etree._Element, where: list[Printed], in_table: bool) -> None:
        marker = self.numbers.marker(element)
        text = _text(element)
        if not text.strip():
            return
        name, heading, style_bold = self.styles.of(element)
        printed = f"{marker} {text}" if marker else text
        where.append(Printed(printed, name, heading, _all_bold(element, style_bold), in_table))

    def blocks(self, parent: etree._Element, where: list[Printed] | None,
               in_table: bool = False) -> None:
        for child in parent:
            if child.tag == qn("w:p"):
                target = where
                if target is None:
                    name = self.styles.of(child)[0]
                    target = self.reading.furniture if FURNITURE.match(name) else \
                        self.reading.body
                self.paragraph(child, target, in_table)
            elif child.tag == qn("w:tbl"):
                self.table(child, where)
            elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
                self.blocks(child, where, in_table)

    def table(self, table: etree._Element, where: list[Printed] | None) -> None:
        text = "\n".join(_text(p) for p in table.iter(qn("w:p")))
        named = any(FURNITURE.match(self.styles.of(p)[0]) for p in table.iter(qn("w:p")))
        layout = where is None and _borderless(table) and (named or LAYOUT_TEXT.search(text))
        target = self.reading.furniture if layout else (where if where is not None
                                                        else self.reading.body)
        for cell in _cells(table):
            self.blocks(cell, target, in_table=not layout)


def read_docx(source: Path | bytes) -> DocxReading:
    """The body (paragraphs and data-table cells in order) and the furniture of a DOCX."""
    document = docx.Document(BytesIO(source) if isinstance(source, bytes) else str(source))
    reader = _Reader(document)
    reader.blocks(document.element.body, None)
    return reader.reading
