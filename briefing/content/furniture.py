"""The named constructs of articles, speeches and interviews: one model per construct, each
printed in its own look (profile `furniture:`), never bold or italic faked by hand."""

from __future__ import annotations

from briefing.content.nodes import ItemId, Node, Paragraphs, Text


class Intertitle(Node):
    """An unnumbered heading in the flow (an article's intertitle): no number, shifts none."""

    intertitle: Text
    id: ItemId = None


class Quote(Node):
    quote: Paragraphs
    attribution: str | None = None


class Question(Node):
    """An interview turn: the interviewer's question; `speaker` is printed run-in."""

    question: Paragraphs
    speaker: str | None = None


class Answer(Node):
    answer: Paragraphs
    speaker: str | None = None


class Standfirst(Node):
    """The sapo: the lead paragraph of an article, printed in its own look."""

    standfirst: Text


class Dateline(Node):
    dateline: Text


class Byline(Node):
    """The author's name (right-aligned as the profile says)."""

    byline: Text


class Credit(Node):
    """Where a text comes from ("Theo Tạp chí Cộng sản"), right-aligned as the profile says."""

    credit: Text


class NoteLine(Node):
    """A note line ("Nguồn: …"), smaller than the body."""

    note: Text


class Salutation(Node):
    """A speech's address to the audience ("Thưa các đồng chí,"), in its own paragraph style."""

    salutation: Text
