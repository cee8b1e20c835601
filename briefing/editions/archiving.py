"""Build an edition: check everything, lock, build into a hidden folder, rename it into place.

Order matters for the promises an archive makes:
1. every variant is loaded and checked first: bad input writes nothing at all;
2. the inputs are hashed into a fingerprint; under the edition's lock, a revision with the same
   fingerprint means "already archived": nothing is written;
3. a revision with other inputs refuses the build, unless a new revision is asked for;
4. the outputs, the sources and the manifest are written into `.building-…`, made read-only,
   flushed, and the folder is renamed to `r<N>` in one step. Killed before the rename, the
   build leaves only the hidden folder, which the next build removes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.builds.pool import run_jobs
from briefing.builds.variants import (
    JobResult,
    VariantJob,
    base_name,
    name_clashes,
    variant_of,
)
from briefing.content.schema import DocumentDate
from briefing.editions.hashing import (
    Input,
    environment_inputs,
    file_input,
    fingerprint,
    sha256_file,
    tool_versions,
)
from briefing.editions.issued_numbers import EditionNumbers, edition_numbers, wanted_number
from briefing.editions.layout import (
    BUILDING,
    MANIFEST,
    SOURCE_FOLDERS,
    SOURCES,
    Archive,
    EditionOutcome,
    Revision,
)
from briefing.editions.lock import edition_lock
from briefing.editions.manifest import Manifest, VariantEntry, load_manifest
from briefing.editions.signed_outputs import EditionSigning, OpenKey, open_key, sign_outputs
from briefing.messages import Message, joined, msg, reason
from briefing.problems import BriefingError, Position, Problem
from briefing.register import REGISTER_NAME
from briefing.register.ledger import Wanted
from briefing.units.overlay_schema import UnitFile
from briefing.units.selection import Selection
from briefing.units.sources import SourceFile

#: archived PDFs: PDF/A-3 (long-term archiving, embedded files allowed), level A: tagged, so
#: the archived text stays readable aloud and reflowable (briefing/writers/pdf/accessibility.py)
ARCHIVE_PDF_VARIANT = "pdf/a-3a"


def check_date(text: str, where: str = "--date") -> str:
    """An edition date is a real calendar day, YYYY-MM-DD."""
    try:
        return str(DocumentDate.parse_day(text, msg("what-edition-date", "an edition date")))
    except ValueError as exc:
        raise BriefingError(Problem(Position(where), reason(exc))) from None


@dataclass
class EditionRequest:
    name: str
    date: str
    selection: Selection
    archive: Archive
    formats: tuple[str, ...] = ("docx", "pdf")
    new_revision: bool = False
    with_base: bool = False
    workers: int = 0
    #: False: no writer in a forked child (a threaded caller, the studio); see `run_jobs`
    parallel_formats: bool = True
    #: the register `number: auto` takes from; None: `register.sqlite` in the archive
    register: Path | None = None
    #: sign the PDFs as they are archived (`edition --sign`)
    signing: EditionSigning | None = None

    @property
    def register_file(self) -> Path:
        return self.register or self.archive.root / REGISTER_NAME


def _jobs(request: EditionRequest, out_dir: str) -> list[VariantJob]:
    selection = request.selection
    common = {"content": selection.content, "meeting": selection.meeting,
              "formats": request.formats, "out_dir": out_dir, "date": request.date,
              "pdf_variant": ARCHIVE_PDF_VARIANT if "pdf" in request.formats else None,
              "embed_sources": "pdf" in request.formats, "read_only": True}
    jobs = []
    if request.with_base:
        jobs.append(VariantJob(name=base_name(selection.content), **common))
    for choice in selection.units:
        if not choice.problems:  # the others are refused with their problems in preflight
            jobs.append(VariantJob(name=choice.name, unit=choice.file, **common))
    return jobs


def _source_inputs(job: VariantJob) -> list[tuple[str, SourceFile]]:
    """The job's sources keyed for the whole edition: each unit file under its own key."""
    return [(f"unit:{job.name}" if role == "unit" else role, file) for role, file in job.sources]


