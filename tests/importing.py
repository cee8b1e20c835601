"""Helpers for the importer tests: build our DOCX, import files, compare content models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing.content.loader import LoadedDocument, load_document, parse_document
from briefing.importing import ImportResult, import_file
from briefing.profile.model import load_profile
from briefing.source.yaml_source import load_yaml

_CALL = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")


def build_docx(content: Path, folder: Path) -> Path:
    from briefing.builds.pipeline import render_loaded

    rendered = render_loaded(load_document(content), ("docx",))
    target = folder / f"{content.stem}.docx"
    target.write_bytes(rendered.outputs["docx"])
    return target


def loaded(result: ImportResult, index: int = 0) -> LoadedDocument:
    """The imported text through the real loader (what `build.py check` reads)."""
    path = Path(f"{result.documents[index].name}.yaml")
    return parse_document(load_yaml(path, result.documents[index].yaml), path)


def imported(source: Path, **options: Any) -> ImportResult:
    return import_file(source, **options)


def shape(document: LoadedDocument) -> dict[str, Any]:
    """What a reader can see of a document: meta (the numbering ladder resolved), the body
    with footnote calls replaced by their notes, without ids and block kinds (a Word file has
    neither)."""
    data = document.document.model_dump(mode="json", exclude_none=True)
    notes = data.pop("footnotes", {})
    meta = data["meta"]
    profile = load_profile(meta["profile"])
    meta["numbering"] = meta.get("numbering") or profile.numbering.default
    meta.pop("recipients", None) if not meta.get("recipients") else None

    def strip(value: Any) -> Any:
        if isinstance(value, dict) and "columns" in value:  # widths are relative: 3:2 = 6:4
            total = sum(float(c.get("width", 1)) for c in value["columns"]) or 1
            value = {**value, "columns": [
                {**c, "width": round(float(c.get("width", 1)) / total, 2)}
                for c in value["columns"]]}
        if isinstance(value, dict):
            return {k: ("<picture>" if k == "figure" else strip(v)) for k, v in value.items()
                    if k not in ("id", "kind") and v not in ([], None)}
        if isinstance(value, list):
            return [strip(v) for v in value]
        if isinstance(value, str):
            return _CALL.sub(lambda m: "[^" + repr(notes.get(m.group(1))) + "]", value)
        return value

    return strip(data)


def pictures(document: LoadedDocument, media: dict[str, bytes] | None = None) -> list[bytes]:
    """The bytes of every figure, in order: from the content folder, or from `media` (an
    import's pictures, not yet written)."""
    out = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if "figure" in value:
                name = value["figure"]
                out.append(media[name] if media is not None else
                           (document.path.parent / name).read_bytes())
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document.document.model_dump(mode="json", exclude_none=True))
    return out
