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

from briefing.importing.guesses import excerpt
from briefing.importing.head import PLACE_DATE, document_type, head_lines, kind_of
from briefing.lint.facts import Facts
from briefing.messages import Message, msg, msgn
from briefing.problems import ERROR, GUESS, WARNING, BriefingError, Position, Problem
from briefing.profile.model import Profile
from briefing.readers.source import Where, place_paragraph

DATA = Path(__file__).resolve().parent / "data" / "allowed.yaml"
_NUMBER = re.compile(r"^Số\s*(:?)\s*\S")
#: styles of running text, whose size and spacing the body rules apply to
_BODY_STYLES = {"normal", "body text", "body text 2", "body text indent", "list paragraph",
                "normal (web)", "default", "text body", "first paragraph", "block text"}


@lru_cache(maxsize=1)
def _allowed() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _inside(value: float, bounds: list[float], slack: float = 0.3) -> bool:
    return bounds[0] - slack <= value <= bounds[1] + slack


#: the importer's guesses about typed heading and list numbers, which the lint reports
NUMBERING_GUESSES = frozenset({"numbering-level", "numbering-sequence", "list-sequence"})


class Linter:
    """The findings for one Word file (`source`, as messages name it): `Problem`s."""

    def __init__(self, facts: Facts, profile: Profile, source: str = ""):
        self.facts = facts
        self.profile = profile
        self.source = source
        self.allowed = _allowed().get(profile.name, _allowed()["party"])
        self.findings: list[Problem] = []
        self.lines = [line for block in (facts.source.blocks if facts.source else [])
                      for line in head_lines(block)]

    def add(self, severity: str, message: Message, where: Where = None, text: str = "") -> None:
        self.findings.append(Problem(Position(self.source, place=where), message, severity,
                                     quote=excerpt(text) if text else ""))

    def run(self) -> list[Problem]:
        self.page()
        self.fonts()
        self.masthead()
        self.page_numbers()
        self.footnotes()
        self.closing()
        self.numbering()
        return self.findings

    # -- page and type ---------------------------------------------------------------------
    def page(self) -> None:
        want = tuple(self.profile.page.size)
        got = self.facts.page_mm
        if got is None or abs(got[0] - want[0]) > 1 or abs(got[1] - want[1]) > 1:
            self.add(ERROR, msg("lint-page", "page size is {width:g} x {height:g} mm, not A4 "
                                "portrait ({want_width} x {want_height} mm)", width=got[0],
                                height=got[1], want_width=want[0], want_height=want[1])
                     if got else msg("lint-page", "page size not set"))
        for edge, bounds in self.allowed["margins"].items():
            value = self.facts.margins_mm.get(edge)
            if value is not None and not _inside(value, bounds):
                self.add(WARNING, msg("lint-margin", "{edge} margin is {value:g} mm; the layout "
                                      "allows {low}–{high} mm (profile: {profile:g} mm)",
                                      edge=_EDGES.get(edge, edge), value=value, low=bounds[0],
                                      high=bounds[1], profile=self.profile.page.margins[edge]))

    def _body(self):
        """Paragraphs of running text (the body styles), outside tables."""
        return [p for p in self.facts.paragraphs if not p.in_table
                and p.style.lower() in _BODY_STYLES]

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

    # -- masthead ----------------------------------------------------------------------------
    def masthead(self) -> None:
        head = self.lines[:25]
        kinds = [kind_of(line.text) for line in head]
        official = any(document_type(line.text) for line in head)
        booklet = "booklet-title" in kinds or any(line.role == "cover-title" for line in head)
        party = self.profile.name == "party"
        if official and not booklet:
            title = "party-title" if party else "state-title"
            if title not in kinds:
                words = "ĐẢNG CỘNG SẢN VIỆT NAM" if party else \
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"
                self.add(ERROR, msg("lint-masthead", "the masthead has no '{words}' line",
                                    words=words))
            if party and "star" not in kinds:
                self.add(WARNING, msg("lint-star", "no '*' under the issuing body (HD 36)"))
        for line in head:
            match = _NUMBER.match(line.text)
            if match and ("/" in line.text):
                colon = bool(match.group(1))
                if party and colon:
                    self.add(ERROR, msg("lint-number-colon", "'Số:' with a colon: Party "
                                        "documents write 'Số 12-HD/…' (HD 36)"),
                             line.where, line.text)
                elif not party and not colon:
                    self.add(ERROR, msg("lint-number-colon", "'Số' without a colon: state "
                                        "documents write 'Số: 12/QĐ-…' (NĐ 30)"),
                             line.where, line.text)
            date = PLACE_DATE.match(line.text)
            if date:
                self._date(date, line)
        if official and not any(PLACE_DATE.match(line.text) for line in head):
            self.add(WARNING, msg("lint-place-date",
                                  "no '<place>, ngày … tháng … năm …' line in the masthead"))

    def _date(self, match: re.Match[str], line) -> None:
        day, month = match.group("d").strip(), match.group("m").strip()
        pad = set(self.profile.date.pad_months)
        if day.isdigit() and int(day) < 10 and len(day) != 2:
            self.add(ERROR, msg("lint-date", "day '{day}' must be written with two digits "
                                "('{padded:02d}')", day=day, padded=int(day)),
                     line.where, line.text)
        if month.isdigit():
            number = int(month)
            if number in pad and len(month) != 2:
                self.add(ERROR, msg("lint-date", "month '{month}' must be written "
                                    "'{number:02d}'", month=month, number=number),
                         line.where, line.text)
            elif number not in pad and month.startswith("0"):
                self.add(ERROR, msg("lint-date", "month '{month}' must be written '{number}' "
                                    "(only months {padded} take a zero)", month=month,
                                    number=number, padded=tuple(str(m) for m in sorted(pad))),
                         line.where, line.text)

    # -- page numbers, footnotes -------------------------------------------------------------
    def page_numbers(self) -> None:
        fields = self.facts.page_fields
        if not fields:
            self.add(WARNING, msg("lint-page-numbers",
                                  "no page numbers (a PAGE field in the header)"))
            return
        if not self.profile.page.number.first_page:
            if any(not first for _, _, first in fields) and not self.facts.title_page:
                self.add(ERROR, msg("lint-first-page",
                                    "page 1 shows a page number (set 'Different First Page')"))
            if any(first for _, _, first in fields):
                self.add(ERROR, msg("lint-first-page",
                                    "page 1 has its own header with a page number"))
        place, _, align = self.profile.page.number.position.partition("-")
        kind = "header" if place == "top" else "footer"
        for where, jc, first in fields:
            if first:
                continue
            if where != kind:
                self.add(WARNING, msg("lint-page-number-place", "page numbers are in the "
                                      "{place}; the layout puts them in the {wanted}",
                                      place=_BANDS[where], wanted=_BANDS[kind]))
            elif (jc or "left") not in (align or "center", "centre"):
                self.add(WARNING, msg("lint-page-number-align", "page numbers are aligned "
                                      "'{align}', not '{wanted}'", align=jc or "left",
                                      wanted=align or "center"))

    def footnotes(self) -> None:
        size = self.facts.footnote_size
        bounds = self.allowed["footnote_size"]
        if self.facts.real_footnotes and size and not _inside(size, bounds, 0):
            self.add(WARNING, msg("lint-footnote-size", "footnote text in {size:g} pt; the "
                                  "layout uses {low}–{high} pt", size=size, low=bounds[0],
                                  high=bounds[1]))
        typed = [line for line in self.lines if re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹]", line.text)]
        if typed and not self.facts.real_footnotes:
            self.add(WARNING, msg("lint-typed-footnotes", "footnotes typed as text (superscript "
                                  "digits), not Word footnotes: they will not follow their "
                                  "call"), typed[0].where, typed[0].text)

    # -- closing -----------------------------------------------------------------------------
    def closing(self) -> None:
        official = any(document_type(line.text) for line in self.lines[:25])
        label = [i for i, line in enumerate(self.lines)
                 if re.match(r"^Nơi\s+nhận", line.text, re.IGNORECASE)]
        if official and not label:
            self.add(WARNING, msg("lint-recipients", "no 'Nơi nhận:' (recipients) in the "
                                                     "closing"))
        if label:
            items = []
            for line in self.lines[label[-1] + 1:]:
                if line.column != self.lines[label[-1]].column:
                    continue
                if not line.text.startswith(("-", "–", "+", "•")) and items:
                    break
                items.append(line)
            bad = [item for item in items if not item.text.startswith("-")]
            if bad:
                self.add(WARNING, msg("lint-recipients", "Nơi nhận items start with '- '"),
                         bad[0].where, bad[0].text)
            if items and not items[-1].text.lstrip("-– ").startswith("Lưu"):
                self.add(WARNING, msg("lint-recipients", "the last Nơi nhận item is '- Lưu …'"),
                         items[-1].where, items[-1].text)
        authority = [line for line in self.lines
                     if re.match(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.)\s", line.text)]
        party = self.profile.name == "party"
        for line in authority:
            if party and re.match(r"^(TM|KT|TL)\.", line.text):
                self.add(WARNING, msg("lint-authority", "Party documents write T/M, K/T, T/L "
                                                        "(with a slash)"), line.where, line.text)
            if not party and re.match(r"^(T/M|K/T|T/L)", line.text):
                self.add(WARNING, msg("lint-authority", "state documents write TM., KT., TL. "
                                                        "(with a dot)"), line.where, line.text)
        if official and not authority and not any(line.role == "signature-name"
                                                  for line in self.lines):
            self.add(WARNING, msg("lint-signature",
                                  "no signature block (authority, title, name) found"))

    # -- numbering ---------------------------------------------------------------------------
    def numbering(self) -> None:
        from briefing.importing import assemble as middle
        from briefing.importing.guesses import Notebook

        notes = Notebook()
        source = self.facts.source
        if source is None:
            return
        for part in middle.split(source, notes):
            try:
                middle.build_part(part, source, notes, form=None,
                                  profile_name=self.profile.name, stem="lint")
            except BriefingError:  # a part that cannot be read: the other rules still report
                continue
        for note in notes.notes:
            if note.severity == GUESS and note.code in NUMBERING_GUESSES:
                self.findings.append(Problem(Position(self.source, place=note.position.place),
                                             note.message, WARNING, quote=note.quote))


_EDGES = {"top": msg("edge-top", "top"), "bottom": msg("edge-bottom", "bottom"),
          "left": msg("edge-left", "left"), "right": msg("edge-right", "right")}
_BANDS = {"header": msg("band-header", "header"), "footer": msg("band-footer", "footer")}
