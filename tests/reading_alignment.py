"""Comparing two readings of a document: the source's and the import's.

- `words`: a paragraph's words, normalised (NFC, case folded, tone marks folded so that
  "hoà" and "hòa" compare equal, punctuation dropped), its printed marker left out — numbers
  and markers are computed by the writer, the words are the clerk's.
- `order_check`: the two word sequences must be equal; the first divergence is reported, and
  text that moved (left out here, found again elsewhere) is counted apart from text missing
  or added.
- `align` and `structure`: paragraphs matched by their words (difflib), then each matched
  pair's printed marker and role compared.
- `classify`: the role of each paragraph of our DOCX, read from what is printed (a heading
  style or a heading look, "Điều N.", a marker, a speaker label, a fill-in blank).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from tests.docx_reading import Printed
from tests.sources.model import Para

MARKER = re.compile(r"""^\s*(
    (?:Phần|Chương|Mục|Tiểu\ mục)\s+(?:[IVXLCDM]+|\d+)\b\.?
  | Điều\s+\d+[a-zđ]?\.?
  | [IVXLCDM]+\.
  | \d+(?:\.\d+)+\.?
  | \d+[.)]
  | [a-zđ]\)
  | \((?:[ivxlcdm]+|\d+|[a-zđ])\)
  | [-+•–—*]
  | Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười),(?=\s+[^\W\d])
  | (?:Phóng\ viên|PV|P\.V|Hỏi|Đáp|Trả\ lời)\s*:
  | (?:Đồng\ chí|Ông|Bà)\s+[^\W\d_][^:.!?\n]{0,40}:
  | (?:Hình|Bảng|Ảnh|Biểu\ đồ)\s+\d+(?:\.\d+)*[.:]
)(?=\s|$)""", re.VERBOSE)
TURN = re.compile(r"^(?:Phóng viên|PV|P\.V|Hỏi|Đáp|Trả lời|Đồng chí|Ông|Bà)\b")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
#: A fill-in blank: a tab to the end of the line (a leader), dots, or a run of "…"
FILL = re.compile(r"\t[\s.…]*(?:\./\.)?$|\.{4,}|…\s*…|…[^…]+…[^…]+…")
FORMULA = re.compile(r"^[A-ZĐÀ-Ỹ ]{5,}:$")
BASIS = re.compile(r"^(?:Căn cứ|Theo đề nghị|Xét đề nghị)\b")
#: Our writer's styles that name a role outright.
STYLE_ROLES = {"Question": "turn", "Answer": "turn", "Figure Caption": "caption",
               "Caption": "caption", "Byline": "byline", "Credit": "credit",
               "Standfirst": "standfirst", "Dateline": "dateline", "Intertitle": "intertitle",
               "Note Line": "credit"}


def split_marker(text: str) -> tuple[str, str]:
    """(marker, rest): "Điều 3. Phạm vi" -> ("Điều 3.", "Phạm vi")."""
    text = unicodedata.normalize("NFC", text).replace("\n", " ").strip()
    match = MARKER.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end():].strip()


def fold(word: str) -> str:
    """A word with its tone mark moved to the end: "hoà" and "hòa" fold alike."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(sorted(ch for ch in decomposed if ch in TONES))
    return "".join(ch for ch in decomposed if ch not in TONES) + tones


def words(text: str) -> list[str]:
    """The words of a paragraph after its marker, case folded."""
    rest = split_marker(text)[1]
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", rest).casefold())


def key(text: str) -> str:
    """What identifies a paragraph: its words, tone marks folded."""
    return " ".join(fold(w) for w in words(text))


def same_marker(a: str, b: str) -> bool:
    def norm(m: str) -> str:
        m = unicodedata.normalize("NFC", m).casefold().replace("–", "-").replace("—", "-")
        return re.sub(r"\s+", "", m).rstrip(":")
    return norm(a) == norm(b)


@dataclass
class OrderResult:
    ok: bool
    missing: int = 0
    extra: int = 0
    moved: int = 0
    #: words that came back with their tone mark placed the other way ("hoà" -> "hòa")
    retoned: int = 0
    divergence: str = ""


def _context(seq: Sequence[str], start: int, end: int) -> str:
    before = " ".join(seq[max(0, start - 6):start])
    inside = " ".join(seq[start:min(end, start + 12)]) + (" …" if end - start > 12 else "")
    return f"…{before} [{inside}]"


def _found_elsewhere(chunk: Sequence[str], added: str) -> int:
    """How many words of a chunk left out here were added elsewhere (`added`: the added
    stretches, " | " between them), in runs of four words or more: text that moved rather
    than vanished."""
    text = f" {added} "
    found, i = 0, 0
    while i < len(chunk):
        j = i + 4
        if j > len(chunk) or f" {' '.join(chunk[i:j])} " not in text:
            i += 1
            continue
        while j < len(chunk) and f" {' '.join(chunk[i:j + 1])} " in text:
            j += 1
        found, i = found + j - i, j
    return found


