"""One variant of a briefing: content + optional unit + optional meeting -> a checked document.

The result is an ordinary `LoadedDocument` (its source map points into whichever file each
value came from), so `briefing.tree.prepare.prepare` numbers headings, enumerations and
footnotes for this variant exactly as for any content file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.atomic import safe_name
from briefing.content.loader import LoadedDocument, parse_document
from briefing.messages import Message, msg
from briefing.problems import BriefingError, Problem
from briefing.source.yaml_source import SourceMap, YamlDocument
from briefing.text.inline_markdown import FOOTNOTE_CALL
from briefing.units.apply import apply_overlay, new_state
from briefing.units.load import Overlay, parse_yaml
from briefing.units.overlay_schema import MeetingFile, UnitFile
from briefing.units.placeholders import Substitution
from briefing.units.sources import SourceFile


@dataclass
class Variant:
    """A loaded variant and the files it was made from (for hashing, embedding, rebuilding)."""

    name: str
    loaded: LoadedDocument
    content: SourceFile
    unit: Overlay | None = None
    meeting: Overlay | None = None
    #: what the checks warned about (set when the variant is checked: `batch.variant_of`)
    warnings: list[Problem] = field(default_factory=list)


def placeholder_values(unit: Overlay | None,
                       meeting: Overlay | None) -> tuple[dict[str, str], dict[str, Message]]:
    """Values of the whitelisted placeholders, and why the others have none here."""
    values: dict[str, str] = {}
    missing: dict[str, Message] = {}
    if unit is not None and isinstance(unit.model, UnitFile):
        info = unit.model.unit
        short = info.short_name or info.name
        values.update({"unit.name": info.name, "unit.short_name": short,
                       "unit.place": info.place or short, "unit.code": info.code})
    else:
        for name in ("unit.name", "unit.short_name", "unit.place", "unit.code"):
            missing[name] = msg("placeholder-no-unit", "only a unit variant has a unit (build it "
                                                       "with a unit file)")
    if meeting is not None and isinstance(meeting.model, MeetingFile):
        info = meeting.model.meeting
        values["meeting.name"] = info.name
        for name, value in (("date", info.date and f"{info.date.day}/{info.date.month}/"
                                                    f"{info.date.year}"),
                            ("place", info.place), ("audience", info.audience)):
            if value:
                values[f"meeting.{name}"] = value
            else:
                missing[f"meeting.{name}"] = msg("placeholder-no-meeting-field",
                                                 "the meeting file gives no {field}", field=name)
    else:
        for name in ("meeting.name", "meeting.date", "meeting.place", "meeting.audience"):
            missing[name] = msg("placeholder-no-meeting", "only a meeting handout has a meeting "
                                                          "(add --meeting)")
    return values, missing


def _called_footnotes(value: Any, path: tuple[Any, ...] = ()) -> set[str]:
    if isinstance(value, str):
        return set(FOOTNOTE_CALL.findall(value))
    if isinstance(value, dict):
        return set().union(*(_called_footnotes(v, (*path, k)) for k, v in value.items()
                             if path or k not in ("footnotes", "meta")))
    if isinstance(value, list):
        return set().union(*(_called_footnotes(v, path) for v in value))
    return set()


def prune_footnotes(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the notes whose only call went with an excluded section."""
    notes = data.get("footnotes")
    if not isinstance(notes, dict):
        return data
    called = _called_footnotes(data)
    return {**data, "footnotes": {k: v for k, v in notes.items() if k in called}}


def load_variant(content: SourceFile, unit: Overlay | None = None,
                 meeting: Overlay | None = None, name: str | None = None,
                 base: YamlDocument | None = None, kept: list[Problem] | None = None
                 ) -> Variant:
    """Check the content, apply the unit then the meeting, substitute placeholders, check again.

    `base`: the content already parsed (a draft's, its blanks filled: the studio's preview).
    Raises `BriefingError` with every problem, each at its line in the file it belongs to;
    a draft's (`kept`) keeps the unit's and the meeting's instead, their rules applied as far
    as they can be."""
    path = Path(content.path)
    base = base or parse_yaml(content.path, content.text)
    parse_document(base, path)  # the briefing's own problems first, at its own lines
    data, source = base.data, base.source
    state = new_state(content.path, data)
    for overlay in (unit, meeting):
        if overlay is not None:
            data, source = apply_overlay(data, source, overlay, state, kept)
    values, missing = placeholder_values(unit, meeting)
    substitution = Substitution(values, missing, source)
    data = substitution.walk(data)
    if substitution.problems and kept is None:
        raise BriefingError(substitution.problems)
    if kept is not None:
        kept.extend(substitution.problems)
    data = prune_footnotes(data)
    loaded = parse_document(YamlDocument(data, _with_root(source, base.source), content.text),
                            path)
    variant_name = name or (unit.code if unit is not None else safe_name(path.stem))
    return Variant(variant_name, loaded, content, unit, meeting)


def _with_root(source: SourceMap, base: SourceMap) -> SourceMap:
    if () not in source.values and () in base.values:
        source.values[()] = base.values[()]
    return source
