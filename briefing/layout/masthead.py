"""The masthead band laid out once, for both writers: rows, cells, lines, rules.

HD 36 and ND 30 set the first-page header as a borderless two-column band: the issuer block
(superior, issuer, "*" or a short rule) beside the profile's title lines (party name; national
title and motto) and the rule under the last, then the number beside the place-and-date line,
so the two sit on one baseline; a công văn's "V/v …" stands under the number, a biên bản has
no place and date. `masthead_layout` computes all of it from the profile and the
tree's `Masthead`; the DOCX writer draws it as a table, the PDF writer as a grid of divs, each
line in the style its `role` names.

The profile's column split is kept unless the right column is too narrow for its lines: a
wrapped "Thành phố Hồ Chí Minh, ngày … năm 2024" is the first thing a clerk would fix by hand,
so the split moves left, as far as the issuer name and number allow; a long superior line may
then wrap, as it does in real documents. The band never leaves the text area. Rules are
measured with the profile font: the title rule as long as its line, the issuer rule the
profile's share of the issuer name.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from briefing.layout.measure import line_width_mm, safe_width_mm
from briefing.profile.model import Profile, TextStyle
from briefing.tree.vocabulary import Inline, Issuer, Masthead

#: what a line of the head is; each writer names its style (DOCX) or class (HTML) after it
Role = Literal["superior", "issuer", "star", "number", "title-line", "place-date",
               "letter-subject", "title", "subject", "issue", "meeting", "mark", "foot"]


class Line(NamedTuple):
    """One line of the head; `text` is plain or inline content (a subject broken by <br/>);
    `position` counts the title lines from 1 (each has its look in the profile)."""

    role: Role
    text: str | list[Inline]
    position: int = 1


class Rule(NamedTuple):
    """A rule under the line above it, `length_mm` long, centred in its column."""

    role: Literal["issuer-rule", "title-rule"]
    length_mm: float


class Cell(NamedTuple):
    width_mm: float
    lines: tuple[Line | Rule, ...]


class Band(NamedTuple):
    """Two rows of two cells: issuer | title lines, number | place and date."""

    rows: tuple[tuple[Cell, Cell], ...]

    @property
    def columns(self) -> tuple[float, float]:
        left, right = self.rows[0]
        return left.width_mm, right.width_mm


def split_columns(profile: Profile, left_needs: list[float], must_left: list[float],
                  right_needs: list[float]) -> tuple[float, float]:
    """Column widths (mm): the profile's split, moved only as far as needed to keep the right
    column's lines whole without letting a line of `must_left` (issuer name, number) wrap;
    room the right column does not need goes to a left line that would wrap (a long superior).
    """
    mast = profile.masthead
    total = profile.text_width_mm
    left = total * mast.columns[0] / sum(mast.columns)
    right_need = max(right_needs, default=0.0)
    if right_need > total - left:
        left = max(total - right_need, max(must_left, default=0.0))
    left_need = max(left_needs, default=0.0)
    if left_need > left:
        left = max(left, min(left_need, total - right_need))
    left = min(max(left, 0.0), total)
    return left, total - left


def title_lines(lines: list[str], profile: Profile) -> list[tuple[str, TextStyle]]:
    """Each title line with the profile line that styles it (the template writes one per
    profile line; extra lines take the look of the last)."""
    looks = profile.masthead.title_lines
    return [(text, looks[min(index, len(looks) - 1)]) for index, text in enumerate(lines)]


def title_rule_mm(lines: list[str], profile: Profile, column_mm: float) -> float | None:
    """Length of the rule under the title (ĐẢNG CỘNG SẢN VIỆT NAM, or the motto): as wide as
    its last line, at most the column; None when the profile draws none."""
    looked = title_lines(lines, profile)
    if not (looked and profile.masthead.title_rule):
        return None
    text, look = looked[-1]
    return min(line_width_mm(text, look, profile), column_mm)


def issuer_rule_mm(issuer: Issuer, profile: Profile, column_mm: float) -> float:
    """Length of the rule under the issuer name (ND 30): the profile's share of the name's
    width, or of the column when the name wraps."""
    mast = profile.masthead
    width = min(line_width_mm(issuer.name, mast.issuer, profile), column_mm)
    return width * (mast.issuer_rule or 0)


def issuer_lines(issuer: Issuer, profile: Profile, column_mm: float) -> list[Line | Rule]:
    """The issuer block without its number: superior, name, then "*" or the issuer rule."""
    lines: list[Line | Rule] = []
    if issuer.superior is not None:
        lines.append(Line("superior", issuer.superior))
    lines.append(Line("issuer", issuer.name))
    if issuer.star is not None:
        lines.append(Line("star", issuer.star))
    if issuer.rule:
        lines.append(Rule("issuer-rule", issuer_rule_mm(issuer, profile, column_mm)))
    return lines


def masthead_columns(masthead: Masthead, profile: Profile) -> tuple[float, float]:
    """(left, right) widths in mm of the band."""
    mast = profile.masthead
    issuer = masthead.issuer
    must_left = [safe_width_mm(text, look, profile)
                 for text, look in ((issuer.name, mast.issuer), (issuer.star, mast.issuer),
                                    (issuer.number, mast.number)) if text is not None]
    optional_left = ([safe_width_mm(issuer.superior, mast.superior, profile)]
                     if issuer.superior is not None else [])
    right_needs = [safe_width_mm(text, look, profile)
                   for text, look in title_lines(masthead.title_lines, profile)]
    if masthead.place_date is not None:
        right_needs.append(safe_width_mm(masthead.place_date, mast.place_date, profile))
    return split_columns(profile, optional_left + must_left, must_left, right_needs)


def masthead_layout(masthead: Masthead, profile: Profile) -> Band:
    """The band of the official first page (HD 36 "thể thức" items 1–4; ND 30 alike)."""
    left_mm, right_mm = masthead_columns(masthead, profile)
    titles: list[Line | Rule] = [Line("title-line", text, index) for index, text
                                 in enumerate(masthead.title_lines, start=1)]
    rule_mm = title_rule_mm(masthead.title_lines, profile, right_mm)
    if rule_mm is not None:
        titles.append(Rule("title-rule", rule_mm))
    number = masthead.issuer.number
    under: list[Line | Rule] = [Line("number", number)] if number is not None else []
    if masthead.subject is not None:  # "V/v …" under the number (a công văn)
        under.append(Line("letter-subject", masthead.subject))
    dated = masthead.place_date
    return Band((
        (Cell(left_mm, tuple(issuer_lines(masthead.issuer, profile, left_mm))),
         Cell(right_mm, tuple(titles))),
        (Cell(left_mm, tuple(under)),
         Cell(right_mm, (Line("place-date", dated),) if dated is not None else ())),
    ))
