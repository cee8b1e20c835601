"""Unit files from the studio: the unit's identity and header fields, and which of the
briefing's sections its copy keeps (checkboxes -> `sections.exclude`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from briefing.content.legal import title_key
from briefing.editing import meta_form as meta
from briefing.editing.items import clean_text, styled_like
from briefing.editing.paths import get
from briefing.editing.refusals import EditError, Taken
from briefing.editing.yamltext import new_map, new_seq, render
from briefing.messages import msg
from briefing.units.addressing import index_sections
from briefing.units.overlay_schema import CODE_PATTERN, KIND_PREFIX


class FileCreator(Protocol):
    """The store's one call a new unit needs (`store.DocumentStore.create`)."""

    def create(self, name: str, data: bytes) -> None: ...

UNIT_FIELDS = ("unit.code", "unit.name", "unit.short_name", "unit.place")
#: header and closing fields a unit may override (see docs/units-and-editions.md)
OVERRIDES = ("issuer.superior", "issuer.name", "number", "place", "circulation",
             "signer.authority", "signer.title", "signer.name")


@dataclass
class OutlineEntry:
    """A section of the briefing as a checkbox: its id, title and depth."""

    id: str
    title: str
    kind: str | None
    #: the ids of the sections it is inside, outermost first
    within: tuple[str, ...] = ()

    @property
    def depth(self) -> int:
        return len(self.within)


def outline(data: Any) -> list[OutlineEntry]:
    """Every section of a briefing (plain data) a unit may address, in reading order: the
    sections the variant builder indexes (preamble, blocks, conclusion, appendices)."""
    if not isinstance(data, dict):
        return []
    entries = []
    for info in index_sections(data, set()).values():
        section = get(data, info.path)
        entries.append(OutlineEntry(info.id, str(section[title_key(section)]), info.kind,
                                    info.ancestors))
    return entries


def excluded(unit: Any, entries: list[OutlineEntry]) -> set[str]:
    """Ids of the sections the unit's `exclude` drops (by id or by kind), with the sections
    inside them."""
    rules = unit.get("sections") if isinstance(unit, dict) else None
    selectors = set(rules.get("exclude") or []) if isinstance(rules, dict) else set()
    dropped = {e.id for e in entries
               if e.id in selectors or (e.kind and f"{KIND_PREFIX}{e.kind}" in selectors)}
    return {e.id for e in entries if e.id in dropped or dropped.intersection(e.within)}


def rules_for(unit: Any) -> list[str] | None:
    """The briefings (file stems) the unit's section rules are for; None: every briefing."""
    rules = unit.get("sections") if isinstance(unit, dict) else None
    named = rules.get("for") if isinstance(rules, dict) else None
    if named is None:
        return None
    names = [named] if isinstance(named, str) else [str(n) for n in named]
    return [n.removesuffix(".yaml") for n in names]  # as the unit model reads them


def set_unit_field(tree: Any, name: str, value: Any) -> None:
    """`unit.name` … in the unit block; `meta.*` header fields as in a content file's meta."""
    if name in UNIT_FIELDS:
        text = clean_text(value)
        key = name.split(".", 1)[1]
        unit = tree.get("unit")
        if not isinstance(unit, dict):
            raise EditError(msg("edit-unit-missing", "The unit file has no 'unit' part."))
        if key == "code" and not re.match(CODE_PATTERN, text):
            raise EditError(msg("edit-unit-code", "A unit code has only lower-case letters without "
                                "accents, digits and '-', e.g. 'quan-1'."))
        if key in ("code", "name") and not text:
            raise EditError(msg("edit-unit-empty", "A unit's code and name cannot be empty."))
        if text:
            unit[key] = styled_like(unit.get(key), text)
        else:
            unit.pop(key, None)
        return
    if name.startswith("meta."):
        field = name[5:]
        if field not in OVERRIDES and field != "recipients":
            raise EditError(msg("edit-unit-field", "A unit cannot replace the field '{field}'.",
                                field=field))
        if "meta" not in tree:
            tree.insert(1, "meta", new_map())
        meta.set_field(tree, field, value)
        return
    raise EditError(msg("edit-field", "There is no field '{name}'.", name=name))


def set_section_kept(tree: Any, section_id: str, kept: bool) -> None:
    """Tick or untick a section: its id leaves or joins `sections.exclude`."""
    if not isinstance(section_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", section_id):
        raise EditError(msg("edit-section-id", "The section id is not valid."))
    rules = tree.get("sections")
    if rules is None:
        rules = new_map()
        tree["sections"] = rules
    if not isinstance(rules, dict):
        raise EditError(msg("edit-unit-sections", "The unit file's 'sections' part is not in the "
                            "right form."))
    exclude = rules.get("exclude")
    if exclude is None:
        exclude = new_seq()
        rules.insert(0, "exclude", exclude)
    if kept:
        while section_id in exclude:
            exclude.remove(section_id)
        if not exclude:
            del rules["exclude"]
        if not rules:
            del tree["sections"]
    elif section_id not in exclude:
        exclude.append(section_id)


def new_unit(store: FileCreator, code: str, name: str) -> str:
    """A new unit file `units/<code>.yaml` with its identity only (the briefing's header)."""
    code = clean_text(code)
    name = clean_text(name)
    if not re.match(CODE_PATTERN, code):
        raise EditError(msg("edit-unit-code", "A unit code has only lower-case letters without "
                            "accents, digits and '-', e.g. 'quan-1'."))
    if not name:
        raise EditError(msg("edit-unit-name", "Type the unit's name."))
    target = f"units/{code}.yaml"
    tree = new_map(unit=new_map(code=code, name=name))
    text = "# Đơn vị " + name + ". Tạo bằng Briefing Studio.\n" + render(tree)
    try:
        store.create(target, text.encode("utf-8"))  # never over a unit already there
    except Taken:
        raise EditError(msg("edit-unit-taken", "A unit with this code exists already.")) from None
    return target
