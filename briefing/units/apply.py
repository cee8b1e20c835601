"""Apply one overlay (unit or meeting) to content data, keeping the position of every value.

The overlay works on the raw data of the content file, before the schema check, and builds a
new tree in which each value remembers the file and line it came from: the briefing's for
what is kept, the unit file's for what the unit adds or replaces. The schema check, numbering
and footnote numbering then run on the result, so a mistake in an added section is reported
at its line in the unit file, and numbers are computed for this variant, never copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.content.legal import title_key
from briefing.content.schema import BLOCK_KINDS
from briefing.content.schema_problems import did_you_mean
from briefing.messages import Message, msg
from briefing.problems import BriefingError, Position, Problem
from briefing.source.yaml_source import SourceMap
from briefing.units.addressing import CONTAINERS, SectionInfo, index_sections, is_section
from briefing.units.load import Overlay, meeting_line
from briefing.units.overlay_schema import KIND_PREFIX, SectionRules, UnitFile

Path_ = tuple[Any, ...]
META_FIELDS = ("issuer", "number", "place", "signer", "recipients", "circulation", "issue",
               "subject", "title", "type")
#: The unit's identity, printed on its copy of any briefing; the other meta fields (number,
#: issue, subject, title, type) belong to the briefing its section rules are for.
IDENTITY_FIELDS = ("issuer", "place", "signer", "recipients", "circulation")


@dataclass(frozen=True)
class Located:
    """A value and where it is: the source map it was read with and its path there."""

    value: Any
    source: SourceMap
    path: Path_

    @property
    def position(self) -> Position:
        return self.source.at(self.path)


@dataclass
class VariantState:
    """What earlier overlays did, so that a meeting applied after a unit judges ids fairly."""

    content: str
    known_ids: set[str] = field(default_factory=set)
    known_kinds: set[str] = field(default_factory=set)
    added_ids: set[str] = field(default_factory=set)


def rules_apply(rules: SectionRules, content: str) -> bool:
    """Whether section rules that may name their briefings (`for:`) apply to `content`."""
    return rules.briefings is None or Path(content).stem in rules.briefings


def new_state(content: str, data: dict[str, Any]) -> VariantState:
    index = index_sections(data, set())
    return VariantState(content, set(index), {s.kind for s in index.values() if s.kind})


class _Rules:
    """The overlay's `sections:` rules resolved to section ids, with every conflict found."""

    def __init__(self, overlay: Overlay, index: dict[str, SectionInfo], state: VariantState,
                 source: SourceMap):
        self.overlay = overlay
        self.index = index
        self.state = state
        self.source = source
        self.problems: list[Problem] = []
        rules = overlay.data.get("sections") or {}
        self.raw = rules if isinstance(rules, dict) else {}
        model = overlay.model.sections
        if not rules_apply(model, state.content):
            self.raw, model = {}, SectionRules()  # rules for another briefing: identity only
        self.excluded: dict[str, Position] = {}
        for i, selector in enumerate(model.exclude):
            for sid in self.targets(selector, ("sections", "exclude", i)):
                self.excluded.setdefault(sid, overlay.at("sections", "exclude", i))
        self.included: dict[str, Position] | None = None
        if model.include is not None:
            self.included = {}
            for i, selector in enumerate(model.include):
                for sid in self.targets(selector, ("sections", "include", i)):
                    self.included.setdefault(sid, overlay.at("sections", "include", i))
        self.replaced: dict[str, Located] = {}
        for selector in model.replace:
            path = ("sections", "replace", selector)
            for sid in self.targets(selector, path):
                if sid in self.replaced:
                    self.conflict(path, sid, msg("conflict-twice", "replaced twice"),
                                  self.replaced[sid].position)
                    continue
                self.replaced[sid] = Located(self.raw["replace"][selector], overlay.source, path)
        #: rule path -> target ids, to report conflicts at the rule's own line
        replaced = msg("action-replaced", "replaced")
        self.rule_targets: list[tuple[Path_, str, Message]] = [
            (rep.path, sid, replaced) for sid, rep in self.replaced.items()]
        self.after = self._additions("insert_after", model.insert_after,
                                     msg("action-after", "given sections after it"))
        self.appended_to = self._additions("append_to", model.append_to,
                                           msg("action-append-to", "given extra body items"))
        self.appended = [Located(item, overlay.source, ("sections", "append", i))
                         for i, item in enumerate(self.raw.get("append") or [])]
        self.include_paths = self._include_paths()
        self.dropped = {sid: why for sid, info in index.items()
                        if (why := self.drop_reason(info)) is not None}
        self.check_conflicts()
        self.check_added()

    def _additions(self, rule: str, selectors: dict[str, Any],
                   action: Message) -> dict[str, list[Located]]:
        table: dict[str, list[Located]] = {}
        for selector in selectors:
            path = ("sections", rule, selector)
            items = self.raw[rule][selector]
            for sid in self.targets(selector, path):
                self.rule_targets.append((path, sid, action))
                table.setdefault(sid, []).extend(
                    Located(item, self.overlay.source, (*path, i)) for i, item in enumerate(items))
        return table

    # -- selectors ---------------------------------------------------------------------------
    def targets(self, selector: str, path: Path_) -> list[str]:
        """Ids the selector names now; an id or kind this briefing never had is an error."""
        label, content = self.overlay.label, self.state.content
        position = self.overlay.at(*path, key=path[-1] == selector)
        if selector.startswith(KIND_PREFIX):
            kind = selector[len(KIND_PREFIX):]
            ids = [s.id for s in self.index.values() if s.kind == kind]
            if not ids and kind not in self.state.known_kinds:
                present = sorted(self.state.known_kinds) or list(BLOCK_KINDS)
                self.problems.append(Problem(position, msg(
                    "unknown-kind", "{label}: no section of kind '{kind}' in {content}",
                    label=label, kind=kind, content=content), hint=msg(
                    "kinds-there", "kinds there: {kinds}", kinds=tuple(present))))
            return ids
        if selector in self.index:
            return [selector]
        if selector not in self.state.known_ids:
            self.problems.append(Problem(position, msg(
                "unknown-section", "{label}: no section '{id}' in {content}", label=label,
                id=selector, content=content),
                hint=did_you_mean(selector, sorted(self.state.known_ids))))
        return []

    def _include_paths(self) -> set[str]:
        """Sections kept because something inside them is included (their own text stays)."""
        if self.included is None:
            return set()
        paths: set[str] = set()
        for sid in self.included:
            paths.update(self.index[sid].ancestors)
        return paths

    def drop_reason(self, info: SectionInfo) -> tuple[Message, Position] | None:
        for sid in (*info.ancestors, info.id):
            if sid in self.excluded:
                return (msg("reason-excluded", "excluded"), self.excluded[sid])
        if self.included is None or info.added:
            return None
        if info.id in self.included or info.id in self.include_paths:
            return None
        if any(a in self.included for a in info.ancestors):
            return None
        return (msg("reason-not-included", "not included"),
                self.overlay.at("sections", "include", key=True))

    # -- conflicts ---------------------------------------------------------------------------
    def conflict(self, path: Path_, sid: str, what: Message, other: Position) -> None:
        where = msg("at-line", "line {line}", line=other.line) \
            if other.file == self.overlay.file.path else str(other)
        self.problems.append(Problem(self.overlay.at(*path, key=True), msg(
            "conflict", "conflicting overrides in {label}: section '{id}' is {what} ({where})",
            label=self.overlay.label, id=sid, what=what, where=where)))

    def check_conflicts(self) -> None:
        for sid, position in self.excluded.items():
            if self.included is not None and sid in self.included:
                other = self.included[sid]
                self.problems.append(Problem(position, msg(
                    "conflict", "conflicting overrides in {label}: section '{id}' is both "
                    "excluded and included (line {line})", label=self.overlay.label, id=sid,
                    line=other.line)))
        body_replaced = {sid for sid, rep in self.replaced.items()
                         if isinstance(rep.value, dict) and "body" in rep.value}
        for path, sid, action in self.rule_targets:
            if sid in self.dropped:
                reason, other = self.dropped[sid]
                self.conflict(path, sid, msg("conflict-dropped", "{action} but {reason}",
                                             action=action, reason=reason), other)
            inside = [a for a in self.index[sid].ancestors if a in body_replaced]
            if inside:
                self.conflict(path, sid, msg("conflict-inside", "{action} but lies inside "
                                             "'{inside}', whose body is replaced",
                                             action=action, inside=inside[0]),
                              self.replaced[inside[0]].position)
        for sid, position in self.excluded.items():
            inside = [a for a in self.index[sid].ancestors if a in body_replaced]
            if inside and sid not in self.replaced:
                self.problems.append(Problem(position, msg(
                    "conflict", "conflicting overrides in {label}: section '{id}' is excluded "
                    "but lies inside '{inside}', whose body is replaced",
                    label=self.overlay.label, id=sid, inside=inside[0])))

    # -- added sections ----------------------------------------------------------------------
    def check_added(self) -> None:
        """Added sections need fresh ids, and a kind when they become top-level blocks."""
        vanishing = {sid for sid, info in self.index.items()
                     if any(a in self.replaced and "body" in self.replaced[a].value
                            for a in info.ancestors)}
        taken = {sid: info for sid, info in self.index.items() if sid not in vanishing}
        seen: dict[str, Position] = {}

        def check(item: Any, path: Path_) -> None:
            if not is_section(item):
                for key in ("bullets", "enumerate"):
                    if isinstance(item, dict) and isinstance(item.get(key), list):
                        for i, entry in enumerate(item[key]):
                            if isinstance(entry, list):
                                for j, sub in enumerate(entry):
                                    check(sub, (*path, key, i, j))
                return
            sid = item["id"]
            position = self.overlay.at(*path, "id")
            if sid in taken:
                where = self.source.at(taken[sid].path)
                self.problems.append(Problem(position, msg(
                    "duplicate-id", "section id '{id}' is already used at {where}", id=sid,
                    where=str(where)), hint=msg("added-id-hint",
                                                "give the added section an id of its own")))
            elif sid in seen:
                self.problems.append(Problem(position, msg(
                    "duplicate-id", "section id '{id}' is added twice", id=sid), hint=msg(
                    "first-at-line", "first at line {line}", line=seen[sid].line)))
            seen[sid] = position
            for i, sub in enumerate(item.get("body") or []):
                check(sub, (*path, "body", i))

        def needs_kind(item: Any, path: Path_) -> None:
            if isinstance(item, dict) and not item.get("kind"):
                self.problems.append(Problem(self.overlay.at(*path), msg(
                    "added-kind", "an added top-level block needs a kind: one of {kinds}",
                    kinds=BLOCK_KINDS)))

        for located in self.appended:
            check(located.value, located.path)
            needs_kind(located.value, located.path)
        for sid, items in self.after.items():
            for located in items:
                check(located.value, located.path)
                if self.index[sid].top:
                    needs_kind(located.value, located.path)
        for items in self.appended_to.values():
            for located in items:
                check(located.value, located.path)
        for located in self.replaced.values():
            body = located.value.get("body") if isinstance(located.value, dict) else None
            for i, item in enumerate(body or []):
                check(item, (*located.path, "body", i))
        self.added_ids = set(seen)


