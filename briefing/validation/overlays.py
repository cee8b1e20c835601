"""Unit and meeting files checked on their own, like content files: every value's text at its
exact column (hygiene, characters XML cannot carry, font coverage, overlong runs).

A variant prints the unit's and the meeting's text as much as the briefing's, so the same checks
run on them: `build.py check` accepts a unit or meeting file, and `batch`/`edition` check the
overlays of every variant in their pre-flight (`check_loaded(..., overlays=…)`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.layout.profile import Profile, load_profile
from briefing.source.yaml_source import YamlDocument
from briefing.units.load import Overlay, overlay_from
from briefing.units.sources import SourceFile
from briefing.validation.findings import Finding
from briefing.validation.locate import Locator
from briefing.validation.printing import font_findings
from briefing.validation.text import text_findings

#: the profile a unit or meeting file is checked against on its own (it has no `meta.profile`;
#: in a variant, the briefing's profile is used)
DEFAULT_PROFILE = "party"


def overlay_kind(data: Any) -> str | None:
    """"unit" or "meeting" for the data of a unit or meeting file, None for a content file."""
    if isinstance(data, dict):
        for kind in ("unit", "meeting"):
            if kind in data:
                return kind
    return None


def overlay_findings(overlay: Overlay, profile: Profile) -> list[Finding]:
    """The text and font checks on every string of the overlay's own file."""
    locator = Locator(overlay.source)
    return text_findings(overlay.data, overlay.source, locator) + \
        font_findings(overlay.data, overlay.source, locator, profile)


def check_overlay_document(document: YamlDocument, path: Path, kind: str) -> list[Finding]:
    """Every finding of a unit or meeting file checked on its own (`build.py check`)."""
    locator = Locator(document.source)
    findings = text_findings(document.data, document.source, locator)
    file = SourceFile(str(path), document.text.encode("utf-8"))
    try:
        overlay_from(document, file, kind)
    except BriefingError as exc:
        return findings + [Finding(problem) for problem in exc.problems]
    return findings + font_findings(document.data, document.source, locator,
                                    load_profile(DEFAULT_PROFILE))
