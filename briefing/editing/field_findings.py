"""`check`'s findings, each tied to the value (the field) it concerns.

`briefing.validation.check_file` reports positions in the file (`file:line:col`) and, for a
safe fix, the path of the value to change. An editor shows a message beside the field, so the
position is mapped back to the deepest value written there: the scalar whose text contains it,
else the mapping or list that starts there, else the key.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.editing.places import (
    blanks_as_shown,
    hint_in_clerks_words,
    in_clerks_words,
    named_path,
    place_of,
)
from briefing.messages import Message
from briefing.messages.language import ENGLISH
from briefing.problems import BriefingError, Problem
from briefing.source.yaml_source import Path_, SourceMap, line_starts, load_yaml
from briefing.validation import FileReport, check_file
from briefing.validation.findings import Finding, ValueFix


@dataclass(frozen=True)
class FieldFinding:
    """One message of `check`, at the value it concerns, with its safe fix if it has one."""

    path: Path_
    problem: Problem
    fix: ValueFix | None = None
    #: the value's place in the clerk's words ("Mục II.1 «…», đoạn 2"; `places.place_of`)
    place: Message | None = None

    def as_json(self) -> dict[str, Any]:
        """The finding for the studio: message and hint in the language chosen (the studio's
        is Vietnamese), the English ones kept beside, as the command line prints them in
        English."""
        p = self.problem
        message = in_clerks_words(p.message, self.place)
        hint = hint_in_clerks_words(p.hint)
        return {"path": list(self.path), "severity": p.severity,
                "message": blanks_as_shown(str(message)),
                "hint": blanks_as_shown(str(hint)) if hint else "",
                "place": str(self.place) if self.place is not None else "",
                "message_en": p.message.text(ENGLISH),
                "hint_en": p.hint.text(ENGLISH) if p.hint else "", "code": p.code,
                "line": p.position.line,
                "col": p.position.col, "text": clerks_line(message, self.place),
                "fix": None if self.fix is None else
                {"path": list(self.fix.path), "start": self.fix.start, "end": self.fix.end,
                 "text": self.fix.text}}


@dataclass
class CheckResult:
    findings: list[FieldFinding]
    #: whether the text loaded as a document (else the findings are YAML or schema errors)
    loaded: bool
    #: what `check` made of the text (the loaded document: a preview of the same text builds
    #: from it instead of loading and checking again)
    report: FileReport | None = None

    @property
    def errors(self) -> int:
        return sum(f.problem.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.problem.severity == "warning" for f in self.findings)

    def as_json(self) -> dict[str, Any]:
        return {"errors": self.errors, "warnings": self.warnings, "loaded": self.loaded,
                "findings": [f.as_json() for f in self.findings]}


def check_text(path: Path | str, text: str) -> CheckResult:
    """Everything `build.py check` says about `text` (as the file `path`; a content, unit or
    meeting file), field by field."""
    report = check_file(Path(path), text)
    source = report.yaml.source if report.yaml is not None else None
    locate = FieldLocator(source, text) if source is not None else None
    data = report.yaml.data if report.yaml is not None else None
    seen: set[Problem] = set()
    out: list[FieldFinding] = []
    for finding in _ordered(report.findings):
        if finding.problem in seen:
            continue
        seen.add(finding.problem)
        if finding.fix is not None:
            where = finding.fix.path
        elif locate is not None:
            where = locate.path_of(finding.problem)
        else:
            where = ()
        named = named_path(finding.problem, tuple(where))
        if finding.problem.code == "missing":
            where = named  # beside the field to fill, where the form has it
        out.append(FieldFinding(tuple(where), finding.problem, finding.fix,
                                place_of(data, named)))
    return CheckResult(out, report.yaml is not None, report)


def clerks_line(message: Message, place: Message | None, hint: Message | None = None) -> str:
    """One problem as the studio says it: the message with its place (in it, or before it),
    and its hint if given; no file, line or column."""
    text = str(message)
    if place is not None and str(place) not in text:
        text = f"{place}: {text}"
    return blanks_as_shown(f"{text} ({hint})" if hint else text)


def _ordered(findings: list[Finding]) -> list[Finding]:
    def key(finding: Finding) -> tuple:
        p = finding.problem.position
        return (p.line, p.col, finding.problem.severity != "error")

    return sorted(findings, key=key)


class FieldLocator:
    """Position -> path, from the source map of the checked text."""

    def __init__(self, source: SourceMap, text: str):
        self.source = source
        self.starts = line_starts(text)
        self.by_start: dict[tuple[int, int], Path_] = {}
        for table in (source.keys, source.values):  # values win: the deeper entry
            for path, position in table.items():
                known = self.by_start.get((position.line, position.col))
                if known is None or len(path) >= len(known):
                    self.by_start[(position.line, position.col)] = path
        self.spans = sorted((s.start, s.end, path) for path, s in source.scalars.items())
        self.span_starts = [start for start, _, _ in self.spans]

    def path_of(self, problem: Problem) -> Path_:
        position = problem.position
        if not position.line:
            return ()
        line = min(position.line, len(self.starts))
        index = self.starts[line - 1] + position.col - 1
        k = bisect.bisect_right(self.span_starts, index) - 1  # scalars never nest
        if k >= 0:
            start, end, path = self.spans[k]
            if start <= index < max(end, start + 1):
                return path
        return self.by_start.get((position.line, position.col), ())


def clerks_lines(name: str, text: str, problems: list[Problem]) -> list[str]:
    """`problems` of the content `text` (a refused build, a refused edition), each said with
    its place as `clerks_line` says it; a text that is not YAML keeps the messages alone."""
    try:
        document = load_yaml(name, text, unfit=False)
    except BriefingError:
        return [clerks_line(p.message, None, p.hint) for p in problems]
    locate = FieldLocator(document.source, text)
    lines = []
    for problem in problems:
        if Path(problem.position.file).name != Path(name).name:  # a unit's or meeting's file
            said = clerks_line(in_clerks_words(problem.message, None),
                               None, hint_in_clerks_words(problem.hint))
            lines.append(f"{Path(problem.position.file).name}: {said}")
            continue
        place = place_of(document.data, named_path(problem, locate.path_of(problem)))
        lines.append(clerks_line(in_clerks_words(problem.message, place), place,
                                 hint_in_clerks_words(problem.hint)))
    return lines
