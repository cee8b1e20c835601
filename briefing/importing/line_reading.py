"""One body line, read: its typed or displayed marker, its text without it, and whether it
reads as a title (short, no sentence end, or styled as a heading)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importing.markdown_text import whole_emphasis
from briefing.numbering import markers as M
from briefing.readers.source import Line, Where
from briefing.text.inline_markdown import plain_text

_SENTENCE_END = (".", "!", "?", "…", ";")


@dataclass
class Para:
    """One body line, read: its marker, its text without the marker, what it looks like."""

    line: Line
    text: str  # inline Markdown, marker removed, line breaks as spaces
    marker: M.Marker | None
    title_like: bool
    emphasis_title: str  # the text without emphasis around all of it (for titles)

    @property
    def where(self) -> Where:
        return self.line.where


def read_para(line: Line) -> Para:
    text = " ".join(line.text.replace("\\\n", " ").split("\n"))
    text = re.sub(r"[ \t]+$", "", text)
    marker = None
    if line.label:
        marker = M.parse(f"{line.label} {text}")
        if marker is not None:
            text = marker.rest
    else:
        marker = M.parse(text)
        if marker is not None:
            text = marker.rest
    if marker is not None and marker.kind == "ordinal" and re.match(r"\W*(?:ngày\s*)?\d",
                                                                      marker.rest):
        marker, text = None, " ".join(line.text.split("\n"))  # "Thứ Ba, 25/8": a weekday
    bare, bold, italic = whole_emphasis(text)
    line.bold = line.bold or bold
    line.italic = line.italic or italic
    plain = plain_text(text).strip()
    evidence = line.heading is not None or line.bold or line.role == "intertitle"
    sentences = len(re.findall(r"[.!?…]\s+[A-ZĐÀ-Ỹ]", plain))
    blank = "{blank" in text or "{fill}" in text  # a form's field: "1. Tên dự án: {fill}"
    title_like = not blank and ((evidence and len(plain) <= 400) or (
        len(plain) <= 250 and not plain.endswith((*_SENTENCE_END, ":")) and sentences == 0))
    return Para(line, text.strip(), marker, title_like, bare.strip())


#: Markers that are letters ("a)", and "i)" "v)" "x)" "l)" typed like Roman numerals): a
#: sub-heading where it heads paragraphs, a point where it is a one-line item.
LETTERED = ("alpha", "roman-paren")


def heads_paragraphs(paras: list, index: int) -> bool:
    """Whether the lettered line `paras[index]` heads a run of paragraphs as a reader sees
    it: a title (short, no sentence end) followed by running text, a table or a list of
    another kind — not by the next lettered item, a heading or nothing."""
    para = paras[index]
    if not isinstance(para, Para) or not para.title_like or index + 1 >= len(paras):
        return False
    after = paras[index + 1]
    if not isinstance(after, Para):
        return True
    if after.line.heading is not None or after.line.role is not None:
        return False
    if after.marker is None:
        return not after.title_like
    return after.marker.kind not in (*LETTERED, "roman", "path", "arabic")
