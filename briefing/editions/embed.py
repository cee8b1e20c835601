"""The sources inside an archived PDF: the YAML it was built from and a recipe to rebuild it.

An archived PDF is PDF/A-3, which allows embedded files; each one carries its content file,
unit file and meeting file (byte for byte) and `briefing-build.json` (edition date, formats,
variant name, hashes, tool versions). With those, the PDF alone is enough to rebuild it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefing.atomic import safe_name
from briefing.editions.hashing import sha256_bytes, tool_versions
from briefing.errors import BriefingError
from briefing.units.sources import SourceFile, shown_path

RECIPE = "briefing-build.json"
RECIPE_FORMAT = 1
#: where `archive extract` puts each role, mirroring the repository layout
ROLE_FOLDERS = {"content": "content", "unit": "content/units", "meeting": "content/meetings"}


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


def source_attachments(name: str, sources: list[tuple[str, SourceFile]],
                       options: dict[str, Any]) -> list[tuple[str, bytes]]:
    """(name, bytes) of every file to embed: the recipe first, then each source file."""
    text = json.dumps(recipe(name, sources, options), ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"
    return [(RECIPE, text.encode("utf-8"))] + [(attachment_name(role, file), file.data)
                                              for role, file in sources]


def read_attachments(pdf: Path) -> dict[str, bytes]:
    """The embedded files of `pdf` by name (pypdf); a PDF without them is an error."""
    try:
        import pypdf
    except ImportError:  # pragma: no cover - pypdf ships with the test extras
        raise BriefingError.at(pdf, "reading embedded sources needs pypdf",
                               hint="pip install pypdf") from None
    try:
        reader = pypdf.PdfReader(pdf)
        found = {name: contents[0] for name, contents in reader.attachments.items() if contents}
    except (OSError, pypdf.errors.PyPdfError) as exc:
        raise BriefingError.at(pdf, f"cannot read the PDF: {exc}") from None
    if RECIPE not in found:
        raise BriefingError.at(pdf, f"this PDF carries no {RECIPE}: it was not built as an "
                                    "archived edition (PDF/A with embedded sources)")
    return found


def parse_recipe(pdf: Path, files: dict[str, bytes]) -> dict[str, Any]:
    try:
        data = json.loads(files[RECIPE].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BriefingError.at(pdf, f"embedded {RECIPE} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != RECIPE_FORMAT:
        raise BriefingError.at(pdf, f"embedded {RECIPE} has an unknown format")
    for role, entry in data.get("sources", {}).items():
        attachment = entry.get("attachment")
        if role not in ROLE_FOLDERS or attachment not in files:
            raise BriefingError.at(pdf, f"embedded source '{attachment}' ({role}) is missing")
        if sha256_bytes(files[attachment]) != entry.get("sha256"):
            raise BriefingError.at(pdf, f"embedded source '{attachment}' does not match its "
                                        "recorded sha256")
    return data


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


def extract(pdf: Path, out_dir: Path) -> tuple[dict[str, Any], list[Path]]:
    """Write the embedded sources under `out_dir` (content/…, content/units/…) and the recipe."""
    from briefing.atomic import write_atomic

    data, sources = embedded_sources(pdf)
    written = []
    for role, file in sources.items():  # recorded names are untrusted: one safe name each
        target = out_dir / ROLE_FOLDERS[role] / safe_name(Path(file.path).name)
        write_atomic(target, file.data)
        written.append(target)
    target = out_dir / RECIPE
    write_atomic(target, read_attachments(pdf)[RECIPE])
    written.append(target)
    return data, written
