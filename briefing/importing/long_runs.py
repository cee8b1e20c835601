"""Runs of characters wider than a line, in imported text: made printable, never refused.

`check` refuses a run without a break wider than the text block (it would run off the PDF's
page). Sources hold such runs as a matter of course: a line drawn with "+=====+" or "-----"
(a text table's border, a separator), a pasted link, a long file name. An import makes them
printable where `check` points at them: a run with no letter or digit is a drawn line and is
left out (nothing a reader reads is lost: the order check counts words); any other run is
given spaces after its separators ("/", "-", "_", ".", "?", "&", "=") — or, without one, every
`_PIECE` characters — so no piece is wider than a line. The import says so at its place.
"""

from __future__ import annotations

import re

#: a run of characters long enough to overflow a line of the narrowest text block
_LONG = re.compile(r"\S{40,}")
#: a letter or a digit: a run without one is a drawn line
_READ = re.compile(r"[^\W_]")
#: characters after which a long run may break
_SEPARATORS = frozenset("/-_.?&=,;:|")
#: the longest piece left without a break (no glyph is wider than 5.5 mm at 14 pt)
_PIECE = 28


def breakable(text: str) -> str:
    """`text` with its long runs made printable (see the module's docstring)."""
    out = _LONG.sub(lambda run: _broken(run.group()) if _READ.search(run.group()) else "", text)
    return text if out == text else re.sub(r"[ \t]{2,}", " ", out).strip()


def _broken(run: str) -> str:
    """`run` with a space after a separator before each `_PIECE` characters, never inside a
    footnote call `[^…]`, a blank `{…}` or an escape `\\_`."""
    pieces: list[str] = []
    start = last_break = depth = 0
    escaped = False
    for index, char in enumerate(run):
        if char == "\\" and not escaped:
            escaped = True  # never cut between a backslash and the character it escapes
            continue
        if not escaped:
            depth += char in "[{"
            depth -= char in "]}" and depth > 0
        escaped = False
        if depth:
            continue
        if char in _SEPARATORS:
            last_break = index + 1
        if index + 1 - start >= _PIECE:
            cut = last_break if last_break > start else index + 1
            pieces.append(run[start:cut])
            start = last_break = cut
    pieces.append(run[start:])
    return " ".join(piece for piece in pieces if piece)
