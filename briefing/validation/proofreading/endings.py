"""A running-text paragraph that stops without final punctuation.

Vietnamese running text ends each paragraph with ".", or "…", "?", "!"; list items may end with
";" or "," (the list goes on) and a lead with ":". Closing quotes and brackets, footnote calls
and emphasis markers after the mark are looked through: “… mới.” and "… năm 2023.[^wto]" end
well, "… trong tình hình mới”" does not. A form's line that ends in a fill-in blank
("Chức vụ: {fill}") ends where the clerk's writing will. There is no certain fix (".", ":"
before a list, ";" in a list): the position is given, the writer chooses.
"""

from __future__ import annotations

import re

from briefing.text.inline_markdown import BLANK, FOOTNOTE_CALL

FINAL = frozenset(".…!?;:,")
_CLOSING = "”’»)]\"'"
_ENDS_WITH_BLANK = re.compile(f"(?:{BLANK.pattern})\\Z")
_TRAILING = re.compile(r"(?:\s|[*_]|" + FOOTNOTE_CALL.pattern + ")+\\Z")


def missing_final_punctuation(value: str) -> int | None:
    """The index just after the last character if the text has no final punctuation."""
    text = _TRAILING.sub("", value[-500:])  # the end is all that matters
    if not text:
        return None
    end = len(text)
    body = text.rstrip(_CLOSING)
    if body and (body[-1] in FINAL or _ENDS_WITH_BLANK.search(body)):
        return None
    if not body and text:
        return None
    return end
