"""Which variants to build: the briefing, its unit files (all or by code), an optional meeting.

Shared by `batch` and `edition`. Every file is read once here (the bytes travel in the jobs).
A unit file that cannot be used is kept with its problems, so that `batch` can report it as
failed and build the others, while `edition` refuses the whole edition.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.content.loader import CONTENT_FILE
from briefing.content.schema import DocumentDate
from briefing.inputs import FILE, What, confined, printable
from briefing.messages import msg
from briefing.problems import BriefingError, Position, Problem
from briefing.text.xmlchars import UNFIT, UNFIT_HINT, unfit_message
from briefing.units.load import (
    MEETING_FILE,
    UNIT_FILE,
    Overlay,
    parse_meeting,
    parse_unit,
    unit_files,
)
from briefing.units.overlay_schema import MEETING_DATE
from briefing.units.sources import SourceFile, read_source, shown_path

#: the name a meeting given by --meeting-* options goes by (in messages, manifests, PDFs)
OPTIONS_MEETING = "meeting-options.yaml"


@dataclass
class UnitChoice:
    """A unit file and, if it is usable, its overlay; else the problems that make it unusable."""

    file: SourceFile
    overlay: Overlay | None = None
    problems: list[Problem] = field(default_factory=list)
    #: the unit's code once its file parsed (kept when a duplicate code makes it unusable)
    code: str | None = None

    @property
    def name(self) -> str:
        return self.code or Path(self.file.path).stem


@dataclass
class Selection:
    content: SourceFile
    units: list[UnitChoice]
    meeting: SourceFile | None = None

    @property
    def problems(self) -> list[Problem]:
        return [p for u in self.units for p in u.problems]


def source_file(path: Path, what: What = FILE) -> SourceFile:
    """Read a source file (through the input guard), named as messages and manifests show it
    (relative to the repo); `what` ("unit file") names it in messages."""
    file = read_source(path, what=what)
    return SourceFile(shown_path(path), file.data)


#: the name this function had before the input guard (callers outside the CLI use it)
read_input = source_file


def meeting_from_options(name: str, date: str | None = None, place: str | None = None,
                         audience: str | None = None, circulation: str | None = None,
                         line: str | None = None) -> SourceFile:
    """A meeting given on the command line, as the meeting file it stands for."""
    if date is not None:
        try:
            DocumentDate.parse_day(date, MEETING_DATE)
        except ValueError as exc:
            raise BriefingError(Problem(Position("--meeting-date"), exc.args[0])) from None
    meeting = {"name": name, "date": date, "place": place, "audience": audience,
               "circulation": circulation, "line": line}
    for option, value in meeting.items():  # typed on a command line: no line to point at
        bad = UNFIT.search(value or "")
        if bad is not None:
            raise BriefingError(Problem(Position(f"--meeting-{option}" if option != "circulation"
                                                 else "--circulation"),
                                        unfit_message(bad.group()), hint=UNFIT_HINT))
    text = yaml.safe_dump({"meeting": {k: v for k, v in meeting.items() if v is not None}},
                          allow_unicode=True, sort_keys=False)
    return SourceFile(OPTIONS_MEETING, text.encode("utf-8"))


def _duplicates(choices: list[UnitChoice]) -> None:
    """Every unit of a shared code is unusable: which one was meant cannot be guessed."""
    groups: dict[str, list[UnitChoice]] = {}
    for choice in choices:
        if choice.overlay is not None:
            groups.setdefault(choice.overlay.code, []).append(choice)
    for code, group in groups.items():
        if len(group) < 2:
            continue
        # every position first: the loop below makes each overlay unusable as it goes
        positions = [choice.overlay.at("unit", "code") for choice in group
                     if choice.overlay is not None]
        for index, (choice, position) in enumerate(zip(group, positions, strict=True)):
            others = ", ".join(str(p) for i, p in enumerate(positions) if i != index)
            choice.problems.append(Problem(
                position, msg("duplicate-unit", "duplicate unit code '{code}'", code=code),
                hint=msg("duplicate-unit-hint", "also used at {others}; each unit needs its own "
                                                "code", others=others)))
            choice.overlay = None


def guarded(path: Path, within: Path | None, what: What) -> Path:
    """`path`, or with `within` (the studio's content folder), its real path once confined to
    that folder by the one guard (`briefing.inputs.confined`): a link out is refused."""
    if within is None:
        return path
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(within))
    return confined(within, relative, what=what, where=Position(printable(path)))


def select(content: Path, unit_paths: list[Path] | None = None, codes: list[str] | None = None,
           meeting: Path | SourceFile | None = None, within: Path | None = None) -> Selection:
    """Read everything the variants need; raises only for what concerns every variant.
    `within`: every unit and meeting file must be inside this folder, not linked out of it."""
    content_file = source_file(content, CONTENT_FILE)
    choices: list[UnitChoice] = []
    files = unit_files(unit_paths)
    for path in files:
        try:
            file = source_file(guarded(path, within, UNIT_FILE), UNIT_FILE)
        except BriefingError as error:
            choices.append(UnitChoice(SourceFile(shown_path(path), b""), None, error.problems))
            continue
        try:
            overlay = parse_unit(file)
            choices.append(UnitChoice(file, overlay, code=overlay.code))
        except BriefingError as error:
            choices.append(UnitChoice(file, None, error.problems))
    _duplicates(choices)
    if codes:
        choices = _by_code(choices, codes, files)
    meeting_file = None
    if isinstance(meeting, SourceFile):
        meeting_file = meeting
    elif meeting is not None:
        meeting_file = source_file(guarded(meeting, within, MEETING_FILE), MEETING_FILE)
    if meeting_file is not None:
        parse_meeting(meeting_file)  # a bad meeting concerns every variant: stop here
    return Selection(content_file, choices, meeting_file)


def _by_code(choices: list[UnitChoice], codes: list[str], files: list[Path]) -> list[UnitChoice]:
    from briefing.content.schema_problems import did_you_mean

    by_code: dict[str, list[UnitChoice]] = {}
    for choice in choices:
        by_code.setdefault(choice.name, []).append(choice)
    problems = []
    for code in codes:
        if code not in by_code:
            where = shown_path(files[0].parent) if files else "content/units"
            problems.append(Problem(Position(where), msg("unknown-unit", "unknown unit '{code}'",
                                                         code=code),
                                    hint=did_you_mean(code, sorted(by_code)) if by_code
                                    else msg("no-unit-files", "there are no unit files")))
    if problems:
        raise BriefingError(problems)
    return [choice for code in dict.fromkeys(codes) for choice in by_code[code]]
