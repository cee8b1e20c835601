"""The DOCX and PDF a clerk downloads from the studio: exactly what `build.py` (a briefing) and
`build.py batch` (a unit's or meeting's variant) write, into the same places in `output/`.

Rendering goes through `briefing.preview.rendering` (the resident builder when there is one).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.atomic import write_all_atomic
from briefing.builds.draft_preview import Draft, load_draft, load_variant_draft
from briefing.builds.pipeline import FORMATS
from briefing.builds.variants import VariantJob, base_name, variant_of
from briefing.content.loader import LoadedDocument, parse_document
from briefing.inputs import output_folder
from briefing.problems import Problem
from briefing.source.yaml_source import load_yaml
from briefing.units.sources import read_source

if TYPE_CHECKING:
    from briefing.units.load import Overlay


class LoadedVariant(NamedTuple):
    """A document to render and the unit and meeting files its checks also cover (a
    variant's: what `build.py batch` checks before it builds)."""

    loaded: LoadedDocument
    overlays: tuple[Overlay, ...] = ()
    #: the briefing loaded as a draft (its blanks, its problems once checked), for a preview
    draft: Draft | None = None


@dataclass(frozen=True)
class VariantSpec:
    """Which copy of a briefing: the briefing itself, or a unit's and/or a meeting's variant."""

    content: Path
    unit: Path | None = None
    meeting: Path | None = None

    @property
    def is_base(self) -> bool:
        return self.unit is None and self.meeting is None

    def job(self, formats: tuple[str, ...] = FORMATS, out_dir: Path | None = None) -> VariantJob:
        """The batch job of this variant, its sources read now (the bytes that get built)."""
        content = read_source(self.content)
        unit = read_source(self.unit) if self.unit else None
        meeting = read_source(self.meeting) if self.meeting else None
        name = base_name(content)
        if unit is not None:
            from briefing.units.load import parse_unit

            name = parse_unit(unit).code  # as batch names a unit's copy
        if meeting is not None and self.meeting is not None:
            name = f"{name}-{self.meeting.stem}"  # a meeting's handout is named after it too
        return VariantJob(name=name, content=content, unit=unit, meeting=meeting,
                          formats=formats, out_dir=str(out_dir or "output"))

def load(spec: VariantSpec, job: VariantJob, *, draft: bool = False,
         checked: Draft | None = None) -> LoadedVariant:
    """The document of `spec` made from the bytes `job` read (read once: what is keyed is
    what is built), with the overlays to check; its problems raise BriefingError. A `draft`
    (the preview of a briefing or of a variant) has placeholders where required values are
    empty; `checked` is the draft of those bytes the save's `check` already made, if any."""
    if spec.is_base and draft and checked is not None:
        return LoadedVariant(checked.loaded, draft=checked)
    if spec.is_base and draft:
        made = load_draft(load_yaml(spec.content, job.content.text), spec.content)
        return LoadedVariant(made.loaded, draft=made)
    if spec.is_base:
        return LoadedVariant(parse_document(load_yaml(spec.content, job.content.text),
                                            spec.content))
    if draft:
        made, overlays = load_variant_draft(job)
        return LoadedVariant(made.loaded, overlays, draft=made)
    variant = variant_of(job, check=False)  # checked by the render, with its overlays
    return LoadedVariant(variant.loaded,
                         tuple(o for o in (variant.unit, variant.meeting) if o is not None))


def output_dir(spec: VariantSpec, output: Path) -> Path:
    """`output/` for a briefing (as `build.py`), `output/<briefing>/` for variants (as batch),
    checked as `build.py` checks its default folders: a link planted at `output/<briefing>/`
    must not send the files out of `output/` (`output` itself is the caller's to check)."""
    folder = output if spec.is_base else output / base_name(spec.content)
    return output_folder(folder, root=output)


def build_outputs(spec: VariantSpec, output: Path) -> tuple[dict[str, Path], list[Problem]]:
    """Build both formats of the variant and replace them together in its output folder."""
    folder = output_dir(spec, output)
    job = spec.job(out_dir=folder)
    from briefing.preview.rendering import render

    document = load(spec, job)
    outputs, warnings = render(document.loaded, overlays=document.overlays)
    targets = {fmt: folder / f"{job.name}.{fmt}" for fmt in FORMATS}
    write_all_atomic({targets[fmt]: outputs[fmt] for fmt in FORMATS})
    return targets, warnings
