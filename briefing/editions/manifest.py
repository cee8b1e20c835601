"""manifest.json of a revision: what went in (inputs and their hashes), what came out.

The manifest is written last, inside the temporary folder, before the folder is renamed into
place; it lists every other file of the revision with its sha256 and size, so `archive verify`
can tell a modified, truncated, missing or added file from the original.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.editions.records import ManifestRecord, check_record
from briefing.inputs import MB, NotPlainFile, parse_json, printable, read_input
from briefing.messages import Message, joined, msg, reason
from briefing.problems import BriefingError

FORMAT = "briefing-edition/1"
#: a manifest of a hundred variants is a few hundred kB
MANIFEST_LIMIT = 32 * MB


@dataclass
class VariantEntry:
    """One variant: its name, the unit it is for, its source files and its outputs."""

    name: str
    unit_name: str | None
    #: role -> path of the source inside the revision ("sources/units/quan-1.yaml")
    sources: dict[str, str]
    #: format -> file name inside the revision ("quan-1.pdf")
    outputs: dict[str, str]
    #: the register's number it took (`number: auto`)
    number: str | None = None
    #: the signatures its PDF was given as it was archived (`records.SignatureRecord`)
    signatures: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        found = {"name": self.name, "unit": self.unit_name, "sources": self.sources,
                 "outputs": self.outputs}
        if self.number is not None:  # other manifests stay as they were
            found["number"] = self.number
        if self.signatures:
            found["signatures"] = self.signatures
        return found


@dataclass
class Manifest:
    name: str
    date: str
    revision: int
    fingerprint: str
    tools: dict[str, str]
    options: dict[str, Any]
    #: key -> {"path", "sha256", "bytes"} for every input (sources, templates, profile, fonts)
    inputs: dict[str, dict[str, Any]]
    variants: list[VariantEntry]
    #: relative path -> {"sha256", "bytes"} for every file of the revision but the manifest
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "edition": {"name": self.name, "date": self.date, "revision": self.revision},
            "fingerprint": self.fingerprint,
            "tools": self.tools,
            "options": self.options,
            "inputs": self.inputs,
            "variants": [v.as_json() for v in self.variants],
            "files": self.files,
        }

    def dumps(self) -> bytes:
        """Deterministic JSON (sorted keys, no clock): the same edition, the same manifest."""
        text = json.dumps(self.as_json(), ensure_ascii=False, indent=2, sort_keys=True)
        return (text + "\n").encode("utf-8")

    def variant(self, name: str) -> VariantEntry | None:
        return next((v for v in self.variants if v.name == name), None)

    @classmethod
    def from_json(cls, data: Any) -> Manifest:
        """The manifest in `data`, every field checked (`records.ManifestRecord`: types,
        hashes, plain relative paths); ValueError lists what is wrong."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(msg("manifest-format", "not a {format} manifest", format=FORMAT))
        record, problems = check_record(ManifestRecord, data)
        if record is None:
            raise ValueError(joined(problems))
        assert isinstance(record, ManifestRecord)
        return cls(
            name=record.edition.name, date=record.edition.date,
            revision=record.edition.revision, fingerprint=record.fingerprint,
            tools=dict(record.tools), options=record.options.model_dump(),
            inputs={key: entry.model_dump() for key, entry in record.inputs.items()},
            variants=[VariantEntry(v.name, v.unit, dict(v.sources), dict(v.outputs), v.number,
                                   [s.model_dump() for s in v.signatures])
                      for v in record.variants],
            files={path: entry.model_dump() for path, entry in record.files.items()},
        )


def load_manifest(path: Path) -> Manifest:
    """Read a manifest (a plain file in the revision, size-capped); a missing or damaged one
    is a one-line error naming the file."""
    what = msg("what-manifest", "manifest")
    try:  # an archive holds no links: one could read another file
        raw = read_input(path, limit=MANIFEST_LIMIT, what=what, follow_links=False)
    except NotPlainFile:
        if not path.is_symlink():
            raise
        raise BriefingError.at(printable(path), damaged_manifest(msg(
            "manifest-link", "it is a link, not a file"))) from None
    try:
        return Manifest.from_json(parse_json(raw, what))
    except ValueError as exc:
        raise BriefingError.at(printable(path), damaged_manifest(reason(exc))) from None


def damaged_manifest(why: Message | str) -> Message:
    return msg("damaged-manifest", "damaged manifest: {why}", why=why)
