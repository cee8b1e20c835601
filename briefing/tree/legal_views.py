"""Legal structure -> views, every number computed (ND 30/2020 PL I §II.6.đ).

Phần and Chương are counted through the whole text, Mục afresh in each Chương (or Phần),
Tiểu mục in each Mục; Điều continue across every heading above them; khoản restart in each
Điều and điểm in each khoản, lettered in the profile's alphabet. Labels are the profile's
formats (`legal:`). Each appendix (an attached text) counts afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.content.legal import Article, Clause, Part, Points
from briefing.messages import reason
from briefing.numbering.counters import format_counter
from briefing.numbering.letters import SPLIT_OR_MOVE_UP, PastLastLetter
from briefing.problems import Problem
from briefing.tree.body_nodes import LEGAL_RANKS
from briefing.tree.views import ArticleView, ClauseView, ItemView, LegalHeadingView, ListView

if TYPE_CHECKING:
    from briefing.tree.prepare import Path_, _Preparer

#: what each heading restarts: Mục in each Chương or Phần, Tiểu mục in each Mục
_RESTARTS = {"part": ("division", "subdivision"), "chapter": ("division", "subdivision"),
             "division": ("subdivision",), "subdivision": ()}


class LegalCounters:
    """The running numbers of one text: headings by rank, and articles."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys((*LEGAL_RANKS, "article"), 0)

    def next(self, rank: str) -> int:
        self.counts[rank] += 1
        for below in _RESTARTS.get(rank, ()):
            self.counts[below] = 0
        return self.counts[rank]


class LegalPreparer:
    """Views of legal items for `preparer`, whose `body` prepares what they hold."""

    def __init__(self, preparer: _Preparer):
        self.preparer = preparer
        self.looks = preparer.profile.legal
        self.counters = LegalCounters()
        #: the clauses of the article being prepared so far
        self.clauses = 0

    def label(self, rank: str, n: int, path: Path_) -> str:
        look = getattr(self.looks, "point" if rank == "points" else rank)
        try:
            return format_counter(look.label, n, self.preparer.letters)
        except PastLastLetter as exc:
            self.preparer.refuse(Problem(self.preparer.source.at(path), reason(exc),
                                         hint=SPLIT_OR_MOVE_UP))
            return "?"

    def item(self, item: Any, path: Path_) -> Any:
        if isinstance(item, Article):
            return self.article(item, path)
        if isinstance(item, Clause):  # numbered in its article (`check` refuses it elsewhere)
            self.clauses += 1
            return self.clause(item, path, self.clauses)
        if isinstance(item, Points):
            return self.points(item.points, (*path, "points"))
        rank = next(rank for rank in LEGAL_RANKS if hasattr(item, rank))
        label = self.label(rank, self.counters.next(rank), path)
        title = self.preparer.inline(getattr(item, rank), (*path, rank))
        holds_sections = isinstance(item, Part)  # "Phần I / TÌNH HÌNH …": sections afresh
        body = self.preparer.body(item.body, (*path, "body"), [], 0, numbered=holds_sections)
        return LegalHeadingView(rank, label, title, body, item.id)

    def article(self, article: Article, path: Path_) -> ArticleView:
        label = self.label("article", self.counters.next("article"), path)
        text_path = (*path, "article")
        if article.titled:
            title, paragraphs = self.preparer.inline(article.article, text_path), []
        else:
            title, paragraphs = None, self.preparer.paragraphs(article.article, text_path)
        saved, self.clauses = self.clauses, 0
        body = self.preparer.body(article.body, (*path, "body"), [], 0, numbered=False)
        self.clauses = saved
        return ArticleView(label, title, paragraphs, body, article.id)

    def clause(self, clause: Clause, path: Path_, n: int) -> ClauseView:
        text_path = (*path, "clause")
        paragraphs = self.preparer.paragraphs(clause.clause, text_path)
        body: list[Any] = []
        if clause.points:
            body.append(self.points(clause.points, (*path, "points")))
        body += self.preparer.body(clause.body, (*path, "body"), [], 0, numbered=False)
        return ClauseView(self.label("clause", n, path), clause.titled, paragraphs, body,
                          clause.id)

    def points(self, points: list[Any], path: Path_) -> ListView:
        """Lettered points: "a)", "b)", … "đ)", restarting in each clause."""
        items = []
        for index, point in enumerate(points):
            point_path = (*path, index)
            marker = self.label("points", index + 1, point_path)
            items.append(ItemView(marker, self.preparer.item_body(point, point_path, [], 0)))
        return ListView("enum", "point", items)

