"""Hashes of everything a build reads, and the fingerprint that says whether two builds match.

An output depends on its sources (content, unit, meeting), on the templates, the layout profile
and the fonts, and on the versions of the tools that render it. The fingerprint is the sha256
of all of these plus the build options: equal fingerprints promise byte-identical outputs.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import FONTS_DIR, TEMPLATES_DIR, __version__
from briefing.messages import msg

if TYPE_CHECKING:  # light at import: `briefing.builds.stamps` hashes before pydantic is loaded
    from briefing.profile.model import Profile

#: Packages whose version changes the bytes of an output.
RENDERING_PACKAGES = ("weasyprint", "pydyf", "fonttools", "python-docx")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path, *, follow_links: bool = True) -> str:
    return sha256_and_size(path, follow_links=follow_links)[0]


def sha256_and_size(path: Path, *, follow_links: bool = True) -> tuple[str, int]:
    """The sha256 of a regular file, read in chunks, and its size; opened without blocking, so
    a FIFO put in the place of a file cannot hang the program (OSError: not a regular file).
    `follow_links` False: `path` itself must be the file (OSError ELOOP for a link, never
    followed): a file found in a folder of ours, an output or an archived file."""
    digest = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
        | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    descriptor = os.open(path, flags)
    size = 0
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, msg("kind-irregular", "not a regular file"), str(path))
        for chunk in iter(lambda: os.read(descriptor, 1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    return digest.hexdigest(), size


@dataclass(frozen=True)
class Input:
    """One input of a build: a stable key ("unit:quan-1"), where it was read, its hash."""

    key: str
    path: str
    sha256: str
    size: int

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "path": self.path, "sha256": self.sha256, "bytes": self.size}


def file_input(key: str, path: Path) -> Input:
    from briefing.units.sources import shown_path

    return Input(key, shown_path(path), sha256_file(path), path.stat().st_size)


def environment_inputs(profiles: set[str]) -> list[Input]:
    """What every variant is built with besides its own sources: templates, then each profile
    (with its fonts), in a stable order."""
    from briefing.profile.model import load_profile

    found = template_inputs()
    for name in sorted(profiles):
        found += profile_inputs(load_profile(name))
    return found


def template_inputs(directory: Path = TEMPLATES_DIR) -> list[Input]:
    """Every file under templates/ (both forms, shared macros, the PDF stylesheet, DOCX parts)."""
    files = sorted(p for p in directory.rglob("*")
                   if p.is_file() and not any(part.startswith(".") or part == "__pycache__"
                                              for part in p.relative_to(directory).parts))
    return [file_input(f"template:{p.relative_to(directory).as_posix()}", p) for p in files]


def profile_inputs(profile: Profile) -> list[Input]:
    """The profile file and the four font files it names."""
    found = []
    if profile.source:
        found.append(file_input(f"profile:{profile.name}", Path(profile.source)))
    for face in ("regular", "bold", "italic", "bold_italic"):
        path = profile.font.path(face)
        found.append(file_input(f"font:{path.relative_to(FONTS_DIR).as_posix()}", path))
    return found


@lru_cache(maxsize=1)
def tool_versions() -> dict[str, str]:
    """briefing's version and those of the packages that shape the bytes of an output."""
    versions = {"briefing": __version__}
    for package in RENDERING_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "absent"
    return versions


def fingerprint(inputs: list[Input], options: dict[str, Any], tools: dict[str, str]) -> str:
    """sha256 over inputs (key and hash, not path), options and tool versions, canonical JSON."""
    canonical = json.dumps({"inputs": sorted((i.key, i.sha256) for i in inputs),
                            "options": options, "tools": tools},
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return sha256_bytes(canonical.encode("utf-8"))
