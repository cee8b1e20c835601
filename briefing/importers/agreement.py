"""How far imported content agrees with a hand-made content file, paragraph by paragraph.

Both documents are flattened into the paragraphs a reader sees, in order — headings (with
their depth), paragraphs, list items, footnotes — as plain text (emphasis and footnote ids
set aside), and aligned with difflib. The share is the part of the reference's paragraphs
found, identical and in order, in the import; `precision` the part of the import's
paragraphs found in the reference.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from briefing.text.inline import FOOTNOTE_CALL, plain_text


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

    def line(self, name: str) -> str:
        return (f"{name}: {self.matched}/{self.reference} paragraphs of the hand-made file "
                f"found ({self.share:.1%}); {self.imported - self.matched} of "
                f"{self.imported} imported paragraphs not in it")


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
                        else:
                            body(entry, depth)
                else:
                    for key, value in item.items():
                        if isinstance(value, str) and key not in ("id", "kind", "style"):
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


def agreement(reference: dict[str, Any], imported: dict[str, Any]) -> Agreement:
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
    return Agreement(matched, len(want), len(got), missing, extra)
