"""Structure checks on a schema-valid document, against its layout profile.

What the schema cannot see because it needs the whole file or the profile: duplicate ids,
empty sections, nesting deeper than the profile numbers, footnotes called but not defined (or
defined and never called), numbering ladders and enumeration styles the profile lacks, and a
document number that does not match the profile's pattern. Every problem is collected; nothing
here raises for bad input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefing.content.legal import Part
from briefing.content.loader import LoadedDocument
from briefing.content.media import MediaError, load_image
from briefing.content.schema import Enumeration, Figure, NumberedParagraph, Section, Table
from briefing.content.schema_problems import did_you_mean, visible
from briefing.content.table_grid import table_grid
from briefing.messages import Message, msg, reason
from briefing.numbering.counters import enumeration_marker, heading_number
from briefing.numbering.letters import SPLIT_OR_MOVE_UP, PastLastLetter
from briefing.problems import BriefingError, Position, Problem
from briefing.profile.model import DocumentNumber, Profile, load_profile
from briefing.register.numbers import AUTO, auto_parts
from briefing.source.yaml_source import Path_
from briefing.text.inline_markdown import FOOTNOTE_CALL
from briefing.validation.findings import ERROR, WARNING, Finding, ValueFix, fix_hint
from briefing.validation.legal_nesting import legal_findings
from briefing.validation.locate import Locator
from briefing.validation.plausibility import title_findings
from briefing.validation.type_rules import number_rules, type_findings
from briefing.validation.walk import footnote_texts, walk

#: The most footnotes a document may have. The PDF engine lays out a page's footnote area
#: again for every note added to it, and looks each note up in the list of all notes: 1,000
#: notes take about 20 s, 10,000 several minutes. A briefing has a few dozen.
MAX_FOOTNOTES = 1000

#: What people put around a document number that the profile's prefix already prints.
NUMBER_PREFIX = re.compile(r"^\s*(?:Số|số|SỐ|So|No\.?)\s*[:.]?\s*")


@dataclass
class _Context:
    loaded: LoadedDocument
    profile: Profile
    locator: Locator
    findings: list[Finding] = field(default_factory=list)

    def report(self, position: Position, message: Message, *, severity: str = ERROR,
               hint: Message | None = None, fix: ValueFix | None = None,
               old: str = "") -> None:
        shown = (old, fix.text) if fix is not None else None
        self.findings.append(Finding(Problem(position, message, severity, hint, shown), fix))

    def at(self, path: Path_, offset: int = 0) -> Position:
        return self.locator.position(path, offset)


def resolve_profile(loaded: LoadedDocument,
                    profile: Profile | None) -> tuple[Profile | None, list[Finding]]:
    """The document's profile, or the problem that prevents loading it (at meta.profile)."""
    if profile is not None:
        return profile, []
    try:
        return load_profile(loaded.document.meta.profile), []
    except BriefingError as exc:
        first = exc.problems[0]
        position = loaded.source.at(("meta", "profile"))
        return None, [Finding(Problem(position, first.message, hint=first.hint))]


def structure_findings(loaded: LoadedDocument, profile: Profile | None = None,
                       locator: Locator | None = None) -> list[Finding]:
    profile, findings = resolve_profile(loaded, profile)
    if profile is None:
        return findings
    context = _Context(loaded, profile, locator or Locator(loaded.source))
    for check in (_ids, _sections, _ladder, _lettered, _enumerations, _footnote_count, _footnotes,
                  _document_number, _blank_texts, _numbered, _tables, _figures):
        check(context)
    findings += legal_findings(loaded, profile, context.locator)
    findings += type_findings(loaded, profile, context.locator)
    findings += title_findings(loaded)
    return findings + context.findings


def _sections_of(context: _Context) -> Iterator[tuple[Path_, Section, int]]:
    for visit in walk(context.loaded.document):
        if isinstance(visit.node, Section):
            yield visit.path, visit.node, visit.level


