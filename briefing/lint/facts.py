"""What a Word file shows, measured: page setup, the font and size of each paragraph, line
spacing, page-number fields, and the paragraphs themselves (through the importer's reader)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from briefing.importing.guesses import Notebook
from briefing.readers.docx.package import Package, open_package
from briefing.readers.docx.parse import read_docx
from briefing.readers.docx.wordml import attr, child, int_attr, w
from briefing.readers.input_file import MAX_DOCX_BYTES, read_input
from briefing.readers.source import SourceDocument

TWIPS_PER_MM = 1440 / 25.4


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
    page_mm: tuple[float, float] | None = None
    margins_mm: dict[str, float] = field(default_factory=dict)
    title_page: bool = False  # a different first page (no number on page 1)
    #: where PAGE fields are: [("header"|"footer", alignment, first-page header?)]
    page_fields: list[tuple[str, str | None, bool]] = field(default_factory=list)
    paragraphs: list[ParagraphLook] = field(default_factory=list)
    source: SourceDocument | None = None
    footnote_size: float | None = None
    real_footnotes: int = 0


def read_facts(path: Path) -> Facts:
    data = read_input(path, MAX_DOCX_BYTES)
    package = open_package(data, path)
    facts = Facts(path)
    facts.source = read_docx(data, path, Notebook())
    root = package.xml(package.main)
    body = child(root, "body")
    sect = body.find(w("sectPr")) if body is not None else None
    if sect is None and body is not None:
        found = body.findall(f".//{w('sectPr')}")
        sect = found[-1] if found else None
    _page(facts, sect)
    styles = _Styles(package)
    _fields(facts, package, sect, styles)
    number = 0
    for p in body.iter(w("p")) if body is not None else []:
        number += 1
        text = "".join(t.text or "" for t in p.iter(w("t")))
        if not text.strip():
            continue
        ppr = child(p, "pPr")
        style = attr(child(ppr, "pStyle"), "val") or "Normal"
        run = next((r for r in p.iter(w("r")) if any((t.text or "").strip()
                                                       for t in r.iter(w("t")))), None)
        rpr = child(run, "rPr")
        font = _font(child(rpr, "rFonts")) or styles.font(style)
        size = _size(child(rpr, "sz")) or styles.size(style)
        line = _line(child(ppr, "spacing")) or styles.line(style)
        in_table = any(a.tag == w("tc") for a in p.iterancestors())
        facts.paragraphs.append(ParagraphLook(number, text, styles.name(style), font, size,
                                              line, in_table))
    facts.real_footnotes = len(facts.source.notes)
    note_style = styles.by_name("footnote text")
    facts.footnote_size = styles.size(note_style) if note_style else None
    return facts


def _page(facts: Facts, sect: etree._Element | None) -> None:
    size = child(sect, "pgSz")
    if size is not None:
        width, height = int_attr(size, "w"), int_attr(size, "h")
        if width and height:
            facts.page_mm = (round(width / TWIPS_PER_MM, 1), round(height / TWIPS_PER_MM, 1))
    margins = child(sect, "pgMar")
    for edge in ("top", "bottom", "left", "right"):
        value = int_attr(margins, edge)
        if value is not None:
            facts.margins_mm[edge] = round(abs(value) / TWIPS_PER_MM, 1)
    facts.title_page = child(sect, "titlePg") is not None and \
        attr(child(sect, "titlePg"), "val", "1") not in ("0", "false")


def _fields(facts: Facts, package: Package, sect: etree._Element | None,
            styles: _Styles) -> None:
    if sect is None:
        return
    for kind in ("header", "footer"):
        for reference in sect.findall(w(f"{kind}Reference")):
            first = attr(reference, "type") == "first"
            rel = reference.get("{http://schemas.openxmlformats.org/officeDocument/2006/"
                                "relationships}id")
            target = package.rels.get(rel or "")
            root = package.xml(target[1]) if target else None
            if root is None:
                continue
            for p in root.iter(w("p")):
                instructions = "".join(t.text or "" for t in p.iter(w("instrText")))
                simple = [f.get(w("instr"), "") for f in p.iter(w("fldSimple"))]
                if "PAGE" in instructions.upper() or any("PAGE" in s.upper() for s in simple):
                    ppr = child(p, "pPr")
                    align = attr(child(ppr, "jc"), "val") or styles.align(
                        attr(child(ppr, "pStyle"), "val") or "")
                    facts.page_fields.append((kind, align, first))


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
