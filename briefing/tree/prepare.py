"""Document model -> the view the Jinja templates render: numbers, markers, footnotes computed.

Everything a user must not type is computed here, once, for both writers: heading numbers from
the profile's ladder, enumeration markers, footnote numbers (in order of first call), the
number-and-symbol line and the place-and-date line. Inline Markdown becomes tree markup.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from briefing.content.legal import LEGAL_ITEMS
from briefing.content.loader import LoadedDocument
from briefing.content.media import MediaError, MediaStore, load_image
from briefing.content.schema import (
    Answer,
    Appendix,
    Bullets,
    Byline,
    Credit,
    Dateline,
    Enumeration,
    Figure,
    Intertitle,
    Meta,
    NoteLine,
    NumberedParagraph,
    Question,
    Quote,
    Salutation,
    Section,
    Standfirst,
    Table,
    footnote_paragraphs,
    paragraphs_of,
)
from briefing.content.table_grid import table_grid
from briefing.layout.dates import place_and_date, place_and_month
from briefing.layout.figure_size import figure_size_mm
from briefing.layout.lines import balanced_lines
from briefing.messages import Message, msg, reason
from briefing.numbering.counters import enumeration_marker, format_counter, heading_number
from briefing.numbering.letters import SPLIT_OR_MOVE_UP, PastLastLetter
from briefing.problems import BriefingError, Problem
from briefing.profile.model import Profile, TextStyle, load_profile
from briefing.register.numbers import AUTO, draft_number
from briefing.text.inline_markdown import to_tree_markup
from briefing.tree.legal_views import LegalPreparer
from briefing.tree.type_view import appendix_views, printed_type, type_layout
from briefing.tree.views import (
    AppendixView,
    CellView,
    DocumentView,
    FigureView,
    IntertitleView,
    ItemView,
    ListView,
    NumberedView,
    ParagraphView,
    QuoteView,
    SectionView,
    TableView,
    TurnView,
)

Path_ = tuple[Any, ...]


#: the aspect (height over width) of the box a draft draws where its figure cannot be read
_MISSING_ASPECT = 9 / 16
#: a number a draft cannot compute yet (past the alphabet's last letter, the profile's words)
_UNNUMBERED = "?"


class _Preparer:
    def __init__(self, loaded: LoadedDocument, profile: Profile, draft: bool = False):
        #: a draft (the studio's preview) lays out what a build refuses, with a stand-in: the
        #: check that runs beside it lists each problem (`builds/draft_preview.py`)
        self.draft = draft
        self.document = loaded.document
        self.profile = profile
        self.letters = profile.numbering.alphabet  # lettered items: the profile's alphabet
        self.source = loaded.source
        self.media_root = loaded.path.parent
        self.ladder = self.ladder_named(self.document.meta.numbering, ("meta", "numbering"))
        self.footnote_numbers: dict[str, int] = {}
        self.tables = 0
        self.figures = 0
        self.media = MediaStore()
        self.problems: list[Problem] = []
        self.legal = LegalPreparer(self)

    def refuse(self, problems: Problem | list[Problem]) -> None:
        """A build stops here; a draft goes on with a stand-in (its check lists the problem)."""
        if not self.draft:
            raise BriefingError(problems)

    def ladder_named(self, name: str | None, path: Path_) -> list[str]:
        numbering = self.profile.numbering
        name = name or numbering.default
        if name not in numbering.ladders:
            self.refuse(Problem(
                self.source.at(path), msg("numbering", "unknown numbering ladder '{name}'",
                                          name=name),
                hint=msg("ladders-known", "profile '{profile}' has: {ladders}",
                         profile=self.profile.name, ladders=tuple(numbering.ladders))))
            name = numbering.default
        return numbering.ladders[name]

    # -- inline text -------------------------------------------------------------------------
    def inline(self, text: str, path: Path_, *, in_footnote: bool = False) -> Markup:
        def footnote(note_id: str) -> Markup:
            return self.footnote(note_id, path, in_footnote)

        return to_tree_markup(text, footnote)

    def footnote(self, note_id: str, path: Path_, in_footnote: bool) -> Markup:
        position = self.source.at(path)
        if in_footnote:
            self.problems.append(Problem(position, msg(
                "footnote-nested", "footnote call [^{id}] inside a footnote", id=note_id)))
            return Markup("")
        if note_id not in self.document.footnotes:
            self.problems.append(Problem(position, msg(
                "footnote-undefined", "footnote [^{id}] is not defined", id=note_id),
                hint=msg("footnote-define-hint", "define it under 'footnotes:'")))
            return Markup("")
        if note_id in self.footnote_numbers:
            self.problems.append(Problem(position, msg(
                "footnote-twice", "footnote [^{id}] is called a second time", id=note_id),
                hint=msg("footnote-twice-build-hint",
                         "a footnote has one call; define a second note for the second place")))
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
    def body(self, items: list[Any], path: Path_, counters: list[int], depth: int, *,
             numbered: bool = True) -> list[Any]:
        """Views of body `items`; sections and numbered paragraphs share the counter of the
        next level. `numbered` is False where no number can be computed (preamble,
        conclusion, list items)."""
        views: list[Any] = []
        child_counter = 0
        for index, item in enumerate(items):
            item_path = (*path, index)
            if isinstance(item, str):
                views.append(ParagraphView(self.inline(item, item_path)))
            elif isinstance(item, Section):
                child_counter += 1
                views.append(self.section(item, item_path, [*counters, child_counter]))
            elif isinstance(item, NumberedParagraph):
                child_counter += 1
                views.append(self.numbered(item, item_path, [*counters, child_counter],
                                           numbered))
            elif isinstance(item, Bullets):
                views.append(self.bullets(item, item_path, counters, depth))
            elif isinstance(item, Enumeration):
                views.append(self.enumeration(item, item_path, counters, depth))
            elif isinstance(item, LEGAL_ITEMS):
                views.append(self.legal.item(item, item_path))
            else:
                views.append(self.furniture(item, item_path))
        return views

    def numbered(self, item: NumberedParagraph, path: Path_, counters: list[int],
                 allowed: bool) -> NumberedView:
        level = len(counters)
        if not allowed:
            self.refuse(Problem(self.source.at(path), msg(
                "numbered-outside", "numbered paragraph outside a numbered section"), hint=msg(
                "numbered-outside-hint", "numbered paragraphs go in 'blocks', in a section's "
                "body or in an appendix; here write a plain paragraph or a list")))
        self.check_depth(level, path, msg("depth-numbered", "numbered paragraph"))
        return NumberedView(self.number(counters, path), level,
                            self.paragraphs(item.numbered, (*path, "numbered")), item.id,
                            body=self.body(item.body, (*path, "body"), counters, 0))

    def number(self, counters: list[int], path: Path_) -> str:
        """The ladder's number for `counters`; a lettered level past the alphabet's last letter
        is the user's error at `path` (`check` says so first: validation/checks.py)."""
        try:
            return heading_number(self.ladder, counters, self.letters)
        except PastLastLetter as exc:
            self.refuse(Problem(self.source.at(path), reason(exc), hint=SPLIT_OR_MOVE_UP))
            return _UNNUMBERED

    @staticmethod
    def paragraph_paths(path: Path_, value: str | list[str]) -> list[Path_]:
        """Data paths of one text or of each text of a list."""
        return [path] if isinstance(value, str) else [(*path, i) for i in range(len(value))]

    def paragraphs(self, value: str | list[str], path: Path_) -> list[Markup]:
        return [self.inline(text, p) for text, p in
                zip(paragraphs_of(value), self.paragraph_paths(path, value), strict=True)]

    def optional(self, value: str | None, path: Path_) -> Markup | None:
        return None if value is None else self.inline(value, path)

    def furniture(self, item: Any, path: Path_) -> Any:
        """Intertitles, quotes, interview turns, tables, figures and one-line constructs."""
        lines = ((Standfirst, "standfirst"), (Dateline, "dateline"), (Byline, "byline"),
                 (Credit, "credit"), (NoteLine, "note"), (Salutation, "salutation"))
        for model, key in lines:
            if isinstance(item, model):
                return ParagraphView(self.inline(getattr(item, key), (*path, key)), style=key)
        if isinstance(item, Intertitle):
            return IntertitleView(self.inline(item.intertitle, (*path, "intertitle")), item.id)
        if isinstance(item, Quote):
            return QuoteView(self.paragraphs(item.quote, (*path, "quote")),
                             self.optional(item.attribution, (*path, "attribution")))
        if isinstance(item, Question | Answer):
            role = "question" if isinstance(item, Question) else "answer"
            label = (self.profile.furniture.speaker_format.format(speaker=item.speaker)
                     if item.speaker else "")
            return TurnView(role, label, self.paragraphs(getattr(item, role), (*path, role)))
        if isinstance(item, Table):
            return self.table(item, path)
        if isinstance(item, Figure):
            return self.figure(item, path)
        raise TypeError(f"no view for body item {type(item).__name__}")

    def table(self, table: Table, path: Path_) -> TableView:
        grid, problems = table_grid(table, path)
        if problems:  # a draft lays out the cells as far as they could be read
            self.refuse([Problem(self.source.at(p.path), p.message, hint=p.hint)
                         for p in problems])
        label = ""
        if table.caption is not None:
            self.tables += 1
            label = format_counter(self.profile.captions.table.format, self.tables, self.letters)
        caption = self.optional(table.caption, (*path, "caption"))
        rows: list[list[CellView]] = []
        for row in grid.rows:
            cells = []
            for cell in row:
                header = cell.row < grid.header_rows
                align = cell.align or (self.profile.table.header_align if header else None) \
                    or grid.aligns[cell.column] or "left"
                cells.append(CellView([self.inline(text, p) if text else Markup("")
                                       for text, p in cell.texts()],
                                      cell.colspan, cell.rowspan, align))
            rows.append(cells)
        return TableView(table.id, self.tables if label else 0, label, caption, grid.widths,
                         rows[:grid.header_rows], rows[grid.header_rows:],
                         self.optional(table.note, (*path, "note")))

    def figure(self, figure: Figure, path: Path_) -> FigureView:
        limits = self.profile.media
        try:
            image = load_image(self.media_root, figure.figure, max_bytes=limits.max_bytes,
                               max_pixels=limits.max_pixels)
        except MediaError as exc:
            self.refuse(Problem(self.source.at((*path, "figure")), exc.message, hint=exc.hint))
            image = None
        if image is not None:
            self.media.images[figure.figure] = image
        label = ""
        if figure.caption is not None:
            self.figures += 1
            label = format_counter(self.profile.captions.figure.format, self.figures, self.letters)
        width_mm, height_mm = figure_size_mm(
            figure.width, image.aspect if image else _MISSING_ASPECT, self.profile)
        return FigureView(figure.id, figure.figure, width_mm, height_mm,
                          self.figures if label else 0, label,
                          self.optional(figure.caption, (*path, "caption")),
                          self.optional(figure.credit, (*path, "credit")),
                          missing=None if image else str(msg(
                              "draft-no-picture", "No picture yet: {src}", src=figure.figure)))

    def check_depth(self, level: int, path: Path_, what: Message) -> None:
        if level > self.profile.numbering.max_depth:
            self.refuse(Problem(self.source.at(path), msg(
                "too-deep", "{what} is nested {level} levels deep; profile '{profile}' allows "
                "{depth}", what=what, level=level, profile=self.profile.name,
                depth=self.profile.numbering.max_depth)))

    def appendix(self, appendix: Appendix, path: Path_, index: int, count: int) -> AppendixView:
        look = self.profile.appendix
        label = (look.label if count == 1
                 else format_counter(look.numbered_label, index, self.letters))
        saved = self.ladder
        self.ladder = self.ladder_named(appendix.numbering or self.document.meta.numbering,
                                        (*path, "numbering") if appendix.numbering
                                        else ("meta", "numbering"))
        saved_legal, self.legal = self.legal, LegalPreparer(self)  # an attached text: Điều 1 again
        try:
            body = self.body(appendix.body, (*path, "body"), [], 0)
        finally:
            self.ladder, self.legal = saved, saved_legal
        return AppendixView(appendix.id, label, self.inline(appendix.title, (*path, "title")),
                            self.optional(appendix.subtitle, (*path, "subtitle")), body)

    def section(self, section: Section, path: Path_, counters: list[int]) -> SectionView:
        level = len(counters)
        self.check_depth(level, path, msg("depth-section", "section '{id}'", id=section.id))
        return SectionView(
            id=section.id,
            section_kind=section.kind or "section",
            level=level,
            number=self.number(counters, path),
            title=self.inline(section.title, (*path, "title")),
            body=self.body(section.body, (*path, "body"), counters, 0),
        )

    def item_body(self, item: Any, path: Path_, counters: list[int], depth: int) -> list[Any]:
        if isinstance(item, str):
            return [ParagraphView(self.inline(item, path))]
        return self.body(item, path, counters, depth + 1, numbered=False)

    def bullets(self, bullets: Bullets, path: Path_, counters: list[int], depth: int) -> ListView:
        marks = self.profile.bullets
        marker = marks[min(depth, len(marks) - 1)]
        items = [ItemView(marker, self.item_body(item, (*path, "bullets", i), counters, depth))
                 for i, item in enumerate(bullets.bullets)]
        return ListView("bullet", "bullet", items)

    def enumeration(self, enum: Enumeration, path: Path_, counters: list[int], depth: int) -> Any:
        style = self.profile.enumerations.get(enum.style)
        if style is None:
            from briefing.content.schema_problems import did_you_mean

            self.refuse(Problem(
                self.source.at((*path, "style")), msg("style", "unknown enumeration style "
                                                               "'{style}'", style=enum.style),
                hint=did_you_mean(enum.style, list(self.profile.enumerations))))
            style = next(iter(self.profile.enumerations.values()))
        markers = [self.marker(style, enum.start + i, path) for i in range(len(enum.enumerate))]
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

    def marker(self, style: Any, n: int, path: Path_) -> str:
        """The marker of item `n`; one the profile cannot make is the user's error at `path`."""
        try:
            return enumeration_marker(style, n, self.letters)
        except ValueError as exc:
            self.refuse(Problem(self.source.at(path), exc.args[0]))
            return _UNNUMBERED


