"""The official layout's rules applied to what a Word file shows (`facts`).

Errors are departures from rules the texts state ([C] in the layout notes: A4, the masthead
lines, "Số" without a colon in Party documents and with one in state documents, the date
format, no page number on page 1); warnings are departures from practice ([P]: margins,
sizes, spacing, fonts, page-number position, footnote style, Nơi nhận, signature) and the
gaps and repeats of the typed heading numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from briefing.importing.assemble import legacy_text
from briefing.importing.guesses import Notebook, excerpt
from briefing.importing.head import document_type, head_lines, kind_of
from briefing.lint.closing_rules import check_closing, closing_places
from briefing.lint.facts import Facts, ParagraphLook, read_facts
from briefing.lint.masthead_rules import check_masthead, masthead_area
from briefing.lint.numbering import numbering_findings, running_lines
from briefing.lint.page_rules import check_page, check_page_numbers
from briefing.lint.profile_signs import NUMBER_LINE, profile_signs
from briefing.messages import Message, msg, msgn
from briefing.problems import ERROR, WARNING, Position, Problem
from briefing.profile.model import Profile, load_profile
from briefing.readers.source import Where, place_paragraph
from briefing.text.inline_markdown import plain_text

DATA = Path(__file__).resolve().parent / "data" / "allowed.yaml"
#: an appendix head: "Phụ lục II" on a line of its own (ND 30 PL I §III.1)
_APPENDIX = re.compile(r"^phụ\s+lục(?:\s+[IVXLC\d]+)?\s*$", re.IGNORECASE)
#: lines of the masthead and title block that are not running text, whatever their size: the
#: Party and national titles and the motto (12–13 pt by rule), "*", rule lines drawn with
#: underscores
_NOT_BODY = frozenset({"party-title", "state-title", "star", "rule", "mark"})
#: styles of running text, whose size and spacing the body rules apply to
_BODY_STYLES = {"normal", "body text", "body text 2", "body text indent", "list paragraph",
                "normal (web)", "default", "text body", "first paragraph", "block text"}


@lru_cache(maxsize=1)
def _allowed() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _inside(value: float, bounds: list[float], slack: float = 0.3) -> bool:
    return bounds[0] - slack <= value <= bounds[1] + slack


def lint_file(path: Path, profile: str | None = None, source: str = "") -> list[Problem]:
    """The findings for the Word file at `path`, by the layout `profile` names or, without
    one, the layout the file shows (`profile_signs`); a file that shows none is said so once."""
    facts = read_facts(path)
    legacy = _legacy_encoding(facts)
    blocks = facts.source.blocks if facts.source else []
    found = profile or profile_signs([line for block in blocks[:40]
                                      for line in head_lines(block)][:60])
    linter = Linter(facts, load_profile(found or "party"), source or str(path),
                    known=bool(found))
    if legacy:
        linter.add(ERROR, msg("lint-legacy-encoding", "the text is typed in the legacy encoding "
                              "{encoding}: the layout wants Unicode (TCVN 6909:2001) in Times "
                              "New Roman (read here as converted)", encoding=legacy))
    if not found:
        linter.add(WARNING, msg("lint-profile", "neither 'ĐẢNG CỘNG SẢN VIỆT NAM' nor the "
                                "national title heads the file: judged by the rules the Party "
                                "and state layouts share (name one with --profile party|state)"))
    return linter.run()


def _legacy_encoding(facts: Facts) -> str | None:
    """The legacy encoding (.VnTime, VNI) the text is typed in, if any, the text converted in
    place as the importer converts it — so the rules read the words a reader sees."""
    if facts.source is None:
        return None
    notes = Notebook()
    legacy_text(facts.source, notes)
    for note in notes.notes:
        if note.code == "import-legacy-text":
            return str(dict(note.message.params)["encoding"])
    return None


class Linter:
    """The findings for one Word file (`source`, as messages name it): `Problem`s.

    `known` says whether the profile was named (`--profile`) or read from the file; when it was
    not, the rules that differ between the Party and the state layouts are not applied
    (`lint_file` says so once) and the wider ranges, the Party's, are used."""

    def __init__(self, facts: Facts, profile: Profile, source: str = "", known: bool = True):
        self.facts = facts
        self.profile = profile
        self.source = source
        self.known = known
        self.party = profile.name == "party"
        self.allowed = _allowed().get(profile.name, _allowed()["party"])
        self.findings: list[Problem] = []
        self.lines = [line for block in (facts.source.blocks if facts.source else [])
                      for line in head_lines(block)]
        self.head = self.lines[:25]
        self.masthead_area = masthead_area(self.head)
        self.appendix = bool(self.head) and bool(_APPENDIX.match(self.head[0].text))
        #: a document with a masthead: a type name in its head ("QUYẾT ĐỊNH"), or a number
        #: line in its masthead (a công văn has no type name)
        named = next((name for line in self.head if (name := document_type(line.text))), None)
        self.official = not self.appendix and (
            named is not None or any(NUMBER_LINE.match(line.text) for line in self.masthead_area))
        #: the layout of the type the head names, as the profile has it (a biên bản has no
        #: place and date), None when it names none the profile knows
        found = self.profile.document_type(named) if named else None
        self.type_layout = found[1] if found else None
        kinds = [kind_of(line.text) for line in self.head]
        self.booklet = "booklet-title" in kinds or any(line.role == "cover-title"
                                                       for line in self.head)
        self.running = {str(line.where): line for line in running_lines(facts.source)}
        #: where the masthead's and the closing's lines are: their sizes are their own
        self.furniture = {str(line.where) for line in self.masthead_area
                          if self.official or kind_of(line.text) != "other"
                          or line.text.startswith("V/v")} | closing_places(self)

    def add(self, severity: str, message: Message, where: Where = None, text: str = "") -> None:
        self.findings.append(Problem(Position(self.source, place=where), message, severity,
                                     quote=excerpt(text) if text else ""))

    def run(self) -> list[Problem]:
        check_page(self)
        self.fonts()
        check_masthead(self)
        check_page_numbers(self)
        self.footnotes()
        check_closing(self)
        self.numbering()
        return self.findings

    def _body(self) -> list[ParagraphLook]:
        """Paragraphs of running text (the body styles), outside tables: not the masthead nor
        the closing, not the title lines nor rule lines."""
        high = self.allowed["body_size"][1]
        return [p for p in self.facts.paragraphs if not p.in_table
                and p.style.lower() in _BODY_STYLES and kind_of(p.text.strip()) not in _NOT_BODY
                and str(place_paragraph(p.number)) not in self.furniture
                and not (p.size and p.size > high and self._displayed(p))]

    def _displayed(self, paragraph: ParagraphLook) -> bool:
        """A title set apart by its look (bold, centred, capitals or a heading), as clerks
        format titles by hand in the Normal style: larger than body text by design."""
        line = self.running.get(str(place_paragraph(paragraph.number)))
        return line is not None and (line.bold or line.caps or line.align == "center"
                                     or line.heading is not None)

    def fonts(self) -> None:
        family = self.profile.font.family
        wrong: dict[str, list] = {}
        for p in self.facts.paragraphs:
            if p.font and p.font != family:
                wrong.setdefault(p.font, []).append(p)
        for font, paragraphs in wrong.items():
            first = paragraphs[0]
            self.add(WARNING, msgn("lint-font", "font '{font}' in {n} paragraph, not {family}",
                                   "font '{font}' in {n} paragraphs, not {family}",
                                   len(paragraphs), font=font, family=family),
                     place_paragraph(first.number), first.text)
        sizes = self.allowed["body_size"]
        odd = [p for p in self._body() if p.size and not _inside(p.size, sizes, 0)]
        if odd:
            self.add(WARNING, msgn("lint-size", "body text in {size:g} pt ({n} paragraph); the "
                                   "layout allows {low}–{high} pt", "body text in {size:g} pt "
                                   "({n} paragraphs); the layout allows {low}–{high} pt",
                                   len(odd), size=odd[0].size, low=sizes[0], high=sizes[1]),
                     place_paragraph(odd[0].number), odd[0].text)
        spaced = [p for p in self._body() if p.line and not self._line_ok(p.line)]
        if spaced:
            rule, value = spaced[0].line
            shown = msg("lint-spacing-lines", "{value:g} lines", value=value) if rule == "auto" \
                else f"{rule} {value:g} pt"
            self.add(WARNING, msgn("lint-spacing", "line spacing {spacing} ({n} paragraph); the "
                                   "layout uses single to 1.5 lines or an exact 15–27 pt",
                                   "line spacing {spacing} ({n} paragraphs); the layout uses "
                                   "single to 1.5 lines or an exact 15–27 pt", len(spaced),
                                   spacing=shown),
                     place_paragraph(spaced[0].number), spaced[0].text)

    def _line_ok(self, line: tuple[str, float]) -> bool:
        rule, value = line
        if rule == "auto":
            return _inside(value, self.allowed["line_auto"], 0.01)
        return _inside(value, self.allowed["line_exact"], 0.1)

    def footnotes(self) -> None:
        size = self.facts.footnote_size
        bounds = self.allowed["footnote_size"]
        if self.facts.real_footnotes and size and not _inside(size, bounds, 0):
            self.add(WARNING, msg("lint-footnote-size", "footnote text in {size:g} pt; the "
                                  "layout uses {low}–{high} pt", size=size, low=bounds[0],
                                  high=bounds[1]))
        typed = [line for line in self.lines if re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹]", line.text)]
        callouts = self.facts.source is not None and self.facts.source.callouts
        if typed and not self.facts.real_footnotes and not callouts:  # not a "Ghi chú:" box's
            self.add(WARNING, msg("lint-typed-footnotes", "footnotes typed as text (superscript "
                                  "digits), not Word footnotes: they will not follow their "
                                  "call"), typed[0].where, typed[0].text)

    # -- numbering ---------------------------------------------------------------------------
    def numbering(self) -> None:
        for line, message in numbering_findings(self.facts.source):
            self.add(WARNING, message, line.where, plain_text(line.text))
