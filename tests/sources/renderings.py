"""The generator's front door: a document of a kind from a seed or a hypothesis strategy,
rendered as a clerk's .docx, a text file or a pasted web page, with what a reader should get
back from that rendering."""

from __future__ import annotations

from typing import Any

from tests.sources.chooser import DrawChooser, RandomChooser
from tests.sources.clerk_docx import render_docx
from tests.sources.kinds import KINDS, WEB_KINDS, generate
from tests.sources.model import Document, Rendering
from tests.sources.plain_text import render_text
from tests.sources.reading import expected_meta, expected_reading
from tests.sources.web_page import render_web

FORMATS = ("docx", "text", "web")


def shapes(formats: tuple[str, ...] = FORMATS) -> list[tuple[str, str]]:
    """Every (kind, format) the generator makes: web pages only for articles and interviews."""
    return [(kind, fmt) for fmt in formats for kind in KINDS
            if fmt != "web" or kind in WEB_KINDS]


def seeded(kind: str, seed: int) -> Document:
    return generate(kind, RandomChooser(seed))


def documents(kind: str) -> Any:
    """A hypothesis strategy of documents of `kind` (shrinks towards short, plain ones)."""
    from hypothesis import strategies as st

    return st.composite(lambda draw: generate(kind, DrawChooser(draw)))()


def render(doc: Document, fmt: str) -> Rendering:
    """One rendering and its expected reading (text shows a table cell as one line)."""
    if fmt == "docx":
        return Rendering(f"{doc.kind}.docx", render_docx(doc), expected_reading(doc, False),
                         expected_meta(doc))
    text = render_text(doc) if fmt == "text" else render_web(doc)
    return Rendering(f"{doc.kind}{'-web' if fmt == 'web' else ''}.txt", text.encode("utf-8"),
                     expected_reading(doc, True), expected_meta(doc))
