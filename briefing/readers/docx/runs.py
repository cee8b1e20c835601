"""The runs of a Word paragraph -> inline Markdown: text, emphasis, footnote calls.

Emphasis is what a reader sees: a run's bold/italic comes from its own properties, else its
character style, else the paragraph style, else the document defaults. Field instructions and
deleted (tracked) text are skipped, inserted text and hyperlink text kept; a tab stays a tab,
a line break becomes a new line; a page break is reported to the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from briefing.importing.markdown_text import Run, runs_to_markdown
from briefing.readers.docx.styles import Styles
from briefing.readers.docx.word_numbering import SYMBOL_BULLETS
from briefing.readers.docx.wordml import A_NS, MC_NS, R_NS, V_NS, attr, child, toggle, w

#: Called with an image relationship id; returns nothing (the caller collects pictures).
OnPicture = Callable[[str, int | None], None]
_SUPERSCRIPT = re.compile("([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SKIP = {w("delText"), w("instrText"), w("del"), w("moveFrom"), w("rPr"), w("pPr"),
         w("proofErr"), w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"),
         w("commentRangeEnd"), w("commentReference"), w("lastRenderedPageBreak")}


@dataclass
class ParagraphRuns:
    runs: list[Run] = field(default_factory=list)
    page_break: bool = False  # a page break inside (the next paragraph starts a page)
    pictures: list[tuple[str, int | None]] = field(default_factory=list)
    text_boxes: int = 0
    #: what a reader sees of each piece of text: (bold, italic), the paragraph style included
    visible: list[tuple[bool, bool]] = field(default_factory=list)

    @property
    def all_bold(self) -> bool:
        return bool(self.visible) and all(b for b, _ in self.visible)

    @property
    def all_italic(self) -> bool:
        return bool(self.visible) and all(i for _, i in self.visible)

    def markdown(self) -> str:
        return runs_to_markdown(self.runs)


class RunReader:
    def __init__(self, styles: Styles, *, notes: bool = True, typed_calls: bool = False):
        self.styles = styles
        self.notes = notes
        #: superscript digits count as footnote calls (a document without real footnotes)
        self.typed_calls = typed_calls

    def read(self, paragraph: etree._Element, paragraph_style: str | None) -> ParagraphRuns:
        out = ParagraphRuns()
        self._field = 0  # depth inside a field's instruction part
        self._walk(paragraph, paragraph_style, out)
        return out

    def _walk(self, node: etree._Element, pstyle: str | None, out: ParagraphRuns) -> None:
        for element in node:
            tag = element.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == w("r"):
                self._run(element, pstyle, out)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                choice = element.find(f"{{{MC_NS}}}Choice")
                self._walk(choice if choice is not None else element, pstyle, out)
            elif tag in (w("hyperlink"), w("ins"), w("moveTo"), w("smartTag"), w("customXml"),
                         w("sdt"), w("sdtContent"), w("fldSimple"), w("dir"), w("bdo")):
                self._walk(element, pstyle, out)

    def _emphasis(self, rpr: etree._Element | None, pstyle: str | None,
                  with_paragraph_style: bool) -> tuple[bool, bool]:
        """Bold and italic of a run. The paragraph style's own emphasis is layout (a bold
        heading style), not content, so the Markdown leaves it out; what a reader sees
        includes it."""
        values = []
        rstyle = attr(child(rpr, "rStyle"), "val")
        for tag, default in (("b", self.styles.default_bold), ("i", self.styles.default_italic)):
            value = toggle(rpr, tag)
            if value is None:
                value = self.styles.first(rstyle, "bold" if tag == "b" else "italic")
            if value is None and with_paragraph_style:
                value = self.styles.first(pstyle, "bold" if tag == "b" else "italic")
            values.append(default if value is None else value)
        return values[0], values[1]

    def _run(self, run: etree._Element, pstyle: str | None, out: ParagraphRuns) -> None:
        rpr = child(run, "rPr")
        bold, italic = self._emphasis(rpr, pstyle, False)
        seen = self._emphasis(rpr, pstyle, True)
        superscript = attr(child(rpr, "vertAlign"), "val") == "superscript"
        for element in run:
            tag = element.tag
            if tag == w("fldChar"):
                kind = attr(element, "fldCharType")
                if kind == "begin":
                    self._field += 1
                elif kind in ("separate", "end") and self._field:
                    self._field -= 1
                continue
            if self._field:
                continue  # the instruction part of a field
            if tag == w("t"):
                text = element.text or ""
                if superscript and self.typed_calls and text.strip().isdigit():
                    out.runs.append(Run(note=text.strip()))
                elif self.typed_calls and _SUPERSCRIPT.search(text):
                    for piece in _SUPERSCRIPT.split(text):
                        if piece and _SUPERSCRIPT.fullmatch(piece):
                            out.runs.append(Run(note=piece.translate(_DIGITS)))
                        elif piece:
                            out.runs.append(Run(piece, bold, italic))
                    out.visible.append(seen)
                else:
                    out.runs.append(Run(text, bold, italic))
                    if text.strip():
                        out.visible.append(seen)
            elif tag == w("tab") or tag == w("ptab"):
                out.runs.append(Run("\t", bold, italic))
            elif tag in (w("br"), w("cr")):
                if attr(element, "type") == "page":
                    out.page_break = True
                elif attr(element, "type") != "column":
                    out.runs.append(Run("\n", bold, italic))
            elif tag == w("noBreakHyphen"):
                out.runs.append(Run("-", bold, italic))
            elif tag == w("sym"):
                code = attr(element, "char") or ""
                if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code):
                    char = chr(int(code, 16))
                    out.runs.append(Run(SYMBOL_BULLETS.get(char, char), bold, italic))
            elif tag == w("footnoteReference") and self.notes:
                out.runs.append(Run(note=attr(element, "id") or "?"))
            elif tag == w("endnoteReference") and self.notes:
                out.runs.append(Run(note="e" + (attr(element, "id") or "?")))
            elif tag in (w("drawing"), w("pict"), f"{{{MC_NS}}}AlternateContent"):
                self._pictures(element, out)

    def _pictures(self, element: etree._Element, out: ParagraphRuns) -> None:
        if element.find(f".//{w('txbxContent')}") is not None or \
                element.find(".//{http://schemas.microsoft.com/office/word/2010/"
                             "wordprocessingShape}txbx") is not None:
            out.text_boxes += 1
        for blip in element.iter(f"{{{A_NS}}}blip"):
            rel = blip.get(f"{{{R_NS}}}embed")
            if rel:
                extent = element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/"
                                      "wordprocessingDrawing}extent")
                width = int(extent.get("cx")) if extent is not None and \
                    (extent.get("cx") or "").isdigit() else None
                out.pictures.append((rel, width))
        for image in element.iter(f"{{{V_NS}}}imagedata"):
            rel = image.get(f"{{{R_NS}}}id")
            if rel:
                out.pictures.append((rel, None))

