"""The revisions of an archive, each with its manifest or why it cannot be read: what
`archive list` prints and the studio's editions page shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.editions.layout import Archive, Reference, Revision, check_name
from briefing.editions.manifest import Manifest, load_manifest
from briefing.messages import msg
from briefing.problems import BriefingError, Problem

#: the columns of `archive list`
COLUMNS = (msg("list-edition", "EDITION"), msg("list-date", "DATE"), msg("list-revision", "REV"),
           msg("list-variants", "VARIANTS"), msg("list-formats", "FORMATS"),
           msg("list-tool", "TOOL"))


@dataclass
class Listed:
    revision: Revision
    #: None: damaged, `problem` says how
    manifest: Manifest | None
    problem: Problem | None = None

    def row(self) -> tuple[str, ...]:
        """The line of `archive list`, by `COLUMNS`: up to four variant names."""
        revision, manifest = self.revision, self.manifest
        if manifest is None:
            return (revision.edition, "?", f"r{revision.number}", str(self.problem), "", "")
        names = [v.name for v in manifest.variants]
        more = f", … (+{len(names) - 4})" if len(names) > 4 else ""
        return (revision.edition, manifest.date, f"r{revision.number}",
                f"{len(names)}: {', '.join(names[:4])}{more}",
                ",".join(manifest.options.get("formats", [])),
                manifest.tools.get("briefing", "?"))


def listed(archive: Archive, names: Sequence[str] = ()) -> list[Listed]:
    """Every revision of the editions `names` (default: every edition). A missing archive has
    no editions; a file in its place, or a named edition that is not there, is an error."""
    exists = archive.check_root(missing_ok=not names)
    if names:
        wanted = [check_name(text, text) for text in names]
        absent = []
        for name in wanted:
            try:
                archive.revision(Reference(name))  # an error naming the editions there are
            except BriefingError as error:
                absent += error.problems
        if absent:
            raise BriefingError(absent)
    else:
        wanted = archive.editions() if exists else []
    found = []
    for name in dict.fromkeys(wanted):
        for revision in archive.revisions(name):
            try:
                found.append(Listed(revision, load_manifest(revision.manifest)))
            except BriefingError as error:
                found.append(Listed(revision, None, error.problems[0]))
    return found


def document_of(entry: Listed) -> tuple[str, str]:
    """The briefing an edition archives: its file name and its title (subject, else title,
    else type), read from the copy of its source inside the revision."""
    manifest = entry.manifest
    sources = [v.sources.get("content") for v in manifest.variants] if manifest else []
    source = next((s for s in sources if s), None)
    if source is None:
        return "", ""
    from briefing.source.yaml_source import load_yaml

    path = entry.revision.path / source
    try:
        data = load_yaml(path).data
    except BriefingError:
        return path.name, path.name
    meta = data.get("meta") if isinstance(data, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    return path.name, str(meta.get("subject") or meta.get("title") or meta.get("type")
                          or path.name)