class _Rebuild:
    """Builds the variant's data, copying the position of every value it places."""

    def __init__(self, rules: _Rules, out: SourceMap):
        self.rules = rules
        self.out = out
        self.added_kinds: set[str] = set()

    def copy(self, source: SourceMap, old: Path_, new: Path_, value: Any) -> Any:
        """A fresh copy of `value` (never shared with cached data) with its positions."""
        if old in source.values:
            self.out.values[new] = source.values[old]
        if isinstance(value, dict):
            result = {}
            for key, item in value.items():
                if (*old, key) in source.keys:
                    self.out.keys[(*new, key)] = source.keys[(*old, key)]
                result[key] = self.copy(source, (*old, key), (*new, key), item)
            return result
        if isinstance(value, list):
            return [self.copy(source, (*old, i), (*new, i), item) for i, item in enumerate(value)]
        return value

    def items(self, items: Any, source: SourceMap, old: Path_, new: Path_,
              parent: str | None) -> Any:
        if not isinstance(items, list):  # a wrong shape: keep it for the schema to report
            return self.copy(source, old, new, items)
        if old in source.values:
            self.out.values[new] = source.values[old]
        out: list[Any] = []
        for i, item in enumerate(items):
            if is_section(item):
                if item["id"] in self.rules.dropped:
                    continue
                out.append(self.section(item, source, (*old, i), (*new, len(out))))
                for extra in self.rules.after.get(item["id"], []):
                    out.append(self.added(extra, (*new, len(out))))
            else:
                out.append(self.copy(source, (*old, i), (*new, len(out)), item))
        for extra in self.rules.appended_to.get(parent, []) if parent else []:
            out.append(self.added(extra, (*new, len(out))))
        return out

    def added(self, located: Located, new: Path_) -> Any:
        if is_section(located.value):
            if located.value.get("kind"):
                self.added_kinds.add(located.value["kind"])
            return self.section(located.value, located.source, located.path, new)
        return self.copy(located.source, located.path, new, located.value)

    def section(self, item: dict[str, Any], source: SourceMap, old: Path_,
                new: Path_) -> dict[str, Any]:
        if old in source.values:
            self.out.values[new] = source.values[old]
        replacement = self.rules.replaced.get(item["id"])
        rep = replacement.value if replacement and isinstance(replacement.value, dict) else {}
        result: dict[str, Any] = {}
        keys = list(item) + (["body"] if "body" not in item else [])
        if title_key(item) != "title" and "title" in rep:  # a legal item's title is its key's
            rep = {title_key(item) if key == "title" else key: value for key, value in rep.items()}
        for key in keys:
            if key in rep:
                assert replacement is not None
                rep_key = "title" if key == title_key(item) else key
                rep_source, rep_path = replacement.source, (*replacement.path, rep_key)
            else:
                rep_source, rep_path = source, (*old, key)
            if rep_path in rep_source.keys:
                self.out.keys[(*new, key)] = rep_source.keys[rep_path]
            value = rep[key] if key in rep else item.get(key, [])
            if key == "body":
                result[key] = self.items(value, rep_source, rep_path, (*new, key), item["id"])
            else:
                result[key] = self.copy(rep_source, rep_path, (*new, key), value)
        return result


