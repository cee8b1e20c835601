"""Which variants of a briefing a batch or an edition builds, as the user named them.

The briefing, unit files or folders (default: content/units/; none: the briefing alone), unit
codes, the briefing's own variant, a meeting (a file, or its fields from the command line) and
the formats. Two things are made from it: the list of files a stamp hashes (light: an unchanged
build is recognised before anything heavy is imported, briefing/builds/stamps.py) and the
`Selection` the builds read, every file once (briefing/units/selection.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.builds.stamps import variant_files
from briefing.messages import msg
from briefing.problems import BriefingError, Position, Problem

if TYPE_CHECKING:
    from briefing.units.selection import Selection


#: the option each field of a meeting comes from, for messages
FIELD_OPTIONS = {"date": "--meeting-date", "place": "--meeting-place",
                 "audience": "--meeting-audience", "circulation": "--circulation"}


@dataclass(frozen=True)
class MeetingFields:
    """A meeting given by its fields (--meeting-name, --meeting-date, …) instead of a file."""

    name: str | None = None
    date: str | None = None
    place: str | None = None
    audience: str | None = None
    circulation: str | None = None

    def values(self) -> list[str | None]:
        return [self.name, self.date, self.place, self.audience, self.circulation]


@dataclass(frozen=True)
class VariantSet:
    """The variants to build: see the module's docstring."""

    content: Path
    #: unit files and folders; None: content/units/; []: no unit (the briefing alone)
    units: list[Path] | None = None
    codes: list[str] | None = None
    with_base: bool = False
    meeting: Path | None = None
    meeting_fields: MeetingFields = field(default_factory=MeetingFields)
    formats: tuple[str, ...] = ("docx", "pdf")
    #: every unit and meeting file must be inside this folder, not linked out (the studio)
    within: Path | None = None

    def stamp_files(self) -> list[Path] | None:
        """What a build of these variants may read; None if too much to stamp."""
        return variant_files(self.content, self.units, self.meeting)

    def stamp_options(self) -> dict[str, Any]:
        """The options that choose and shape the variants, as a stamp records them."""
        return {"codes": self.codes, "with_base": self.with_base,
                "format": "all" if len(self.formats) > 1 else self.formats[0],
                "meeting": self.meeting_fields.values()}

    def select(self) -> Selection:
        """Read the briefing, units and meeting; one line for options that contradict."""
        fields = self.meeting_fields
        if self.meeting and fields.name:
            raise BriefingError(Problem(Position("--meeting-name"), msg(
                "meeting-options-both", "give either --meeting FILE or --meeting-name, not "
                                        "both")))
        loose = [option for name, option in FIELD_OPTIONS.items() if getattr(fields, name)]
        if loose and not fields.name:
            raise BriefingError(Problem(Position(loose[0]), msg(
                "meeting-option-alone", "this option describes a meeting: add --meeting-name")))
        from briefing.units.selection import meeting_from_options, select

        meeting: Any = self.meeting
        if fields.name:
            meeting = meeting_from_options(fields.name, fields.date, fields.place,
                                           fields.audience, fields.circulation)
        return select(self.content, self.units, self.codes, meeting, within=self.within)