def order_check(source: Sequence[str], imported: Sequence[str]) -> OrderResult:
    """The import's words must be the source's words, in the same order (tone-mark
    placement aside: it is counted, not failed)."""
    folded_source, folded_import = [fold(w) for w in source], [fold(w) for w in imported]
    if folded_source == folded_import:
        return OrderResult(True, retoned=sum(a != b for a, b in zip(source, imported,
                                                                    strict=True)))
    matcher = difflib.SequenceMatcher(None, folded_source, folded_import, autojunk=False)
    codes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    added = " | ".join(" ".join(folded_import[j1:j2]) for op, _, _, j1, j2 in codes
                       if op != "delete")
    result = OrderResult(False)
    for op, i1, i2, j1, j2 in codes:
        result.missing += i2 - i1
        result.extra += j2 - j1
        if op != "insert":
            result.moved += _found_elsewhere(folded_source[i1:i2], added)
    op, i1, i2, j1, j2 = codes[0]
    what = {"delete": "left out", "insert": "added", "replace": "changed"}[op]
    result.divergence = (f"word {i1}: {what}; source {_context(source, i1, i2)} / import "
                         f"{_context(imported, j1, j2)}")
    return result


def align(expected: Sequence[str], got: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (expected index, got index) of the same paragraph: equal keys first, then,
    inside a changed stretch, paragraphs whose words are at least 80 % alike."""
    pairs: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        elif op == "replace":
            j = j1
            for i in range(i1, i2):
                for candidate in range(j, j2):
                    ratio = difflib.SequenceMatcher(None, expected[i].split(),
                                                    got[candidate].split()).ratio()
                    if ratio >= 0.8:
                        pairs.append((i, candidate))
                        j = candidate + 1
                        break
    return pairs


@dataclass
class StructureResult:
    expected: int
    matched: int
    marker_ok: int
    role_ok: int
    both_ok: int
    mismatches: list[str]

    @property
    def score(self) -> float:
        return self.both_ok / self.expected if self.expected else 1.0


def structure(expected: Sequence[Para], got: Sequence[tuple[str, str, str]]) -> StructureResult:
    """`got`: (role, marker, text) per paragraph of the import, in order."""
    keys_e = [key(p.printed) for p in expected]
    keys_g = [key(text) for _, _, text in got]
    result = StructureResult(len(expected), 0, 0, 0, 0, [])
    for i, j in align(keys_e, keys_g):
        role, marker, text = got[j]
        result.matched += 1
        marker_ok = same_marker(expected[i].marker, marker)
        role_ok = expected[i].role == role
        result.marker_ok += marker_ok
        result.role_ok += role_ok
        result.both_ok += marker_ok and role_ok
        if not (marker_ok and role_ok):
            result.mismatches.append(
                f"{expected[i].role} {expected[i].marker!r} printed as {role} {marker!r}: "
                f"{text[:50]!r}")
    return result


def join_labels(paragraphs: list[Printed]) -> list[Printed]:
    """"Chương I" followed by its title is one heading (printed on one line or two)."""
    out: list[Printed] = []
    for p in paragraphs:
        if out and re.fullmatch(r"\s*(?:Phần|Chương|Mục|Tiểu mục)\s+\S+\s*", out[-1].text) \
                and not p.in_table:
            out[-1] = Printed(f"{out[-1].text.strip()} {p.text.strip()}", out[-1].style,
                              out[-1].heading, out[-1].bold, out[-1].in_table)
        else:
            out.append(p)
    return out


def classify(paragraphs: Sequence[Printed]) -> list[tuple[str, str, str]]:
    """(role, marker, text) of each printed paragraph, from what a reader sees."""
    out = []
    in_article = False
    for p in paragraphs:
        marker = split_marker(p.text)[0]
        role = _role(p, marker, in_article)
        if role in ("article", "heading"):
            in_article = role == "article"
        out.append((role, marker, p.text))
    return out


def _role(p: Printed, marker: str, in_article: bool) -> str:
    if p.in_table:
        return "cell"
    if p.style in STYLE_ROLES:
        return STYLE_ROLES[p.style]
    if marker.startswith("Điều"):
        return "article"
    if marker.startswith(("Phần", "Chương", "Mục", "Tiểu")):
        return "heading"
    if TURN.match(marker):
        return "turn"
    if BASIS.match(p.text.strip()):
        return "basis"
    if FORMULA.match(p.text.strip()):
        return "formula"
    if FILL.search(p.text):
        return "fill"
    if in_article and re.fullmatch(r"\d+[.)]|[a-zđ]\)", marker):
        return "clause" if marker[0].isdigit() else "point"  # bold or not, inside a Điều
    looks_heading = p.heading or (p.bold and len(p.text) < 160 and
                                  not p.text.rstrip().endswith((".", ":", ";")))
    if looks_heading:
        return "heading"
    if re.fullmatch(r"[a-zđ]\)", marker):
        return "point"
    if marker in ("-", "+", "•", "–", "*") or marker.startswith(("(", "Thứ")):
        return "item"
    if re.fullmatch(r"\d+[.)]", marker):
        return "clause" if in_article else "numbered"
    if marker:
        return "numbered"
    return "paragraph"