def _meta(rebuild: _Rebuild, data: dict[str, Any], source: SourceMap,
          overlay: Overlay) -> dict[str, Any]:
    meta = rebuild.copy(source, ("meta",), ("meta",), data.get("meta"))
    if not isinstance(meta, dict):
        return meta
    out = rebuild.out
    if isinstance(overlay.model, UnitFile):
        raw = overlay.data.get("meta") or {}
        own = rules_apply(overlay.model.sections, rebuild.rules.state.content)
        for name in META_FIELDS if own else IDENTITY_FIELDS:
            if name not in raw:
                continue
            if raw[name] is None:  # `number: null` in a unit clears the briefing's value
                meta.pop(name, None)
                continue
            out.keys[("meta", name)] = overlay.at("meta", name, key=True)
            meta[name] = rebuild.copy(overlay.source, ("meta", name), ("meta", name), raw[name])
        return meta
    line, position = meeting_line(overlay)
    meta["meeting"] = line
    out.values[("meta", "meeting")] = position
    for name in ("circulation", "subject", "title"):
        value = getattr(overlay.model.meeting, name)
        if value:
            meta[name] = value
            out.values[("meta", name)] = overlay.at("meeting", name)
    return meta


def _footnotes(rebuild: _Rebuild, data: dict[str, Any], source: SourceMap, overlay: Overlay,
               problems: list[Problem], content: str) -> Any:
    notes = rebuild.copy(source, ("footnotes",), ("footnotes",), data.get("footnotes") or {})
    extra = overlay.data.get("footnotes") or {}
    if not isinstance(notes, dict) or not isinstance(extra, dict):
        return notes
    for note_id, value in extra.items():
        if note_id in notes:
            first = rebuild.out.keys.get(("footnotes", note_id))
            problems.append(Problem(
                overlay.at("footnotes", note_id, key=True),
                msg("footnote-twice", "footnote '{id}' is already defined in {content}",
                    id=note_id, content=content),
                hint=msg("unit-footnote-hint", "at line {line}; give the unit's note another id",
                         line=first.line) if first else None))
            continue
        path = ("footnotes", note_id)
        rebuild.out.keys[path] = overlay.at("footnotes", note_id, key=True)
        notes[note_id] = rebuild.copy(overlay.source, path, path, value)
    return notes


