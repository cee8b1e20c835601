"""Legal structure read from what a reader sees: Phần / Chương / Mục / Tiểu mục labels, "Điều
N." articles, khoản "1." restarting in each article, điểm "a)" … "đ)" … in each khoản.

A body that has articles ("Điều 1." at the start of a paragraph, bold or not: the decree
types its numbers by hand) is built as legal items (`content/legal.py`); every number is
computed again, so a typed number that does not follow is a guess at its place. A heading
label stands alone ("Chương I") with its title on the next line, or on the same line after a
break. The Căn cứ lines and the enactment line ("QUYẾT ĐỊNH:") before the first article are
the document's `basis`, not its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing.importing.guesses import Notebook
from briefing.importing.line_reading import LETTERED, Para
from briefing.messages import msg
from briefing.numbering.legal_outline import LEGAL_KINDS, legal_marker
from briefing.numbering.sequence import Run
from briefing.text.inline_markdown import plain_text

#: the legal headings above the article, from the top down
HEADINGS = tuple(kind for kind in LEGAL_KINDS if kind != "article")
BASIS = re.compile(r"^\s*\**\s*(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Thực\s+hiện)\b",
                   re.IGNORECASE)
_ENACTMENT = re.compile(r"^\s*\**\s*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{3,40}:\s*\**\s*$")
_SENTENCE_END = (".", ";", ":", "!", "?")
#: a line in capitals, no sentence: the enacting authority ("BỘ TRƯỞNG BỘ NỘI VỤ")
_AUTHORITY = re.compile(r"^[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,\-]{5,150}$")


def legal_label(text: str) -> tuple[str, str] | None:
    """("chapter", title rest) for "Chương II …", ("article", rest) for "Điều 5. …": the
    labels as the numbering module reads them (`numbering.legal_outline`), a heading's title
    starting with a capital."""
    marker = legal_marker(plain_text(text).strip())
    if marker is None:
        return None
    rest = marker.rest.strip()
    if marker.kind != "article" and rest and not rest[:1].isupper():
        return None
    return marker.kind, rest


def is_legal(paras: list[Any]) -> bool:
    """A body with articles is a legal text."""
    return sum(1 for p in paras if isinstance(p, Para) and p.marker is None and
               (legal_label(p.line.text) or ("", ""))[0] == "article") >= 1


@dataclass
class LegalBuilder:
    """Builds the legal items of a body; `blocks` is the result, `basis` the Căn cứ lines."""

    notes: Notebook
    blocks: list[Any] = field(default_factory=list)
    preamble: list[Any] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    headings: list[tuple[int, dict]] = field(default_factory=list)
    article: dict | None = None
    clause: dict | None = None
    point_list: list | None = None
    articles: int = 0
    clause_run: Run = field(default_factory=Run)
    point_run: Run = field(default_factory=Run)
    ids: set[str] = field(default_factory=set)
    pending_title: dict | None = None
    #: paragraphs read as furniture (the enactment line): not body text
    furniture: list[Para] = field(default_factory=list)
    #: the enacting authority's line ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …") above the Căn cứ
    authority: str | None = None
    conclusion: list[Any] = field(default_factory=list)
    appendices: list[Any] = field(default_factory=list)

    def build(self, paras: list[Any]) -> None:
        for para in paras:
            if not isinstance(para, Para):
                self._holder().append(para)
                continue
            self.paragraph(para)
        self.pending_title = None

    def paragraph(self, para: Para) -> None:
        text = para.line.text if para.marker is None or para.line.label else None
        found = legal_label(text) if text is not None else None
        if found is not None:
            self.pending_title = None
            key, rest = found
            if key == "article":
                self.open_article(para, rest)
            else:
                self.open_heading(para, key, rest)
            return
        if self.pending_title is not None and para.marker is None and _title_line(para):
            key = next(k for k in HEADINGS if k in self.pending_title)
            self.pending_title[key] = para.emphasis_title
            self.pending_title = None
            return
        self.pending_title = None
        if self.article is None:
            self.before_articles(para)
        elif para.marker is not None and para.marker.kind == "arabic":
            self.open_clause(para)
        elif para.marker is not None and para.marker.kind in LETTERED and \
                self.clause is not None:
            self.add_point(para)
        elif para.marker is not None and para.marker.kind == "alpha":
            self.add_article_point(para)
        else:
            self.add_text(para)

    # -- headings and articles ---------------------------------------------------------------
    def open_heading(self, para: Para, key: str, rest: str) -> None:
        rank = HEADINGS.index(key)
        while self.headings and self.headings[-1][0] >= rank:
            self.headings.pop()
        node: dict[str, Any] = {key: rest or "", "body": []}
        self._heading_holder().append(node)
        self.headings.append((rank, node))
        self.article = self.clause = self.point_list = None
        if not rest:
            self.pending_title = node

    def open_article(self, para: Para, rest: str) -> None:
        self.articles += 1
        typed = legal_marker(plain_text(para.line.text).strip())
        if typed and typed.value != self.articles:
            self.notes.guess(msg("numbering-article", "'Điều {typed}' where article {expected} "
                                 "comes; articles are numbered again in order",
                                 typed=typed.value, expected=self.articles), para.where,
                             plain_text(para.text))
        rest = _bare(rest)
        node: dict[str, Any] = {"article": rest or "…"}
        if rest.endswith(_SENTENCE_END) or len(rest) > 200:
            node["titled"] = False
        node["body"] = []
        self._heading_holder().append(node)
        self.article, self.clause, self.point_list = node, None, None
        self.clause_run = Run()

    def open_clause(self, para: Para) -> None:
        assert self.article is not None and para.marker is not None
        marker, verdict = self.clause_run.take(para.marker)
        if verdict in ("repeat", "skip"):
            self.notes.guess(msg("numbering-clause", "khoản '{marker}' does not follow the one "
                                 "before; clauses are numbered again in each article",
                                 marker=marker.raw), para.where, plain_text(para.text))
        node: dict[str, Any] = {"clause": para.text}
        self.article["body"].append(node)
        self.clause, self.point_list = node, None

    def add_point(self, para: Para) -> None:
        assert self.clause is not None
        if self.point_list is None:
            self.point_list = self.clause.setdefault("points", [])
            self.point_run = Run()
        self._point_in_order(para)
        self.point_list.append(para.text)

    def _point_in_order(self, para: Para) -> None:
        """A lettered point that does not follow the one before is a guess at its place: the
        layout letters points again in the Vietnamese alphabet."""
        assert para.marker is not None
        marker, verdict = self.point_run.take(para.marker)
        if verdict in ("repeat", "skip"):
            self.notes.guess(msg("numbering-point", "điểm '{marker}' does not follow the one "
                                 "before; points are lettered again in the Vietnamese alphabet",
                                 marker=marker.raw), para.where, plain_text(para.text))

    def add_article_point(self, para: Para) -> None:
        """"a)" straight under an article with no khoản ("Điều 2. Tổ công tác có nhiệm vụ:"
        then a) b) c)): a lettered list of the article's body."""
        assert self.article is not None and para.marker is not None
        body = self.article["body"]
        last = body[-1] if body else None
        if not (isinstance(last, dict) and "enumerate" in last and last.get("style") == "alpha"):
            last = {"enumerate": [], "style": "alpha"}
            body.append(last)
            self.point_run = Run()
        self._point_in_order(para)
        last["enumerate"].append(para.text)

    # -- everything else ---------------------------------------------------------------------
    def before_articles(self, para: Para) -> None:
        """Before the first article: the enacting authority's line in capitals, the Căn cứ
        lines and the enactment line, else preamble."""
        plain = plain_text(para.line.text).strip()
        if not self.blocks and not self.headings and not self.preamble and not self.basis \
                and self.authority is None and _AUTHORITY.match(plain):
            self.authority = plain
            self.furniture.append(para)
            return
        if not self.blocks and not self.headings and not self.preamble and (
                BASIS.match(plain) or (self.basis and para.line.italic)):
            self.basis.append(_bare(para.text))
            return
        if not self.blocks and not self.headings and self.basis and _ENACTMENT.match(plain):
            self.notes.fix(msg("import-enactment", "the enactment line '{line}' is printed from "
                               "the document type", line=plain), para.where, plain)
            self.furniture.append(para)
            return
        holder = self._heading_holder() if self.headings else self.preamble
        holder.append(_typed(para))

    def add_text(self, para: Para) -> None:
        """A paragraph, list item or table inside an article: into the open point, clause or
        the article's body; "-" items after a point are that point's bullets."""
        bullet = para.marker is not None and para.marker.kind == "bullet"
        if self.point_list is not None and not bullet and _heads(self.point_list[-1]):
            last = self.point_list[-1]  # "a) Đăng ký văn bản bằng sổ" over its paragraphs
            self.point_list[-1] = [*(last if isinstance(last, list) else [last]), _typed(para)]
            return
        if self.point_list is not None and bullet:
            last = self.point_list[-1]
            item = last if isinstance(last, list) else [last]
            _bullet_into(item, para.text)
            self.point_list[-1] = item
            return
        clause = self.clause
        if clause is not None and not bullet and "points" not in clause and \
                "body" not in clause:  # the clause's next paragraph
            first = clause["clause"]
            clause["clause"] = [*(first if isinstance(first, list) else [first]), _typed(para)]
            return
        holder = self._holder()
        if bullet:
            _bullet_into(holder, para.text)
        else:
            holder.append(_typed(para))

    def _holder(self) -> list:
        """Where a paragraph or table goes: the open clause's body, else the article's."""
        if self.clause is not None:
            return self.clause.setdefault("body", [])
        if self.article is not None:
            return self.article["body"]
        return self._heading_holder() if self.headings else self.preamble

    def _heading_holder(self) -> list:
        return self.headings[-1][1]["body"] if self.headings else self.blocks


