"""Where a text file had a picture, and the caption under it.

A text file cannot hold a picture, but it often keeps its place: pandoc's plain text writes the
picture's description in brackets ("[Toàn cảnh hội nghị]", "[]" when there is none), a mail
or a paste leaves "[image: anh1.jpg]", "[Ảnh]", a Markdown image ("![](media/image1.jpg)")
may sit in a .txt. Such a line is no text of the document: it is left out and listed, and the
line under it, when short, is the picture's caption — whatever its words (a caption need not
say "Ảnh"), it is never an intertitle nor a heading. With no picture to carry it, a text
file's caption stays a paragraph where it stood (as a caption by its words does); the
Markdown reader marks the line after an image it left out the same way (`Line.after_picture`),
and the Word reader the line after a picture it left out (a chart, an object kept as a
metafile), whose caption is the italic line under it.
"""

from __future__ import annotations

import re

from briefing.importing.guesses import Notebook
from briefing.importing.line_reading import Para
from briefing.messages import msg
from briefing.readers.source import Block, Line
from briefing.text.inline_markdown import plain_text

_MARKDOWN_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?$")
_NAMED = re.compile(r"^\[\s*(?:image|picture|photo|figure|ảnh|hình(?:\s+ảnh)?)\b[^\[\]]*\]$",
                    re.IGNORECASE)
_BRACKETED = re.compile(r"^\[([^\[\]]*)\]$")
#: the longest line still read as a caption under a picture's place
CAPTION_CHARS = 200


def _key(text: str) -> str:
    return " ".join(plain_text(text).split()).strip(" .").casefold()


def is_picture_reference(text: str, below: str | None) -> bool:
    """A line that stands for a picture: a Markdown image, "[image: …]" or "[Ảnh …]", an
    empty "[]", or a bracketed description that the line under it repeats (pandoc's plain
    text writes the description, then the caption)."""
    plain = " ".join(plain_text(text).split())
    if _MARKDOWN_IMAGE.match(plain) or _NAMED.match(plain):
        return True
    bracketed = _BRACKETED.match(plain)
    if bracketed is None:
        return False
    inside = bracketed.group(1).strip()
    return not inside or (below is not None and _key(inside) == _key(below))


def mark_picture_places(blocks: list[Block], notes: Notebook) -> list[Block]:
    """`blocks` without the lines that stand for a picture (each listed); the line after each
    is marked `after_picture`."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Line) and block.cell is None:
            below = blocks[index + 1] if index + 1 < len(blocks) else None
            below_text = below.text if isinstance(below, Line) else None
            if is_picture_reference(block.text, below_text):
                notes.dropped(msg("dropped-picture-reference", "the place of a picture the "
                                  "text file does not hold"), block.where,
                              plain_text(block.text))
                if isinstance(below, Line):
                    below.after_picture = True
                continue
        out.append(block)
    return out


def read_as_caption(para: Para, notes: Notebook, *, italic: bool = False) -> None:
    """A short unnumbered line under a picture's place is its caption: never a title. In
    Word, where a caption has a look, only an italic one (`italic`)."""
    plain = plain_text(para.text).strip()
    if not para.line.after_picture or para.marker is not None or not plain or \
            len(plain) > CAPTION_CHARS or para.line.heading is not None or \
            (italic and not para.line.italic):
        return
    para.title_like = False
    notes.guess(msg("import-caption-kept", "the caption of a picture the file does not hold: "
                                           "kept as a paragraph"), para.where, plain)