def _figure_inputs(job: VariantJob) -> list[Input]:
    """The figure files the job's sources name (content, unit, meeting), each hashed: a changed
    picture is a changed input, or an edition would claim inputs it was not built from."""
    from briefing.content.media import MediaError, confined_media_path
    from briefing.units.load import parse_yaml  # the parse the pre-flight made: cached

    root = Path(job.content.path).parent
    found = []
    for _, file in job.sources:
        try:
            data = parse_yaml(file.path, file.text).data
        except BriefingError:
            continue  # a source that does not load fails the build anyway
        for src in sorted(set(_figures(data))):
            try:
                path = confined_media_path(root, src)
            except MediaError:
                continue  # reported by the checks at its line
            if path.is_file():
                found.append(file_input(f"media:{src}", path))
    return found


def _figures(value: object) -> Iterator[str]:
    """Every `figure:` path in YAML data."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "figure" and isinstance(item, str):
                yield item
            else:
                yield from _figures(item)
    elif isinstance(value, list):
        for item in value:
            yield from _figures(item)


def _inputs(jobs: list[VariantJob], profiles: set[str]) -> list[Input]:
    found: dict[str, Input] = {}
    for job in jobs:
        for key, file in _source_inputs(job):
            found[key] = Input(key, file.path, file.sha256, len(file.data))
        for item in _figure_inputs(job):
            found[item.key] = item
    for item in environment_inputs(profiles):
        found[item.key] = item
    return [found[k] for k in sorted(found)]


def preflight(request: EditionRequest,
              on_warning: Callable[[Problem], None] | None = None
              ) -> tuple[list[VariantJob], dict[str, str], dict[str, Wanted]]:
    """Load and check every variant; any problem refuses the edition before anything is written.
    The checks' warnings go to `on_warning`, each once. Also: each variant's profile, and
    what each `number: auto` variant asks of the register."""
    problems = list(request.selection.problems)
    if not request.selection.units and not request.with_base:
        problems.append(Problem(Position(request.selection.content.path), msg(
            "edition-no-units", "no unit files: an edition needs at least one variant"), hint=msg(
            "edition-no-units-hint", "add content/units/*.yaml, pass --units, or --with-base")))
    jobs = _jobs(request, "")
    problems += name_clashes(jobs, request.selection.content.path)
    profiles: dict[str, str] = {}
    warnings: dict[Problem, None] = {}
    wanted: dict[str, Wanted] = {}
    for job in jobs:
        try:
            variant = variant_of(job)  # loaded and checked (`build.py check`), not rendered
            profiles[job.name] = variant.loaded.document.meta.profile
            warnings.update(dict.fromkeys(variant.warnings))
            number = wanted_number(variant)
            if number is not None:
                wanted[job.name] = number
        except BriefingError as error:
            problems.extend(error.problems)
    if on_warning is not None:
        for warning in warnings:
            on_warning(warning)
    if problems:
        raise BriefingError(problems)
    return jobs, profiles, wanted


def changes(old: Manifest, inputs: list[Input], options: dict,
            tools: dict[str, str]) -> list[Message]:
    """What differs between an archived revision and this build, in a few words each."""
    found = []
    new = {i.key: i for i in inputs}
    for key in sorted(set(old.inputs) | set(new)):
        if key not in new:
            found.append(msg("input-removed", "{key} removed", key=key))
        elif key not in old.inputs:
            found.append(msg("input-added", "{key} added", key=key))
        elif old.inputs[key]["sha256"] != new[key].sha256:
            found.append(msg("input-changed", "{key} changed ({path})", key=key,
                             path=new[key].path))
    for key in sorted(set(old.options) | set(options)):
        if old.options.get(key) != options.get(key):
            found.append(msg("option-changed", "option {key}: {old} -> {new}", key=key,
                             old=str(old.options.get(key)), new=str(options.get(key))))
    for key in sorted(set(old.tools) | set(tools)):
        if old.tools.get(key) != tools.get(key):
            found.append(msg("tool-changed", "{key} {old} -> {new}", key=key,
                             old=str(old.tools.get(key)), new=str(tools.get(key))))
    return found


def build_edition(request: EditionRequest,
                  on_result: Callable[[JobResult], None] | None = None,
                  on_wait: Callable[[], None] | None = None,
                  on_warning: Callable[[Problem], None] | None = None) -> EditionOutcome:
    """Build the edition's next revision, or find that it is archived already (see module doc)."""
    try:
        return _build_edition(request, on_result, on_wait, on_warning)
    except OSError as exc:  # an archive folder that cannot be written, a full disk, …
        where = exc.filename or request.archive.root
        raise BriefingError.at(where, msg("cannot-write-edition", "cannot write the edition: "
                                          "{reason}", reason=exc.strerror or str(exc))) from None


