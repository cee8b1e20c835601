"""A built PDF as page images and page texts (pypdfium2), for the studio's live preview.

Images are drawn on request, one page at a time (the pages in view first), and kept; page
texts let the editor find the page a paragraph is printed on, so the preview follows the
cursor.
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata

import pypdfium2 as pdfium

from briefing.text.inline import plain_text

#: pdfium is not thread-safe: every call into it goes through this lock
PDFIUM = threading.Lock()
_SPACE = re.compile(r"\s+")


def squeezed(text: str) -> str:
    """Text without any white space (line breaks and justification differ in a PDF)."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text))


class PdfPages:
    """One PDF, opened once: page count, page images, page texts."""

    def __init__(self, pdf: bytes):
        self.pdf = pdf
        with PDFIUM:
            self._document = pdfium.PdfDocument(pdf)
            self.count = len(self._document)
            self.sizes = [self._document[i].get_size() for i in range(self.count)]
        #: page texts without white space, read when first searched (most edits stay on one
        #: page: the search starts there)
        self._squeezed: list[str | None] = [None] * self.count
        self._images: dict[tuple[int, int], bytes] = {}

    def text(self, index: int) -> str:
        """Page `index`'s text without white space."""
        if self._squeezed[index] is None:
            with PDFIUM:
                self._squeezed[index] = squeezed(self._text(index))
        return self._squeezed[index] or ""

    def _text(self, index: int) -> str:
        page = self._document[index]
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
            page.close()

    def image(self, index: int, width: int = 900) -> bytes:
        """Page `index` as a PNG `width` pixels wide (kept for the next request)."""
        if not 0 <= index < self.count:
            raise IndexError(index)
        width = max(200, min(int(width), 2400))
        key = (index, width)
        if key not in self._images:
            with PDFIUM:
                page = self._document[index]
                try:
                    scale = width / page.get_width()
                    bitmap = page.render(scale=scale)
                    picture = bitmap.to_pil()
                finally:
                    page.close()
            out = io.BytesIO()
            picture.save(out, "PNG", compress_level=1)
            self._images[key] = out.getvalue()
        return self._images[key]

    def page_of(self, text: str, near: int | None = None) -> int | None:
        """The page (0-based) that prints the start of `text` (inline Markdown), if found;
        pages are searched outwards from `near` (the page shown last)."""
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

    def close(self) -> None:
        with PDFIUM:
            self._document.close()
