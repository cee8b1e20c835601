"""Articles and interviews by their shape: question and answer turns with speaker labels, the
dateline and standfirst under a headline, the byline and credit after the end mark.

Speaker labels: "Phóng viên:", "PV:", "P.V:", "Hỏi:" ask; "Đáp:", "Trả lời:" answer; any other
short label that names a person ("Đồng chí Nguyễn Văn A:", "Ông B:", a capitalised name) answers
when it recurs, or when someone asks in the same text. Plain or bold (`**PV:**`, `**PV**:`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from briefing.importing.line_reading import Para
from briefing.text.inline_markdown import plain_text

_LABEL = re.compile(r"^\s*(?:\*\*)?(?P<label>[^\W\d_][^:*\n]{0,60}?)\s*(?:\*\*)?\s*:\s*(?:\*\*)?"
                    r"\s*(?P<text>\S.*)$", re.DOTALL)
ASKING = re.compile(r"^(?:phóng\s+viên|pv|p\.v|hỏi|nhà\s+báo)$", re.IGNORECASE)
ANSWERING = re.compile(r"^(?:đáp|trả\s+lời)$", re.IGNORECASE)
_PERSON = re.compile(r"^(?:Đồng\s+chí|Ông|Bà|Anh|Chị|Thiếu\s+tướng|Đại\s+tá|Thượng\s+tá|PGS|TS|GS)"
                     r"\b|^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,5}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*$")
END_MARK = re.compile(r"\./\.\s*\**\s*$")
_CREDIT = re.compile(r"^\s*(?:Theo\s+\S|Nguồn\s*:|\(Theo\s)", re.IGNORECASE)
#: A web page's date line: "Thứ Ba, 25 tháng 8 năm 2025", "Chủ Nhật, 5/1/2025 08:30".
WEB_DATE = re.compile(r"^\s*(?:Thứ\s+\w+|Chủ\s+nhật)\s*,?\s*(?:ngày\s*)?\d{1,2}"
                      r"(?:\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4}|\s+tháng\s+\d{1,2}\s*,?\s*"
                      r"(?:năm\s+)?\d{4})", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?…;]\s*\**\s*$")


def _label(text: str) -> tuple[str, str] | None:
    match = _LABEL.match(text)
    if not match:
        return None
    label = " ".join(plain_text(match.group("label")).split())
    if len(label.split()) > 7:
        return None
    return label, match.group("text").strip()


def speaker_labels(paras: list[Any]) -> dict[str, str]:
    """The labels of this text that open turns, each with its role ("question" or
    "answer"): the asking labels, the answering ones, and a person's label that recurs or
    answers someone who asks. None where nobody asks and no label recurs."""
    found = Counter(label for p in paras if isinstance(p, Para) and p.marker is None
                    and (label := (_label(p.text) or ("", ""))[0]))
    asking = {label for label in found if ASKING.match(label)}
    labels = {label: "question" for label in asking}
    for label, count in found.items():
        person = bool(_PERSON.match(label)) and (count >= 2 or bool(asking))
        if label not in labels and (ANSWERING.match(label) or person):
            labels[label] = "answer"
    if not asking and not any(found[label] >= 2 for label in labels):
        return {}
    return labels


def turn_of(para: Para, labels: dict[str, str]) -> tuple[str, str, str] | None:
    """(role, speaker, text) of a paragraph that opens a turn."""
    if not labels or para.marker is not None:
        return None
    found = _label(para.text)
    if found is None or found[0] not in labels:
        return None
    return labels[found[0]], found[0], found[1]


def is_person(text: str) -> bool:
    """A line that names a person ("Đồng chí Nguyễn Văn A", "Lý Thị Mai"): a byline or a
    speaker, never an intertitle."""
    return bool(_PERSON.match(text.strip())) and len(text.split()) <= 6


def after_end(text: str) -> str | None:
    """What a short line after the end mark is: "credit" ("Theo Báo Nhân Dân", "Nguồn: …"),
    "byline" (a name, or a short line without a sentence's end), or None."""
    plain = plain_text(text).strip()
    if _CREDIT.match(plain):
        return "credit"
    if len(plain) <= 80 and not _SENTENCE.search(plain):
        return "byline"
    return None


def ends_text(text: str) -> bool:
    """The end mark "./." closes the text: what follows is byline and credit."""
    return bool(END_MARK.search(plain_text(text)))


#: A picture's caption as typed in text: "Ảnh: …", "Ảnh 2. …", "(Ảnh minh họa)", "Hình ảnh
#: tư liệu", or words that end with the photographer's credit ("… (Ảnh: Minh Anh)", "… Ảnh:
#: TTXVN", "… - Ảnh: Q.H").
_CAPTION_LINE = re.compile(
    r"^\(?\s*(?:Ảnh|Hình(?:\s+ảnh)?|Biểu\s+đồ|Sơ\s+đồ|Video|Clip)"
    r"(?:\s+(?:minh\s+h(?:ọa|oạ)|tư\s+liệu))?(?:\s*\d{1,3})?\s*(?:[:.)]|$)"
    r"|(?:\(|[.,–-]\s*)(?:Ảnh|Nguồn|Video)\s*:\s*[^():]{1,60}\)?\s*$", re.IGNORECASE)
#: A line under a table that says where its figures come from, or notes on it.
TABLE_NOTE = re.compile(r"^\s*\(?\s*(?:Nguồn(?:\s+số\s+liệu)?|Ghi\s+chú)\s*:", re.IGNORECASE)


def is_caption(text: str) -> bool:
    """A caption or a photo credit by its words, never a heading: "Ảnh: …", "(Ảnh minh
    họa)", "… (Ảnh: Minh Anh)"."""
    plain = plain_text(text).strip()
    return len(plain) <= 200 and bool(_CAPTION_LINE.search(plain))
