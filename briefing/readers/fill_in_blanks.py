"""Fill-in blanks as a reader sees them -> the content format's `{blank}` and `{fill}`.

Forms leave room for a hand-written answer three ways, often mixed in one blank: a run of
full stops ("........"), a run of ellipses ("……", U+2026), and a tab to a stop whose leader
draws dots to the right edge (a Word reader marks such a tab with `LEADER`). A callout typed
inside the dots ("…⁴……", pointing to a "Ghi chú:" line) stays, after the blank. A blank that
only punctuation follows to the end of the line ("Căn cứ ……;", "⇥./.") fills the rest of the
line: `{fill}`; any other is `{blank}` ("ngày …… tháng …… năm ……").

Not a blank: an ellipsis ("…", "...") and a full stop after one ("tiếp tục...."), which are
punctuation — "và … các", "ông A, bà B, …" — except in a date or time typed as a frame to fill
in: one "…" after or before "ngày", "tháng", "năm", "giờ" or "phút" in a line that frames a date
so ("ngày … tháng … năm …", "vào … giờ … phút") is a blank.
"""

from __future__ import annotations

import re

#: What the Word reader puts where a tab goes to a dot (or dash, underscore) leader stop.
LEADER = "\ue000"
BLANK = "{blank}"
FILL = "{fill}"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
#: A full stop not starting the end mark "./.", an ellipsis, a leader tab, or an underscore
#: (escaped in inline Markdown: a line typed "Họ và tên: ________").
_DOT = rf"(?:\.(?!/)|…|{LEADER}|\\_)"
#: Dots, with single spaces or tabs and callout digits between pieces of one blank.
_RUN = re.compile(rf"{_DOT}+(?:[ \t]?(?:[{_SUPERSCRIPTS}]+[ \t]?)?{_DOT}+)*")
#: A line of underscores only: a rule drawn under a masthead line or a title, not a blank.
RULE = re.compile(r"^\s*(?:\\_\s*){3,}$")
_CALLOUT = re.compile(f"[{_SUPERSCRIPTS}]+")
#: What may follow a blank that fills its line: closing punctuation and emphasis marks.
_LINE_END = re.compile(r"^[\s.,;:!?)/\]”’\"'*_]*$")
_DATE_WORD = r"(?:ngày|tháng|năm|giờ|phút)"
#: A date or time frame: two of its words with a short ellipsis between ("ngày … tháng").
_DATE_FRAME = re.compile(rf"\b{_DATE_WORD}\s*(?:…|\.{{3}})\s*,?\s*{_DATE_WORD}\b", re.IGNORECASE)
_AFTER_DATE_WORD = re.compile(rf"\b{_DATE_WORD}\s*$", re.IGNORECASE)
_BEFORE_DATE_WORD = re.compile(rf"^\s*{_DATE_WORD}\b", re.IGNORECASE)


def has_blanks(text: str) -> bool:
    return LEADER in text or ".." in text or "…" in text or "\\_\\_" in text


def blanks(text: str) -> str:
    """`text` (inline Markdown, one paragraph) with each fill-in blank as `{blank}` or
    `{fill}`; every other character kept."""
    if not has_blanks(text) or RULE.match(text):
        return text
    out: list[str] = []
    last = 0
    for match in _RUN.finditer(text):
        run = match.group()
        if not _is_blank(run, text, match.start(), match.end()):
            continue
        out.append(text[last:match.start()])
        callouts = "".join(_CALLOUT.findall(run))
        rest = text[match.end():].split("\n", 1)[0]
        if _LINE_END.match(rest):
            out.append(callouts + FILL)
        else:
            out.append(BLANK + callouts)
        last = match.end()
    out.append(text[last:])
    return "".join(out).replace(LEADER, "\t")


def _is_blank(run: str, text: str, start: int, end: int) -> bool:
    if LEADER in run:
        return True
    width = run.count(".") + 3 * run.count("…") + run.count("_")
    if run in ("…", "...") and _DATE_FRAME.search(text):
        return bool(_AFTER_DATE_WORD.search(text[:start]) or
                    _BEFORE_DATE_WORD.search(text[end:]))
    if width < 4:
        return False
    # "tiếp tục...." at the end: an ellipsis and a full stop
    return not (width == 4 and set(run) == {"."} and end == len(text.rstrip()) and start
                and text[start - 1].isalpha())