def _ids(context: _Context) -> None:
    """Section ids are unique across the whole file: units address sections by id."""
    first: dict[str, Path_] = {}
    for path, section, _ in _sections_of(context):
        if section.id in first:
            earlier = context.at((*first[section.id], "id"))
            context.report(context.at((*path, "id")), msg(
                "duplicate-id", "duplicate section id '{id}'", id=section.id), hint=msg(
                "duplicate-id-hint", "first used at line {line}; ids are unique in a file",
                line=earlier.line))
        else:
            first[section.id] = path


def _sections(context: _Context) -> None:
    """Sections need a body, and no deeper nesting than the profile can number."""
    max_depth = context.profile.numbering.max_depth
    for path, section, level in _sections_of(context):
        if not section.body:
            where = (*path, "body") if (*path, "body") in context.loaded.source.values else path
            context.report(context.at(where), msg("empty-section", "section '{id}' has no body",
                                                  id=section.id),
                           hint=msg("empty-section-hint",
                                    "write its text under 'body:', or remove the section"))
        if level == max_depth + 1:
            context.report(context.at(path), msg(
                "too-deep", "section '{id}' is nested {level} levels deep; profile '{profile}' "
                "numbers {depth} levels", id=section.id, level=level,
                profile=context.profile.name, depth=max_depth), hint=_MOVE_UP)


_MOVE_UP = msg("too-deep-hint", "move it up a level or make it a list")


def _lettered(context: _Context) -> None:
    """A heading or numbered paragraph on a lettered level of the ladder ("{5:a})") needs a
    letter: past the alphabet's last one (profile `after_letters: error`) it cannot print."""
    document = context.loaded.document
    numbering = context.profile.numbering
    ladder = numbering.ladders.get(document.meta.numbering or numbering.default)
    if ladder is not None:
        _letter_each(context, document.blocks, ("blocks",), [], ladder)
    for index, appendix in enumerate(document.appendices):
        named = numbering.ladders.get(appendix.numbering or document.meta.numbering
                                      or numbering.default)
        if named is not None:
            _letter_each(context, appendix.body, ("appendices", index, "body"), [], named)


def _letter_each(context: _Context, items: list[Any], path: Path_, counters: list[int],
                 ladder: list[str]) -> None:
    child = 0
    for index, item in enumerate(items):
        if isinstance(item, Part):  # the sections of a part are numbered afresh (I., II., …)
            _letter_each(context, item.body, (*path, index, "body"), counters, ladder)
            continue
        if not isinstance(item, Section | NumberedParagraph):
            continue
        child += 1
        numbers = [*counters, child]
        if len(numbers) > len(ladder):
            return  # too deep: reported by _sections and _numbered
        try:
            heading_number(ladder, numbers, context.profile.numbering.alphabet)
        except PastLastLetter as exc:
            context.report(context.at((*path, index)), reason(exc), hint=SPLIT_OR_MOVE_UP)
            return
        _letter_each(context, item.body, (*path, index, "body"), numbers, ladder)


def _ladder(context: _Context) -> None:
    ladders = context.profile.numbering.ladders
    named = [(("meta", "numbering"), context.loaded.document.meta.numbering)]
    named += [(("appendices", i, "numbering"), appendix.numbering)
              for i, appendix in enumerate(context.loaded.document.appendices)]
    for path, name in named:
        if name is not None and name not in ladders:
            context.report(context.at(path), msg("numbering", "unknown numbering ladder "
                                                              "'{name}'", name=name),
                           hint=did_you_mean(name, list(ladders)))


def _numbered(context: _Context) -> None:
    """Numbered paragraphs take a number from the ladder: only where one can be computed
    (blocks, section bodies, appendices), and no deeper than the profile numbers."""
    max_depth = context.profile.numbering.max_depth
    for visit in walk(context.loaded.document):
        if not isinstance(visit.node, NumberedParagraph):
            continue
        path = visit.path
        if path[0] in ("preamble", "conclusion") or _inside_list(path):
            context.report(context.at(path), msg(
                "numbered-outside", "numbered paragraph outside a numbered section"), hint=msg(
                "numbered-outside-hint", "numbered paragraphs go in 'blocks', in a section's "
                "body or in an appendix; here write a plain paragraph or a list"))
        elif visit.level + 1 > max_depth:
            context.report(context.at(path), msg(
                "too-deep", "numbered paragraph is nested {level} levels deep; profile "
                "'{profile}' numbers {depth}", level=visit.level + 1,
                profile=context.profile.name, depth=max_depth), hint=_MOVE_UP)


