"""Where legal items may stand, and what they must hold (ND 30/2020 PL I §II.6.c–đ).

Phần, Chương, Mục, Tiểu mục and Điều nest in that order (a level may be skipped, never
reversed: a chapter inside a division is an error); a khoản stands only in an Điều, lettered
points only in a khoản; one list holds one level of legal headings, and never legal headings
beside ordinary sections (I., 1., …): the reader could not tell which number counts. Every
heading needs a body, and a khoản cannot letter more points than the profile's alphabet has.
Each problem is one line at the item, with the fix said.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefing.content.legal import HEADING_KEYS, LEGAL_KEYS, Clause, Points, legal_key
from briefing.content.loader import LoadedDocument
from briefing.content.schema import Bullets, Enumeration, NumberedParagraph, Section
from briefing.messages import Message, msg
from briefing.numbering.counters import format_counter
from briefing.numbering.letters import PastLastLetter
from briefing.problems import Problem
from briefing.profile.model import Profile
from briefing.source.yaml_source import Path_
from briefing.validation.findings import Finding
from briefing.validation.locate import Locator
from briefing.validation.reporter import Reporter

#: Where each legal item may stand (the kind of the container holding it).
ALLOWED = {
    "part": {"top", "appendix"},
    "chapter": {"top", "appendix", "part"},
    "division": {"top", "appendix", "part", "chapter"},
    "subdivision": {"division"},
    "article": {"top", "appendix", "part", "chapter", "division", "subdivision"},
    "clause": {"article"},
}
#: Containers that hold legal structure only: no sections, no numbered paragraphs.
LEGAL_ONLY = {"chapter", "division", "subdivision", "article", "clause"}
#: How messages name an item, with its article ("an article (Điều)").
A_NAMES = {
    "part": msg("legal-a-part", "a part (Phần)"),
    "chapter": msg("legal-a-chapter", "a chapter (Chương)"),
    "division": msg("legal-a-division", "a division (Mục)"),
    "subdivision": msg("legal-a-subdivision", "a subdivision (Tiểu mục)"),
    "article": msg("legal-an-article", "an article (Điều)"),
    "clause": msg("legal-a-clause", "a clause (khoản)"),
    "section": msg("legal-a-section", "a section ('title:')"),
    "numbered": msg("legal-a-numbered", "a numbered paragraph"),
}
#: How messages name a container.
CONTAINERS = {
    "top": msg("legal-in-top", "the document's blocks"),
    "appendix": msg("legal-in-appendix", "an appendix"),
    "preamble": msg("legal-in-preamble", "the preamble"),
    "conclusion": msg("legal-in-conclusion", "the conclusion"),
    "section": msg("legal-in-section", "a section"), "numbered": A_NAMES["numbered"],
    "list": msg("legal-in-list", "a list"),
    **{key: A_NAMES[key] for key in ("part", "chapter", "division", "subdivision", "article",
                                     "clause")},
}
NAMES = {"part": msg("legal-part", "part (Phần)"),
         "chapter": msg("legal-chapter", "chapter (Chương)"),
         "division": msg("legal-division", "division (Mục)"),
         "subdivision": msg("legal-subdivision", "subdivision (Tiểu mục)"),
         "article": msg("legal-article", "article (Điều)")}
PLURALS = {"part": msg("legal-parts", "parts (Phần)"),
           "chapter": msg("legal-chapters", "chapters (Chương)"),
           "division": msg("legal-divisions", "divisions (Mục)"),
           "subdivision": msg("legal-subdivisions", "subdivisions (Tiểu mục)"),
           "article": msg("legal-articles", "articles (Điều)"),
           "section": msg("legal-sections", "sections ('title:')"),
           "numbered": msg("legal-numbered-paragraphs", "numbered paragraphs")}
#: Where each item belongs, said in the hint of a misplaced one.
BELONGS = {
    "part": msg("legal-part-belongs", "parts stand at the top of the document (in 'blocks' or "
                                      "an attached text)"),
    "chapter": msg("legal-chapter-belongs", "chapters stand at the top of the document or in "
                                            "a part; a part of a chapter is a division (Mục)"),
    "division": msg("legal-division-belongs", "divisions stand in a chapter (or a part, or at "
                                              "the top)"),
    "subdivision": msg("legal-subdivision-belongs", "subdivisions (Tiểu mục) stand in a "
                                                    "division (Mục)"),
    "article": msg("legal-article-belongs", "articles stand at the top of the document or in "
                                            "a part, chapter, division or subdivision"),
    "clause": msg("legal-clause-belongs", "clauses stand in an article's body: put it under "
                                          "'- article: …' 'body:'"),
}


def _kind(item: Any) -> str | None:
    if isinstance(item, Section):
        return "section"
    if isinstance(item, NumberedParagraph):
        return "numbered"
    return legal_key(item)


class _Placement(Reporter):
    def __init__(self, loaded: LoadedDocument, profile: Profile, locator: Locator):
        super().__init__(locator)
        self.loaded = loaded
        self.profile = profile

    def said(self, path: Path_, message: Message, hint: Message) -> None:
        self.report(path, message, hint=hint)

    def container(self, items: list[Any], path: Path_, where: str) -> None:
        self.mixing(items, path, where)
        for index, item in enumerate(items):
            self.item(item, (*path, index), where)

    def item(self, item: Any, path: Path_, where: str) -> None:
        kind = _kind(item)
        if isinstance(item, Points):
            self.said(path, msg("legal-points", "lettered points (điểm) outside a clause"),
                      msg("legal-points-hint", "points belong to a clause: write '- clause: …' "
                                               "with 'points:' under it, in an article's body"))
            self.listed(item.points, (*path, "points"))
            return
        if kind in ALLOWED and _misplaced(kind, where):
            self.misplaced(kind, path, where)
        elif kind in ("section", "numbered") and _misplaced(kind, where):
            hint = msg("legal-numbered-hint", "an article's numbered paragraphs are its clauses: "
                       "write '- clause: …'") \
                if where in ("article", "clause") and kind == "numbered" else \
                msg("legal-headings-hint", "an article's headings are titled clauses: write "
                    "'- clause: …' with 'titled: true'") if where in ("article", "clause") else \
                msg("legal-only-hint", "{container} holds articles or lower legal headings; a "
                    "document without articles is laid out in sections, or in parts of "
                    "sections", container=CONTAINERS[where])
            self.said(path, _inside(kind, where), hint)
        self.children(item, kind, path)

    def misplaced(self, kind: str, path: Path_, where: str) -> None:
        hint = BELONGS[kind]
        if where in ("division", "subdivision") and kind in ("part", "chapter", "division"):
            hint = msg("legal-reverse-hint", "{inner} stand in {outer}, not the reverse: move "
                       "the {kind} out of the {where}", inner=PLURALS[where],
                       outer=PLURALS[kind], kind=kind, where=where)
        if kind == "clause" and where == "clause":
            hint = msg("legal-clause-in-clause-hint", "a clause's lettered items go under its "
                                                      "'points:'; its paragraphs in 'body:'")
        message = msg("legal-place", "a clause (khoản) outside an article: in {container}",
                      container=CONTAINERS[where]) \
            if kind == "clause" and where != "clause" else _inside(kind, where)
        self.said(path, message, hint)

    def children(self, item: Any, kind: str | None, path: Path_) -> None:
        if isinstance(item, Section | NumberedParagraph):
            self.container(item.body, (*path, "body"), kind or "section")
        elif isinstance(item, Bullets | Enumeration):
            key = "bullets" if isinstance(item, Bullets) else "enumerate"
            self.listed(getattr(item, key), (*path, key))
        elif kind is not None and kind in LEGAL_KEYS:
            if isinstance(item, Clause):
                self.points(item, path)
            self.empty(item, kind, path)
            self.container(item.body, (*path, "body"), kind)

    def listed(self, items: list[Any], path: Path_) -> None:
        for index, entry in enumerate(items):
            if isinstance(entry, list):
                self.container(entry, (*path, index), "list")

    def points(self, clause: Clause, path: Path_) -> None:
        """Each point needs a letter of the profile's alphabet (after its last: an error
        unless the profile says `after_letters: double`)."""
        label = self.profile.legal.point.label
        for index in range(len(clause.points)):
            try:
                format_counter(label, index + 1, self.profile.numbering.alphabet)
            except PastLastLetter as exc:
                last = self.profile.numbering.letters[-1]
                self.said((*path, "points", index), msg(
                    "letters", "point {n} cannot be lettered: the alphabet has {count} letters "
                    "(a to {last})", n=exc.n, count=exc.count, last=last), msg(
                    "letters-points-hint", "split the clause: a clause letters its points a) "
                    "to {last})", last=last))
                break
        self.listed(clause.points, (*path, "points"))

    def empty(self, item: Any, kind: str, path: Path_) -> None:
        if isinstance(item, Clause):
            if item.titled and not item.body and not item.points:
                self.said(path, msg("legal-empty", "a titled clause has no text"),
                          msg("legal-empty-clause-hint", "write its text under 'body:' or its "
                                                         "points under 'points:'"))
            return
        if item.body or (kind == "article" and not item.titled):
            return
        title = str(getattr(item, kind))
        hint = msg("legal-empty-article-hint", "write its text under 'body:': paragraphs or "
                                               "clauses ('- clause: …')") \
            if kind == "article" else msg("legal-empty-hint", "put its articles under 'body:'")
        where = (*path, "body") if (*path, "body") in self.loaded.source.values else path
        self.said(where, msg("legal-empty", "{name} '{title}' has no body", name=NAMES[kind],
                             title=title), hint)

    def mixing(self, items: list[Any], path: Path_, where: str) -> None:
        """One level of legal headings per list, and no legal headings beside sections."""
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            kind = _kind(item)
            if kind not in ("section", "numbered", *HEADING_KEYS) or _misplaced(kind, where):
                continue
            other = _clash(kind, seen)
            seen.setdefault(kind, index)
            if other is None:
                continue
            line = self.locator.position((*path, seen[other])).line
            if kind in HEADING_KEYS and other in HEADING_KEYS:
                hint = msg("legal-mixed-levels-hint", "one list holds one level of the legal "
                           "structure (the {other} at line {line}): move it into one, or make "
                           "them all {kind}s", other=other, line=line, kind=kind)
            else:
                hint = msg("legal-mixed-sections-hint", "legal headings and sections (I., 1., "
                           "…) cannot share one list (the {other} at line {line}): lay the "
                           "document out in one or the other", other=other, line=line)
            self.said((*path, index), msg("legal-mixed", "{item} beside {others}",
                                          item=A_NAMES[kind], others=PLURALS[other]), hint)
            return


def _inside(kind: str, where: str) -> Message:
    return msg("legal-place", "{item} inside {container}", item=A_NAMES[kind],
               container=CONTAINERS[where])


def _misplaced(kind: str, where: str) -> bool:
    """Whether an item of `kind` may not stand in a container `where` (said once, by item)."""
    if kind in ALLOWED:
        return where not in ALLOWED[kind]
    return kind in ("section", "numbered") and where in LEGAL_ONLY


def _clash(kind: str, seen: dict[str, int]) -> str | None:
    """An item kind already in the list that `kind` may not stand beside."""
    for other in seen:
        if (kind in HEADING_KEYS) != (other in HEADING_KEYS):
            return other
        if kind in HEADING_KEYS and other != kind:
            return other
    return None


def legal_findings(loaded: LoadedDocument, profile: Profile,
                   locator: Locator) -> list[Finding]:
    """Every misplaced, mixed or empty legal item, and points past the alphabet's end."""
    document = loaded.document
    placement = _Placement(loaded, profile, locator)
    placement.container(document.preamble, ("preamble",), "preamble")
    placement.container(document.blocks, ("blocks",), "top")
    placement.container(document.conclusion, ("conclusion",), "conclusion")
    for index, appendix in enumerate(document.appendices):
        placement.container(appendix.body, ("appendices", index, "body"), "appendix")
    return placement.findings + _duplicate_ids(loaded, locator)


