"""A checked .docx -> `SourceDocument`: paragraphs with what a reader sees of them and the
numbers Word displayed, tables with their spans, text boxes read once and sorted, pictures
(and the pictures Word keeps for embedded objects), the real footnotes, every section.

Paragraph numbers in messages ("paragraph 12") count the paragraphs of the body in reading
order, table cells included, as Word's own navigation would; the paragraphs of text boxes,
headers and footers are not counted.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from lxml import etree

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.readers.docx.drawings import Drawing
from briefing.readers.docx.footnotes import read_notes
from briefing.readers.docx.package import Package, open_package
from briefing.readers.docx.pictures import PictureReader
from briefing.readers.docx.runs import Layout, ParagraphRuns, RunReader
from briefing.readers.docx.sections import read_section
from briefing.readers.docx.styles import Styles, merge_tabs, read_indent, read_styles, read_tabs
from briefing.readers.docx.tables import TableReader
from briefing.readers.docx.text_boxes import BoxSorter, BoxText, is_frame
from briefing.readers.docx.word_numbering import Numbering
from briefing.readers.docx.wordml import A_NS, V_NS, attr, blocks_of, child, int_attr, w
from briefing.readers.source import (
    TWIPS_PER_MM,
    Block,
    Line,
    SourceDocument,
    Where,
    place_paragraph,
)

ALIGN = {"both": "justify", "distribute": "justify", "center": "center", "left": "left",
         "start": "left", "right": "right", "end": "right"}
_GHI_CHU = re.compile(r"ghi\s+chú", re.IGNORECASE)
#: Line breaks at the very start or end of a paragraph only space it.
_EDGE_BREAKS = re.compile(r"^\s*\n|\n\s*$")


def read_docx(data: bytes, path: Path, notes: Notebook) -> SourceDocument:
    package = open_package(data, path)
    return DocxReader(package, notes).read()


class DocxReader:
    def __init__(self, package: Package, notes: Notebook):
        self.package = package
        self.notebook = notes
        self.styles: Styles = read_styles(self._related("styles"))
        self.numbering = Numbering(self._related("numbering"))
        self.footnotes = self._related("footnotes")
        self.endnotes = self._related("endnotes")
        real_notes = self.footnotes is not None and any(
            (attr(n, "type") or "normal") == "normal" for n in self.footnotes.iter(w("footnote")))
        document = package.parts[package.main].decode("utf-8", "replace")
        box_notes = bool(_GHI_CHU.search(unicodedata.normalize("NFC", document)))
        self.runs = RunReader(self.styles, typed_calls=not real_notes and not box_notes)
        self.doc = SourceDocument(package.path.name, "docx", callouts=not self.runs.typed_calls)
        self.count = 0
        self.pending_break = False
        #: an empty paragraph came before the next line: the blank line a reader sees
        self.pending_gap = False
        self.boxes = BoxSorter(notes)
        self.pictures = PictureReader(package, notes)
        #: a picture was left out (a chart, an object kept as a metafile) since the last line
        self.picture_left_out = False
        self.tables = TableReader(self)
        self.section = 0
        self._section_start = 0
        self.sects: list[etree._Element] = []

    def _related(self, kind: str) -> etree._Element | None:
        part = self.package.related(kind)
        return self.package.xml(part) if part else None

    def read(self) -> SourceDocument:
        root = self.package.xml(self.package.main)
        body = child(root, "body")
        if body is None:
            raise_empty(self.package.path)
        self.sects = list(body.iter(w("sectPr")))
        for element in blocks_of(body):
            self.doc.blocks.extend(self.block(element))
        self._end_section(body.find(w("sectPr")), final=True)
        self._furniture()
        read_notes(self.doc, self.footnotes, self.endnotes, self.styles, body)
        return self.doc

    def block(self, element: etree._Element, cell: tuple[int, int, int] | None = None
              ) -> list[Block]:
        if element.tag == w("tbl"):
            self.picture_left_out = False
            return [self.tables.read(element)]
        blocks = self.paragraph(element, cell)
        sect = child(child(element, "pPr"), "sectPr")
        if sect is not None and cell is None:
            self._end_section(sect, final=False)
        return blocks

    def _end_section(self, sect: etree._Element | None, *, final: bool) -> None:
        """Close the current section; the next one starts on a new page unless it says so."""
        index = len(self.doc.sections)
        first = self._section_start
        previous = self.doc.sections[-1] if self.doc.sections else None
        self.doc.sections.append(read_section(sect, index, first,
                                              msg("place-to-paragraph", "to paragraph {n}",
                                                  n=self.count),
                                              self.package, self._part_lines, previous))
        self._section_start = len(self.doc.blocks)
        self.section = index + 1
        following = self.sects[index + 1] if index + 1 < len(self.sects) else None
        if not final and attr(child(following, "type"), "val") not in ("continuous",):
            self.pending_break = True

    def paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None = None,
                  box: Where = None, drawings: bool = True) -> list[Block]:
        """The line of a paragraph (if it shows anything), then what it anchors: the lines of
        its kept text boxes and its pictures. `box` names where a paragraph that is not
        counted (in a text box, a header) is."""
        if box is None:
            self.count += 1
        where = box or place_paragraph(self.count)
        ppr = child(p, "pPr")
        style = self.styles.paragraph_style(attr(child(ppr, "pStyle"), "val"))
        indent = read_indent(ppr).over(self.styles.indent(style))
        tabs = merge_tabs(self.styles.tabs(style), read_tabs(ppr))
        shaded = (attr(child(ppr, "shd"), "fill") or "auto") not in ("auto", "FFFFFF")
        layout = Layout(tabs, (indent.left or 0) + (indent.first or 0),
                        shaded or bool(cell and self.tables.shaded))
        read = self.runs.read(p, style, layout)
        label, level = self._label(ppr, style)
        text = _EDGE_BREAKS.sub("", read.markdown())
        page_break = self.pending_break or child(ppr, "pageBreakBefore") is not None
        self.pending_break = read.page_break
        out: list[Block] = []
        if text.strip() or (label and cell is not None):
            line = self._line(read, text, where, ppr, style, label, level, cell, page_break,
                              indent)
            line.gap_before, self.pending_gap = self.pending_gap and box is None, False
            if box is None:
                line.after_picture, self.picture_left_out = self.picture_left_out, False
            out.append(line)
        elif page_break:
            self.pending_break = True
        elif box is None and not read.drawings:
            self.pending_gap = True
        if read.equations:
            self.notebook.guess(msg("equation-as-text", "an equation is read as its plain text "
                                    "(fractions and exponents flattened); check it"), where)
        if drawings:
            out += self._drawings(read.drawings, cell, where, box is not None)
        return out

    def _label(self, ppr: etree._Element | None, style: str | None) -> tuple[str, int]:
        """The number Word shows in front of the paragraph (its list advanced), and its level."""
        num = child(ppr, "numPr")
        if num is not None and child(num, "numId") is not None:
            num_id = attr(child(num, "numId"), "val")
            ilvl = int_attr(child(num, "ilvl"), "val") or 0
        else:
            num_id, ilvl = self.styles.numbering(style)
        label = self.numbering.label(num_id, ilvl)
        return label, ilvl if label else 0

    def _line(self, read: ParagraphRuns, text: str, where: Where, ppr: etree._Element | None,
              style: str | None, label: str, level: int, cell: tuple[int, int, int] | None,
              page_break: bool, indent) -> Line:
        align = attr(child(ppr, "jc"), "val") or self.styles.first(style, "align")
        size = read.most("size")
        return Line(text, where, heading=self.styles.heading_level(style),
                    role=self.styles.role(style), label=label, list_level=level,
                    bold=read.all_bold, italic=read.all_italic, caps=read.all_caps,
                    align=ALIGN.get(align or ""), size=float(size) if size else None,
                    font=read.most("font"),  # type: ignore[arg-type]
                    indent=_mm(indent.left or 0), first_line=_mm(indent.first or 0),
                    page_break=page_break, cell=cell, section=self.section)

    def _drawings(self, drawings: list[Drawing], cell: tuple[int, int, int] | None,
                  where: Where, in_box: bool) -> list[Block]:
        boxes: list[BoxText] = []
        out: list[Block] = []
        for drawing in drawings:
            if drawing.kind == "text-box" and not in_box and drawing.box is not None:
                boxes.append(BoxText(drawing, self._box_lines(drawing.box, cell, where),
                                     pictures=_pictures_in(drawing.box)))
            elif drawing.kind in ("picture", "object", "chart"):
                picture = self.pictures.read(drawing, where)
                if picture is not None:
                    out.append(picture)
                self.picture_left_out = picture is None
        frames = sum(1 for d in drawings if is_frame(d))
        kept = self.boxes.settle(boxes, frames, self.count, where)
        return [*kept, *out]

    def _box_lines(self, content: etree._Element, cell: tuple[int, int, int] | None,
                   where: Where) -> list[Line]:
        lines: list[Line] = []
        saved = self.pending_break
        for p in content.iter(w("p")):
            lines += [block for block in self.paragraph(p, cell, box=msg(
                          "place-text-box", "text box in {where}", where=where), drawings=False)
                      if isinstance(block, Line)]
        self.pending_break = saved
        return lines

    def _part_lines(self, root: etree._Element, part: str) -> list[Line]:
        """The lines of a header or footer (their text and look; not counted)."""
        saved = self.pending_break, self.runs.notes
        self.runs.notes = False
        lines = [block for p in root.iter(w("p")) if not _in_box(p)
                 for block in self.paragraph(p, box=part, drawings=False)
                 if isinstance(block, Line)]
        self.pending_break, self.runs.notes = saved
        return lines

    def _furniture(self) -> None:
        """Header and footer lines our writer styles (the cover's place and month)."""
        seen: set[str] = set()
        for section in self.doc.sections:
            for item in section.headers:
                if item.part in seen:
                    continue
                seen.add(item.part)
                self.doc.furniture.extend(line for line in item.lines if line.role)


def _pictures_in(content: etree._Element) -> int:
    return sum(1 for _ in content.iter(f"{{{A_NS}}}blip", f"{{{V_NS}}}imagedata"))


def _in_box(p: etree._Element) -> bool:
    return any(a.tag == w("txbxContent") for a in p.iterancestors())


def _mm(twips: int | None) -> float | None:
    return None if twips is None else round(twips / TWIPS_PER_MM, 1)


def raise_empty(path: Path) -> None:
    from briefing.problems import BriefingError

    raise BriefingError.at(path, msg("docx-no-body", "damaged Word file: the document has no "
                                                     "body"))

