"""A checked .docx -> `SourceDocument`: paragraphs with their style hints and the numbers Word
displayed, tables with their spans, pictures, and the real footnotes.

Paragraph numbers in messages ("paragraph 12") count the paragraphs of the body in reading
order, table cells included, as Word's own navigation would.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from briefing.importing.guesses import Notebook
from briefing.importing.markdown_text import Run, runs_to_markdown
from briefing.messages import Message, msg
from briefing.readers.docx.package import Package, open_package
from briefing.readers.docx.runs import RunReader
from briefing.readers.docx.styles import Styles, read_styles
from briefing.readers.docx.word_numbering import Numbering
from briefing.readers.docx.wordml import attr, child, int_attr, w
from briefing.readers.source import (
    Cell,
    Line,
    Picture,
    SourceDocument,
    Table,
    place_paragraph,
)

_ALIGN = {"both": "justify", "distribute": "justify", "center": "center", "left": "left",
          "start": "left", "right": "right", "end": "right"}
#: A4 text width of the official layout, in EMU, to express picture widths as a share
_TEXT_WIDTH_EMU = 165 * 36_000


def read_docx(data: bytes, path: Path, notes: Notebook) -> SourceDocument:
    package = open_package(data, path)
    return _DocxReader(package, notes).read()


class _DocxReader:
    def __init__(self, package: Package, notes: Notebook):
        self.package = package
        self.notebook = notes
        styles_part = package.related("styles")
        self.styles: Styles = read_styles(package.xml(styles_part) if styles_part else None)
        numbering_part = package.related("numbering")
        self.numbering = Numbering(package.xml(numbering_part) if numbering_part else None)
        footnotes_part = package.related("footnotes")
        self.footnotes = package.xml(footnotes_part) if footnotes_part else None
        endnotes_part = package.related("endnotes")
        self.endnotes = package.xml(endnotes_part) if endnotes_part else None
        real_notes = self.footnotes is not None and any(
            (attr(n, "type") or "normal") == "normal" for n in self.footnotes.iter(w("footnote")))
        self.runs = RunReader(self.styles, typed_calls=not real_notes)
        self.doc = SourceDocument(package.path.name, "docx")
        self.count = 0
        self.tables = 0
        self.pending_break = False

    def read(self) -> SourceDocument:
        root = self.package.xml(self.package.main)
        body = child(root, "body")
        if body is None:
            raise_empty(self.package.path)
        for element in self._blocks(body):
            self._block(element, self.doc.blocks)
        self._furniture()
        self._notes(self.footnotes, "footnote", msg("place-footnote", "footnote {id}"), "")
        self._notes(self.endnotes, "endnote", msg("place-endnote", "endnote {id}"), "e")
        return self.doc

    def _blocks(self, parent: etree._Element):
        for element in parent:
            if element.tag in (w("sdt"),):
                yield from self._blocks(child(element, "sdtContent") or element)
            elif element.tag in (w("customXml"),):
                yield from self._blocks(element)
            elif element.tag in (w("p"), w("tbl")):
                yield element

    def _block(self, element: etree._Element, out: list) -> None:
        if element.tag == w("p"):
            line, pictures = self._paragraph(element)
            if line is not None:
                out.append(line)
            out.extend(pictures)
        else:
            out.append(self._table(element))

    def _paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None = None
                   ) -> tuple[Line | None, list[Picture]]:
        self.count += 1
        where = place_paragraph(self.count)
        ppr = child(p, "pPr")
        style = attr(child(ppr, "pStyle"), "val")
        num = child(ppr, "numPr")
        if num is not None and child(num, "numId") is not None:
            num_id = attr(child(num, "numId"), "val")
            ilvl = int_attr(child(num, "ilvl"), "val") or 0
        else:
            num_id, ilvl = self.styles.numbering(style)
        read = self.runs.read(p, style)
        pictures = [self._picture(rel, width, where) for rel, width in read.pictures]
        if read.text_boxes:
            self.notebook.dropped(msg("dropped-text-box", "text inside a text box is not "
                                                          "imported"), where)
        text = read.markdown()
        page_break = self.pending_break or child(ppr, "pageBreakBefore") is not None
        self.pending_break = read.page_break
        if not text.strip():
            if page_break:
                self.pending_break = True
            return None, [pic for pic in pictures if pic is not None]
        label = self.numbering.label(num_id, ilvl)
        align = attr(child(ppr, "jc"), "val") or self.styles.first(style, "align")
        line = Line(text, where, heading=self.styles.heading_level(style),
                    role=self.styles.role(style), label=label, list_level=ilvl if label else 0,
                    bold=read.all_bold, italic=read.all_italic,
                    align=_ALIGN.get(align or ""), page_break=page_break, cell=cell)
        return line, [pic for pic in pictures if pic is not None]

    def _picture(self, rel: str, width: int | None, where: Message) -> Picture | None:
        target = self.package.rels.get(rel)
        data = self.package.parts.get(target[1]) if target else None
        if data is None:
            self.notebook.dropped(msg("dropped-picture-missing", "a picture whose file is "
                                                                 "missing from the document"),
                                  where)
            return None
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            extension = "png"
        elif data.startswith(b"\xff\xd8\xff"):
            extension = "jpg"
        else:
            self.notebook.dropped(msg("dropped-picture-format", "a picture in a format other "
                                                                "than PNG or JPEG"), where,
                                  hint=msg("dropped-picture-format-hint",
                                           "save it as PNG and add it as a figure"))
            return None
        share = round(100 * width / _TEXT_WIDTH_EMU) if width else None
        return Picture(data, extension, where, min(share, 100) if share else None)

    def _table(self, table: etree._Element) -> Table:
        self.tables += 1
        number = self.tables
        where = msg("place-table", "table {number} (paragraph {n})", number=number,
                    n=self.count + 1)
        tpr = child(table, "tblPr")
        rows: list[list[Cell]] = []
        open_cells: dict[int, Cell] = {}  # grid column -> cell a vertical merge continues
        header_rows = 0
        for r, tr in enumerate(table.iter(w("tr"))):
            if tr.getparent() is not table:
                continue
            row: list[Cell] = []
            column = 0
            trpr = child(tr, "trPr")
            if child(trpr, "tblHeader") is not None and header_rows == r:
                header_rows += 1
            for c, tc in enumerate(tr.findall(w("tc"))):
                tcpr = child(tc, "tcPr")
                span = int_attr(child(tcpr, "gridSpan"), "val") or 1
                merge = child(tcpr, "vMerge")
                lines: list[Line] = []
                for element in tc:
                    if element.tag == w("p"):
                        line, _ = self._paragraph(element, (number, r, c))
                        if line is not None:
                            lines.append(line)
                    elif element.tag == w("tbl"):
                        inner = self._table(element)
                        lines.extend(line for row_ in inner.rows for cell in row_
                                     for line in cell.lines)
                if merge is not None and (attr(merge, "val") or "continue") == "continue" \
                        and column in open_cells:
                    open_cells[column].rowspan += 1
                else:
                    jc = {_ALIGN.get(attr(child(child(p, "pPr"), "jc"), "val") or "")
                          for p in tc.findall(w("p"))} - {None}
                    cell = Cell(lines, colspan=span, align=jc.pop() if len(jc) == 1 else None,
                                column=column)
                    row.append(cell)
                    if merge is not None:
                        open_cells[column] = cell
                    else:
                        open_cells.pop(column, None)
                column += span
            rows.append(row)
        grid_element = child(table, "tblGrid")
        grid = [int_attr(col, "w") or 0 for col in grid_element] if grid_element is not None else []
        return Table(rows, where, borderless=_borderless(tpr, self.styles),
                     header_rows=header_rows, widths=grid)

    def _furniture(self) -> None:
        """Header and footer paragraphs our writer styles (the cover's place and month)."""
        reader = RunReader(self.styles, notes=False)
        for rel_type, part in self.package.rels.values():
            if not rel_type.endswith(("/footer", "/header")):
                continue
            root = self.package.xml(part)
            if root is None:
                continue
            for p in root.iter(w("p")):
                style = attr(child(child(p, "pPr"), "pStyle"), "val")
                role = self.styles.role(style)
                if role:
                    text = reader.read(p, style).markdown()
                    if text.strip():
                        self.doc.furniture.append(Line(text, part, role=role))

    def _notes(self, root: etree._Element | None, element: str, place: Message,
               prefix: str) -> None:
        if root is None:
            return
        reader = RunReader(self.styles, notes=False)
        for note in root.iter(w(element)):
            if (attr(note, "type") or "normal") != "normal":
                continue
            note_id = prefix + (attr(note, "id") or "")
            paragraphs = []
            for p in note.iter(w("p")):
                runs = reader.read(p, attr(child(child(p, "pPr"), "pStyle"), "val")).runs
                paragraphs.append(runs)
            if paragraphs:
                paragraphs[0] = _without_leading_space(paragraphs[0])
            texts = [runs_to_markdown(runs).strip() for runs in paragraphs]
            self.doc.notes[note_id] = [t for t in texts if t]
            self.doc.note_where[note_id] = place.given(id=note_id.lstrip("e"))


def _without_leading_space(runs: list[Run]) -> list[Run]:
    """The note text after Word's footnoteRef mark and the space that follows it."""
    out = list(runs)
    while out and out[0].note is None and not out[0].text.strip():
        out.pop(0)
    if out and out[0].note is None:
        out[0] = Run(out[0].text.lstrip(), out[0].bold, out[0].italic)
    return out


def _borderless(tpr: etree._Element | None, styles: Styles) -> bool:
    borders = child(tpr, "tblBorders")
    if borders is not None:
        values = [attr(edge, "val") for edge in borders]
        return all(value in ("nil", "none") for value in values)
    style = attr(child(tpr, "tblStyle"), "val")
    return style is None or "grid" not in style.lower()


def raise_empty(path: Path) -> None:
    from briefing.problems import BriefingError

    raise BriefingError.at(path, msg("docx-no-body", "damaged Word file: the document has no "
                                                     "body"))
