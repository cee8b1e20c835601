"""Compare archived editions, or variants of them, section by section (`archive diff` and the
studio): the variants a reference names, and the report lines for each pair."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.builds.variants import VariantJob, base_name
from briefing.editions.diff import VariantText, diff_texts, job_text
from briefing.editions.layout import Archive, Reference
from briefing.editions.manifest import load_manifest
from briefing.editions.side_by_side import Block, side_by_side
from briefing.editions.verify import jobs_from_manifest
from briefing.inputs import shown
from briefing.messages import msg
from briefing.problems import BriefingError, Position, Problem


def archived_jobs(archive: Archive, reference: Reference) -> dict[str, VariantJob]:
    """The variants (by name) of the revision `reference` names, or the one variant it names."""
    revision = archive.revision(reference)
    manifest = load_manifest(revision.manifest)
    jobs = {j.name: j for j in jobs_from_manifest(revision, manifest, "")}
    if reference.variant is not None:
        if reference.variant not in jobs:
            raise BriefingError.at(revision.manifest, msg(
                "no-such-variant", "{label} has no variant '{variant}'", label=revision.label,
                variant=reference.variant), hint=msg("variants-are", "variants: {names}",
                                                     names=tuple(jobs)))
        return {reference.variant: jobs[reference.variant]}
    return jobs


def operand(text: str, content: Path | None, archive: Archive
            ) -> tuple[str, dict[str, VariantJob]]:
    """A label and its variants by name, from whatever an `archive diff` operand names:
    EDITION[@rN][/VARIANT] in `archive`, an archived PDF, a unit file or 'base' (the
    briefing `content` without a unit)."""
    path = Path(text)
    if text == "base" or path.suffix in (".yaml", ".yml"):
        from briefing.units.selection import source_file

        if content is None:
            raise BriefingError(Problem(Position(text), msg(
                "diff-needs-content", "a unit file or 'base' operand needs --content FILE (the "
                                      "briefing)")))
        from briefing.content.loader import CONTENT_FILE

        briefing = source_file(content, CONTENT_FILE)
        if text == "base":
            return "base", {"base": VariantJob(name=base_name(briefing), content=briefing)}
        from briefing.units.load import UNIT_FILE, parse_unit

        unit = source_file(path, UNIT_FILE)
        code = parse_unit(unit).code
        return shown(path), {code: VariantJob(name=code, content=briefing, unit=unit)}
    if path.suffix == ".pdf":
        from briefing.editions.embed import embedded_sources
        from briefing.editions.reproduce import recipe_job

        recipe, sources = embedded_sources(path)
        job = recipe_job(recipe, sources, "")
        return shown(path), {job.name: job}
    reference = Reference.parse(text)
    archive.check_root()
    return text, archived_jobs(archive, reference)


@dataclass
class VariantDiff:
    """One pair of variants: present on one side only, or the differing lines (none: same)."""

    name: str
    only_in: str | None = None
    lines: list[str] = field(default_factory=list)


def paired(old: dict[str, VariantJob], new: dict[str, VariantJob], old_label: str,
           new_label: str) -> list[tuple[str, VariantText | None, VariantText | None]]:
    """(name, old text, new text) for each pair to compare: two single variants whatever
    their names, else variants of the same name; None on the side a variant is missing from."""
    if len(old) == 1 and len(new) == 1:
        (name, a), (_, b) = next(iter(old.items())), next(iter(new.items()))
        return [(name, job_text(a, old_label), job_text(b, new_label))]
    return [(name, job_text(old[name], f"{old_label}/{name}") if name in old else None,
             job_text(new[name], f"{new_label}/{name}") if name in new else None)
            for name in sorted(set(old) | set(new))]


def compare(old: dict[str, VariantJob], new: dict[str, VariantJob], old_label: str,
            new_label: str) -> list[VariantDiff]:
    """The report lines of each pair (`paired`)."""
    return [VariantDiff(name, only_in=old_label) if b is None else
            VariantDiff(name, only_in=new_label) if a is None else
            VariantDiff(name, lines=diff_texts(a, b))
            for name, a, b in paired(old, new, old_label, new_label)]


def compare_archived(archive: Archive, old: str, new: str) -> list[VariantDiff]:
    """Two references into one archive (EDITION[@rN][/VARIANT]) compared: the studio's."""
    return compare(archived_jobs(archive, Reference.parse(old)),
                   archived_jobs(archive, Reference.parse(new)), old, new)


@dataclass
class SideBySide:
    """One pair of variants side by side: on one side only, or the blocks that differ."""

    name: str
    only_in: str | None = None
    blocks: list[Block] = field(default_factory=list)


def side_by_side_archived(archive: Archive, old: str, new: str) -> list[SideBySide]:
    """Two references into one archive compared side by side, changed words marked (the
    studio's comparison); pairs as `compare` pairs them."""
    pairs = paired(archived_jobs(archive, Reference.parse(old)),
                   archived_jobs(archive, Reference.parse(new)), old, new)
    return [SideBySide(name, only_in=old) if b is None else
            SideBySide(name, only_in=new) if a is None else
            SideBySide(name, blocks=side_by_side(a, b))
            for name, a, b in pairs]
