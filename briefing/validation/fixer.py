"""`build.py check --fix`: apply the safe fixes to the file itself, keeping everything else.

The fixes are targeted text edits at the recorded positions, not a re-dump of the YAML, so
comments, key order, quoting and line breaks stay exactly as the author wrote them. Each fix
replaces a stretch of one scalar; when that cannot be done in the scalar's own style (an edit
across a folded line, a plain scalar that would start with '*' once "I. " is gone) the whole
scalar is rewritten in double quotes. The result is re-parsed and must give exactly the
expected data, or nothing is written. Fixing runs a few passes, as one fix can reveal another
(a non-breaking space next to a space becomes a doubled space).
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.atomic import write_atomic
from briefing.inputs import read_input
from briefing.problems import BriefingError, Problem
from briefing.source.yaml_source import MAX_FILE_BYTES, Path_, SourceMap, load_yaml, read_text
from briefing.validation import check_file
from briefing.validation.findings import ValueFix
from briefing.validation.locate import Locator, TextEdit

MAX_PASSES = 4
_BOM = b"\xef\xbb\xbf"


@dataclass
class FixResult:
    """How many fixes were applied, whether the file changed, and what remains."""

    applied: int = 0
    changed: bool = False
    problems: list[Problem] = field(default_factory=list)


def fix_file(path: Path) -> FixResult:
    """Fix `path` in place (atomically) and return the problems left."""
    path = Path(path)
    try:
        original = read_text(path, what="file")
    except BriefingError as exc:
        return FixResult(problems=exc.problems)
    text, applied = fix_text(path, original)
    changed = text != original
    if changed:
        bom = _BOM if read_input(path, limit=len(_BOM) + MAX_FILE_BYTES,
                                 what="file").startswith(_BOM) else b""
        write_atomic(path, bom + text.encode("utf-8"))
    return FixResult(applied, changed, check_file(path, text).problems)


def fix_text(path: Path, text: str) -> tuple[str, int]:
    """The fixed text and the number of fixes applied to it."""
    text, applied = normalise(text)
    for _ in range(MAX_PASSES):
        report = check_file(path, text)
        fixes = [finding.fix for finding in report.findings if finding.fix is not None]
        if report.yaml is None or not fixes:
            break
        text, count = apply_fixes(path, text, report.yaml.source, report.yaml.data, fixes)
        if count == 0:
            break
        applied += count
    return text, applied


def normalise(text: str) -> tuple[str, int]:
    """NFC everywhere, and no character YAML refuses (control characters): both are always
    safe, and the second is needed before the file can be parsed at all."""
    refused = yaml.reader.Reader.NON_PRINTABLE
    removed = len(refused.findall(text))
    text = refused.sub("", text)
    return unicodedata.normalize("NFC", text), removed


def apply_fixes(path: Path, text: str, source: SourceMap, data: Any,
                fixes: list[ValueFix]) -> tuple[str, int]:
    """Apply `fixes` (value edits) to `text`; (text, number applied) — (text, 0) if unsafe."""
    locator = Locator(source)
    plans: dict[Path_, _Plan] = {}
    for value_path, group in _by_path(fixes).items():
        plan = _plan(locator, source, value_path, group)
        if plan is not None:
            plans[value_path] = plan
    for _ in range(3):
        if not plans:
            return text, 0
        new_text = _splice(text, [edit for plan in plans.values() for edit in plan.edits])
        expected = copy.deepcopy(data)
        for value_path, plan in plans.items():
            _set(expected, value_path, plan.value)
        bad = _verify(path, new_text, expected, plans)
        if not bad:
            return new_text, sum(plan.count for plan in plans.values())
        for value_path in bad:
            rewrite = locator.rewrite(value_path, plans[value_path].value)
            if plans[value_path].rewritten or rewrite is None:
                del plans[value_path]
            else:
                plans[value_path] = _Plan(plans[value_path].value, [rewrite],
                                          plans[value_path].count, rewritten=True)
    return text, 0


@dataclass
class _Plan:
    value: str
    edits: list[TextEdit]
    count: int
    rewritten: bool = False


def _by_path(fixes: list[ValueFix]) -> dict[Path_, list[ValueFix]]:
    """Fixes grouped by value, in order, overlapping ones dropped (the next pass gets them)."""
    groups: dict[Path_, list[ValueFix]] = {}
    for fix in fixes:
        groups.setdefault(fix.path, []).append(fix)
    for value_path, group in groups.items():
        kept: list[ValueFix] = []
        for fix in sorted(group, key=lambda f: (f.start, f.end)):
            if not kept or fix.start >= kept[-1].end:
                kept.append(fix)
        groups[value_path] = kept
    return groups


def _plan(locator: Locator, source: SourceMap, value_path: Path_,
          fixes: list[ValueFix]) -> _Plan | None:
    scalar = source.scalars.get(value_path)
    if scalar is None:
        return None
    value = unicodedata.normalize("NFC", scalar.raw)
    new_value = value
    for fix in reversed(fixes):
        new_value = new_value[:fix.start] + fix.text + new_value[fix.end:]
    if new_value == value:
        return None
    edits = [locator.edit(value_path, fix.start, fix.end, fix.text) for fix in fixes]
    if any(edit is None for edit in edits) or (
            scalar.style is None and not _plain_ok(source.text, scalar.start, scalar.end,
                                                   edits, new_value)):
        rewrite = locator.rewrite(value_path, new_value)
        if rewrite is None:
            return None
        return _Plan(new_value, [rewrite], len(fixes), rewritten=True)
    return _Plan(new_value, [e for e in edits if e is not None], len(fixes))


def _plain_ok(text: str, start: int, end: int, edits: list[TextEdit | None],
              value: str) -> bool:
    """Whether the edited plain scalar still reads as `value` ("I. *Bối cảnh*" loses its
    "I. " and would start with '*', an alias)."""
    shifted = [TextEdit(e.start - start, e.end - start, e.new) for e in edits if e is not None]
    written = _splice(text[start:end], shifted)
    try:
        read = yaml.load("- " + written, Loader=yaml.BaseLoader)  # strings only
    except yaml.YAMLError:
        return False
    return read == [value]


def _splice(text: str, edits: list[TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.new + text[edit.end:]
    return text


def _verify(path: Path, text: str, expected: Any, plans: dict[Path_, _Plan]) -> set[Path_]:
    """The planned values whose edits did not give the expected data (all, if unparsable)."""
    try:
        document = load_yaml(path, text, unfit=False)
    except BriefingError:
        return _suspects(plans)
    if document.data == expected:
        return set()
    bad = {p for p in plans if _get(document.data, p) != _get(expected, p)}
    return bad or _suspects(plans)


def _suspects(plans: dict[Path_, _Plan]) -> set[Path_]:
    """When the file no longer parses: the spliced plans (rewrites are always valid YAML)."""
    return {p for p, plan in plans.items() if not plan.rewritten} or set(plans)


_MISSING = object()


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return data


def _set(data: Any, path: Path_, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
