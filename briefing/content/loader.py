"""Load a content file: YAML with positions -> schema check -> `LoadedDocument`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from briefing.content.schema import Document
from briefing.content.schema_problems import problems_from_validation
from briefing.messages import msg
from briefing.problems import BriefingError, Problem
from briefing.source.yaml_source import SourceMap, YamlDocument, load_yaml

#: what a content file is called in messages ("content file does not exist")
CONTENT_FILE = msg("what-content-file", "content file")


@dataclass
class LoadedDocument:
    """A checked document with the source map that locates each of its values."""

    document: Document
    source: SourceMap
    path: Path
    text: str


def parse_document(yaml_document: YamlDocument, path: Path) -> LoadedDocument:
    data = yaml_document.data
    for kind, option in (("unit", "--units"), ("meeting", "--meeting")):
        if isinstance(data, dict) and kind in data:  # one line, not ten "unknown key" errors
            raise BriefingError(Problem(
                yaml_document.source.at((kind,), key=True),
                msg("not-a-briefing", "this is a {kind} file, not a briefing", kind=kind),
                hint=msg("build-it-with", "build it with `build.py batch CONTENT {option} "
                                          "{file}`", option=option,
                         file=yaml_document.source.file)))
    if not isinstance(data, dict):
        raise BriefingError(Problem(yaml_document.source.at(()), msg(
            "content-mapping", "a content file is a mapping with meta, footnotes and blocks"),
            hint=msg("start-with-meta", "start with 'meta:' at the beginning of a line")))
    try:
        document = Document.model_validate(data)
    except ValidationError as exc:
        raise BriefingError(problems_from_validation(exc, yaml_document.source, Document)) from None
    return LoadedDocument(document, yaml_document.source, path, yaml_document.text)


def load_document(path: Path | str) -> LoadedDocument:
    """Read and check `path`; every problem is raised as a `BriefingError` with its position."""
    path = Path(path)
    return parse_document(load_yaml(path, what=CONTENT_FILE), path)
