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

from briefing.errors import BriefingError

FORMAT = "briefing-edition/1"


@dataclass
class VariantEntry:
    """One variant: its name, the unit it is for, its source files and its outputs."""

    name: str
    unit_name: str | None
    #: role -> path of the source inside the revision ("sources/units/quan-1.yaml")
    sources: dict[str, str]
    #: format -> file name inside the revision ("quan-1.pdf")
    outputs: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit_name, "sources": self.sources,
                "outputs": self.outputs}


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
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} manifest")
        edition = data["edition"]
        return cls(
            name=str(edition["name"]), date=str(edition["date"]),
            revision=int(edition["revision"]), fingerprint=str(data["fingerprint"]),
            tools=dict(data["tools"]), options=dict(data["options"]),
            inputs=dict(data["inputs"]),
            variants=[VariantEntry(str(v["name"]), v.get("unit"), dict(v["sources"]),
                                   dict(v["outputs"])) for v in data["variants"]],
            files=dict(data["files"]),
        )


def load_manifest(path: Path) -> Manifest:
    """Read a manifest; a missing or damaged one is a one-line error naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BriefingError.at(path, f"cannot read the manifest: {exc.strerror or exc}") from None
    try:
        return Manifest.from_json(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise BriefingError.at(path, f"damaged manifest: {exc}") from None
