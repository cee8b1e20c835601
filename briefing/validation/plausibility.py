"""Values that are valid but implausible: warnings, so `check`, every build and the studio
say them while nothing stops.

- a title longer than a few printed lines: a paragraph pasted into a title (a heading of
  2,000 characters prints as a page of bold capitals);
- a meeting dated years away from the briefing it hands out (2204 typed for 2024): checked
  in every variant (against the briefing's own date) and, for a meeting file checked alone,
  against the dates of the briefings beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.content.loader import LoadedDocument
from briefing.content.meta import DocumentDate
from briefing.inputs import regular_file
from briefing.messages import msg
from briefing.problems import WARNING, BriefingError, Position, Problem
from briefing.source.yaml_source import Path_, SourceMap, load_yaml
from briefing.validation.findings import Finding
from briefing.validation.walk import walk

#: a title of more characters is more than a few printed lines (a heading line holds ~80)
TITLE_LIMIT = 400
#: a meeting (or a unit's date) this many years or more from its briefing's is a typo
YEARS_APART = 5
_META_TITLES = ("title", "subject")
#: the briefings a meeting file checked alone is compared with, at most
MAX_BESIDE = 50


def title_findings(loaded: LoadedDocument) -> list[Finding]:
    """A warning at every title (the document's, a section's, an appendix's) longer than
    a few lines."""
    document = loaded.document
    titled: list[tuple[Path_, str]] = [
        (("meta", key), value) for key in _META_TITLES
        if isinstance(value := getattr(document.meta, key, None), str)]
    titled += [(visit.path, visit.node) for visit in walk(document)
               if visit.path and visit.path[-1] == "title" and isinstance(visit.node, str)]
    return [_long_title(loaded.source.at(path), len(text)) for path, text in titled
            if len(text) > TITLE_LIMIT]


def _long_title(position: Position, length: int) -> Finding:
    return Finding(Problem(position, msg(
        "title-too-long", "this title is {length} characters long: more than a few printed "
        "lines ({limit} at most)", length=length, limit=TITLE_LIMIT), WARNING, msg(
        "title-too-long-hint", "a title is a line or two; if a paragraph was pasted here, "
        "move it into the body")))


def date_finding(date: DocumentDate | None, position: Position,
                 own: list[DocumentDate]) -> Finding | None:
    """A warning when `date` is `YEARS_APART` years or more from every date in `own` (the
    briefing's, or the briefings' beside a meeting file)."""
    if date is None or not own:
        return None
    nearest = min(own, key=lambda d: abs(d.year - date.year))
    if abs(nearest.year - date.year) < YEARS_APART:
        return None
    return Finding(Problem(position, msg(
        "date-far", "the date {date} is {years} years from the briefing's ({own})",
        date=str(date.year), years=abs(nearest.year - date.year), own=str(nearest.year)),
        WARNING, msg("date-far-hint", "a typing slip? check the year")))


def overlay_date_findings(data: Any, source: SourceMap,
                          own: list[DocumentDate]) -> list[Finding]:
    """The meeting's date of a meeting file (or variant) against the briefing's dates."""
    meeting = data.get("meeting") if isinstance(data, dict) else None
    if not isinstance(meeting, dict) or meeting.get("date") is None:
        return []
    try:
        date = DocumentDate.parse(meeting["date"])
    except ValueError:  # the schema says what is wrong with it
        return []
    found = date_finding(date, source.at(("meeting", "date")), own)
    return [found] if found is not None else []


def dates_beside(path: Path) -> list[DocumentDate]:
    """The dates of the briefings of the content folder a meeting file is in (`meta.date`
    of each plain `content/*.yaml`, read through the one guard; one that does not say its
    date is skipped)."""
    folder = path.resolve().parent
    folder = folder.parent if folder.name == "meetings" else folder  # else kept beside them
    dates = []
    for content in sorted(folder.glob("*.yaml"))[:MAX_BESIDE]:
        if not regular_file(content):
            continue
        try:
            data = load_yaml(content).data
            dates.append(DocumentDate.parse(data["meta"]["date"]))
        except (BriefingError, ValueError, TypeError, KeyError):
            continue
    return dates
