"""Load unit and meeting files with positions, checked against their schema.

Every problem is a `file:line:col` line in the unit's own file, so a clerk editing
content/units/quan-1.yaml is sent to the line to fix, never into the briefing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefing import PROJECT_ROOT
from briefing.content.schema_problems import problems_from_validation
from briefing.messages import Message, msg
from briefing.problems import BriefingError, Position
from briefing.source.yaml_source import SourceMap, YamlDocument, load_yaml
from briefing.units.overlay_schema import MEETING_LINE, MeetingFile, UnitFile
from briefing.units.sources import SourceFile, read_source

UNITS_DIR = PROJECT_ROOT / "content" / "units"
#: what the files are called in messages ("unit file does not exist")
UNIT_FILE = msg("what-unit-file", "unit file")
MEETING_FILE = msg("what-meeting-file", "meeting file")


@dataclass(frozen=True)
class Overlay:
    """A checked unit or meeting file: the model, its raw data and where each value came from."""

    kind: str  # "unit" | "meeting"
    model: UnitFile | MeetingFile
    data: dict[str, Any]
    source: SourceMap
    file: SourceFile

    @property
    def label(self) -> Message:
        """How messages name it: "unit 'quan-1'" or "meeting 'Hội nghị …'"."""
        if isinstance(self.model, UnitFile):
            return msg("label-unit", "unit '{code}'", code=self.model.unit.code)
        return msg("label-meeting", "meeting '{name}'", name=self.model.meeting.name)

    @property
    def code(self) -> str:
        return self.model.unit.code if isinstance(self.model, UnitFile) else ""

    def at(self, *path: str | int, key: bool = False) -> Position:
        return self.source.at(tuple(path), key=key)


@lru_cache(maxsize=256)
def parse_yaml(path: str, text: str) -> YamlDocument:
    """Parsed once per process for a given text: workers build many variants of one briefing.

    Callers must not mutate the result (the overlay code builds new containers throughout).
    """
    return load_yaml(path, text)


def overlay_from(document: YamlDocument, file: SourceFile, kind: str) -> Overlay:
    """The checked overlay of a parsed unit ("unit") or meeting ("meeting") file."""
    model: type[UnitFile] | type[MeetingFile] = UnitFile if kind == "unit" else MeetingFile
    data = document.data
    top = "unit" if kind == "unit" else "meeting"
    if not isinstance(data, dict) or top not in data:
        message = msg("unit-mapping", "a unit file is a mapping that starts with 'unit:'") \
            if kind == "unit" else \
            msg("meeting-mapping", "a meeting file is a mapping that starts with 'meeting:'")
        raise BriefingError.at(file.path, message, line=1, col=1,
                               hint=msg("see-units-docs", "see docs/units-and-editions.md"))
    try:
        checked = model.model_validate(data)
    except ValidationError as exc:
        raise BriefingError(problems_from_validation(exc, document.source, model)) from None
    return Overlay(kind, checked, data, document.source, file)


def parse_unit(file: SourceFile) -> Overlay:
    return overlay_from(parse_yaml(file.path, file.text), file, "unit")


def parse_meeting(file: SourceFile) -> Overlay:
    return overlay_from(parse_yaml(file.path, file.text), file, "meeting")


def load_unit(path: Path | str) -> Overlay:
    return parse_unit(read_source(path, what=UNIT_FILE))


def load_meeting(path: Path | str) -> Overlay:
    return parse_meeting(read_source(path, what=MEETING_FILE))


def meeting_line(overlay: Overlay) -> tuple[str, Position]:
    """The cover line of a meeting handout and the position it comes from."""
    meeting = overlay.model.meeting  # type: ignore[union-attr]
    if meeting.line:
        return meeting.line, overlay.at("meeting", "line")
    return MEETING_LINE.format(name=meeting.name), overlay.at("meeting", "name")


def unit_files(paths: Sequence[Path] | None = None) -> list[Path]:
    """The unit files to use: the given files and folders (none: no unit), or every
    content/units/*.yaml."""
    if paths is None:
        paths = [UNITS_DIR]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        else:
            files.append(path)
    return files
