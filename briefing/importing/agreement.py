"""How far imported content agrees with a hand-made content file, paragraph by paragraph.

Both documents are flattened into the paragraphs a reader sees, in order — headings (with
their depth), paragraphs, list items, footnotes — as plain text (emphasis and footnote ids
set aside), and aligned with difflib. The share is the part of the reference's paragraphs
found, identical and in order, in the import; `precision` the part of the import's
paragraphs found in the reference.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from briefing.text.inline_markdown import FOOTNOTE_CALL, plain_text

#: keys whose values are codes, not text a reader sees
_CODES = {"id", "kind", "style", "colspan", "rowspan", "align", "width", "numbering",
          "header_rows", "inline", "start", "figure", "columns"}


@dataclass(frozen=True)
class Agreement:
    matched: int
    reference: int
    imported: int
    missing: list[str]
    extra: list[str]

    @property
    def share(self) -> float:
        return self.matched / self.reference if self.reference else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.imported if self.imported else 1.0

    @property
    def near(self) -> int:
        """Missing paragraphs that differ from an imported one by a few letters (the source's
        own spelling, where the hand-made file corrected it)."""
        return sum(bool(difflib.get_close_matches(m, self.extra, n=1, cutoff=0.97))
                   for m in self.missing)

    def line(self, name: str) -> str:
        near = self.near
        return (f"{name}: {self.matched}/{self.reference} paragraphs of the hand-made file "
                f"found ({self.share:.1%})"
                + (f", {near} more differing by a few letters" if near else "")
                + f"; {self.imported - self.matched} of {self.imported} imported paragraphs "
                  "not in it")


def paragraphs(data: dict[str, Any]) -> list[str]:
    """The reader's paragraphs of content data (a loaded YAML mapping), in order."""
    out: list[str] = []
    notes = data.get("footnotes") or {}

    def text(value: str, kind: str) -> None:
        out.append(f"{kind}: " + " ".join(plain_text(FOOTNOTE_CALL.sub("", value)).split()))
        for call in FOOTNOTE_CALL.findall(value):
            note = notes.get(call)
            for paragraph in [note] if isinstance(note, str) else (note or []):
                out.append("note: " + " ".join(plain_text(paragraph).split()))

    def body(items: list, depth: int) -> None:
        for item in items or []:
            if isinstance(item, str):
                text(item, "p")
            elif isinstance(item, dict):
                if "title" in item:
                    text(item["title"], f"h{depth}")
                    body(item.get("body", []), depth + 1)
                elif "bullets" in item or "enumerate" in item:
                    if item.get("lead"):
                        text(item["lead"], "p")
                    for entry in item.get("bullets") or item.get("enumerate") or []:
                        if isinstance(entry, str):
                            text(entry, "item")
                        elif entry and isinstance(entry[0], str):
                            text(entry[0], "item")  # the paragraph that carries the marker
                            body(entry[1:], depth)
                        else:
                            body(entry, depth)
                else:
                    for key, value in item.items():
                        if key in _CODES:
                            continue
                        if isinstance(value, str):
                            text(value, "p")
                        elif isinstance(value, list) and key not in ("columns",):
                            body([v for v in value if isinstance(v, (str, dict, list))],
                                 depth)
            elif isinstance(item, list):
                body(item, depth)

    body(data.get("preamble", []), 1)
    body(data.get("blocks", []), 1)
    body(data.get("conclusion", []), 1)
    for appendix in data.get("appendices", []) or []:
        text(appendix.get("title", ""), "h1")
        body(appendix.get("body", []), 2)
    return out


def _key(text: str) -> str:
    """Text compared loosely for "is this in the source": no markup, quotes or spacing."""
    text = re.sub(r"<sup>.*?</sup>|[*_\\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", text)
    text = text.replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def in_source(paragraph: str, source_text: str) -> bool:
    """Whether a reference paragraph comes from the source (its opening words are there)."""
    body = _key(paragraph.split(": ", 1)[1] if ": " in paragraph else paragraph)
    return len(body) >= 30 and body[:40] in source_text


def agreement(reference: dict[str, Any], imported: dict[str, Any],
              source_text: str | None = None) -> Agreement:
    """How much of `reference` the import found; with `source_text`, only the reference's
    paragraphs that come from that source count (a hand-made file may add its own)."""
    want = paragraphs(reference)
    got = paragraphs(imported)
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    missing, extra = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            missing += want[i1:i2]
        if tag in ("replace", "insert"):
            extra += got[j1:j2]
    if source_text is not None:  # what the source does not hold cannot be imported from it
        keyed = _key(source_text)
        missing = [p for p in missing if in_source(p, keyed)]
        return Agreement(matched, matched + len(missing), len(got), missing, extra)
    return Agreement(matched, len(want), len(got), missing, extra)
