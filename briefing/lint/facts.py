"""What a Word file shows, measured: the importer's reading of it (lines, tables, every section
with its page set-up and headers), and the font, size and line spacing of each paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from briefing.importing.guesses import Notebook
from briefing.readers.docx.package import Package, open_package
from briefing.readers.docx.parse import read_docx
from briefing.readers.docx.styles import family
from briefing.readers.docx.wordml import attr, child, int_attr, w
from briefing.readers.input_file import MAX_DOCX_BYTES, read_input
from briefing.readers.source import SourceDocument


@dataclass
class ParagraphLook:
    number: int  # paragraph number, as in the importer's messages
    text: str
    style: str
    font: str | None
    size: float | None  # pt
    line: tuple[str, float] | None  # ("exact"|"atLeast", pt) or ("auto", lines)
    in_table: bool


@dataclass
class Facts:
    path: Path
    #: the file as a reader sees it: its lines, tables, sections (every `w:sectPr`) and the
    #: headers and footers each section shows
    source: SourceDocument | None = None
    #: paragraphs of the body and its tables (not text boxes), with their look
    paragraphs: list[ParagraphLook] = field(default_factory=list)
    #: header or footer part -> the alignment of the paragraph holding its PAGE field
    page_align: dict[str, str | None] = field(default_factory=dict)
    footnote_size: float | None = None
    real_footnotes: int = 0
    #: the pages the application that saved the file counted (docProps/app.xml), if it says
    pages: int | None = None


_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def read_facts(path: Path) -> Facts:
    data = read_input(path, MAX_DOCX_BYTES)
    package = open_package(data, path)
    facts = Facts(path)
    facts.source = read_docx(data, path, Notebook())
    root = package.xml(package.main)
    body = child(root, "body")
    styles = _Styles(package)
    for section in facts.source.sections:
        for item in section.headers:
            if item.page_number and item.part not in facts.page_align:
                facts.page_align[item.part] = _page_align(package.xml(item.part), styles)
    number = 0
    for p in body.iter(w("p")) if body is not None else []:
        if _in_box(p):
            continue  # a text box's text: a diagram, a sample, a stamp — not running text
        number += 1
        look = _look(p, number, styles)
        if look is not None:
            facts.paragraphs.append(look)
    facts.real_footnotes = len(facts.source.notes)
    facts.pages = _pages(package.xml("docProps/app.xml"))
    note_style = styles.by_name("footnote text")
    facts.footnote_size = styles.size(note_style) if note_style else None
    return facts


def _look(p: etree._Element, number: int, styles: _Styles) -> ParagraphLook | None:
    runs = [r for r in p.iter(w("r")) if not _in_box(r)]  # not the text of a box it anchors
    text = "".join(t.text or "" for r in runs for t in r.findall(w("t")))
    if not text.strip():
        return None
    ppr = child(p, "pPr")
    style = attr(child(ppr, "pStyle"), "val") or "Normal"
    run = next((r for r in runs if any((t.text or "").strip() for t in r.findall(w("t")))),
               None)
    rpr = child(run, "rPr")
    font = _font(child(rpr, "rFonts")) or styles.font(style)
    size = _size(child(rpr, "sz")) or styles.size(style)
    line = _line(child(ppr, "spacing")) or styles.line(style)
    in_table = any(a.tag == w("tc") for a in p.iterancestors())
    return ParagraphLook(number, text, styles.name(style), font and family(font), size, line,
                         in_table)


def _pages(app: etree._Element | None) -> int | None:
    pages = app.find(f"{{{_EXTENDED}}}Pages") if app is not None else None
    text = (pages.text or "").strip() if pages is not None else ""
    return int(text) if text.isdigit() else None


def _in_box(element: etree._Element) -> bool:
    return any(a.tag == w("txbxContent") for a in element.iterancestors())


def _page_align(root: etree._Element | None, styles: _Styles) -> str | None:
    for p in root.iter(w("p")) if root is not None else []:
        instructions = "".join(t.text or "" for t in p.iter(w("instrText")))
        simple = [f.get(w("instr"), "") for f in p.iter(w("fldSimple"))]
        if "PAGE" in instructions.upper() or any("PAGE" in s.upper() for s in simple):
            ppr = child(p, "pPr")
            return attr(child(ppr, "jc"), "val") or styles.align(
                attr(child(ppr, "pStyle"), "val") or "")
    return None


def _font(fonts: etree._Element | None) -> str | None:
    return attr(fonts, "ascii") or attr(fonts, "hAnsi")


def _size(size: etree._Element | None) -> float | None:
    value = int_attr(size, "val")
    return value / 2 if value else None


def _line(spacing: etree._Element | None) -> tuple[str, float] | None:
    value = int_attr(spacing, "line")
    if value is None:
        return None
    rule = attr(spacing, "lineRule") or "auto"
    return (rule, value / 240) if rule == "auto" else (rule, value / 20)


class _Styles:
    """Font, size and line spacing of paragraph styles, through basedOn and the defaults."""

    def __init__(self, package: Package):
        part = package.related("styles")
        root = package.xml(part) if part else None
        self.styles: dict[str, etree._Element] = {}
        self.defaults_rpr = self.defaults_ppr = None
        if root is None:
            return
        self.defaults_rpr = child(root, "docDefaults", "rPrDefault", "rPr")
        self.defaults_ppr = child(root, "docDefaults", "pPrDefault", "pPr")
        for style in root.iter(w("style")):
            self.styles[attr(style, "styleId") or ""] = style

    def _chain(self, style_id: str):
        seen = set()
        while style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = attr(child(self.styles[style_id], "basedOn"), "val") or ""

    def name(self, style_id: str) -> str:
        style = self.styles.get(style_id)
        return attr(child(style, "name"), "val") or style_id if style is not None else style_id

    def by_name(self, name: str) -> str | None:
        for style_id, style in self.styles.items():
            if (attr(child(style, "name"), "val") or "").lower() == name:
                return style_id
        return None

    def font(self, style_id: str) -> str | None:
        for style in self._chain(style_id):
            font = _font(child(style, "rPr", "rFonts"))
            if font:
                return font
        return _font(child(self.defaults_rpr, "rFonts"))

    def size(self, style_id: str) -> float | None:
        for style in self._chain(style_id):
            size = _size(child(style, "rPr", "sz"))
            if size:
                return size
        return _size(child(self.defaults_rpr, "sz"))

    def align(self, style_id: str) -> str | None:
        for style in self._chain(style_id):
            value = attr(child(style, "pPr", "jc"), "val")
            if value:
                return value
        return None

    def line(self, style_id: str) -> tuple[str, float] | None:
        for style in self._chain(style_id):
            line = _line(child(style, "pPr", "spacing"))
            if line:
                return line
        return _line(child(self.defaults_ppr, "spacing"))
