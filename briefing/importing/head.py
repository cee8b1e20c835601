"""The head of a document -> `meta`: mastheads, title block, booklet cover (the closing is
read by `closing`, with the line helpers of this module).

Our own DOCX names every line by its style ("Masthead Issuer", "Recipients", …) and is read
back exactly. Anything else is read from the words: the Party or national title lines, "*",
"Số …", "<place>, ngày … tháng … năm …", a document type in capitals followed by its trích
yếu, a booklet title, an issue line, circulation marks. Two masthead columns typed on one line
(a tab or a run of spaces between them) are split first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing.importing.guesses import Notebook, guess_comment
from briefing.importing.legal_lines import legal_label
from briefing.importing.markdown_text import whole_emphasis
from briefing.importing.subject_lines import continues_subject
from briefing.importing.words import is_caps, upper, words
from briefing.messages import msg
from briefing.numbering import markers
from briefing.readers.source import Block, Line, Table, Where
from briefing.text.inline_markdown import plain_text

_COLUMNS = re.compile(r"\t+|\s{3,}")
_NUMBER = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<value>.*)$", re.IGNORECASE)
_DAY = r"(?P<d>\d{1,2}|[\s.…_]*)"
_MONTH = r"(?P<m>\d{1,2}|[\s.…_]*)"
PLACE_DATE = re.compile(rf"^(?P<place>[^,]{{2,60}}),\s*ngày\s*{_DAY}\s*tháng\s*{_MONTH}\s*"
                         r"năm\s*(?P<y>\d{4})\s*\.?$", re.IGNORECASE)
_PLACE_MONTH = re.compile(r"^(?P<place>[^,]{2,60}),\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})$",
                          re.IGNORECASE)
_ISSUE = re.compile(r"^Số\s*\d{1,3}\s*[-–—,/]\s*(?:Tháng|Năm|Quý|Kỳ)\b.*|^Số\s*\d{1,3}/\d{4}$",
                    re.IGNORECASE)
_RULE = re.compile(r"^[-_=–—.*\s]{3,}$")
#: A number-and-symbol whose "Số" was lost (scanned text): "- CT/Tr/BTGTU", "15/KH-STTTT".
_SYMBOL = re.compile(r"^[-–\s]*\d{0,4}\s*[-/]?\s*[A-ZĐ][A-Za-zĐđ]*(?:\s*[/-]\s*[A-ZĐa-zđ0-9]+)*"
                     r"\s*/\s*[A-ZĐ][A-ZĐ0-9-]+$")
_ADDRESSEES = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_VV = re.compile(r"^V/v\.?\s+(?P<rest>\S.*)$", re.IGNORECASE)


@dataclass
class HeadLine:
    text: str  # plain text (no Markdown)
    where: Where
    role: str | None = None
    column: int = 0
    bold: bool = False
    gap: bool = False  # a blank line before it in the source
    align: str | None = None  # the paragraph's alignment, when the format says
    fill: bool = False  # it holds a fill-in blank ({fill}, {blank})


def head_lines(block: Block) -> list[HeadLine]:
    """The lines of a head or closing block: Markdown dropped, line breaks and columns split."""
    if isinstance(block, Table):
        out: list[HeadLine] = []
        columns: dict[int, list[HeadLine]] = {}
        for row in block.rows:
            for index, cell in enumerate(row):
                for line in cell.lines:
                    for part in head_lines(line):
                        part.column = index
                        columns.setdefault(index, []).append(part)
        for index in sorted(columns):
            out += columns[index]
        return out
    if not isinstance(block, Line):
        return []
    out = []
    text, bold, _ = whole_emphasis(block.text)
    fill = "{fill}" in block.text or "{blank}" in block.text
    pieces = text.replace("\\\n", "\n").split("\n")
    if block.role in ONE_LINE_ROLES:  # a display line broken for balance is one line
        pieces = [" ".join(piece.strip() for piece in pieces)]
    for raw in (plain_text(piece) for piece in pieces):
        parts = [p.strip() for p in _COLUMNS.split(raw) if p.strip()]
        if block.role is not None:
            parts = [" ".join(raw.split())] if raw.strip() else []
        for index, part in enumerate(parts):
            out.append(HeadLine(part, block.where, block.role, index, bold or block.bold,
                                gap=block.gap_before and not out, align=block.align,
                                fill=fill))
    if block.label and out:
        out[0].text = block.label + " " + out[0].text
    return out


#: Styled head paragraphs whose line breaks only balance the lines (the writer computes them).
ONE_LINE_ROLES = frozenset({"subject", "cover-subject", "document-type", "cover-title"})


def kind_of(text: str) -> str:
    """What a head line is, from its words alone."""
    wd = words()
    up = upper(text)
    if up in (upper(t) for t in wd["title_lines"]["party"]):
        return "party-title"
    if up in (upper(t) for t in wd["title_lines"]["state"]):
        return "state-title"
    if text.strip() == "*":
        return "star"
    if _RULE.match(text):
        return "rule"
    if up in (upper(t) for t in wd["booklet_titles"]):
        return "booklet-title"
    if up in (upper(m) for m in wd["marks"]):
        return "mark"
    if _ISSUE.match(text):
        return "issue"
    if _NUMBER.match(text) and ("/" in text or "-" in text):
        return "number"
    if _SYMBOL.match(text):
        return "symbol"
    if PLACE_DATE.match(text):
        return "place-date"
    if _PLACE_MONTH.match(text):
        return "place-month"
    if document_type(text):
        return "doc-type"
    if is_caps(text):
        return "caps"
    return "other"


def document_type(text: str) -> str | None:
    """The document type a capitalised line starts with ("CHƯƠNG TRÌNH PHỐI HỢP …")."""
    if not is_caps(text):
        return None
    up = upper(text)
    for name in sorted(words()["types"], key=len, reverse=True):
        if up == name or up.startswith(name + " "):
            return name
    return None


@dataclass
class MetaDraft:
    """The meta fields found so far, with the guesses to write as comments beside them."""

    values: dict[str, Any] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)

    def set(self, key: str, value: Any, comment: str | None = None) -> None:
        self.values[key] = value
        if comment:
            self.comments.setdefault(key, []).append(comment)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


class HeadReader:
    """Reads the head (masthead or cover and the title block) into a `MetaDraft`."""

    def __init__(self, meta: MetaDraft, notes: Notebook):
        self.meta = meta
        self.notes = notes
        self.caps: list[HeadLine] = []
        self.subject: list[HeadLine] = []
        self.after: str | None = None  # "type" | "title": the next lines are the subject
        self.seen = False  # a line without a role was looked at

    def take(self, line: HeadLine) -> bool:
        """Use `line` if it belongs to the head; False when the body has begun."""
        if line.role:
            return self._role(line)
        if self._letter_lines(line):
            return True
        if markers.parse(line.text) is not None and not _SYMBOL.match(line.text):
            return False
        if legal_label(line.text) is not None:
            return False  # "Chương I", "Điều 1. …": the body has begun
        kind = kind_of(line.text)
        first = not self.seen and not self.meta.values
        self.seen = True
        if first and kind == "other" and _title_line(line.text):
            self.meta.set("subject", line.text)
            self.notes.guess(msg("import-first-line", "the first line is read as the title "
                                                      "(meta.subject)"), line.where, line.text)
            self.meta.comments.setdefault("subject", []).append(guess_comment(msg(
                "import-first-line-comment", "the first line of the source")))
            return True
        if self._furniture(kind, line):
            return True
        if kind == "doc-type" and self.after is None:
            self._type(line)
        elif self.after is not None and kind in ("caps", "other", "doc-type") and \
                continues_subject(self.subject, line):
            self.subject.append(line)
        elif kind == "caps" and self.after is None and len(line.text) <= 120:
            self.caps.append(line)
        else:
            return False
        return True

    def _letter_lines(self, line: HeadLine) -> bool:
        """A công văn's "V/v …" (its trích yếu, under the number) and "Kính gửi:" with its
        addressees (on the same line, or one per line "- …;")."""
        text = line.text.strip()
        if self.after == "addressees":
            item = re.sub(r"^[-–•+]\s*", "", text).strip()  # its ';' or '.' as typed
            if text[:1] in "-–•+" or (len(text) <= 120 and text.endswith((";", "."))
                                      and not line.gap):
                self.meta.values.setdefault("addressees", []).append(item)
                return True
            self.after = None
            return False
        found = _ADDRESSEES.match(text)
        if found:
            rest = found.group("rest").strip()
            if rest:
                self.meta.set("addressees", [r.strip() for r in re.split(r";\s*", rest)
                                             if r.strip()])
            self.after = "addressees"
            return True
        found = _VV.match(text)
        if found and "number" in self.meta.values:
            # the trích yếu, which may wrap to the lines under it, as a title does
            self.subject.append(HeadLine(found.group("rest").strip(), line.where))
            self.after = "title"
            self.meta.values.setdefault("type", "cong-van")
            self.meta.values.setdefault("form", "official")
            return True
        return False

    def _furniture(self, kind: str, line: HeadLine) -> bool:
        """The masthead's and cover's lines known by their words: titles, "*", rules, marks,
        issue, number, place and date."""
        meta = self.meta
        if kind in ("party-title", "state-title"):
            meta.set("profile", kind.split("-")[0])
        elif kind == "star":
            meta.values.setdefault("profile", "party")
            self._issuer()
        elif kind == "rule":
            pass
        elif kind == "booklet-title":
            meta.set("form", "booklet")
            meta.set("title", upper(line.text))
            self.after = "title"
        elif kind == "mark":
            meta.set("circulation", upper(line.text))
        elif kind == "issue":
            meta.set("issue", line.text)
        elif kind == "number":
            self._number(line)
        elif kind == "symbol" and "number" not in meta.values:
            self._issuer()
            value = re.sub(r"\s+", "", line.text).lstrip("-–")
            meta.set("number", "-" + value if not value[:1].isdigit() else value)
            meta.values["number-where"] = line.where
            self.notes.guess(msg("import-symbol", "read as the number and symbol (its 'Số' is "
                                                  "missing)"), line.where, line.text)
        elif kind == "place-date":
            if headline_only(self.meta):
                return False  # under a headline: the article's dateline, in the body
            self._place_date(line)
        elif kind == "place-month":
            self._place_month(line)
        else:
            return False
        return True

    def _type(self, line: HeadLine) -> None:
        """The type line ("NGHỊ ĐỊNH", "KẾ HOẠCH TUYÊN TRUYỀN …"): the lines after it are the
        trích yếu — a capitalised line after the type too ("QUY ĐỊNH QUẢN LÝ …" under
        "NGHỊ ĐỊNH" is a title, not a second type)."""
        self._issuer()
        name = document_type(line.text) or ""
        self.meta.set("type", name)
        self.meta.values.setdefault("form", "official")
        rest = line.text[len(name):].strip() if upper(line.text) != name else ""
        if rest:
            self.subject.append(HeadLine(rest, line.where))
        self.after = "type"

    def _role(self, line: HeadLine) -> bool:
        meta, text, role = self.meta, line.text, line.role
        if role == "masthead-superior":
            meta.values.setdefault("issuer", {})["superior"] = text
        elif role == "masthead-issuer":
            meta.values.setdefault("issuer", {})["name"] = text
        elif role == "masthead-star":
            meta.values.setdefault("profile", "party")
        elif role == "masthead-rule":
            meta.values.setdefault("profile", "state")
        elif role == "masthead-number":
            self._number(line)
        elif role == "party-name":
            kind = kind_of(text)
            meta.set("profile", "state" if kind == "state-title" else "party")
        elif role == "place-date":
            self._place_date(line)
        elif role == "cover-foot":
            self._place_month(line)
        elif role == "cover-title":
            meta.set("form", "booklet")
            meta.set("title", text)
        elif role in ("cover-subject",):
            meta.set("subject", text)
        elif role == "cover-issue":
            meta.set("issue", text)
        elif role == "cover-meeting":
            meta.set("meeting", text)
        elif role == "mark":
            meta.set("circulation", text)
        elif role == "document-type":
            if meta.get("form") == "booklet":
                return True  # the title block repeats the cover title
            meta.set("form", "official")
            meta.set("type", text)
        elif role == "subject":
            if meta.get("form") != "booklet" or not meta.get("subject"):
                meta.set("subject", text)
        elif role in ("masthead", "rule"):
            pass
        else:
            return False
        return True

    def _issuer(self) -> None:
        if not self.caps or "issuer" in self.meta.values:
            return
        lines = [c for c in self.caps if c.column == 0] or self.caps
        issuer = {"name": lines[-1].text}
        if len(lines) >= 2:
            issuer["superior"] = " ".join(c.text for c in lines[:-1])
        self.meta.set("issuer", issuer)
        self.caps = []

    def _number(self, line: HeadLine) -> None:
        match = _NUMBER.match(line.text)
        if not match:
            return
        self._issuer()
        value = re.sub(r"\s+", "", match.group("value")).lstrip(".…_")
        self.meta.set("number", value)
        self.meta.values["number-colon"] = bool(match.group("colon"))
        self.meta.values["number-where"] = line.where

    def _place_date(self, line: HeadLine) -> None:
        match = PLACE_DATE.match(line.text)
        if not match:
            return
        self._issuer()
        self.meta.set("place", match.group("place").strip())
        year = int(match.group("y"))
        month = match.group("m").strip(" ._…")
        day = match.group("d").strip(" ._…")
        date = f"{year:04d}"
        if month.isdigit():
            date += f"-{int(month):02d}"
            if day.isdigit():
                date += f"-{int(day):02d}"
        self.meta.set("date", date)

    def _place_month(self, line: HeadLine) -> None:
        match = _PLACE_MONTH.match(line.text)
        if not match:
            return
        self.meta.set("place", match.group("place").strip())
        if "date" not in self.meta.values:
            self.meta.set("date", f"{int(match.group('y')):04d}-{int(match.group('m')):02d}")

    def finish(self) -> None:
        if self.caps and "issuer" not in self.meta.values:
            self._caps_alone()
        if self.subject:
            text = " ".join(s.text for s in self.subject)
            where = self.subject[0].where
            if self.meta.get("type") and is_caps(text):
                self.notes.guess(msg("import-caps-subject", "the trích yếu is typed in capitals; "
                                                            "kept as written"), where, text)
                self.meta.set("subject", text, guess_comment(msg(
                    "import-caps-subject-comment", "typed in capitals in the source")))
            else:
                self.meta.set("subject", text)

    def _caps_alone(self) -> None:
        """Lines in capitals with nothing of a masthead around them (no Party or national
        title, "*", number or date): a masthead's issuer only where a masthead stands, else a
        headline — the title, never the issuer."""
        values = self.meta.values
        if any(key in values for key in ("profile", "number", "date", "place")) or \
                any(c.column for c in self.caps):
            self._issuer()
            return
        text = " ".join(c.text for c in self.caps)
        key = "subject" if not values.get("subject") and not self.subject else "title"
        self.notes.guess(msg("import-headline", "a headline in capitals with no masthead "
                                                "around it: read as the title (meta.{key})",
                             key=key), self.caps[0].where, text)
        self.meta.set(key, text, guess_comment(msg("import-headline-comment",
                                                   "a headline in capitals in the source")))


def headline_only(meta: MetaDraft) -> bool:
    """The head so far is a headline alone (an article, an interview): no masthead, no type."""
    return bool(meta.values) and set(meta.values) <= {"subject", "title"}


def _title_line(text: str) -> bool:
    """A title of an article: one short line that does not end a sentence."""
    return 8 <= len(text) <= 200 and not text.rstrip().endswith((".", ";", ",", ":")) and \
        len(re.findall(r"[.!?]\s", text)) == 0


def starts_document(block: Block) -> bool:
    """Whether `block` opens a new document (a masthead or a booklet title)."""
    lines = head_lines(block)
    if not lines:
        return False
    if any(line.role in ("masthead-issuer", "cover-title", "party-name") for line in lines):
        return True
    return kind_of(lines[0].text) in ("booklet-title", "party-title", "state-title")
