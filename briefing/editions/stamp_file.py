"""`.stamps.json` in an edition's folder: which revision a build found or made from which
inputs, so that an unchanged `build.py edition` is known before anything heavy is imported.

Each entry is keyed by the stamp of every file the edition may read, its options and the tool
versions (briefing/builds/stamps.py); it names the revision, the warnings that build printed
and the sha256 of the revision's manifest. It stands only while that manifest is still the
same file, byte for byte; anything else means "not known": the full build decides.
"""

from __future__ import annotations

from pathlib import Path

from briefing.builds.stamps import read_json, same_file, stamp, write_json
from briefing.builds.variant_set import VariantSet
from briefing.editions.hashing import sha256_bytes
from briefing.editions.layout import Revision
from briefing.problems import BriefingError

#: in each edition's folder: the stamp of each build and the revision it found or made
STAMPS = ".stamps.json"


def edition_stamp(variants: VariantSet, date: str, name: str) -> str | None:
    """The stamp of an edition of `variants` dated `date` (as given) named `name`."""
    options = {"command": "edition", **variants.stamp_options(), "date": date, "name": name}
    return stamp(variants.stamp_files(), options)


def archived(folder: Path, name: str, current: str | None
             ) -> tuple[Revision, list[str]] | None:
    """The revision an earlier run found or made from the inputs stamped `current`, if its
    manifest is still the one that run read (byte for byte), and the warnings it printed."""
    recorded = read_json(folder / STAMPS).get(current or "")
    if not isinstance(recorded, dict) or not isinstance(recorded.get("revision"), int):
        return None
    warnings = recorded.get("warnings", [])
    revision = Revision(name, recorded["revision"], folder / f"r{recorded['revision']}")
    try:
        if isinstance(warnings, list) and same_file(revision.manifest, recorded.get("manifest")):
            return revision, warnings
    except (OSError, BriefingError):
        pass
    return None


def record(revision: Revision, before: str, now: str | None, warnings: list[str]) -> None:
    """Remember which revision the inputs stamped `before` make, if they did not change
    during the build (stamped `now` after it)."""
    from briefing.editions.manifest import MANIFEST_LIMIT, load_manifest
    from briefing.inputs import read_input

    if now != before:
        return
    load_manifest(revision.manifest)  # a manifest that reads as valid, now
    folder = revision.path.parent
    stamps = read_json(folder / STAMPS)
    stamps[before] = {"revision": revision.number, "warnings": warnings,
                      "manifest": sha256_bytes(read_input(revision.manifest,
                                                          limit=MANIFEST_LIMIT))}
    write_json(folder / STAMPS, stamps)
