"""The sources inside an archived PDF: the YAML it was built from and a recipe to rebuild it.

An archived PDF is PDF/A-3, which allows embedded files; each one carries its content file,
unit file and meeting file (byte for byte) and `briefing-build.json` (edition date, formats,
variant name, hashes, tool versions). With those, the PDF alone is enough to rebuild it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

from briefing.atomic import safe_name
from briefing.editions.hashing import sha256_bytes, tool_versions
from briefing.editions.records import RecipeRecord, check_record, usable_variant_name
from briefing.inputs import MB, output_folder, parse_json, printable, read_input
from briefing.messages import joined, msg, reason
from briefing.problems import BriefingError
from briefing.units.sources import SourceFile, shown_path

RECIPE = "briefing-build.json"
RECIPE_FORMAT = 1
#: where `archive extract` puts each role, mirroring the repository layout
ROLE_FOLDERS = {"content": "content", "unit": "content/units", "meeting": "content/meetings"}
#: an archived PDF with its sources is a few MB; images may make it larger, never this large
PDF_LIMIT = 256 * MB


def attachment_name(role: str, file: SourceFile) -> str:
    return f"{role}-{safe_name(file.name)}"


def recipe(name: str, sources: list[tuple[str, SourceFile]], options: dict[str, Any]) -> dict:
    """What a rebuild needs besides the sources: deterministic JSON, no clock, no host."""
    return {
        "format": RECIPE_FORMAT,
        "variant": name,
        "options": options,
        "sources": {role: {"attachment": attachment_name(role, file),
                           "path": shown_path(file.path), "sha256": file.sha256}
                    for role, file in sources},
        "tools": tool_versions(),
    }


#: What each embedded file is, shown by PDF readers beside its name (/Desc).
DESCRIPTIONS = {"content": "Content file (YAML) this document was built from: {path}",
                "unit": "Unit file (YAML) applied to the content: {path}",
                "meeting": "Meeting file (YAML) of the handout: {path}"}
RECIPE_DESCRIPTION = ("Build recipe (JSON): edition date, options, source hashes and tool "
                      "versions to rebuild this PDF")


def source_attachments(name: str, sources: list[tuple[str, SourceFile]],
                       options: dict[str, Any]) -> list[tuple[str, bytes, str]]:
    """(name, bytes, description) of every file to embed: the recipe first, then each
    source file."""
    text = json.dumps(recipe(name, sources, options), ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"
    return [(RECIPE, text.encode("utf-8"), RECIPE_DESCRIPTION)] + [
        (attachment_name(role, file), file.data,
         DESCRIPTIONS[role].format(path=shown_path(file.path)))
        for role, file in sources]


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs its own complaints ("invalid pdf header", "EOF marker not found") about a file
    it reads; the user sees one error line of ours instead. Errors stay visible."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_attachments(pdf: Path) -> dict[str, bytes]:
    """The embedded files of `pdf` by name (pypdf); a PDF without them is an error."""
    try:
        import pypdf
    except ImportError:  # pragma: no cover - pypdf ships with the test extras
        raise BriefingError.at(pdf, msg("needs-pypdf", "reading embedded sources needs pypdf"),
                               hint=msg("needs-pypdf-hint", "pip install pypdf")) from None
    data = read_input(pdf, limit=PDF_LIMIT, what="PDF")  # a FIFO or a device is refused
    try:
        with quiet_pypdf():
            reader = pypdf.PdfReader(BytesIO(data))
            found = {name: contents[0] for name, contents in reader.attachments.items()
                     if contents}
    except Exception as exc:  # a damaged or hostile file can trip pypdf anywhere
        raise BriefingError.at(pdf, msg("pdf-unreadable", "cannot read the PDF: {reason}",
                                        reason=str(exc) or type(exc).__name__)) from None
    if RECIPE not in found:
        raise BriefingError.at(pdf, msg("no-recipe", "this PDF carries no {recipe}: it was not "
                                        "built as an archived edition (PDF/A with embedded "
                                        "sources)", recipe=RECIPE))
    return found


def parse_recipe(pdf: Path, files: dict[str, bytes]) -> dict[str, Any]:
    """The embedded recipe, every field checked (`records.RecipeRecord`): a recipe is read
    back from a file anyone may have forged, and names the rebuilt outputs."""
    try:
        data = parse_json(files[RECIPE], RECIPE)
    except ValueError as exc:
        raise BriefingError.at(pdf, msg("recipe-json", "embedded {problem}",
                                        problem=reason(exc))) from None
    if not isinstance(data, dict) or data.get("format") != RECIPE_FORMAT:
        raise BriefingError.at(pdf, msg("recipe-format", "embedded {recipe} has an unknown "
                                                         "format", recipe=RECIPE))
    variant = data.get("variant")
    # the variant names the rebuilt file: a recipe is untrusted, it may not climb out
    if not usable_variant_name(variant):
        raise BriefingError.at(pdf, msg("recipe-variant", "embedded {recipe} names no usable "
                                        "variant ({variant})", recipe=RECIPE,
                                        variant=printable(repr(variant))[:80]))
    record, problems = check_record(RecipeRecord, data)
    if record is None or "content" not in data.get("sources", {}):
        raise BriefingError.at(pdf, msg(
            "recipe-damaged", "embedded {recipe} is incomplete or damaged: {problems}",
            recipe=RECIPE, problems=joined(problems) if problems else
            msg("recipe-no-content", "no content source")))
    assert isinstance(record, RecipeRecord)
    for role, entry in record.sources.items():
        if entry.attachment not in files:
            raise BriefingError.at(pdf, msg("recipe-source-missing", "embedded source "
                                            "'{name}' ({role}) is missing",
                                            name=entry.attachment, role=role))
        if sha256_bytes(files[entry.attachment]) != entry.sha256:
            raise BriefingError.at(pdf, msg("recipe-source-sha", "embedded source '{name}' does "
                                            "not match its recorded sha256",
                                            name=entry.attachment))
    return record.model_dump()


def embedded_sources(pdf: Path) -> tuple[dict[str, Any], dict[str, SourceFile]]:
    """The recipe and the source files (by role) embedded in `pdf`, hashes checked.

    Each source is named as it was when built (its recorded path), so messages and a rebuild
    speak of content/units/quan-1.yaml, not of an attachment name.
    """
    files = read_attachments(pdf)
    data = parse_recipe(pdf, files)
    # the recorded path is only a name here (messages, the rebuilt recipe); it is never opened
    sources = {role: SourceFile(str(entry["path"]), files[entry["attachment"]])
               for role, entry in data["sources"].items()}
    return data, sources


def extract(pdf: Path, out_dir: Path, root: Path | None = None
            ) -> tuple[dict[str, Any], list[Path]]:
    """Write the embedded sources under `out_dir` (content/…, content/units/…) and the recipe;
    `out_dir` is checked once the PDF has been read (with `root`: not a link out of it)."""
    from briefing.atomic import write_atomic

    files = read_attachments(pdf)
    data = parse_recipe(pdf, files)
    output_folder(out_dir, root=root)
    written = []
    targets = {out_dir / ROLE_FOLDERS[role] / safe_name(Path(entry["path"]).name):
               files[entry["attachment"]]  # recorded names are untrusted: one safe name each
               for role, entry in data["sources"].items()}
    targets[out_dir / RECIPE] = files[RECIPE]
    for target, content in targets.items():
        # content/, content/units/ … may not be links planted to send the files elsewhere
        output_folder(target.parent, root=out_dir)
        write_atomic(target, content)
        written.append(target)
    return data, written
