"""A document as a clerk types it in Word: bold runs rather than heading styles, hand-typed
numbers (Word's automatic numbering for some lists), first-line indents, centred bold
Chương lines, dot-leader tab stops for fill-in lines, the masthead and the closing as
borderless tables. Cosmetic choices come from the document's own seed."""

from __future__ import annotations

import io
import random
from functools import cache

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt

from tests.sources.clerk_tables import CENTRE, add_runs, closing, data_table, masthead, rule
from tests.sources.model import Document, Line, Picture, Table
from tests.sources.word_lists import add_lists, number_paragraph

RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
DIVISIONS = ("Phần ", "Chương ", "Mục ")


@cache
def picture_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 72), (70, 110, 160)).save(out, "PNG")
    return out.getvalue()


def _setup(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)


def _look(line: Line) -> dict[str, bool]:
    role, level = line.para.role, line.level
    if role == "heading":
        return {"bold": level < 3 or line.para.marker.startswith(DIVISIONS),
                "italic": level >= 2}
    return {"bold": role in ("article", "standfirst", "intertitle", "byline", "formula")
            or line.look == "bold",
            "italic": role in ("basis", "caption", "credit", "dateline")}


def _align(line: Line) -> WD_ALIGN_PARAGRAPH | None:
    role = line.para.role
    if line.para.marker.startswith(DIVISIONS) or role in ("caption", "formula"):
        return CENTRE
    if role in ("byline", "credit", "dateline"):
        return RIGHT
    return JUSTIFY


def _fill(line: Line, rng: random.Random) -> str:
    """The blank after the label: a tab to a dot-leader stop, dots, or "…"."""
    label = line.para.printed
    if line.fill == "leader":
        return f"{label}\t" if label else "\t"
    if line.fill == "dots":
        return f"{label} {'.' * rng.randint(20, 60)}"
    if line.fill == "ellipsis":
        return f"{label} {'…' * rng.randint(10, 30)}"
    return label


def _division(document: DocxDocument, line: Line, rng: random.Random, end: str) -> None:
    """Chương I / QUY ĐỊNH CHUNG: two centred bold paragraphs, or one with a line break."""
    first = document.add_paragraph()
    first.alignment = CENTRE
    add_runs(first, line.para.marker, rng, bold=True)
    if rng.random() < 0.7:
        second = document.add_paragraph()
        second.alignment = CENTRE
        add_runs(second, line.para.text + end, rng, bold=True)
    else:
        first.add_run().add_break(WD_BREAK.LINE)
        add_runs(first, line.para.text + end, rng, bold=True)


def end_mark(text: str) -> str:
    """The end mark after the last paragraph: "…này./." or "…./."."""
    return "/." if text.endswith(".") else "./."


def render_line(document: DocxDocument, line: Line, rng: random.Random,
                numbers: dict[int, int], last: bool = False) -> None:
    """One body paragraph, its number typed or left to Word."""
    para = line.para
    end = end_mark(para.text) if last else ""
    if para.role == "heading" and para.marker.startswith(DIVISIONS):
        _division(document, line, rng, end)
        return
    paragraph = document.add_paragraph()
    paragraph.alignment = _align(line)
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(rng.choice([0, 3, 6]))
    if paragraph.alignment == JUSTIFY:
        fmt.first_line_indent = Cm(1 + 0.5 * line.level * (rng.random() < 0.5))
    look = _look(line)
    if line.fill:
        if line.fill == "leader":
            fmt.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        add_runs(paragraph, _fill(line, rng) + end, rng, **look)
        return
    if line.auto is not None:
        number_paragraph(paragraph._p, numbers[line.auto[0]], line.auto[1])
        add_runs(paragraph, para.text + end, rng, **look)
        return
    if para.marker and para.role == "turn" and line.look == "label":
        add_runs(paragraph, para.marker, rng, bold=True)
        add_runs(paragraph, " " + para.text + end, rng, **look)
        return
    gap = "\t" if para.role in ("clause", "point") and rng.random() < 0.1 else " "
    text = f"{para.marker}{gap}{para.text}" if para.marker else para.text
    tail = "\t" if para.role == "article" and rng.random() < 0.1 else ""
    add_runs(paragraph, text + end + tail, rng, **look)


def _picture(document: DocxDocument, picture: Picture, rng: random.Random,
             numbers: dict[int, int]) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = CENTRE
    paragraph.add_run().add_picture(io.BytesIO(picture_bytes()), width=Cm(8))
    if picture.caption:
        render_line(document, picture.caption, rng, numbers)


def _title(document: DocxDocument, doc: Document, rng: random.Random) -> None:
    """Type and subject, centred bold, a rule under them; a headline; or a cover page."""
    head = doc.head
    kind = head.kind if head else ""
    if kind == "headline":
        paragraph = document.add_paragraph()
        paragraph.alignment = CENTRE if rng.random() < 0.5 else None
        add_runs(paragraph, doc.subject, rng, bold=True, size=16)
        return
    if kind == "cover":
        for _ in range(rng.randint(3, 8)):
            document.add_paragraph()
    for text, size in ((doc.type, 20 if kind == "cover" else 14),
                       ("" if doc.subject_prefix else doc.subject, 16 if kind == "cover" else 14)):
        if text:
            paragraph = document.add_paragraph()
            paragraph.alignment = CENTRE
            add_runs(paragraph, text, rng, bold=True, size=size)
    if kind == "cover":
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif doc.type:
        rule(document.add_paragraph(), rng, 14)


def _addressees(document: DocxDocument, doc: Document, rng: random.Random) -> None:
    if len(doc.addressees) == 1:
        paragraph = document.add_paragraph()
        paragraph.alignment = CENTRE
        add_runs(paragraph, f"Kính gửi: {doc.addressees[0]}.", rng)
        return
    if doc.addressees:
        add_runs(document.add_paragraph(), "Kính gửi:", rng)
        document.paragraphs[-1].paragraph_format.left_indent = Cm(3)
        for i, name in enumerate(doc.addressees):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(4.5)
            add_runs(paragraph, f"- {name}{'.' if i == len(doc.addressees) - 1 else ';'}", rng)


def render_docx(doc: Document) -> bytes:
    """The document as a clerk's .docx file."""
    rng = random.Random(doc.seed)
    document = docx.Document()
    _setup(document)
    numbers = add_lists(document, doc.lists)
    if doc.head and doc.head.kind in ("party", "state", "cover"):
        masthead(document, doc, rng)
    _title(document, doc, rng)
    _addressees(document, doc, rng)
    for line in doc.preamble:
        render_line(document, line, rng, numbers)
    last = max((i for i, b in enumerate(doc.body) if isinstance(b, Line)), default=-1)
    for index, block in enumerate(doc.body):
        if isinstance(block, Table):
            data_table(document, block, rng)
        elif isinstance(block, Picture):
            _picture(document, block, rng, numbers)
        else:
            render_line(document, block, rng, numbers,
                        doc.end_mark and index == last == len(doc.body) - 1)
    if doc.end_mark and last != len(doc.body) - 1:
        document.add_paragraph("./.")
    for line in doc.after:
        render_line(document, line, rng, numbers)
    if doc.closing:
        closing(document, doc.closing, rng, party=doc.head is not None and
                doc.head.kind in ("party", "cover"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