def apply_overlay(data: dict[str, Any], source: SourceMap, overlay: Overlay,
                  state: VariantState, kept: list[Problem] | None = None
                  ) -> tuple[dict[str, Any], SourceMap]:
    """The content data with the overlay applied, and the positions of the result. Its
    problems raise, unless `kept` (a draft's, previewed as far as the rules can be followed:
    a rule naming a section the briefing no longer has is left aside) collects them."""
    index = index_sections(data, state.added_ids)
    rules = _Rules(overlay, index, state, source)
    problems = list(rules.problems)
    out = SourceMap(source.file)
    if () in source.values:
        out.values[()] = source.values[()]
    rebuild = _Rebuild(rules, out)
    result: dict[str, Any] = {}
    for key, value in data.items():
        if (key,) in source.keys:
            out.keys[(key,)] = source.keys[(key,)]
        if key == "meta":
            result[key] = _meta(rebuild, data, source, overlay)
        elif key == "footnotes":
            result[key] = _footnotes(rebuild, data, source, overlay, problems, state.content)
        elif key in CONTAINERS:
            result[key] = rebuild.items(value, source, (key,), (key,), None)
        else:
            result[key] = rebuild.copy(source, (key,), (key,), value)
    if "footnotes" not in result and overlay.data.get("footnotes"):
        result["footnotes"] = _footnotes(rebuild, data, source, overlay, problems, state.content)
    blocks = result.get("blocks")
    if isinstance(blocks, list):
        for located in rules.appended:
            blocks.append(rebuild.added(located, ("blocks", len(blocks))))
        if not blocks and not problems:
            where = overlay.at("sections", key=True)
            problems.append(Problem(where, msg(
                "no-block-left", "{label} leaves no block of {content}: every block is excluded "
                "or not included", label=overlay.label, content=state.content), hint=msg(
                "no-block-left-hint", "keep at least one block, or add one with 'append'")))
    if problems and kept is None:
        raise BriefingError(problems)
    if kept is not None:
        kept.extend(problems)
    state.added_ids |= rules.added_ids
    state.known_ids |= rules.added_ids
    state.known_kinds |= rebuild.added_kinds
    return result, out