def _inside_list(path: Path_) -> bool:
    return any(part in ("bullets", "enumerate") for part in path)


def _tables(context: _Context) -> None:
    for visit in walk(context.loaded.document):
        if isinstance(visit.node, Table):
            _, problems = table_grid(visit.node, visit.path)
            for problem in problems:
                context.report(context.at(problem.path), problem.message, hint=problem.hint)


def _figures(context: _Context) -> None:
    """Each figure file: inside the content folder, there, a PNG or JPEG that decodes."""
    root = context.loaded.path.parent
    limits = context.profile.media
    for visit in walk(context.loaded.document):
        if isinstance(visit.node, Figure):
            try:
                load_image(root, visit.node.figure, max_bytes=limits.max_bytes,
                           max_pixels=limits.max_pixels)
            except MediaError as exc:
                context.report(context.at((*visit.path, "figure")), exc.message, hint=exc.hint)


def _enumerations(context: _Context) -> None:
    styles = context.profile.enumerations
    for visit in walk(context.loaded.document):
        enum = visit.node
        if not isinstance(enum, Enumeration):
            continue
        style = styles.get(enum.style)
        if style is None:
            context.report(context.at((*visit.path, "style")),
                           msg("style", "unknown enumeration style '{style}'", style=enum.style),
                           hint=did_you_mean(enum.style, list(styles)))
            continue
        for index in range(len(enum.enumerate)):
            try:
                enumeration_marker(style, enum.start + index,
                                   context.profile.numbering.alphabet)
            except ValueError as exc:
                context.report(context.at((*visit.path, "enumerate", index)),
                               msg("style", "enumeration: {problem}", problem=exc.args[0]),
                               hint=msg("style-hint", "split the list or choose another style"))
                break


def _calls(text: str) -> Iterator[re.Match[str]]:
    for match in FOOTNOTE_CALL.finditer(text):
        if not (match.start() and text[match.start() - 1] == "\\"):
            yield match


def _footnotes(context: _Context) -> None:
    """Every call defined and called once, every definition called (as the build numbers)."""
    notes = context.loaded.document.footnotes
    #: where each note is first called: (path, offset), located only if a message needs it
    #: (an exact column costs a walk over the scalar; a long document calls many notes)
    called: dict[str, tuple[Path_, int]] = {}
    for visit in walk(context.loaded.document):
        if not isinstance(visit.node, str):
            continue
        for match in _calls(visit.node):
            note_id = match.group(1)
            if note_id in notes and note_id not in called:
                called[note_id] = (visit.path, match.start())
                continue
            position = context.at(visit.path, match.start())
            if note_id not in notes:
                hint = did_you_mean(note_id, list(notes)) if notes else None
                if hint is None or hint.code != "did-you-mean":
                    hint = msg("footnote-define-hint", "define it under 'footnotes:'")
                context.report(position, msg("footnote-undefined", "footnote [^{id}] is not "
                                                                   "defined", id=note_id),
                               hint=hint)
            else:
                first = context.at(*called[note_id])
                context.report(position, msg("footnote-twice", "footnote [^{id}] is called a "
                                                               "second time", id=note_id),
                               hint=msg("footnote-twice-hint", "first called at line {line}; a "
                                        "footnote has one call, define a second note for the "
                                        "second place", line=first.line))
    _unused_and_nested(context, called)