def _addressable(items: list[Any], path: Path_) -> Iterator[tuple[Path_, Any]]:
    """Sections and legal items with their paths, everywhere units can address them."""
    for index, item in enumerate(items):
        item_path = (*path, index)
        if isinstance(item, Section) or legal_key(item) is not None:
            yield item_path, item
        if isinstance(item, Section | NumberedParagraph) or legal_key(item) is not None:
            yield from _addressable(item.body, (*item_path, "body"))


def _duplicate_ids(loaded: LoadedDocument, locator: Locator) -> list[Finding]:
    """Ids of legal items are unique with those of sections (units address both); two
    sections sharing one are reported by the section check."""
    document = loaded.document
    containers = [(document.preamble, ("preamble",)), (document.blocks, ("blocks",)),
                  (document.conclusion, ("conclusion",))]
    containers += [(a.body, ("appendices", i, "body")) for i, a in enumerate(document.appendices)]
    first: dict[str, tuple[Path_, bool]] = {}
    findings = []
    for items, path in containers:
        for item_path, item in _addressable(items, path):
            if item.id is None:
                continue
            legal = not isinstance(item, Section)
            if item.id not in first:
                first[item.id] = (item_path, legal)
                continue
            earlier, earlier_legal = first[item.id]
            if legal or earlier_legal:
                line = locator.position((*earlier, "id")).line
                findings.append(Finding(Problem(
                    locator.position((*item_path, "id")), msg(
                        "duplicate-id", "duplicate id '{id}'", id=item.id),
                    hint=msg("duplicate-id-hint", "first used at line {line}; ids are unique "
                                                  "in a file", line=line))))
    return findings
