"""Document model -> the view the Jinja templates render: numbers, markers, footnotes computed.

Everything a user must not type is computed here, once, for both writers: heading numbers from
the profile's ladder, enumeration markers, footnote numbers (in order of first call), the
number-and-symbol line and the place-and-date line. Inline Markdown becomes tree markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from briefing.content.loader import LoadedDocument
from briefing.content.schema import (
    Bullets,
    Document,
    Enumeration,
    Meta,
    Section,
    footnote_paragraphs,
)
from briefing.errors import BriefingError, Problem
from briefing.layout.dates import place_and_date, place_and_month
from briefing.layout.numbering import enumeration_marker, heading_number
from briefing.layout.profile import Profile, load_profile
from briefing.source.yaml_source import SourceMap
from briefing.text.inline import to_tree_markup

Path_ = tuple[Any, ...]


@dataclass
class ParagraphView:
    markup: Markup
    kind: str = "paragraph"


@dataclass
class ItemView:
    marker: str
    body: list[Any]


@dataclass
class ListView:
    type: str  # "bullet" | "enum"
    style: str
    items: list[ItemView]
    kind: str = "list"


@dataclass
class SectionView:
    id: str
    section_kind: str
    level: int
    number: str
    title: Markup
    body: list[Any]
    kind: str = "section"


@dataclass
class DocumentView:
    """What a template sees: `meta`, `profile`, computed lines and the numbered body."""

    meta: Meta
    profile: Profile
    preamble: list[Any]
    blocks: list[SectionView]
    conclusion: list[Any]
    number_line: str | None
    date_line: str
    cover_foot: str
    footnote_count: int
    info: dict[str, str] = field(default_factory=dict)


class _Preparer:
    def __init__(self, document: Document, profile: Profile, source: SourceMap):
        self.document = document
        self.profile = profile
        self.source = source
        ladder_name = document.meta.numbering or profile.numbering.default
        if ladder_name not in profile.numbering.ladders:
            raise BriefingError(Problem(
                source.at(("meta", "numbering")), f"unknown numbering ladder '{ladder_name}'",
                hint="profile '" + profile.name + "' has: "
                + ", ".join(profile.numbering.ladders)))
        self.ladder = profile.numbering.ladders[ladder_name]
        self.footnote_numbers: dict[str, int] = {}
        self.problems: list[Problem] = []

    # -- inline text -------------------------------------------------------------------------
    def inline(self, text: str, path: Path_, *, in_footnote: bool = False) -> Markup:
        def footnote(note_id: str) -> Markup:
            return self.footnote(note_id, path, in_footnote)

        return to_tree_markup(text, footnote)

    def footnote(self, note_id: str, path: Path_, in_footnote: bool) -> Markup:
        position = self.source.at(path)
        if in_footnote:
            self.problems.append(Problem(position, f"footnote call [^{note_id}] inside a footnote"))
            return Markup("")
        if note_id not in self.document.footnotes:
            self.problems.append(Problem(position, f"footnote [^{note_id}] is not defined",
                                         hint="add it under 'footnotes:'"))
            return Markup("")
        if note_id in self.footnote_numbers:
            self.problems.append(Problem(
                position, f"footnote [^{note_id}] is called a second time",
                hint="a footnote has one call; define a second note for the second place"))
            return Markup("")
        number = len(self.footnote_numbers) + 1
        self.footnote_numbers[note_id] = number
        paragraphs = footnote_paragraphs(self.document.footnotes[note_id])
        note_path: Path_ = ("footnotes", note_id)
        paths = [note_path] if len(paragraphs) == 1 else [(*note_path, i)
                                                          for i in range(len(paragraphs))]
        body = "".join(f"<p>{self.inline(text, path, in_footnote=True)}</p>"
                       for text, path in zip(paragraphs, paths, strict=True))
        return Markup(f'<fn n="{number}" id="{escape(note_id)}">{body}</fn>')

    # -- body --------------------------------------------------------------------------------
    def body(self, items: list[Any], path: Path_, counters: list[int], depth: int) -> list[Any]:
        views: list[Any] = []
        child_counter = 0
        for index, item in enumerate(items):
            item_path = (*path, index)
            if isinstance(item, str):
                views.append(ParagraphView(self.inline(item, item_path)))
            elif isinstance(item, Section):
                child_counter += 1
                views.append(self.section(item, item_path, [*counters, child_counter]))
            elif isinstance(item, Bullets):
                views.append(self.bullets(item, item_path, counters, depth))
            elif isinstance(item, Enumeration):
                views.append(self.enumeration(item, item_path, counters, depth))
        return views

    def section(self, section: Section, path: Path_, counters: list[int]) -> SectionView:
        level = len(counters)
        if level > self.profile.numbering.max_depth:
            raise BriefingError(Problem(
                self.source.at(path), f"section '{section.id}' is nested {level} levels deep; "
                f"profile '{self.profile.name}' allows {self.profile.numbering.max_depth}"))
        return SectionView(
            id=section.id,
            section_kind=section.kind or "section",
            level=level,
            number=heading_number(self.ladder, counters),
            title=self.inline(section.title, (*path, "title")),
            body=self.body(section.body, (*path, "body"), counters, 0),
        )

    def item_body(self, item: Any, path: Path_, counters: list[int], depth: int) -> list[Any]:
        if isinstance(item, str):
            return [ParagraphView(self.inline(item, path))]
        return self.body(item, path, counters, depth + 1)

    def bullets(self, bullets: Bullets, path: Path_, counters: list[int], depth: int) -> ListView:
        marks = self.profile.bullets
        marker = marks[min(depth, len(marks) - 1)]
        items = [ItemView(marker, self.item_body(item, (*path, "bullets", i), counters, depth))
                 for i, item in enumerate(bullets.bullets)]
        return ListView("bullet", "bullet", items)

    def enumeration(self, enum: Enumeration, path: Path_, counters: list[int], depth: int) -> Any:
        style = self.profile.enumerations.get(enum.style)
        if style is None:
            from briefing.content.errors import did_you_mean

            raise BriefingError(Problem(
                self.source.at((*path, "style")), f"unknown enumeration style '{enum.style}'",
                hint=did_you_mean(enum.style, list(self.profile.enumerations))))
        try:
            markers = [enumeration_marker(style, enum.start + i)
                       for i in range(len(enum.enumerate))]
        except ValueError as exc:
            raise BriefingError(Problem(self.source.at(path), str(exc))) from None
        if enum.inline:
            parts: list[str] = []
            if enum.lead:
                parts.append(self.inline(enum.lead, (*path, "lead")))
            for i, (marker, text) in enumerate(zip(markers, enum.enumerate, strict=True)):
                parts.append(f"<marker>{escape(marker)}</marker> "
                             f"{self.inline(text, (*path, 'enumerate', i))}")
            return ParagraphView(Markup(" ".join(parts)))
        items = [ItemView(marker, self.item_body(item, (*path, "enumerate", i), counters, depth))
                 for i, (marker, item) in enumerate(zip(markers, enum.enumerate, strict=True))]
        return ListView("enum", enum.style, items)


def _number_line(meta: Meta, profile: Profile) -> str | None:
    if not meta.number:
        return None
    rules = profile.document_number
    number = meta.number
    if not number[:1].isdigit():  # "-HD/BTGTU", "/QĐ-UBND": written in by hand later
        number = rules.blank + number
    return rules.prefix + number


def prepare(loaded: LoadedDocument, profile: Profile | None = None) -> DocumentView:
    """Compute everything the templates print; raises with every problem found on the way."""
    document = loaded.document
    meta = document.meta
    if profile is None:
        try:
            profile = load_profile(meta.profile)
        except BriefingError as exc:
            problem = exc.problems[0]
            raise BriefingError(Problem(loaded.source.at(("meta", "profile")), problem.message,
                                        hint=problem.hint)) from None
    preparer = _Preparer(document, profile, loaded.source)
    preamble = preparer.body(document.preamble, ("preamble",), [], 0)
    blocks = [preparer.section(block, ("blocks", i), [i + 1])
              for i, block in enumerate(document.blocks)]
    conclusion = preparer.body(document.conclusion, ("conclusion",), [], 0)
    if preparer.problems:
        raise BriefingError(preparer.problems)
    title = meta.subject or meta.title or meta.type or loaded.path.stem
    return DocumentView(
        meta=meta,
        profile=profile,
        preamble=preamble,
        blocks=blocks,
        conclusion=conclusion,
        number_line=_number_line(meta, profile),
        date_line=place_and_date(meta.place, meta.date, profile.date),
        cover_foot=place_and_month(meta.place, meta.date, profile.date),
        footnote_count=len(preparer.footnote_numbers),
        info={
            "title": " ".join(p for p in (meta.type or meta.title or "", title) if p).strip(),
            "author": " ".join(p for p in (meta.issuer.name, meta.issuer.superior or "") if p),
            "subject": meta.subject or "",
            "date": str(meta.date),
            "lang": profile.lang,
        },
    )
