"""The order invariant: the imported text, read in order, is the source's text in order.

Checked by the importer on its own result: the words of the paragraphs it read (their typed
numbers and markers left out — those are computed) against the words of the body it built,
read as a reader reads it (a speaker's label before the turn, a section's title before its
body). Tone marks are folded ("hoà" = "hòa") and case ignored: only moved, lost or added words
count. A divergence is a guess at its place, so the clerk looks there first.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from briefing.importing.degrade import NOT_TEXT
from briefing.importing.draft import Item
from briefing.importing.guesses import Notebook, excerpt
from briefing.importing.legal_lines import legal_label
from briefing.importing.line_reading import Para
from briefing.messages import msg
from briefing.text.inline_markdown import FOOTNOTE_CALL, plain_text

#: The order a reader meets a mapping's texts in (keys not read as text: `NOT_TEXT`).
#: What a table or figure takes from the paragraphs around it.
_FROM_PARAGRAPHS = ("caption", "note", "credit")
_FIRST = ("speaker", "lead", "caption")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\W_]+")


class Word(str):
    """A word as compared (case and tone marks folded), with the word as written."""

    written: str

    def __new__(cls, written: str) -> Word:
        word = super().__new__(cls, _fold(written.casefold()))
        word.written = written
        return word


def words(text: str) -> list[Word]:
    """The words of inline Markdown: calls and marks out, NFC, case and tone marks folded."""
    flat = unicodedata.normalize("NFC", plain_text(FOOTNOTE_CALL.sub(" ", text)))
    return [Word(w) for w in _WORD.findall(flat)]


def _shown(found: list[Word]) -> str:
    return excerpt(" ".join(w.written for w in found) or "–")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if c not in _TONES) + \
        "".join(sorted(c for c in decomposed if c in _TONES))


def read_words(value: Any, added: frozenset[int] = frozenset()) -> list[Word]:
    """The words of built content in reading order; items whose id() is in `added` (text the
    importer wrote itself, such as a section title it had to invent) left out."""
    if isinstance(value, Item):
        return [] if id(value) in added else read_words(value.value, added)
    if id(value) in added:
        return []
    if isinstance(value, str):
        return words(value)
    if isinstance(value, list):
        return [w for item in value for w in read_words(item, added)]
    if isinstance(value, dict):
        keys = sorted((k for k in value if k not in NOT_TEXT),
                      key=lambda k: (k not in _FIRST, k == "body"))
        return [w for k in keys for w in read_words(value[k], added)]
    return []


def source_words(paras: list[Any], legal: bool = False) -> list[Word]:
    """The words of what the body builder was given: paragraphs (their markers already
    read off; in a legal text its labels too, in any text the "Phần …" labels), tables,
    figures."""
    out: list[Word] = []
    for para in paras:
        if isinstance(para, Para):
            label = legal_label(para.line.text) if para.marker is None else None
            if label is not None and not legal and label[0] != "part":
                label = None  # outside a legal text only "Phần …" is read as a label
            out += words(label[1] if label is not None else para.text)
        else:  # a table or figure: its cells, not the caption or note read from a paragraph
            node = para.value if isinstance(para, Item) else para
            out += read_words({k: v for k, v in node.items() if k not in _FROM_PARAGRAPHS}
                              if isinstance(node, dict) else node)
    return out


def check_order(paras: list[Any], built: list[Any], notes: Notebook, *, legal: bool = False,
                added: frozenset[int] = frozenset()) -> bool:
    """Whether the built body reads as the paragraphs did; a guess at the first place where
    it does not."""
    source, result = source_words(paras, legal), read_words(built, added)
    if source == result:
        return True
    matcher = difflib.SequenceMatcher(None, source, result, autojunk=False)
    _, i1, i2, j1, j2 = next(code for code in matcher.get_opcodes() if code[0] != "equal")
    where = next((p.where for p in _paras_at(paras, i1)), None)
    notes.guess(msg("import-order", "the imported text does not read as the source here: "
                                    "{source} / {result}",
                    source=_shown(source[max(0, i1 - 3):i2 + 3]),
                    result=_shown(result[max(0, j1 - 3):j2 + 3])),
                where, hint=msg("import-order-hint", "check this place against the source"))
    return False


def _paras_at(paras: list[Any], index: int) -> list[Para]:
    """The paragraph that holds word `index` of the source words."""
    count = 0
    for para in paras:
        size = len(words(para.text)) if isinstance(para, Para) else len(read_words(para))
        if count + size > index and isinstance(para, Para):
            return [para]
        count += size
    return []
