"""The official layout's rules applied to what a Word file shows (`facts`).

Errors are departures from rules the texts state ([C] in the layout notes: A4, the masthead
lines, "Số" without a colon in Party documents and with one in state documents, the date
format, no page number on page 1); warnings are departures from practice ([P]: margins,
sizes, spacing, fonts, page-number position, footnote style, Nơi nhận, signature) and the
gaps and repeats of the typed heading numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from briefing.importing.guesses import excerpt
from briefing.importing.head import PLACE_DATE, document_type, head_lines, kind_of
from briefing.lint.facts import Facts
from briefing.problems import BriefingError
from briefing.profile.model import Profile

ERROR, WARNING = "error", "warning"
DATA = Path(__file__).resolve().parent / "data" / "allowed.yaml"
_NUMBER = re.compile(r"^Số\s*(:?)\s*\S")
#: styles of running text, whose size and spacing the body rules apply to
_BODY_STYLES = {"normal", "body text", "body text 2", "body text indent", "list paragraph",
                "normal (web)", "default", "text body", "first paragraph", "block text"}


@dataclass(frozen=True)
class Finding:
    severity: str
    message: str
    where: str = ""
    text: str = ""

    def line(self, source: str) -> str:
        place = f"{source}: {self.where}" if self.where else source
        out = f"{place}: {self.severity}: {self.message}"
        return out + (f" — “{excerpt(self.text)}”" if self.text else "")


@lru_cache(maxsize=1)
def _allowed() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _inside(value: float, bounds: list[float], slack: float = 0.3) -> bool:
    return bounds[0] - slack <= value <= bounds[1] + slack


class Linter:
    def __init__(self, facts: Facts, profile: Profile):
        self.facts = facts
        self.profile = profile
        self.allowed = _allowed().get(profile.name, _allowed()["party"])
        self.findings: list[Finding] = []
        self.lines = [line for block in (facts.source.blocks if facts.source else [])
                      for line in head_lines(block)]

    def add(self, severity: str, message: str, where: str = "", text: str = "") -> None:
        self.findings.append(Finding(severity, message, where, text))

    def run(self) -> list[Finding]:
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
            self.add(ERROR, f"page size is {got[0]:g} x {got[1]:g} mm, not A4 portrait "
                     f"({want[0]} x {want[1]} mm)" if got else "page size not set")
        for edge, bounds in self.allowed["margins"].items():
            value = self.facts.margins_mm.get(edge)
            if value is not None and not _inside(value, bounds):
                self.add(WARNING, f"{edge} margin is {value:g} mm; the layout allows "
                         f"{bounds[0]}–{bounds[1]} mm (profile: "
                         f"{self.profile.page.margins[edge]:g} mm)")

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
            self.add(WARNING, f"font '{font}' in {len(paragraphs)} paragraph"
                     f"{'s' if len(paragraphs) > 1 else ''}, not {family}",
                     f"paragraph {first.number}", first.text)
        sizes = self.allowed["body_size"]
        odd = [p for p in self._body() if p.size and not _inside(p.size, sizes, 0)]
        if odd:
            self.add(WARNING, f"body text in {odd[0].size:g} pt ({len(odd)} paragraph"
                     f"{'s' if len(odd) > 1 else ''}); the layout allows {sizes[0]}–{sizes[1]} "
                     "pt", f"paragraph {odd[0].number}", odd[0].text)
        spaced = [p for p in self._body() if p.line and not self._line_ok(p.line)]
        if spaced:
            rule, value = spaced[0].line
            shown = f"{value:g} lines" if rule == "auto" else f"{rule} {value:g} pt"
            self.add(WARNING, f"line spacing {shown} ({len(spaced)} paragraph"
                     f"{'s' if len(spaced) > 1 else ''}); the layout uses single to 1.5 lines "
                     "or an exact 15–27 pt", f"paragraph {spaced[0].number}", spaced[0].text)

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
                self.add(ERROR, f"the masthead has no '{words}' line")
            if party and "star" not in kinds:
                self.add(WARNING, "no '*' under the issuing body (HD 36)")
        for line in head:
            match = _NUMBER.match(line.text)
            if match and ("/" in line.text):
                colon = bool(match.group(1))
                if party and colon:
                    self.add(ERROR, "'Số:' with a colon: Party documents write 'Số 12-HD/…' "
                             "(HD 36)", line.where, line.text)
                elif not party and not colon:
                    self.add(ERROR, "'Số' without a colon: state documents write "
                             "'Số: 12/QĐ-…' (NĐ 30)", line.where, line.text)
            date = PLACE_DATE.match(line.text)
            if date:
                self._date(date, line)
        if official and not any(PLACE_DATE.match(line.text) for line in head):
            self.add(WARNING, "no '<place>, ngày … tháng … năm …' line in the masthead")

    def _date(self, match: re.Match[str], line) -> None:
        day, month = match.group("d").strip(), match.group("m").strip()
        pad = set(self.profile.date.pad_months)
        if day.isdigit() and int(day) < 10 and len(day) != 2:
            self.add(ERROR, f"day '{day}' must be written with two digits "
                     f"('{int(day):02d}')", line.where, line.text)
        if month.isdigit():
            number = int(month)
            if number in pad and len(month) != 2:
                self.add(ERROR, f"month '{month}' must be written '{number:02d}'", line.where,
                         line.text)
            elif number not in pad and month.startswith("0"):
                self.add(ERROR, f"month '{month}' must be written '{number}' (only months "
                         f"{', '.join(str(m) for m in sorted(pad))} take a zero)", line.where,
                         line.text)

    # -- page numbers, footnotes -------------------------------------------------------------
    def page_numbers(self) -> None:
        fields = self.facts.page_fields
        if not fields:
            self.add(WARNING, "no page numbers (a PAGE field in the header)")
            return
        if not self.profile.page.number.first_page:
            if any(not first for _, _, first in fields) and not self.facts.title_page:
                self.add(ERROR, "page 1 shows a page number (set 'Different First Page')")
            if any(first for _, _, first in fields):
                self.add(ERROR, "page 1 has its own header with a page number")
        place, _, align = self.profile.page.number.position.partition("-")
        kind = "header" if place == "top" else "footer"
        for where, jc, first in fields:
            if first:
                continue
            if where != kind:
                self.add(WARNING, f"page numbers are in the {where}; the layout puts them in "
                         f"the {kind}")
            elif (jc or "left") not in (align or "center", "centre"):
                self.add(WARNING, f"page numbers are aligned '{jc or 'left'}', not "
                         f"'{align or 'center'}'")

    def footnotes(self) -> None:
        size = self.facts.footnote_size
        bounds = self.allowed["footnote_size"]
        if self.facts.real_footnotes and size and not _inside(size, bounds, 0):
            self.add(WARNING, f"footnote text in {size:g} pt; the layout uses "
                     f"{bounds[0]}–{bounds[1]} pt")
        typed = [line for line in self.lines if re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹]", line.text)]
        if typed and not self.facts.real_footnotes:
            self.add(WARNING, "footnotes typed as text (superscript digits), not Word "
                     "footnotes: they will not follow their call", typed[0].where,
                     typed[0].text)

    # -- closing -----------------------------------------------------------------------------
    def closing(self) -> None:
        official = any(document_type(line.text) for line in self.lines[:25])
        label = [i for i, line in enumerate(self.lines)
                 if re.match(r"^Nơi\s+nhận", line.text, re.IGNORECASE)]
        if official and not label:
            self.add(WARNING, "no 'Nơi nhận:' (recipients) in the closing")
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
                self.add(WARNING, "Nơi nhận items start with '- '", bad[0].where, bad[0].text)
            if items and not items[-1].text.lstrip("-– ").startswith("Lưu"):
                self.add(WARNING, "the last Nơi nhận item is '- Lưu …'", items[-1].where,
                         items[-1].text)
        authority = [line for line in self.lines
                     if re.match(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.)\s", line.text)]
        party = self.profile.name == "party"
        for line in authority:
            if party and re.match(r"^(TM|KT|TL)\.", line.text):
                self.add(WARNING, "Party documents write T/M, K/T, T/L (with a slash)",
                         line.where, line.text)
            if not party and re.match(r"^(T/M|K/T|T/L)", line.text):
                self.add(WARNING, "state documents write TM., KT., TL. (with a dot)",
                         line.where, line.text)
        if official and not authority and not any(line.role == "signature-name"
                                                  for line in self.lines):
            self.add(WARNING, "no signature block (authority, title, name) found")

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
            if note.kind == "guess" and ("numbering" in note.message or "level" in note.message):
                self.add(WARNING, note.message.split(" (")[0], note.where, note.excerpt)
