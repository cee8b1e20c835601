"""An archived PDF built again from what it carries (`archive extract --rebuild`): the
sources and the recipe embedded in it make the job; the rebuilt PDF is compared byte for byte
with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.builds.variants import JobResult, VariantJob, run_job
from briefing.editions.embed import embedded_sources
from briefing.editions.hashing import tool_versions
from briefing.messages import Message, joined, msg
from briefing.problems import Position, Problem
from briefing.units.sources import SourceFile


def recipe_job(recipe: dict[str, Any], sources: dict[str, SourceFile],
               out_dir: str) -> VariantJob:
    """The job an embedded recipe describes (its PDF only)."""
    return VariantJob.rebuilt(str(recipe["variant"]), sources, recipe.get("options") or {},
                              ("pdf",), out_dir)


@dataclass
class Reproduction:
    result: JobResult
    #: the rebuilt PDF is byte for byte the archived one (a signed one: before its signatures)
    identical: bool = False
    #: the archived PDF is signed: the rebuilt PDF is the bytes before its signatures
    signed: bool = False
    #: the tools whose version changed since: "weasyprint 61.0 -> 62.1", …
    changed: list[Message] = field(default_factory=list)

    def verdict(self, pdf: Path, shown: str) -> Message | Problem:
        """What `archive extract --rebuild` says of an identical or a differing rebuild."""
        if self.identical and self.signed:
            return msg("rebuilt-identical-signed", "identical: the rebuilt PDF is byte for byte "
                                                   "{pdf} before its signatures", pdf=shown)
        if self.identical:
            return msg("rebuilt-identical", "identical: the rebuilt PDF is byte for byte {pdf}",
                       pdf=shown)
        return Problem(Position(str(pdf)), msg("rebuilt-differs", "the rebuilt PDF differs from "
                                                                  "this one"),
                       hint=msg("rebuilt-tools-hint", "tools changed: {changes}",
                                changes=joined(self.changed)) if self.changed
                       else msg("rebuilt-other-hint",
                                "templates, profile or fonts changed since it was built"))


def reproduce(pdf: Path, recipe: dict[str, Any], out_dir: Path) -> Reproduction:
    """Build `pdf` again into `out_dir` from its embedded sources (`recipe`: its recipe)."""
    _, sources = embedded_sources(pdf)
    result = run_job(recipe_job(recipe, sources, str(out_dir)))
    if not result.ok:
        return Reproduction(result)
    now = tool_versions()
    rebuilt = Path(result.outputs["pdf"].path).read_bytes()
    archived = pdf.read_bytes()
    # a signature is an incremental update: the bytes before it are the build
    signed = archived != rebuilt and archived.startswith(rebuilt) \
        and b"/ByteRange" in archived[len(rebuilt):]
    return Reproduction(result, archived == rebuilt or signed, signed,
                        [msg("tool-changed", "{key} {old} -> {new}", key=k, old=str(v),
                             new=str(now.get(k)))
                         for k, v in (recipe.get("tools") or {}).items() if now.get(k) != v])

