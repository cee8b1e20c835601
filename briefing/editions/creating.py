"""A new edition, as `build.py edition` and the studio ask for one: the dated name checked,
an unchanged edition recognised by its stamp before anything heavy is imported
(briefing/editions/stamp_file.py), else the variants selected and the revision found or built
under the edition's lock (briefing/editions/archiving.py), and the stamp recorded.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.builds.events import Events
from briefing.builds.variant_set import VariantSet
from briefing.editing.refusals import EditError, Offer
from briefing.editions.layout import (
    Archive,
    EditionOutcome,
    Revision,
    check_name,
    default_name,
)
from briefing.editions.signed_outputs import EditionSigning
from briefing.editions.stamp_file import archived, edition_stamp, record
from briefing.inputs import printable
from briefing.messages import Message, joined, msg
from briefing.problems import BriefingError

#: a date as an edition date is written: anything else is left to the full check's message
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class EditionOrder:
    variants: VariantSet
    #: the edition date as given (YYYY-MM-DD)
    date: str
    archive: Archive
    #: the edition's name; None: the date and the content file's name
    name: str | None = None
    #: inputs changed: store a new revision beside the archived one
    new_revision: bool = False
    #: worker processes; 0: one per core
    workers: int = 0
    #: False: no writer in a forked child (a threaded caller, the studio)
    parallel_formats: bool = True
    #: look for, and record, the stamp of the inputs (the command line); the studio finds the
    #: revision under the edition's lock every time
    stamped: bool = True
    #: the register `number: auto` takes from; None: `register.sqlite` in the archive
    register: Path | None = None
    #: sign the PDFs as they are archived (`edition --sign`)
    signing: EditionSigning | None = None
    #: what a bad date or name is reported at: an option, or a field of the studio's form
    date_field: str = "--date"
    name_field: str = "--name"


def every_variant(content: Path, folder: Path) -> VariantSet:
    """What the studio archives: the briefing itself and every unit file in `folder`/units,
    each read through the one guard (inside `folder`, no link out)."""
    units = folder / "units"
    if units.is_dir() and any(units.glob("*.yaml")):  # the briefing itself is one of them
        return VariantSet(content, units=[units], with_base=True, within=folder)
    return VariantSet(content, units=[], with_base=True, within=folder)


def edition_name(order: EditionOrder, date: str) -> str:
    if order.name is not None:  # given, even empty: checked as typed, never replaced
        return check_name(order.name, order.name_field)
    return default_name(date, order.variants.content)


def create_edition(order: EditionOrder, events: Events | None = None) -> EditionOutcome:
    """The revision these inputs make: found by its stamp, found under the lock, or built."""
    events = events or Events()
    started = time.perf_counter()
    before = None
    if order.stamped and _DAY.fullmatch(order.date):  # else check_date decides
        name = edition_name(order, order.date)
        folder = order.archive.edition_dir(name)
        before = edition_stamp(order.variants, order.date, name)
        found = archived(folder, name, before)
        if found is not None:
            revision, warnings = found
            for line in warnings:
                events.warning(printable(line))  # read back from a file: untrusted
            return EditionOutcome(revision, created=False,
                                  seconds=time.perf_counter() - started)
    from briefing.editions.archiving import EditionRequest, build_edition, check_date

    date = check_date(order.date, order.date_field)
    name = edition_name(order, date)
    if order.stamped and before is None:
        before = edition_stamp(order.variants, order.date, name)
    warnings: list[str] = []

    def warn(problem: object) -> None:
        warnings.append(str(problem))
        events.warning(str(problem))

    variants = order.variants
    request = EditionRequest(name=name, date=date, selection=variants.select(),
                             archive=order.archive, formats=variants.formats,
                             new_revision=order.new_revision, with_base=variants.with_base,
                             workers=order.workers, parallel_formats=order.parallel_formats,
                             register=order.register, signing=order.signing)
    label = msg("progress-edition", "edition {name}", name=name)
    with events.building(len(request.selection.units) + variants.with_base, label):
        outcome = build_edition(request, on_result=events.result,
                                on_wait=lambda: events.waiting(name), on_warning=warn)
    if before is not None and all(r.ok for r in outcome.results):
        record(outcome.revision, before, edition_stamp(variants, order.date, name), warnings)
    return outcome


def _changes_said(params: dict, order: EditionOrder, number: int) -> Message:
    """What changed since revision `number` of the edition, in the clerk's words."""
    from briefing.editions.change_words import changes_in_words
    from briefing.units.sources import read_source

    name = str(params.get("name", ""))
    revision = Revision(name, number, order.archive.edition_dir(name) / f"r{number}")
    return joined(changes_in_words(params.get("changes"), revision,
                                   read_source(order.variants.content)))


#: an absolute path in a message ("/srv/x/content"): the clerk is shown its last part
_SERVER_PATH = re.compile(r"(?<![\w.])/(?:[^\s'\"/]+/)+([^\s'\"/]+)")


def refused_edition(error: BriefingError, order: EditionOrder) -> EditError:
    """Why the studio could not make an edition, in the clerk's words: no server path, no
    command-line option; an edition archived with other inputs offers its next revision,
    saying what changed since (`change_words`)."""
    first = error.problems[0]
    if first.code == "edition-immutable":
        params = dict(first.message.params)
        label = str(params.get("label", ""))
        number = int(label.rsplit("@r", 1)[-1]) + 1 if "@r" in label else 2
        return Offer(msg("studio-edition-immutable", "The edition {name} is archived ({label}) "
                         "and is never changed; the document has changed since ({changes}). "
                         "To keep this version too, make revision r{number} beside it.",
                         name=params.get("name", ""), label=label,
                         changes=_changes_said(params, order, number - 1), number=number),
                     msg("studio-edition-new-revision", "Make revision r{number}",
                         number=number), {"new_revision": True})
    lines = []
    for problem in error.problems[:5]:
        where = Path(problem.position.file).name if problem.position.line else ""
        said = f"{problem.message} ({problem.hint})" if problem.hint else str(problem.message)
        said = _SERVER_PATH.sub(r"\1", said)  # a folder of the server's: its last name only
        lines.append(f"{where}: {said}" if where.endswith((".yaml", ".yml")) else said)
    return EditError(msg("studio-edition-refused", "The edition was not made: {problems}",
                         problems=joined(lines)))
