"""Text hygiene on the way in, with the rules of `build.py check --fix` (they are not
rewritten here): look-alike letters, invisible and control characters, non-breaking, doubled
and stray spaces, straight quotes. Each fix is reported with the source paragraph.
"""

from __future__ import annotations

import unicodedata

from briefing.importers.guesses import Notebook
from briefing.validation.text import issues_of

#: Issues the structure takes care of itself (typed numbers become structure).
_LEFT_TO_STRUCTURE = {"numbering"}
PASSES = 4


def clean(text: str, role: str, where: str, notes: Notebook) -> str:
    """`text` (inline Markdown) with every safe fix applied; NFC first."""
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        notes.fix("Unicode normalised to NFC (decomposed accents composed)", where, normal)
    text = normal
    for _ in range(PASSES):
        issues = [i for i in issues_of(text, role)
                  if i.replacement is not None and i.code not in _LEFT_TO_STRUCTURE]
        if not issues:
            break
        kept = []
        for issue in sorted(issues, key=lambda i: (i.start, i.end)):
            if not kept or issue.start >= kept[-1].end:
                kept.append(issue)
        for issue in reversed(kept):
            old = text[issue.start:issue.end]
            notes.fix(f"{issue.message} ({_shown(old)} -> {_shown(issue.replacement or '')})",
                      where, text)
            text = text[:issue.start] + (issue.replacement or "") + text[issue.end:]
    return text


def _shown(text: str) -> str:
    from briefing.validation.findings import shown

    return shown(text)