def _heads(point: Any) -> bool:
    """A point whose text ends no sentence ("a) Đăng ký văn bản bằng sổ") heads the
    paragraphs under it; one that does ("a) Rà soát …;") leaves them to its clause."""
    first = point[0] if isinstance(point, list) else point
    return isinstance(first, str) and not plain_text(first).rstrip().endswith(_SENTENCE_END)


def _typed(para: Para) -> str:
    """A paragraph as typed, its marker kept (a plain paragraph keeps its number as text)."""
    if para.marker is None or para.marker.kind == "bullet":
        return para.text
    return f"{para.marker.raw} {para.text}"


def _bullet_into(holder: list, text: str) -> None:
    """`text` as the next "-" item: of the list that ends `holder`, else of a new one."""
    if holder and isinstance(holder[-1], dict) and "bullets" in holder[-1]:
        holder[-1]["bullets"].append(text)
    else:
        holder.append({"bullets": [text]})


def _bare(text: str) -> str:
    """Text without emphasis around all of it (a bold article title)."""
    from briefing.importing.markdown_text import whole_emphasis

    return whole_emphasis(text.strip())[0].strip()


def _title_line(para: Para) -> bool:
    plain = plain_text(para.text).strip()
    return 0 < len(plain) <= 200 and not plain.endswith((".", ";", ","))
