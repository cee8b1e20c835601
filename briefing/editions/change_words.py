"""What changed since an archived revision, in the clerk's words: the studio's reason for not
making an edition again.

`archiving.changes` says it as the archive keeps it ("content changed (x.yaml)", "unit:quan-1
added", "template:… changed", "option date: … -> …"): keys and paths, right for the command
line and the manifest. A clerk is told instead which sections of the document differ from the
archived one — each by its number and title as printed, as the side-by-side comparison reads
them (`editions.diff`) — which unit's copy was added, removed or changed, that the date
differs, or that the software's layout changed since.
"""

from __future__ import annotations

from briefing.builds.variants import VariantJob
from briefing.editing.date_fields import shown_date
from briefing.editions.diff import VariantText, job_text
from briefing.editions.layout import Revision
from briefing.editions.manifest import load_manifest
from briefing.editions.verify import jobs_from_manifest
from briefing.messages import Message, msg
from briefing.problems import BriefingError
from briefing.units.sources import SourceFile

#: a heading quoted at most this long
_SHORT = 50
_FRAME = msg("edition-change-frame", "the head and closing lines (issuer, number, date, signer, "
                                     "recipients) changed")
#: what a change outside the sections is said as (a document without sections, a note)
_TEXT = msg("edition-change-text", "the document's text changed")
_LAYOUT = msg("edition-change-layout", "the layout the software prints with (templates, "
                                       "profile, fonts) changed")
_SOFTWARE = msg("edition-change-software", "the software's version changed")
_OTHER = msg("edition-change-other", "another file the edition is made from changed")


def _short(heading: str) -> str:
    heading = " ".join(heading.split())
    return heading if len(heading) <= _SHORT else heading[: _SHORT - 1].rstrip() + "…"


def section_changes(old: VariantText, new: VariantText) -> list[Message]:
    """The sections that differ, each named by its number and title as printed (a section
    only renumbered because another came or went is not listed)."""
    found = [_FRAME] if old.frame != new.frame else []
    before = {s.id: s for s in old.sections}
    after = {s.id for s in new.sections}
    for section in new.sections:
        previous = before.get(section.id)
        if previous is None:
            found.append(msg("edition-change-added", "«{section}»: added",
                             section=_short(section.heading)))
        elif previous.lines != section.lines:
            found.append(msg("edition-change-edited", "«{section}»: text changed",
                             section=_short(section.heading)))
        elif previous.heading.split(" ", 1)[-1] != section.heading.split(" ", 1)[-1]:
            found.append(msg("edition-change-title", "«{old}» is now «{section}»",
                             old=_short(previous.heading), section=_short(section.heading)))
    found += [msg("edition-change-removed", "«{section}»: removed",
                  section=_short(s.heading)) for s in old.sections if s.id not in after]
    return found


def _content_changes(revision: Revision, content: SourceFile) -> list[Message]:
    try:
        jobs = jobs_from_manifest(revision, load_manifest(revision.manifest), "")
        old = job_text(VariantJob(name="old", content=jobs[0].content), "old")
        new = job_text(VariantJob(name="new", content=content), "new")
    except (BriefingError, ValueError, IndexError):
        return [_TEXT]
    return section_changes(old, new) or [_TEXT]


def _said(part: Message, revision: Revision, content: SourceFile) -> list[Message]:
    """One change of `archiving.changes` in the clerk's words (several for the content)."""
    params = dict(part.params)
    key = str(params.get("key", ""))
    kind = {"input-added": "added", "input-removed": "removed"}.get(part.code, "changed")
    if part.code == "tool-changed":
        return [_SOFTWARE]
    if part.code == "option-changed":
        if key == "date":
            return [msg("edition-change-date", "the edition's date: {old} → {new}",
                        old=shown_date(str(params.get("old"))),
                        new=shown_date(str(params.get("new"))))]
        return [_OTHER]
    if key == "content":
        return _content_changes(revision, content)
    if key.startswith("unit:"):
        unit = key.removeprefix("unit:")
        return [{"added": msg("edition-change-unit-added", "a copy for the unit {unit} was "
                                                           "added", unit=unit),
                 "removed": msg("edition-change-unit-removed", "the copy for the unit {unit} "
                                                               "was removed", unit=unit)}.get(
            kind, msg("edition-change-unit", "the unit {unit}'s details or sections changed",
                      unit=unit))]
    if key == "meeting":
        return [msg("edition-change-meeting", "the meeting's details or sections changed")]
    if key.split(":", 1)[0] in ("template", "profile", "font"):
        return [_LAYOUT]
    return [_OTHER]


def changes_in_words(changes: object, revision: Revision, content: SourceFile) -> list[Message]:
    """`changes` (the joined list `archiving.changes` gave) said for a clerk, each line
    once, in order."""
    found: dict[Message, None] = {}
    for _, part in changes.params if isinstance(changes, Message) else ():
        if isinstance(part, Message):
            found.update(dict.fromkeys(_said(part, revision, content)))
    return list(found) or [_OTHER]
