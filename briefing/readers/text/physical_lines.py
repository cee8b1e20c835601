"""Plain text -> source lines: one `Line` per physical line, with the blank lines and page
breaks between them as hints.

Text pasted from a PDF or a web page keeps the layout's traces: a paragraph cut by a page
break, footnotes in the middle of the text, two masthead columns on one line separated by tabs.
The reader keeps every line as it is and says where the breaks were; the middle repairs.
Pairs of '*' are read as the emphasis a clerk typed (`*nghiêng*`, `**đậm**`); every other
Markdown character is literal.
"""

from __future__ import annotations

import re

from briefing.importing.markdown_text import TYPED_BLANK
from briefing.readers.fill_in_blanks import blanks
from briefing.readers.source import Line, SourceDocument, place_line
from briefing.validation.markup import markup_issues

_BREAKS = re.compile(r"\r\n|\r|\n")


def read_text(text: str, name: str) -> SourceDocument:
    doc = SourceDocument(name, "text")
    blank = 0
    page = False
    for number, raw in enumerate(_BREAKS.split(text), start=1):
        if "\f" in raw:
            page = True
            raw = raw.replace("\f", "")
        if not raw.strip():
            blank += 1
            continue
        doc.blocks.append(Line(_inline(raw.rstrip()), place_line(number),
                               page_break=page or blank >= 2, gap_before=blank > 0))
        blank = 0
        page = False
    return doc


#: Superscript digits typed as footnote calls ("thế giới¹", "¹ Trong đó, …").
_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUP_TAG = re.compile(r"<sup>\s*([0-9]+)\s*</sup>", re.IGNORECASE)


def _inline(raw: str) -> str:
    """`raw` as inline Markdown: stars that pair up stay emphasis, superscript digits and
    `<sup>n</sup>` are footnote calls, runs of dots are fill-in blanks, everything else
    literal."""
    text = raw.replace("\\", "\\\\").replace("_", "\\_").replace("[^", "\\[^")
    text = TYPED_BLANK.sub(r"\\\g<0>", text)
    text = _SUPERSCRIPT.sub(lambda m: f"[^{m.group().translate(_DIGITS)}]", text)
    text = _SUP_TAG.sub(lambda m: f"[^{m.group(1)}]", text)
    for _ in range(raw.count("*")):
        stray = _stray_star(text)
        if stray is None:
            break
        text = text[:stray] + "\\" + text[stray:]
    return blanks(text)


def _stray_star(text: str) -> int | None:
    """The first star that closes nothing, as `build.py check` finds it."""
    for issue in markup_issues(text, "paragraph"):
        if issue.message.startswith("unmatched '*'"):
            return issue.start
    return None
