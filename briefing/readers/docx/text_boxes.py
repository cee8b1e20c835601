"""Text boxes: read once, apart from the paragraph that holds them, and told apart by shape.

A text box is anchored inside an ordinary paragraph; its text is not part of that paragraph
and is never read into it. Each box is one of:

- **stamp** — an electronic-signature stamp: a small box (about 10 pt type) reading "Số: …;
  ngày/tháng/năm; giờ: phút: giây" (ND 30 PL I §II.8.b);
- **mark** — a single short line in capitals in a small box: "HỎA TỐC", "LƯU HÀNH NỘI BỘ";
- **diagram** — labels of a drawing ("5a", "20 - 25 mm"), boxes in a group, or boxes drawn
  beside empty frames: dropped, with a note quoting the labels;
- **sample** — a form drawn in a box (a register's cover, an envelope): several lines of
  capitals and blanks; dropped, with a note quoting its first line;
- **text** — any other box (a sidebar): its lines come after the paragraph that holds it.

Kept boxes come back as lines with `Line.box` set ("stamp", "mark", "text"), placed right
after their paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.readers.docx.drawings import Drawing
from briefing.readers.fill_in_blanks import BLANK, FILL
from briefing.readers.source import Line, Where

_STAMP = re.compile(r"giờ\s*:?\s*phút\s*:?\s*giây|ngày\s*/\s*tháng\s*/\s*năm", re.IGNORECASE)
#: A box this small (mm) or a frame this large counts as a drawing's part.
_FRAME_MM = 5.0
_MARK_MAX_MM = (75.0, 16.0)
_LABEL_MAX = 12
#: Paragraphs after a diagram within which a lone caption box still belongs to it.
_DIAGRAM_REACH = 3


@dataclass
class BoxText:
    drawing: Drawing
    lines: list[Line]
    pictures: int = 0  # pictures inside the box

    @property
    def text(self) -> str:
        return " / ".join(line.plain.strip() for line in self.lines if line.plain.strip())


def is_frame(drawing: Drawing) -> bool:
    """An empty rectangle (not a line) a diagram is drawn with."""
    return drawing.kind == "shape" and (drawing.width_mm or 0) >= _FRAME_MM and \
        (drawing.height_mm or 0) >= _FRAME_MM


class BoxSorter:
    """Classifies the text boxes of a document paragraph by paragraph, in reading order."""

    def __init__(self, notes: Notebook):
        self.notes = notes
        self.last_diagram = -100  # number of the last paragraph that held a diagram

    def settle(self, boxes: list[BoxText], frames: int, paragraph: int,
               where: Where) -> list[Line]:
        """The lines of the boxes a paragraph holds that a reader keeps, in order."""
        boxes = [box for box in boxes if box.text]
        if not boxes:
            return []
        kinds = [_kind(box) for box in boxes]
        near = paragraph - self.last_diagram <= _DIAGRAM_REACH
        if "diagram" in kinds or frames or (near and "text" in kinds and
                                            "sample" not in kinds):
            kinds = [k if k == "stamp" else "diagram" for k in kinds]
        elif "sample" in kinds:
            kinds = [k if k in ("stamp", "mark") else "sample" for k in kinds]
        out: list[Line] = []
        dropped: dict[str, list[str]] = {}
        for box, kind in zip(boxes, kinds, strict=True):
            if kind in ("diagram", "sample"):
                dropped.setdefault(kind, []).append(box.text)
                continue
            for line in box.lines:
                line.box = kind
                line.role = "mark" if kind == "mark" else line.role
                out.append(line)
            if box.pictures:
                self.notes.dropped(msg("dropped-box-picture", "a picture inside a text box is "
                                       "not imported (add it as a figure)"), where)
        if "diagram" in dropped:
            self.last_diagram = paragraph
            labels = ", ".join(f"“{label[:20]}”" for label in dropped["diagram"][:6])
            more = " …" if len(dropped["diagram"]) > 6 else ""
            self.notes.dropped(msg("dropped-diagram", "a diagram drawn with text boxes is not "
                                   "imported (its labels: {labels}{more})", labels=labels,
                                   more=more), where)
        for text in dropped.get("sample", []):
            self.notes.dropped(msg("dropped-sample", "a sample drawn in a text box is not "
                                                     "imported"), where, text)
        return out


def _kind(box: BoxText) -> str:
    lines = [line for line in box.lines if line.plain.strip()]
    text = box.text
    drawing = box.drawing
    sizes = [line.size for line in lines if line.size]
    if _STAMP.search(text) and (not sizes or max(sizes) <= 11.5):
        return "stamp"
    if drawing.grouped:
        return "diagram"
    if len(text) <= _LABEL_MAX and any(c.isdigit() for c in text):
        return "diagram"
    width, height = drawing.width_mm or 0, drawing.height_mm or 0
    if len(lines) == 1 and lines[0].caps and len(text) <= 40 and \
            width <= _MARK_MAX_MM[0] and height <= _MARK_MAX_MM[1]:
        return "mark"
    formlike = sum(1 for line in lines if line.caps or BLANK in line.text or FILL in line.text)
    if len(lines) >= 2 and formlike * 2 >= len(lines) and (formlike >= 2 or width >= 60):
        return "sample"
    return "text"