def _number_line(meta: Meta, profile: Profile) -> str | None:
    if not meta.number:
        return None
    rules = profile.document_number
    number = meta.number
    if number == AUTO:  # a draft: the register gives the number when an edition is made
        number = draft_number(meta, profile) or ""
    if not number[:1].isdigit():  # "-HD/BTGTU", "/QĐ-UBND": written in by hand later
        number = rules.blank + number
    return rules.prefix + number


def _subject_lines(subject: str | None, style: TextStyle, margin_mm: float,
                   profile: Profile) -> list[str]:
    if not subject:
        return []
    return balanced_lines(subject, style, profile.text_width_mm - 2 * margin_mm, profile)


def prepare(loaded: LoadedDocument, profile: Profile | None = None, *,
            draft: bool = False) -> DocumentView:
    """Compute everything the templates print; raises with every problem found on the way.
    A `draft` raises none of them: it prints a stand-in where a build stops (`_Preparer`)."""
    document = loaded.document
    meta = document.meta
    if profile is None:
        try:
            profile = load_profile(meta.profile)
        except BriefingError as exc:
            problem = exc.problems[0]
            if not draft:
                raise BriefingError(Problem(loaded.source.at(("meta", "profile")),
                                            problem.message, hint=problem.hint)) from None
            profile = load_profile(Meta.model_fields["profile"].default)
    meta = meta.model_copy(update={"type": printed_type(meta.type, profile)})
    preparer = _Preparer(loaded, profile, draft)
    layout = type_layout(document, profile, preparer.inline)
    preamble = preparer.body(document.preamble, ("preamble",), [], 0, numbered=False)
    blocks = preparer.body(document.blocks, ("blocks",), [], 0)
    conclusion = preparer.body(document.conclusion, ("conclusion",), [], 0, numbered=False)
    appendices = appendix_views(document, profile, preparer.appendix)
    if preparer.problems and not draft:
        raise BriefingError(preparer.problems)
    title = meta.subject or meta.title or meta.type or loaded.path.stem
    return DocumentView(
        meta=meta,
        profile=profile,
        preamble=preamble,
        blocks=blocks,
        conclusion=conclusion,
        appendices=appendices,
        number_line=_number_line(meta, profile),
        date_line=place_and_date(meta.place, meta.date, profile.date),
        cover_foot=place_and_month(meta.place, meta.date, profile.date),
        footnote_count=len(preparer.footnote_numbers),
        subject_lines=_subject_lines(meta.subject, profile.title_block.subject,
                                     profile.title_block.subject_margin, profile),
        cover_subject_lines=_subject_lines(meta.subject, profile.cover.subject,
                                           profile.cover.subject_margin, profile),
        info={
            "title": " ".join(p for p in (layout.name or meta.title or "", title)
                              if p).strip(),
            "author": " ".join(p for p in (meta.issuer.name, meta.issuer.superior or "") if p),
            "subject": meta.subject or "",
            "date": str(meta.date),
            "lang": profile.lang,
        },
        media=preparer.media,
        layout=layout,
    )