def _unused_and_nested(context: _Context, called: dict[str, tuple[Path_, int]]) -> None:
    for path, text in footnote_texts(context.loaded.document):
        for match in _calls(text):
            context.report(context.at(path, match.start()),
                           msg("footnote-nested", "footnote call [^{id}] inside a footnote",
                               id=match.group(1)),
                           hint=msg("footnote-nested-hint",
                                    "footnotes cannot have footnotes; write the text in"))
    for note_id in context.loaded.document.footnotes:
        if note_id not in called:
            context.report(context.loaded.source.at(("footnotes", note_id), key=True),
                           msg("footnote-unused", "footnote '{id}' is defined but never called",
                               id=note_id),
                           severity=WARNING, hint=msg("footnote-unused-hint",
                                                      "call it as [^{id}] or remove it",
                                                      id=note_id))


def _footnote_count(context: _Context) -> None:
    notes = list(context.loaded.document.footnotes)
    if len(notes) > MAX_FOOTNOTES:
        context.report(context.loaded.source.at(("footnotes", notes[MAX_FOOTNOTES]), key=True),
                       msg("too-many-footnotes", "{count:,} footnotes: a document has at most "
                           "{limit:,} (the PDF would take many minutes to lay out)",
                           count=len(notes), limit=MAX_FOOTNOTES),
                       hint=msg("too-many-footnotes-hint",
                                "split the document, or turn notes into a list of sources"))


def _document_number(context: _Context) -> None:
    """'12-HD/BTGTU' (party), '12/QĐ-UBND' (state): the profile prints "Số " or "Số: "
    itself; 01–09 zero-padded."""
    number = context.loaded.document.meta.number
    if number is None:
        return
    if number == AUTO:  # the register's number, taken when an edition is made
        for problem in auto_parts(context.loaded.document.meta, context.profile)[1]:
            context.report(context.at(("meta", "number")), problem)
        return
    rules = context.profile.document_number
    if re.search(rules.pattern, number):
        return
    rules = number_rules(context.profile, context.loaded.document.meta.type)
    path = ("meta", "number")
    candidate = _repair_number(number)
    fix = None
    hint = _number_shape(rules)
    if candidate != number and re.search(rules.pattern, candidate):
        fix = ValueFix(path, 0, len(number), candidate)
        hint = fix_hint(None, number, candidate)
    elif NUMBER_PREFIX.match(number):
        hint = msg("number-prefix-hint", "leave out '{prefix}': the layout prints '{printed}'; "
                   "{hint}", prefix=NUMBER_PREFIX.match(number).group().strip(),
                   printed=rules.prefix.strip(), hint=hint)
    context.report(context.at(path), msg("number", "document number '{number}' does not match "
                                         "the '{profile}' pattern", number=visible(number),
                                         profile=context.profile.name),
                   hint=hint, fix=fix, old=number)


def _number_shape(rules: DocumentNumber) -> Message:
    """How the profile writes a number, from its `shape` and `example` (each rulebook orders
    number, type and issuer its own way), or its pattern if it says neither."""
    if not (rules.shape or rules.example):
        return msg("number-hint", "write it to match the pattern {pattern}",
                   pattern=rules.pattern)
    if not rules.example:
        return msg("number-hint", "write it as {shape}", shape=rules.shape)
    if rules.shape:
        hint = msg("number-hint", "write it as {shape}, e.g. {example}", shape=rules.shape,
                   example=rules.example)
    else:
        hint = msg("number-hint", "write it like {example}", example=rules.example)
    blank = rules.blank_example()
    return msg("number-blank-hint", "{hint}, or {blank} to leave it blank", hint=hint,
               blank=blank) if blank else hint


def _repair_number(number: str) -> str:
    repaired = NUMBER_PREFIX.sub("", number)
    repaired = re.sub(r"\s+", "", repaired)
    return re.sub(r"^(\d)(?=[-/])", r"0\1", repaired)


def _blank_texts(context: _Context) -> None:
    for visit in walk(context.loaded.document):
        if isinstance(visit.node, str) and not visit.node.strip() and \
                "table" not in visit.path:  # a blank cell is part of a form or a register
            message = msg("blank", "empty title") if visit.path[-1] == "title" else \
                msg("blank", "empty text")
            context.report(context.at(visit.path), message,
                           hint=msg("blank-hint", "write the text or remove the line"))
