"""`build.py check` on unit and meeting files: their own schema, the same text checks as a
content file (hygiene, characters XML cannot carry, font coverage, overlong runs), and — where
a unit names the briefings its rules are for — the rules applied to each of them, so a selector
that names no section is found before a batch runs.

A variant prints the unit's and the meeting's text as much as the briefing's, so `batch` and
`edition` run the same text and font checks on the overlays of every variant in their
pre-flight (`variant_overlay_findings`, through `check_loaded(..., overlays=…)`), each problem
at its exact column in the unit or meeting file.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from briefing.content.meta import DocumentDate
from briefing.content.schema_problems import problems_from_validation
from briefing.messages import msg
from briefing.problems import BriefingError, Problem
from briefing.profile.model import Profile, load_profile
from briefing.source.yaml_source import YamlDocument
from briefing.units.load import Overlay
from briefing.validation.findings import Finding
from briefing.validation.locate import Locator
from briefing.validation.plausibility import dates_beside, overlay_date_findings
from briefing.validation.strings import text_findings

#: top-level key -> what the file is
OVERLAY_KEYS = {"unit": "unit", "meeting": "meeting"}
#: the profile a unit or meeting file is checked against on its own (it has no `meta.profile`;
#: in a variant, the briefing's profile is used)
DEFAULT_PROFILE = "party"


def overlay_kind(document: YamlDocument) -> str | None:
    """'unit' or 'meeting' for a file that starts with `unit:` / `meeting:`, else None."""
    data = document.data
    if isinstance(data, dict):  # a content file never has these keys
        for key, kind in OVERLAY_KEYS.items():
            if key in data:
                return kind
    return None


def overlay_findings(path: Path, document: YamlDocument, kind: str) -> list[Finding]:
    """Every finding of a unit or meeting file."""
    from briefing.units.overlay_schema import MeetingFile, UnitFile

    model = UnitFile if kind == "unit" else MeetingFile
    locator = Locator(document.source)
    try:
        checked = model.model_validate(document.data)
    except ValidationError as exc:  # the text checks still run, without the font's
        return text_findings(document.data, document.source, locator) + \
            [Finding(p) for p in problems_from_validation(exc, document.source, model)]
    findings = text_findings(document.data, document.source, locator,
                             load_profile(DEFAULT_PROFILE), fonts=True)
    if kind == "meeting":
        findings += overlay_date_findings(document.data, document.source, dates_beside(path))
    briefings = checked.sections.briefings if kind == "unit" else None
    for name in briefings or []:
        findings += _applied_to(path, document, kind, name)
    return findings


def variant_overlay_findings(overlay: Overlay, profile: Profile) -> list[Finding]:
    """The text and font checks on every string of a variant's unit or meeting file, in that
    file (the assembled document skips them: `text_findings(..., own_only=True)`)."""
    locator = Locator(overlay.source)
    return text_findings(overlay.data, overlay.source, locator, profile, fonts=True)


def variant_date_findings(overlay: Overlay, own: DocumentDate) -> list[Finding]:
    """A meeting dated years from the briefing it hands out (a typo), in the meeting file."""
    return overlay_date_findings(overlay.data, overlay.source, [own])


def _applied_to(path: Path, document: YamlDocument, kind: str, name: str) -> list[Finding]:
    """The unit's rules applied to the briefing `name` (content/<name>.yaml beside the
    unit's folder), as a batch would: each problem at its line."""
    from briefing.content.loader import CONTENT_FILE
    from briefing.units.load import UNIT_FILE, parse_unit
    from briefing.units.sources import read_source
    from briefing.units.variant import load_variant

    content = path.resolve().parent.parent / f"{name}.yaml"
    if not content.is_file():
        raw = document.data["sections"]["for"]
        where = ("sections", "for") if isinstance(raw, str) else \
            ("sections", "for", raw.index(name) if name in raw else 0)
        return [Finding(Problem(document.source.at(where), msg(
            "unit-for", "'for' names '{name}', but there is no {folder}/{name}.yaml", name=name,
            folder=content.parent.name), hint=msg(
            "unit-for-hint", "write the name of a content file, without '.yaml'")))]
    try:
        unit = parse_unit(read_source(path, what=UNIT_FILE))
        load_variant(read_source(content, what=CONTENT_FILE), unit)
    except BriefingError as exc:
        return [Finding(problem) for problem in exc.problems]
    return []
