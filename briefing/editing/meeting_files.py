"""Meeting files from the studio: a new meeting, its fields, and which sections its handout
keeps; and, for any variant, the sections it really keeps (what its ticks show).

A meeting's handout is the briefing (or a unit's copy) for one meeting: its name, date and
place on the cover, a circulation mark, and often only some sections (`sections.include` /
`exclude`, the same rules as a unit's; docs/units-and-editions.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.editing import meta_form as meta
from briefing.editing.date_fields import stored_date
from briefing.editing.items import clean_text, styled_like
from briefing.editing.refusals import EditError, Taken
from briefing.editing.yamltext import new_map, render
from briefing.messages import msg
from briefing.text.slug import slug, unique

if TYPE_CHECKING:
    from briefing.builds.variants import VariantJob
    from briefing.editing.store import DocumentStore

MEETING_FIELDS = ("name", "date", "place", "audience", "circulation")


def kept_sections(job: VariantJob) -> set[str]:
    """The ids of the sections the variant of `job` (a unit's and/or a meeting's copy) keeps,
    as the variant builder makes it (of a briefing being written: its draft): what its ticks
    show."""
    from briefing.builds.draft_preview import load_variant_draft
    from briefing.units.addressing import index_sections

    draft, _ = load_variant_draft(job)
    return set(index_sections(draft.loaded.document.model_dump(exclude_defaults=True), set()))


def set_meeting_field(tree: Any, name: str, value: Any) -> None:
    """`meeting.name`, `meeting.date` (written 15/03/2024 or 2024-03-15) … of a meeting file."""
    key = name.removeprefix("meeting.")
    if key not in MEETING_FIELDS:
        raise EditError(msg("edit-field", "There is no field '{name}'.", name=name))
    info = tree.get("meeting")
    if not isinstance(info, dict):
        raise EditError(msg("edit-meeting-missing", "The meeting file has no 'meeting' part."))
    text = clean_text(value)
    if key == "name" and not text:
        raise EditError(msg("edit-meeting-name", "Type the meeting's name."))
    if not text:
        info.pop(key, None)
    elif key == "date":
        info[key] = meta.typed(stored_date(text), info.get(key))
    else:
        info[key] = styled_like(info.get(key), text)


def keep_in_meeting(tree: Any, section_id: str, kept: bool, kind: str | None) -> None:
    """Tick or untick a section of a meeting's handout: out through `exclude`; in again by
    leaving `exclude` and, where the meeting lists what it includes, by joining that list."""
    from briefing.editing.unit_files import set_section_kept

    set_section_kept(tree, section_id, kept)
    rules = tree.get("sections")
    include = rules.get("include") if isinstance(rules, dict) else None
    if kept and isinstance(include, list) and section_id not in include \
            and f"kind:{kind}" not in include:
        include.append(section_id)


def new_meeting(store: DocumentStore, name: str, date: str = "") -> str:
    """A new meeting file `meetings/<name as words>.yaml` with its name (and date)."""
    name = clean_text(name)
    if not name:
        raise EditError(msg("edit-meeting-name", "Type the meeting's name."))
    info = new_map(name=name)
    if date.strip():
        info["date"] = meta.typed(stored_date(date), None)
    text = "# Hội nghị " + name + ". Tạo bằng Briefing Studio.\n" + \
        render(new_map(meeting=info))
    folder = store.path("meetings/x.yaml").parent  # confined to content/
    if not folder.exists():
        folder.mkdir()
    with store.naming:
        stem = unique(slug(name, fallback="hoi-nghi", whole_words=True),
                      lambda stem: store.taken(f"meetings/{stem}.yaml"))
        target = f"meetings/{stem}.yaml"
        try:
            store.create(target, text.encode("utf-8"))  # never over a meeting already there
        except Taken:
            raise EditError(msg("edit-meeting-taken", "A meeting with this name exists "
                                                      "already.")) from None
    return target
