"""The page, section by section: A4 in either orientation, the margins of each portrait
section, and the page numbers each section's headers and footers show.

ND 30/2020 PL I §I.1–3: A4; portrait, or landscape where the text holds wide tables — the rules
give margins for the portrait page only, so a landscape section's are not judged. §I.7: the page
number in the top margin, centred, never on the first page — page 1 is the first section's, so
its "Different First Page" (and an empty first-page header) decides, whatever later sections set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.messages import Message, msg
from briefing.problems import ERROR, WARNING
from briefing.readers.source import Section

if TYPE_CHECKING:
    from briefing.lint.rules import Linter

#: Word writes A4 as 11906 x 16838 twips, or 11907 x 16840 (its legacy rounding)
_SLACK_MM = 1.0


def check_page(linter: Linter) -> None:
    sections = linter.facts.source.sections if linter.facts.source else []
    want = tuple(linter.profile.page.size)
    for section in sections:
        where = section.where if len(sections) > 1 else None
        got = (section.mm(section.width), section.mm(section.height))
        if not section.width or not section.height:
            linter.add(ERROR, msg("lint-page", "page size not set"), where)
            continue
        if not _a4(got, want):
            linter.add(ERROR, msg("lint-page", "page size is {width:g} x {height:g} mm, not A4 "
                                  "({want_width} x {want_height} mm, upright or turned for wide "
                                  "tables)", width=got[0],
                                  height=got[1], want_width=want[0], want_height=want[1]),
                       where)
        if not section.landscape:
            _margins(linter, section, where)


def _a4(got: tuple[float, float], want: tuple[float, ...]) -> bool:
    """A4 portrait, or A4 landscape (PL I §I.2 allows it for wide tables)."""
    return all(abs(a - b) <= _SLACK_MM for a, b in zip(sorted(got), sorted(want), strict=True))


def _margins(linter: Linter, section: Section, where: Message | None) -> None:
    for edge, bounds in linter.allowed["margins"].items():
        twips = section.margins.get(edge)
        if twips is None:
            continue
        value = section.mm(abs(twips))
        if not bounds[0] - 0.3 <= value <= bounds[1] + 0.3:
            linter.add(WARNING, msg("lint-margin", "{edge} margin is {value:g} mm; the layout "
                                    "allows {low}–{high} mm (profile: {profile:g} mm)",
                                    edge=_EDGES.get(edge, edge), value=value, low=bounds[0],
                                    high=bounds[1],
                                    profile=linter.profile.page.margins[edge]), where)


def check_page_numbers(linter: Linter) -> None:
    sections = linter.facts.source.sections if linter.facts.source else []
    numbered = [(section, item) for section in sections for item in section.headers
                if item.page_number]
    if not numbered:
        if linter.facts.pages != 1:  # a one-page document shows none (page 1 never does)
            linter.add(WARNING, msg("lint-page-numbers",
                                    "no page numbers (a PAGE field in the header)"))
        return
    if sections and not linter.profile.page.number.first_page:
        _first_page(linter, sections[0])
    place, _, align = linter.profile.page.number.position.partition("-")
    kind = "header" if place == "top" else "footer"
    seen: set[str] = set()
    for _, item in numbered:
        if item.type == "first" or item.part in seen:
            continue
        seen.add(item.part)
        jc = linter.facts.page_align.get(item.part)
        if item.kind != kind:
            linter.add(WARNING, msg("lint-page-number-place", "page numbers are in the "
                                    "{place}; the layout puts them in the {wanted}",
                                    place=_BANDS[item.kind], wanted=_BANDS[kind]))
        elif (jc or "left") not in (align or "center", "centre"):
            linter.add(WARNING, msg("lint-page-number-align", "page numbers are aligned "
                                    "'{align}', not '{wanted}'", align=jc or "left",
                                    wanted=align or "center"))


def _first_page(linter: Linter, first: Section) -> None:
    """Page 1 is the first section's first page: its first-page header when the section has a
    different first page, else its default one."""
    shown = [item for item in first.headers
             if item.type == ("first" if first.title_page else "default")]
    if not any(item.page_number for item in shown):
        return
    if first.title_page:
        linter.add(ERROR, msg("lint-first-page",
                              "page 1 has its own header with a page number"))
    else:
        linter.add(ERROR, msg("lint-first-page",
                              "page 1 shows a page number (set 'Different First Page')"))


_EDGES = {"top": msg("edge-top", "top"), "bottom": msg("edge-bottom", "bottom"),
          "left": msg("edge-left", "left"), "right": msg("edge-right", "right")}
_BANDS = {"header": msg("band-header", "header"), "footer": msg("band-footer", "footer")}
