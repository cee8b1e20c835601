"""A build's pages as images and texts, for the studio's live preview: from a PDF file, or
from a layout not yet written (each page drawn alone when it is first shown).

Images are drawn on request, one page at a time (the pages in view first), and kept; page
texts let the editor find the page a paragraph is printed on, so the preview follows the
cursor. Pictures are rasterised by pypdfium2.
"""

from __future__ import annotations

import io
import itertools
import re
import threading
import unicodedata
from collections.abc import Hashable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pypdfium2 as pdfium
from PIL import Image

from briefing.preview.image_cache import ImageCache, allowed_width
from briefing.text.inline_markdown import plain_text

#: pdfium is not thread-safe: every call into it goes through this lock
PDFIUM = threading.Lock()
_SPACE = re.compile(r"\s+")
_TOKENS = itertools.count()


def squeezed(text: str) -> str:
    """Text without any white space (line breaks and justification differ in a PDF)."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text))


class Pages:
    """The pages of one build: count, sizes (any unit: only their ratio is used), page
    texts, page images. Subclasses say where pictures and texts come from."""

    count: int
    sizes: list[tuple[float, float]]

    def __init__(self) -> None:
        #: page texts without white space, read when first searched (most edits stay on one
        #: page: the search starts there)
        self._squeezed: list[str | None] = [None] * self.count
        #: where drawn pictures are kept: the previewer gives every build one shared cache
        self.images = ImageCache()
        self._token = next(_TOKENS)  # this build's pictures in a shared cache
        self._drawing = threading.Lock()

    def text(self, index: int) -> str:
        """Page `index`'s text without white space."""
        if self._squeezed[index] is None:
            self._squeezed[index] = squeezed(self._text(index))
        return self._squeezed[index] or ""

    def image(self, index: int, width: int = 900) -> bytes:
        """Page `index` as a PNG about `width` pixels wide (`allowed_width`), kept in the
        cache for the next request."""
        if not 0 <= index < self.count:
            raise IndexError(index)
        width = allowed_width(width)
        key = (self._picture_key(index), width)
        with self._drawing:  # two requests for one page draw it once
            image = self.images.get(key)
            if image is None:
                out = io.BytesIO()
                self._picture(index, width).save(out, "PNG", compress_level=1)
                image = out.getvalue()
                self.images.put(key, image)
        return image

    def page_of(self, text: str, near: int | None = None) -> int | None:
        """The page (0-based) that prints the start of `text` (inline Markdown), if found;
        pages are searched outwards from `near` (the page shown last). None too when a newer
        build replaced this one meanwhile (its layout let go: the preview keeps its page)."""
        try:
            return self._page_of(text, near)
        except Expired:
            return None

    def _page_of(self, text: str, near: int | None) -> int | None:
        wanted = squeezed(plain_text(text))
        if len(wanted) < 4:
            return None
        start = near if near is not None and 0 <= near < self.count else 0
        order = sorted(range(self.count), key=lambda i: (abs(i - start), i))
        long = wanted[:200]
        for length in (60, 30, 15):
            hits = [i for i in order if wanted[:length] in self.text(i)]
            for i in hits:  # paragraphs may open alike: the one whose longer start is there
                following = self.text(i + 1) if i + 1 < self.count else ""
                if long in self.text(i) or long in self.text(i) + following:
                    return i
            if hits:
                return hits[0]
        # the start itself is cut by a page break
        for i in order:
            if i + 1 < self.count and wanted[:30] in self.text(i)[-200:] + self.text(i + 1)[:200]:
                return i
        return None

    def _picture_key(self, index: int) -> Hashable:
        """What names page `index`'s picture in the shared cache."""
        return (self._token, index)

    def layout(self) -> Any | None:
        """The laid-out document behind these pages, while kept (the next preview of the same
        document starts from it: briefing/writers/pdf/relayout.py); None for a PDF file."""
        return None

    def release(self) -> None:
        """Let go of what it takes to draw more pages; pictures drawn stay. A page not drawn
        yet then raises `Expired`."""

    @property
    def expired(self) -> bool:
        """Whether pages not drawn yet can no longer be drawn (`release`)."""
        return False

    def line_at(self, index: int, x: float, y: float) -> str:
        """The text of the line printed at (`x`, `y`) of page `index` (fractions of the page's
        width and height, from its top left): a click on the preview finds its paragraph.
        Empty when there is none (a margin) or the layout has been let go."""
        if not 0 <= index < self.count:
            return ""
        width, height = self.sizes[index]
        try:
            return " ".join(self._line_at(index, x * width, y * height).split())
        except Expired:
            return ""

    def _line_at(self, index: int, x: float, y: float) -> str:
        raise NotImplementedError

    def _text(self, index: int) -> str:
        raise NotImplementedError

    def _picture(self, index: int, width: int) -> Image.Image:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what the pages hold (a PDF, a layout)."""


class PdfPages(Pages):
    """The pages of a PDF file, opened once."""

    def __init__(self, pdf: bytes):
        self.pdf = pdf
        with PDFIUM:
            self._document = pdfium.PdfDocument(pdf)
            self.count = len(self._document)
            self.sizes = [self._document[i].get_size() for i in range(self.count)]
        super().__init__()

    def _text(self, index: int) -> str:
        with PDFIUM:
            return _page_text(self._document[index])

    def _picture(self, index: int, width: int) -> Image.Image:
        with PDFIUM:
            return _page_picture(self._document[index], width)

    def _line_at(self, index: int, x: float, y: float) -> str:
        with PDFIUM:
            page = self._document[index]
            textpage = page.get_textpage()
            try:  # PDF space starts at the bottom: a band of the line's height around y
                top = page.get_height() - y
                return textpage.get_text_bounded(0, top - 4, page.get_width(), top + 4)
            finally:
                textpage.close()
                page.close()

    def close(self) -> None:
        with PDFIUM:
            self._document.close()


class LaidOutPages(Pages):
    """The pages of a PDF laid out but not written (WeasyPrint's document).

    Writing the whole PDF costs a third of the build; a preview shows two or three pages at a
    time. So each page is drawn when it is first asked for (written alone, then rasterised),
    and its text is read from the layout's own boxes. `lock` is the process's render lock:
    WeasyPrint's objects serve one thread at a time."""

    def __init__(self, document: Any, lock: AbstractContextManager[Any]):
        self._layout = document
        self._lock = lock
        self.count = len(document.pages)
        self.sizes = [(page.width, page.height) for page in document.pages]
        #: a page kept from the previous layout (relayout.py) is the same object: its
        #: picture is the one drawn then
        self._page_tokens = [_page_token(page) for page in document.pages]
        super().__init__()

    def _laid_out(self) -> Any:
        layout = self._layout
        if layout is None:
            raise Expired("this preview has been replaced by a newer one")
        return layout

    def _text(self, index: int) -> str:
        with self._lock:
            return "".join(_box_texts(self._laid_out().pages[index]._page_box))

    def _picture(self, index: int, width: int) -> Image.Image:
        from briefing.writers.pdf import page_pdf

        with self._lock:
            pdf = page_pdf(self._laid_out(), index)
        with PDFIUM:
            document = pdfium.PdfDocument(pdf)
            try:
                return _page_picture(document[0], width)
            finally:
                document.close()

    def _line_at(self, index: int, x: float, y: float) -> str:
        from weasyprint.formatting_structure.boxes import LineBox

        with self._lock:
            lines = [box for box in _boxes(self._laid_out().pages[index]._page_box)
                     if isinstance(box, LineBox)]
            hit = [line for line in lines if line.position_y <= y <= line.position_y + line.height]
            if not hit:
                return ""
            near = min(hit, key=lambda line: 0 if line.position_x <= x <= line.position_x
                       + line.width else abs(line.position_x - x))
            return "".join(_box_texts(near))

    def _picture_key(self, index: int) -> Hashable:
        return self._page_tokens[index]

    def layout(self) -> Any | None:
        return self._layout

    def release(self) -> None:
        self._layout = None

    @property
    def expired(self) -> bool:
        return self._layout is None

    def close(self) -> None:
        self._layout = None


def _page_token(page: Any) -> Hashable:
    token = getattr(page, "picture_token", None)
    if token is None:
        token = page.picture_token = ("page", next(_TOKENS))
    return token


class Expired(LookupError):
    """A page of a preview that was replaced before the page was drawn."""


def _box_texts(box: Any) -> Iterator[str]:
    """The text of a laid-out box and of every box inside it, in reading order."""
    text = getattr(box, "text", None)
    if isinstance(text, str):
        yield text
    for child in getattr(box, "children", None) or ():
        yield from _box_texts(child)


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)


def _page_text(page: Any) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()
        page.close()


def _page_picture(page: Any, width: int) -> Image.Image:
    try:
        return page.render(scale=width / page.get_width()).to_pil()
    finally:
        page.close()