def _build_edition(request: EditionRequest, on_result: Callable[[JobResult], None] | None,
                   on_wait: Callable[[], None] | None,
                   on_warning: Callable[[Problem], None] | None = None) -> EditionOutcome:
    started = time.perf_counter()
    archive = request.archive
    folder = archive.edition_dir(request.name)
    jobs, profile_of, wanted = preflight(request, on_warning)
    profiles = set(profile_of.values())
    inputs = _inputs(jobs, profiles)
    tools = tool_versions()
    options = {**jobs[0].options(), "variants": [j.name for j in jobs]}
    finger = fingerprint(inputs, options, tools)
    with edition_lock(folder, on_wait):
        for stale in archive.building_dirs(request.name):  # a build killed before its rename
            shutil.rmtree(stale, ignore_errors=True)
        revisions = archive.revisions(request.name)
        for revision in revisions:
            if load_manifest(revision.manifest).fingerprint == finger:
                return EditionOutcome(revision, created=False,
                                      seconds=time.perf_counter() - started)
        if revisions and not request.new_revision:
            latest = revisions[-1]
            what = changes(load_manifest(latest.manifest), inputs, options, tools)
            raise BriefingError(Problem(Position(str(latest.manifest)), msg(
                "edition-immutable", "edition '{name}' is archived ({label}) and is immutable; "
                "its inputs changed: {changes}", name=request.name, label=latest.label,
                changes=joined(what)), hint=msg(
                "edition-immutable-hint", "rebuild with --new-revision to store r{number} "
                "beside it", number=latest.number + 1)))
        number = revisions[-1].number + 1 if revisions else 1
        revision = Revision(request.name, number, folder / f"r{number}")
        plan = Plan(inputs, options, tools, finger, profile_of, wanted)
        results = _new_revision(revision, request, plan, on_result, on_warning)
    return EditionOutcome(revision, created=True, results=results,
                          seconds=time.perf_counter() - started, numbers=plan.numbers,
                          signatures=plan.signatures)


@dataclass
class Plan:
    """What a new revision is built from, beyond the request (found by `preflight`)."""

    inputs: list[Input]
    options: dict
    tools: dict[str, str]
    finger: str
    #: variant -> its profile
    profile_of: dict[str, str]
    #: variant -> the number it asks of the register (`number: auto`)
    wanted: dict[str, Wanted]
    #: variant -> the number the register gave
    numbers: dict[str, str] = field(default_factory=dict)
    #: the key the PDFs are signed with (`edition --sign`), opened
    key: OpenKey | None = None
    #: variant -> the records of its PDF's signatures
    signatures: dict[str, list[dict]] = field(default_factory=dict)


