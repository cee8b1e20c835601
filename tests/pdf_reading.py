"""Reading our PDFs the way a reader does: body text, footnote area, page numbers.

Body text is 13 pt and up; footnote text is the profile's footnote size, below the body;
footnote calls and markers are the small superscripts; the page number sits in the top margin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pdfplumber

MM = 72 / 25.4


def squash(text: str) -> str:
    """Whitespace folded; the gap a removed footnote call leaves before punctuation closed."""
    text = re.sub(r"(?<=\S[-/])\n", "", text)  # a line broken after "128-" reads "128-HD"
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" (?=[.,;:)”])", "", text)


@dataclass
class PageText:
    number: int
    header: str
    body: str
    notes: str
    body_bottom: float
    notes_top: float | None
    calls: list[str]
    markers: list[str]


def _digits(chars: list[dict]) -> list[str]:
    """Group adjacent superscript digits into numbers ("1", "0" -> "10")."""
    groups: list[str] = []
    last = None
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if not char["text"].strip():
            continue
        if last and abs(char["top"] - last["top"]) < 1 and char["x0"] - last["x1"] < 1:
            groups[-1] += char["text"]
        else:
            groups.append(char["text"])
        last = char
    return groups


def read_pages(path, body_size: float = 14, note_size: float = 12, top_margin_mm: float = 20):
    pages: list[PageText] = []
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages, start=1):
            chars = page.chars
            limit = top_margin_mm * MM
            header = [c for c in chars if c["bottom"] < limit]
            text = [c for c in chars if c["bottom"] >= limit]
            body = [c for c in text if c["size"] >= body_size - 1]
            body_bottom = max((c["bottom"] for c in body), default=0)
            notes = [c for c in text if abs(c["size"] - note_size) < 0.5 and c["top"] > body_bottom]
            small = [c for c in text if c["size"] < note_size - 2]
            calls = [c for c in small if c["top"] <= body_bottom]
            markers = [c for c in small if c["top"] > body_bottom]

            def extract(selected: list[dict], page=page) -> str:
                ids = {id(c) for c in selected}
                return page.filter(
                    lambda o, ids=ids: o.get("object_type") != "char" or id(o) in ids
                ).extract_text() or ""

            pages.append(PageText(
                number=index,
                header=squash(extract(header)),
                body=extract(body),
                notes=extract(notes),
                body_bottom=body_bottom,
                notes_top=min((c["top"] for c in notes), default=None),
                calls=_digits(calls),
                markers=_digits(markers),
            ))
    return pages
