"""`build.py check` on unit and meeting files: their own schema, the same text checks as a
content file, and — where a unit names the briefings its rules are for — the rules applied to
each of them, so a selector that names no section is found before a batch runs.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from briefing.content.errors import problems_from_validation
from briefing.errors import BriefingError, Problem
from briefing.source.yaml_source import YamlDocument
from briefing.validation.findings import Finding
from briefing.validation.locate import Locator
from briefing.validation.text import text_findings

#: top-level key -> what the file is
OVERLAY_KEYS = {"unit": "unit", "meeting": "meeting"}


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
    from briefing.units.model import MeetingFile, UnitFile

    model = UnitFile if kind == "unit" else MeetingFile
    findings = text_findings(document.data, document.source, Locator(document.source))
    try:
        checked = model.model_validate(document.data)
    except ValidationError as exc:
        return findings + [Finding(p) for p in problems_from_validation(exc, document.source,
                                                                         model)]
    briefings = checked.sections.briefings if kind == "unit" else None
    for name in briefings or []:
        findings += _applied_to(path, document, kind, name)
    return findings


def _applied_to(path: Path, document: YamlDocument, kind: str, name: str) -> list[Finding]:
    """The unit's rules applied to the briefing `name` (content/<name>.yaml beside the
    unit's folder), as a batch would: each problem at its line."""
    from briefing.units.load import parse_unit
    from briefing.units.sources import read_source
    from briefing.units.variant import load_variant

    content = path.resolve().parent.parent / f"{name}.yaml"
    if not content.is_file():
        raw = document.data["sections"]["for"]
        where = ("sections", "for") if isinstance(raw, str) else \
            ("sections", "for", raw.index(name) if name in raw else 0)
        return [Finding(Problem(document.source.at(where), f"'for' names '{name}', but there "
                                f"is no {content.parent.name}/{name}.yaml",
                                hint="write the name of a content file, without '.yaml'",
                                code="unit-for"))]
    try:
        unit = parse_unit(read_source(path))
        load_variant(read_source(content), unit)
    except BriefingError as exc:
        return [Finding(problem) for problem in exc.problems]
    return []
