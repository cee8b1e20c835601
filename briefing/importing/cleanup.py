"""Text hygiene on the way in, with the rules of `build.py check --fix` (they are not
rewritten here): look-alike letters, invisible and control characters, non-breaking, doubled
and stray spaces, straight quotes. Each fix is reported with the source paragraph.
"""

from __future__ import annotations

import unicodedata

from briefing.importing.guesses import Notebook
from briefing.messages import Message, msg
from briefing.readers.source import Where
from briefing.validation.string_issues import issues_of

#: Issues the structure takes care of itself (typed numbers become structure).
_LEFT_TO_STRUCTURE = {"numbering"}
PASSES = 4


def clean(text: str, role: str, where: Where, notes: Notebook) -> str:
    """`text` (inline Markdown) with every safe fix applied; NFC first."""
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        notes.fix(msg("import-nfc", "Unicode normalised to NFC (decomposed accents composed)"),
                  where, normal)
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
            notes.fix(fixed(issue.message, _shown(old), _shown(issue.replacement or "")), where,
                      text)
            text = text[:issue.start] + (issue.replacement or "") + text[issue.end:]
    return _context_quotes(text, where, notes)


def fixed(message: Message, old: str, new: str) -> Message:
    """A fix `check --fix` would make, made on the way in: "what (old -> new)"."""
    return msg("import-fix", "{message} ({old} -> {new})", message=message, old=old, new=new)


def _context_quotes(text: str, where: Where, notes: Notebook) -> str:
    """Straight double quotes the check leaves (nested, so not in simple pairs) become “ or ”
    by what surrounds each: after a space or an opening bracket it opens, else it closes."""
    if '"' not in text:
        return text
    out = []
    for index, char in enumerate(text):
        if char != '"':
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if (before.isspace() or before in "([{“*_") and not after.isspace():
            out.append("“")
        elif not before.isspace():
            out.append("”")
        else:
            return text  # a quote between two spaces: leave it to the clerk
    fixed = "".join(out)
    notes.fix(msg("import-quotes", 'straight quotes " in running text made “ ” by their place'),
              where, text)
    return fixed


def _shown(text: str) -> str:
    from briefing.validation.findings import shown

    return shown(text)
