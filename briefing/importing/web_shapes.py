"""A pasted web page's clutter by its shape, on sites no one here has seen (no word list):
bare times and dates, view counts, linked teasers (a headline and the start of its article cut
with "…"), the label over a run of teasers, menus and share lines (a few words each starting
with a capital, no punctuation), a breadcrumb glued to the headline ("Trang chủThời sựTiêu
đề…"). Only where the text is a web page — two or more lines of a web page's own shapes
(times, view counts, teasers) — and never the byline (the line after the end mark, or a name
under the last paragraph: a family name first, or a credit under it) nor a speaker's label.
Each dropped line is a note, listed at the top of the content file.
"""

from __future__ import annotations

import re

from briefing.importing.guesses import Notebook
from briefing.importing.press import after_end
from briefing.importing.words import words
from briefing.messages import Message, msg
from briefing.readers.source import Block, Line
from briefing.text.inline_markdown import plain_text

_TIME = re.compile(r"^(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}"
                   r"\s*,?\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:\(?GMT[+-]\d+\)?|AM|PM))?$",
                   re.IGNORECASE)
_VIEWS = re.compile(r"^\d{1,3}(?:[.,]\d{3})*\s+[^\W\d_]+(?:\s+[^\W\d_]+)?$")
_TEASER = re.compile(r"[^\W\d_]\s?…$")
_WORDS_ONLY = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){1,15}$")
_END_MARK = re.compile(r"\./\.\s*$")


def _shape(text: str) -> str | None:
    """The web shape of one line on its own: "time", "views", "teaser", or None."""
    if _TIME.match(text):
        return "time"
    if _VIEWS.match(text):
        return "views"
    if len(text) >= 100 and _TEASER.search(text):
        return "teaser"
    return None


def _title_case(text: str) -> bool:
    """Every word starts with a capital, no punctuation: a menu, tags, share buttons (not a
    line in capitals — an intertitle — nor a credit "Theo Báo Nhân Dân")."""
    return len(text) <= 120 and bool(_WORDS_ONLY.match(text)) and \
        all(word[:1].isupper() for word in text.split()) and not text.isupper() and \
        after_end(text) != "credit"


def _byline(texts: list[str], kinds: list[str | None], i: int) -> bool:
    """A name under the article's last paragraph (a sentence's end above it): the byline —
    a name that starts with a family name, or any short name with a credit right under it."""
    before = next((t for t in reversed(texts[:i]) if t), "")
    if kinds[i - 1:i] not in ([], [None]) or not before.endswith((".", "!", "?", "”", "\"")) \
            or len(before) < 60 or len(texts[i].split()) > 5:
        return False
    after = next((t for t in texts[i + 1:] if t), "")
    return texts[i].split()[0] in words()["surnames"] or after_end(after) == "credit"


def _label(text: str) -> bool:
    return len(text) <= 40 and bool(_WORDS_ONLY.match(text)) and len(text.split()) <= 4


def _messages() -> dict[str, Message]:
    return {"time": msg("web-time", "a bare time or date"),
            "views": msg("web-views", "a view or comment count"),
            "teaser": msg("web-teaser", "a linked teaser cut with '…'"),
            "menu": msg("web-menu", "a menu, tag or share line"),
            "label": msg("web-label", "the label of a list of links"),
            "crumbs": msg("web-crumbs", "a breadcrumb glued to the headline")}


def drop_web_clutter(blocks: list[Block], notes: Notebook) -> list[Block]:
    """`blocks` without the clutter of a web page, each dropped line noted."""
    texts = [plain_text(b.text).strip() if isinstance(b, Line) else "" for b in blocks]
    if sum(1 for t in texts if _shape(t)) < 2:
        return blocks
    kinds: list[str | None] = [_shape(t) for t in texts]
    for i, text in enumerate(texts):
        if kinds[i] is not None or not text:
            continue
        after_end = i > 0 and bool(_END_MARK.search(texts[i - 1]))
        ahead = next((k for k in kinds[i + 1:i + 3] if k not in (None, "time")), None)
        if _title_case(text) and not after_end and not text.endswith(":") and \
                not _byline(texts, kinds, i):
            kinds[i] = "menu"
        elif _label(text) and (ahead == "teaser" or kinds[i + 1:i + 2] == ["teaser"]):
            kinds[i] = "label"
    out: list[Block] = []
    messages = _messages()
    headline = False
    for block, text, kind in zip(blocks, texts, kinds, strict=True):
        if kind is not None:
            notes.dropped(msg("dropped-web", "web page clutter: {shape}",
                              shape=messages[kind]), block.where, text)
            continue
        if not headline and isinstance(block, Line) and text:
            headline = True
            _unglue(block, notes, messages["crumbs"])
        out.append(block)
    return out


def _unglue(line: Line, notes: Notebook, what: Message) -> None:
    """The headline without the breadcrumb glued before it: the text after the last place
    where a small letter runs into a capital ("…Thời sựNhững kết quả…")."""
    text = line.text
    glued = [i + 1 for i in range(len(text) - 1) if text[i].islower() and text[i + 1].isupper()]
    if not glued:
        return
    cut = glued[-1]
    notes.dropped(msg("dropped-web", "web page clutter: {shape}", shape=what), line.where,
                  line.text[:cut])
    line.text = line.text[cut:]
