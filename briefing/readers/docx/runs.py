"""The runs of a Word paragraph -> inline Markdown and what a reader sees of them.

Emphasis is what a reader sees: a run's own properties, else its character style, else the
paragraph style, else the document defaults (`styles.Look`). The Markdown leaves out the
paragraph style's own weight and slant (a bold heading style is layout, not emphasis); the
line's look (`visible`) includes them. Hidden runs and white text on no shading are not seen
and not read. Field instructions and deleted (tracked) text are skipped, inserted text and
hyperlink text kept; a tab stays a tab unless it goes to a dot-leader stop (then it is a
fill-in blank), a line break becomes a new line; a page break is reported to the caller.

Of `mc:AlternateContent` exactly one branch is read: the first Choice whose requirements this
reader understands, else the Fallback (Word keeps every drawing twice, DrawingML and VML).
Text boxes, pictures and embedded objects are collected for the caller, never read into the
paragraph's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from briefing.importing.markdown_text import Run, runs_to_markdown
from briefing.readers.docx.drawings import Drawing, read_drawings
from briefing.readers.docx.styles import Look, Styles, TabStop, read_look
from briefing.readers.docx.word_numbering import SYMBOL_BULLETS
from briefing.readers.docx.wordml import M_NS, MC_NS, attr, branch, child, w
from briefing.readers.fill_in_blanks import LEADER, blanks

_SUPERSCRIPT = re.compile("([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SKIP = {w("delText"), w("instrText"), w("del"), w("moveFrom"), w("rPr"), w("pPr"),
         w("proofErr"), w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"),
         w("commentRangeEnd"), w("commentReference"), w("lastRenderedPageBreak")}
_WALK_INTO = {w("hyperlink"), w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("sdt"),
              w("sdtContent"), w("fldSimple"), w("dir"), w("bdo")}
_LEADERS = {"dot", "middleDot", "hyphen", "underscore", "heavy"}
#: Average advance of a character, in ems, to guess which tab stop a tab reaches.
_EM_PER_CHAR = 0.45


@dataclass
class Piece:
    """What a reader sees of one piece of text: its letters and their look."""

    chars: int  # characters other than spaces
    letters: int
    bold: bool
    italic: bool
    caps: bool  # every letter shows as a capital (True where there is no letter)
    size: float | None
    font: str | None


@dataclass
class ParagraphRuns:
    runs: list[Run] = field(default_factory=list)
    page_break: bool = False  # a page break inside (the next paragraph starts a page)
    drawings: list[Drawing] = field(default_factory=list)
    visible: list[Piece] = field(default_factory=list)
    #: superscript digits kept as text (callouts), and equations read as their text
    equations: int = 0

    @property
    def all_bold(self) -> bool:
        return bool(self.visible) and all(p.bold for p in self.visible)

    @property
    def all_italic(self) -> bool:
        return bool(self.visible) and all(p.italic for p in self.visible)

    @property
    def all_caps(self) -> bool:
        return sum(p.letters for p in self.visible) >= 2 and all(p.caps for p in self.visible)

    def most(self, name: str) -> float | str | None:
        """The size or font of most of the characters."""
        weights: dict = {}
        for piece in self.visible:
            value = getattr(piece, name)
            if value is not None:
                weights[value] = weights.get(value, 0) + piece.chars
        return max(weights, key=weights.__getitem__) if weights else None

    def markdown(self) -> str:
        return blanks(runs_to_markdown(self.runs))


@dataclass
class Layout:
    """What the reader needs of the paragraph around the runs: its tab stops (to tell a
    leader tab), its first-line position, a shading behind it (white text shows there)."""

    tabs: list[TabStop] = field(default_factory=list)
    start: int = 0  # twips from the text margin where the first line starts
    shaded: bool = False


class RunReader:
    def __init__(self, styles: Styles, *, notes: bool = True, typed_calls: bool = False):
        self.styles = styles
        self.notes = notes
        #: superscript digits count as footnote calls (a document without real footnotes
        #: nor a "Ghi chú:" box they could point to)
        self.typed_calls = typed_calls
        self._field = 0
        self._x = 0.0

    def read(self, paragraph: etree._Element, paragraph_style: str | None,
             layout: Layout | None = None) -> ParagraphRuns:
        out = ParagraphRuns()
        self._field = 0  # depth inside a field's instruction part
        self._layout = layout or Layout()
        self._x = float(self._layout.start)
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
                self._walk(branch(element), pstyle, out)
            elif tag in _WALK_INTO:
                self._walk(element, pstyle, out)
            elif tag in (f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"):
                self._equation(element, pstyle, out)

    def _equation(self, element: etree._Element, pstyle: str | None,
                  out: ParagraphRuns) -> None:
        """An equation (Office Math) read as the text it shows, flattened."""
        text = "".join(t.text or "" for t in element.iter(f"{{{M_NS}}}t"))
        if text.strip():
            out.equations += 1
            self._text(text, self.styles.run_look(pstyle, None), Look(), out)

    def looks(self, rpr: etree._Element | None, pstyle: str | None) -> tuple[Look, Look]:
        """(what the Markdown writes: without the paragraph style, what a reader sees)."""
        own = read_look(rpr)
        rstyle = attr(child(rpr, "rStyle"), "val")
        seen = own.over(self.styles.run_look(pstyle, rstyle))
        written = own.over(self.styles.look(rstyle)).over(self.styles.defaults)
        return written, seen

    def _unseen(self, seen: Look) -> bool:
        white = (seen.color or "").upper() == "FFFFFF" and not seen.shaded and \
            not self._layout.shaded
        return bool(seen.hidden) or white

    def _run(self, run: etree._Element, pstyle: str | None, out: ParagraphRuns) -> None:
        written, seen = self.looks(child(run, "rPr"), pstyle)
        if self._unseen(seen):
            self._fields_only(run)
            return
        for element in run:
            tag = element.tag
            if tag == w("fldChar"):
                self._field_char(element)
            elif self._field:
                continue  # the instruction part of a field
            elif tag == w("t"):
                self._text(element.text or "", seen, written, out)
            elif tag in (w("tab"), w("ptab")):
                self._tab(element, written, out)
            elif tag in (w("br"), w("cr")):
                self._break(element, written, out)
            elif tag == w("noBreakHyphen"):
                out.runs.append(Run("-", bool(written.bold), bool(written.italic)))
            elif tag == w("sym"):
                self._symbol(element, written, out)
            elif tag == w("footnoteReference") and self.notes:
                out.runs.append(Run(note=attr(element, "id") or "?"))
            elif tag == w("endnoteReference") and self.notes:
                out.runs.append(Run(note="e" + (attr(element, "id") or "?")))
            elif tag in (w("drawing"), w("pict"), w("object"), f"{{{MC_NS}}}AlternateContent"):
                out.drawings.extend(read_drawings(element))

    def _fields_only(self, run: etree._Element) -> None:
        """A hidden run still opens and closes fields."""
        for element in run.iter(w("fldChar")):
            self._field_char(element)

    def _field_char(self, element: etree._Element) -> None:
        kind = attr(element, "fldCharType")
        if kind == "begin":
            self._field += 1
        elif kind in ("separate", "end") and self._field:
            self._field -= 1

    def _text(self, text: str, seen: Look, written: Look, out: ParagraphRuns) -> None:
        bold, italic = bool(written.bold), bool(written.italic)
        superscript = seen.vertical == "superscript"
        if superscript and text.strip().isdigit():
            if self.typed_calls:
                out.runs.append(Run(note=text.strip()))
                return
            text = text.translate(_RAISED)  # a callout: what the reader sees, ¹ ² ³
        elif self.typed_calls and _SUPERSCRIPT.search(text):
            for piece in _SUPERSCRIPT.split(text):
                if piece and _SUPERSCRIPT.fullmatch(piece):
                    out.runs.append(Run(note=piece.translate(_DIGITS)))
                elif piece:
                    out.runs.append(Run(piece, bold, italic))
            self._seen(text, seen, out)
            return
        out.runs.append(Run(text, bold, italic))
        self._seen(text, seen, out)

    def _seen(self, text: str, seen: Look, out: ParagraphRuns) -> None:
        self._x += len(text) * (seen.size or 10) * 20 * _EM_PER_CHAR
        chars = len(text) - sum(1 for c in text if c.isspace())
        if not chars:
            return
        letters = [c for c in text if c.isalpha()]
        caps = bool(seen.caps) or all(c.isupper() for c in letters)
        out.visible.append(Piece(chars, len(letters), bool(seen.bold), bool(seen.italic), caps,
                                 seen.size, seen.font))

    def _tab(self, element: etree._Element, written: Look, out: ParagraphRuns) -> None:
        leader = attr(element, "leader") if element.tag == w("ptab") else self._stop_leader()
        text = LEADER if leader in _LEADERS else "\t"
        out.runs.append(Run(text, bool(written.bold), bool(written.italic)))

    def _stop_leader(self) -> str | None:
        """The leader of the stop this tab reaches, guessed from the text before it."""
        for stop in self._layout.tabs:
            if stop.position > self._x + 20 and stop.kind != "bar":
                self._x = float(stop.position)
                return stop.leader
        self._x += 720  # Word's default stops every half inch
        return None

    def _break(self, element: etree._Element, written: Look, out: ParagraphRuns) -> None:
        kind = attr(element, "type")
        if kind == "page":
            out.page_break = True
        elif kind != "column":
            out.runs.append(Run("\n", bool(written.bold), bool(written.italic)))
            self._x = 0.0

    def _symbol(self, element: etree._Element, written: Look, out: ParagraphRuns) -> None:
        code = attr(element, "char") or ""
        if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code):
            char = chr(int(code, 16))
            out.runs.append(Run(SYMBOL_BULLETS.get(char, char), bool(written.bold),
                                bool(written.italic)))

