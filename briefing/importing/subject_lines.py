"""Where a title block (the trích yếu under a document's type) ends, as a reader sees it.

A title runs over several lines; the lines under it are a field ("Thời gian: ……"), a fill-in
line, the authority's line in capitals or the body — told apart by their look, never by
their words alone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.importing.words import is_caps

if TYPE_CHECKING:
    from briefing.importing.head import HeadLine

#: "Thời gian:", "Địa điểm:", "Thành phần tham dự:": a short label and a colon opens a
#: fill-in or a field, never a line of a title.
_LABEL = re.compile(r"^[^\W\d][^:.;!?]{0,40}:(?:\s|$)")


def continues_subject(subject: list[HeadLine], line: HeadLine) -> bool:
    """Whether `line` goes on with the title block (the trích yếu) as a reader sees it: a
    title line ends no sentence; a line after it is no field ("Địa điểm: ……", a fill-in
    blank) and goes on in the look of the lines before it (no blank line between, capitals
    after capitals and small letters after small letters, centred after centred, bold after
    bold) — or opens as a trích yếu does ("về …")."""
    text = line.text.rstrip()
    if len(text) > 200 or text.endswith((".", ":", ";")):
        return False
    if not subject:
        return True
    last = subject[-1]
    opens = bool(_OPENS_SUBJECT.match(text))  # "về …" under "CỦA BAN CHẤP HÀNH …"
    return not (line.fill or _LABEL.match(text) or line.gap or
                (is_caps(last.text) != is_caps(text) and not opens) or
                (last.align == "center" and line.align not in (None, "center")) or
                (last.bold and not line.bold and not opens))


#: how a trích yếu opens ("về phát triển …", "V/v …"): it goes on with the title block even
#: under a line in capitals ("NGHỊ QUYẾT" / "CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN" / "về …")
_OPENS_SUBJECT = re.compile(r"^(?:về|V/v)\s", re.IGNORECASE)