def _new_revision(revision: Revision, request: EditionRequest, plan: Plan,
                  on_result: Callable[[JobResult], None] | None,
                  on_warning: Callable[[Problem], None] | None
                  ) -> list[JobResult]:
    """Open the key, take the numbers, build into a hidden folder, rename it into place.
    A key or register that refuses leaves nothing written and no number taken."""
    folder = revision.path.parent
    if request.signing is not None and "pdf" not in request.formats:
        raise BriefingError(Problem(Position("--sign"), msg(
            "edition-sign-no-pdf", "--sign signs the PDFs, and this edition has none "
                                   "(--format docx)")))
    plan.key = open_key(request.signing) if request.signing is not None else None
    try:
        numbers = edition_numbers(request.register_file, plan.wanted, request.date)
        plan.numbers = numbers.take()  # a damaged or locked register: refused
        temporary = None
        try:
            temporary = Path(tempfile.mkdtemp(prefix=f"{BUILDING}r{revision.number}-",
                                              dir=folder))
            results = _build_into(temporary, request, plan, revision.number, on_result)
            os.chmod(temporary, 0o755)  # mkdtemp made it private; an archive is for reading
            os.rename(temporary, revision.path)
            _fsync_dir(folder)
        except BaseException:
            if temporary is not None:
                shutil.rmtree(temporary, ignore_errors=True)
            numbers.failed(revision.label)
            raise
    finally:
        if plan.key is not None:
            plan.key.close()
    _issued(numbers, revision.label, _jobs(request, ""), on_warning)
    return results


def _issued(numbers: EditionNumbers, label: str, jobs: list[VariantJob],
            on_warning: Callable[[Problem], None] | None) -> None:
    """Mark the numbers issued; the revision is in place already, so a register that cannot
    be written now is a warning (the numbers stay reserved, as `register list` shows)."""
    try:
        numbers.issued(label, {j.name: [f"{j.name}.{f}" for f in j.formats] for j in jobs})
    except BriefingError as error:
        for problem in error.problems:
            if on_warning is not None:
                on_warning(replace(problem, severity="warning"))


def _build_into(temporary: Path, request: EditionRequest, plan: Plan, number: int,
                on_result: Callable[[JobResult], None] | None) -> list[JobResult]:
    # `preflight` checked these very sources (the request holds their bytes): the workers
    # need not check them again, as in `build.py batch`
    jobs = [replace(job, checked=True, number=plan.numbers.get(job.name))
            for job in _jobs(request, str(temporary))]
    results = run_jobs(jobs, request.workers, on_result,
                       profiles=tuple(sorted(set(plan.profile_of.values()))),
                       parallel_formats=request.parallel_formats)
    failed = [r for r in results if not r.ok]
    if failed:
        raise BriefingError([p for r in failed for p in r.problems])
    plan.signatures = signatures = {} if plan.key is None else sign_outputs(
        temporary, {j.name: f"{j.name}.pdf" for j in jobs if "pdf" in j.formats},
        plan.profile_of, plan.key)
    unit_names = {c.name: c.overlay.model.unit.name for c in request.selection.units
                  if c.overlay is not None and isinstance(c.overlay.model, UnitFile)}
    entries = []
    for job in jobs:
        sources = {}
        for role, file in job.sources:
            # a unit's source is stored under its code: two units may share a file name
            stored = f"{job.name}.yaml" if role == "unit" else Path(file.path).name
            relative = f"{SOURCES}/{SOURCE_FOLDERS[role]}/{stored}"
            if not (temporary / relative).exists():
                _write_read_only(temporary / relative, file.data)
            sources[role] = relative
        entries.append(VariantEntry(job.name, unit_names.get(job.name), sources,
                                    {fmt: f"{job.name}.{fmt}" for fmt in job.formats},
                                    number=job.number,
                                    signatures=signatures.get(job.name, [])))
    manifest = Manifest(
        name=request.name, date=request.date, revision=number, fingerprint=plan.finger,
        tools=plan.tools, options=plan.options,
        inputs={i.key: {"path": i.path, "sha256": i.sha256, "bytes": i.size}
                for i in plan.inputs},
        variants=entries, files=_files(temporary))
    _write_read_only(temporary / MANIFEST, manifest.dumps())
    for directory in [temporary, *(p for p in temporary.rglob("*") if p.is_dir())]:
        _fsync_dir(directory)
    return results


def _files(folder: Path) -> dict[str, dict]:
    """sha256 and size of every file in the revision (read back from disk, as verify will)."""
    return {p.relative_to(folder).as_posix(): {"sha256": sha256_file(p), "bytes": p.stat().st_size}
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _write_read_only(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o444)


def _fsync_dir(path: Path) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory descriptors
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
