"""A PDF to sign or verify: read once, through the project's input guard, and refused in one
line when it is no PDF, damaged or encrypted."""

from __future__ import annotations

import io
from pathlib import Path

from briefing.inputs import read_input
from briefing.messages import msg
from briefing.problems import BriefingError

PDF_LIMIT = 256 << 20


def read_pdf(path: Path) -> bytes:
    data = read_input(path, limit=PDF_LIMIT, what="PDF")
    if b"%PDF-" not in data[:1024]:
        raise BriefingError.at(path, msg("pdf-no-header", "not a PDF (no %PDF- header)"))
    return data


def open_pdf(data: bytes, path: Path):
    """pyHanko's reader on `data`, its cross-references read; a damaged or encrypted PDF is
    a one-line error."""
    from pyhanko.pdf_utils.reader import PdfFileReader


    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        reader.root  # noqa: B018 - the catalog: a broken trailer fails here
        pages = reader.root["/Pages"]["/Count"]
    except Exception as exc:  # any parse failure is the file's
        raise BriefingError.at(path, msg(
            "pdf-damaged", "damaged PDF: {error}: {reason}", error=type(exc).__name__,
            reason=str(exc).splitlines()[0] if str(exc) else "")) from None
    if reader.encrypted:
        raise BriefingError.at(path, msg("pdf-encrypted", "the PDF is encrypted: an office "
                                                          "document is not"))
    if not pages:
        raise BriefingError.at(path, msg("pdf-no-pages", "the PDF has no pages"))
    return reader
