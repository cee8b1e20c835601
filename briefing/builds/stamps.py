"""Recognise an unchanged batch or edition before importing or checking anything.

`build.py batch` and `build.py edition` find "nothing to do" by comparing fingerprints of the
variants, which takes pydantic, every unit file parsed and every variant checked: most of a
second for twenty variants. A *stamp* is a cheaper and stricter fingerprint: the sha256 of the
raw bytes of every file such a build may read (the content file, every unit file the options
name, the meeting file, every template, profile and font file), of the options as given and of
the tool versions. A successful build records its stamp; the next run with an equal stamp has
the same inputs, so the recorded result stands, once checked against what is on disk (the
batch's outputs by their sha256, the edition's manifest by its fingerprint). Anything that
does not match, or cannot be read, means "not known to be unchanged": the full build decides.

This module imports only the standard library and light briefing modules.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from briefing import FONTS_DIR, PROJECT_ROOT, TEMPLATES_DIR
from briefing.editions.hashing import sha256_bytes, tool_versions
from briefing.inputs import MB, parse_json, read_input, regular_file
from briefing.problems import BriefingError

#: where unit files are looked for by default (briefing.units.load.UNITS_DIR)
UNITS_DIR = PROJECT_ROOT / "content" / "units"
PROFILES_DIR = PROJECT_ROOT / "profiles"


def unit_files(paths: Sequence[Path] | None) -> list[Path]:
    """The unit files the options name, by briefing.units.load.unit_files's rule."""
    files: list[Path] = []
    for path in [UNITS_DIR] if paths is None else paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        else:
            files.append(path)
    return files


def environment_files() -> list[Path]:
    """Every file a variant could be rendered with: templates, profiles, fonts."""
    found: list[Path] = []
    for folder in (TEMPLATES_DIR, PROFILES_DIR, FONTS_DIR):
        found += sorted(p for p in folder.rglob("*")
                        if p.is_file() and not any(part.startswith(".") or part == "__pycache__"
                                                   for part in p.relative_to(folder).parts))
    return found


#: no input of a build is larger (fonts, figures); a bigger file is not stamped
MAX_STAMPED_BYTES = 64 * MB


def stamp(files: Iterable[Path] | None, options: dict[str, Any]) -> str | None:
    """sha256 over the files (name and bytes), the options and the tool versions; None if a
    file cannot be read as a regular file (then the full build says what is wrong with it)."""
    if files is None:
        return None
    digest = hashlib.sha256()
    try:
        for path in files:
            digest.update(os.fsencode(os.path.abspath(path)) + b"\0")
            data = read_input(path, limit=MAX_STAMPED_BYTES)  # no FIFO, device or loop
            digest.update(sha256_bytes(data).encode() + b"\0")
    except (OSError, ValueError, BriefingError):
        return None
    digest.update(json.dumps({"options": options, "tools": tool_versions()}, sort_keys=True,
                             default=str).encode())
    return digest.hexdigest()


#: a content folder with more files than this is not stamped (the full build decides)
MAX_FOLDER_FILES = 2000


def folder_files(folder: Path) -> list[Path] | None:
    """Every plain file under the content file's folder (links not followed): the figures a
    variant may show live there (content/media/…), named by the content or a unit."""
    found = []
    for root, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and regular_file(path):
                found.append(path)
                if len(found) > MAX_FOLDER_FILES:
                    return None
    return found


def variant_files(content: Path, units: Sequence[Path] | None,
                  meeting: Path | None) -> list[Path] | None:
    """What a batch or an edition of `content` may read; None if too much to stamp."""
    beside = folder_files(Path(os.path.abspath(content)).parent)
    if beside is None:
        return None
    return [content, *unit_files(units), *([meeting] if meeting else []), *beside,
            *environment_files()]


def read_json(path: Path) -> dict[str, Any]:
    """A recorded stamp file; anything unreadable or malformed reads as "nothing recorded"."""
    try:
        data = parse_json(read_input(path, limit=MB), "stamp file")  # however deep, no crash
    except (OSError, BriefingError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def same_file(path: Path, sha256: object) -> bool:
    """Whether `path` is a plain file (no link, no FIFO) with this sha256."""
    if not isinstance(sha256, str):
        return False
    try:
        data = read_input(path, limit=MAX_STAMPED_BYTES, follow_links=False)
    except BriefingError:  # not there, not a plain file, too large
        return False
    return sha256_bytes(data) == sha256


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Record a stamp; a folder that cannot be written only costs the next run its shortcut."""
    from briefing.atomic import write_atomic

    with suppress(OSError, BriefingError):
        write_atomic(path, json.dumps(data, indent=1, sort_keys=True).encode())
