"""Which layout a Word file follows, from what it shows.

The national title (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM) is the state's, "ĐẢNG CỘNG SẢN VIỆT NAM"
the Party's, and so is a booklet cover ("TÀI LIỆU THÔNG TIN NỘI BỘ", the briefing forms of HD 36);
without any of them, the shape of the document number it gives — its own ("Số: 12/QĐ-UBND"
state, "Số 12-HD/BTGTU" Party) or, in an appendix head, the one it is attached to ("(Kèm theo
Nghị định số 30/2020/NĐ-CP …)"). A file that shows none of these is said to be so, once.
"""

from __future__ import annotations

import re

from briefing.importing.cited_numbers import cited_profile, number_profile
from briefing.importing.head import HeadLine, is_caps, kind_of
from briefing.importing.words import upper

#: a line that gives a document number: "12/QĐ-UBND", "30/2020/NĐ-CP", "05/BNV-VP", a blank
#: number "   /QĐ-UBND" (state); "12-HD/BTGTU", "-CTr/BTGTU" (Party) — never a form field
#: such as "Số định danh cá nhân/CCCD/Hộ chiếu:". Which layout the number is in, the
#: profiles' own patterns say (`number_profile`)
_STATE_NUMBER = r"[\d.…_\s]*/\s*(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ0-9]*(?:\s*-\s*[A-ZĐ][A-Za-zĐđ0-9]*)+"
_PARTY_NUMBER = r"[\d.…_\s]*-\s*[A-ZĐ][A-Za-zĐđ]*\s*/\s*[A-ZĐ][A-ZĐa-zđ0-9/-]*"
NUMBER_LINE = re.compile(rf"^Số\s*(?P<colon>:?)\s*(?P<number>{_STATE_NUMBER}|{_PARTY_NUMBER})"
                         r"\s*[.,;]?\s*$")
_ATTACHED = re.compile(r"^\(\s*(?:ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
_TITLES = {"state-title": "state", "party-title": "party"}
_NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_MOTTO = re.compile(r"^ĐỘC LẬP\s*[-–—]\s*TỰ DO\s*[-–—]\s*HẠNH PHÚC$")


def title_of(text: str) -> str | None:
    """"state" for the national title or the motto, "party" for "ĐẢNG CỘNG SẢN VIỆT NAM",
    however spaced, dashed or toned ("HOÀ"); None for any other line."""
    found = _TITLES.get(kind_of(text))
    if found is not None:
        return found
    line = upper(text).strip(" .:*")
    if (line.startswith(_NATIONAL) and is_caps(text)) or _MOTTO.match(line):
        return "state"
    return "party" if line == "ĐẢNG CỘNG SẢN VIỆT NAM" else None


def profile_signs(lines: list[HeadLine]) -> str | None:
    """"state", "party" or None, from the head of a file (its first lines)."""
    for line in lines:
        found = title_of(line.text)
        if found is not None:
            return found
    if any(line.role == "masthead-rule" for line in lines):  # our own state masthead
        return "state"
    if any(line.role == "cover-title" or kind_of(line.text) == "booklet-title"
           for line in lines):  # "TÀI LIỆU THÔNG TIN NỘI BỘ": the Party's briefing forms
        return "party"
    return next((found for line in lines if (found := _number_sign(line.text))), None)


def _number_sign(text: str) -> str | None:
    """The layout of the number a head line gives: its own ("Số: 12/QĐ-UBND"), or in an
    appendix head the one of the text it is attached to ("(Kèm theo Nghị định số …")."""
    match = NUMBER_LINE.match(text)
    if match is not None:
        return number_profile(match.group("number"))
    cited = cited_profile(text) if _ATTACHED.match(text) else None
    return cited[0] if cited else None
