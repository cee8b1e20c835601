"""The DOCX and PDF a clerk downloads from the studio: exactly what `build.py` (a briefing) and
`build.py batch` (a unit's or meeting's variant) write, into the same places in `output/`.

Rendering goes through `briefing.preview.engine` (the resident builder when there is one).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.atomic import write_all_atomic
from briefing.batch import VariantJob, base_name, variant_of
from briefing.content.loader import LoadedDocument
from briefing.errors import Problem
from briefing.pipeline import FORMATS
from briefing.units.sources import read_source


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

            name = parse_unit(unit).code
        elif meeting is not None:
            name = f"{name}-{self.meeting.stem}" if self.meeting else name
        return VariantJob(name=name, content=content, unit=unit, meeting=meeting,
                          formats=formats, out_dir=str(out_dir or "output"))

def render_outputs(loaded: LoadedDocument,
                   formats: tuple[str, ...] = FORMATS) -> tuple[dict[str, bytes], list[Problem]]:
    from briefing.preview.engine import render

    return render(loaded, formats)


def output_dir(spec: VariantSpec, output: Path) -> Path:
    """`output/` for a briefing (as `build.py`), `output/<briefing>/` for variants (as batch)."""
    return output if spec.is_base else output / base_name(spec.content)


def build_outputs(spec: VariantSpec, output: Path) -> tuple[dict[str, Path], list[Problem]]:
    """Build both formats of the variant and replace them together in its output folder."""
    folder = output_dir(spec, output)
    job = spec.job(out_dir=folder)
    loaded = variant_of(job, check=False).loaded if not spec.is_base else _load(spec.content)
    outputs, warnings = render_outputs(loaded)
    targets = {fmt: folder / f"{job.name}.{fmt}" for fmt in FORMATS}
    write_all_atomic({targets[fmt]: outputs[fmt] for fmt in FORMATS})
    return targets, warnings


def _load(path: Path) -> LoadedDocument:
    from briefing.content.loader import load_document

    return load_document(path)
