"""Validation of content files: everything `build.py check` reports, and the build refuses.

- `validate_file(path)`: read, parse, schema-check and check a file; never raises for bad input.
- `check_loaded(loaded, profile)`: the checks beyond the schema for a loaded document (the build
  runs them before rendering: errors stop it, warnings are printed).

Modules: `spans`/`locate` (value offsets -> file positions and edits), `roles` (what a string
is, from its path), `hygiene` (Vietnamese text hygiene), `numbering` (hand-typed numbers),
`markup` (HTML and stray Markdown), `proofreading` (doubled words, impossible years, tone-mark
style, unbalanced quotes, final punctuation), `text` (runs those on every string), `walk` and
`checks` (structure against the profile), `coverage` and `overflow` (what the profile's font
cannot draw, runs wider than a line; `printing` runs them in the same walk as the text checks),
`overlays` (unit and meeting files),
`fixer` (`check --fix`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.content.loader import LoadedDocument, parse_document
from briefing.content.schema import form_requires, missing_for_form
from briefing.problems import BriefingError, Problem
from briefing.profile.model import Profile
from briefing.source.yaml_source import YamlDocument, load_yaml
from briefing.units.load import Overlay
from briefing.validation.checks import resolve_profile, structure_findings
from briefing.validation.findings import ERROR, WARNING, Finding
from briefing.validation.locate import Locator
from briefing.validation.overlays import (
    overlay_findings,
    overlay_kind,
    variant_date_findings,
    variant_overlay_findings,
)
from briefing.validation.strings import text_findings

__all__ = ["ERROR", "WARNING", "FileReport", "check_file", "check_loaded", "errors_in",
           "sorted_problems", "validate_file"]


@dataclass
class FileReport:
    """What checking one file found; `loaded` is None when the file did not load."""

    findings: list[Finding]
    yaml: YamlDocument | None = None
    loaded: LoadedDocument | None = None

    @property
    def problems(self) -> list[Problem]:
        return sorted_problems([f.problem for f in self.findings])


def check_file(path: Path | str, text: str | None = None) -> FileReport:
    """Every finding for `path` (or for `text` attributed to it), with its fix if any: a
    content file, or a unit or meeting file (recognised by its `unit:`/`meeting:` key)."""
    path = Path(path)
    try:  # characters XML cannot carry are reported below, by the text checks, with a fix
        document = load_yaml(path, text, unfit=False)
    except BriefingError as exc:
        return FileReport([Finding(problem) for problem in exc.problems])
    kind = overlay_kind(document)
    if kind is not None:
        return FileReport(overlay_findings(path, document, kind), document)
    locator = Locator(document.source)
    try:
        loaded = parse_document(document, path)
    except BriefingError as exc:  # the text checks still run, without the font's
        findings = text_findings(document.data, document.source, locator)
        schema = [Finding(problem) for problem in exc.problems]
        return FileReport(findings + schema + _form_findings(document, exc.problems), document)
    profile, _ = resolve_profile(loaded, None)
    findings = text_findings(document.data, document.source, locator, profile, fonts=True)
    findings += structure_findings(loaded, profile, locator)
    return FileReport(findings, document, loaded)


def _form_findings(document: YamlDocument, found: list[Problem]) -> list[Finding]:
    """What the form requires, also when other meta errors kept pydantic from checking it."""
    meta = document.data.get("meta") if isinstance(document.data, dict) else None
    if not isinstance(meta, dict) or any(p.code == "form_requires" for p in found):
        return []
    missing = missing_for_form(meta.get("form"), meta)
    if not missing:
        return []
    return [Finding(Problem(document.source.at(("meta", "form")),
                            form_requires(meta["form"], missing)))]


def validate_file(path: Path | str) -> list[Problem]:
    """Every problem of the file at `path`, errors and warnings, in file order."""
    return check_file(path).problems


def check_loaded(loaded: LoadedDocument, profile: Profile | None = None,
                 overlays: Sequence[Overlay] = ()) -> list[Problem]:
    """The problems of a document that passed the schema check (text hygiene, typed numbering,
    markup, font coverage, structure against `profile`, by default the one its meta names).

    For a variant, `overlays` are its unit and meeting: their text is checked in their own
    files (exact columns), and skipped in the assembled document.
    """
    locator = Locator(loaded.source)
    data = loaded.document.model_dump()
    profile, found = resolve_profile(loaded, profile)
    findings = text_findings(data, loaded.source, locator, profile, own_only=True,
                             fonts=True) + found
    if profile is not None:
        findings += structure_findings(loaded, profile, locator)
        for overlay in overlays:
            findings += variant_overlay_findings(overlay, profile)
            findings += variant_date_findings(overlay, loaded.document.meta.date)
    return sorted_problems([f.problem for f in findings])


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """In file order, errors before warnings at the same place, duplicates dropped."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.position.file, p.position.line, p.position.col,
                                         p.severity != ERROR))
