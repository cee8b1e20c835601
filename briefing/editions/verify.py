"""Check an archived revision against its manifest: every file there, whole and unchanged.

A modified, truncated, missing or unexpected file is named with what is wrong with it. With
`rebuild`, the revision is also built again from its own stored sources and every output is
compared byte for byte with the archived one.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from briefing.builds.pool import run_jobs
from briefing.builds.variants import VariantJob
from briefing.editions.hashing import (
    profile_inputs,
    sha256_and_size,
    template_inputs,
    tool_versions,
)
from briefing.editions.layout import MANIFEST, Revision
from briefing.editions.manifest import Manifest, damaged_manifest, load_manifest
from briefing.editions.records import usable_variant_name
from briefing.inputs import NotPlainFile, confined, read_input
from briefing.messages import Message, joined, msg, reason
from briefing.problems import BriefingError, Position, Problem
from briefing.profile.model import load_profile
from briefing.source.yaml_source import MAX_FILE_BYTES
from briefing.units.sources import SourceFile


def _problem(path: Path, message: Message, severity: str = "error",
             hint: Message | None = None) -> Problem:
    return Problem(Position(str(path)), message, severity=severity, hint=hint)


def verify_files(revision: Revision) -> tuple[Manifest, list[Problem]]:
    """The manifest and a problem for every file that is not as the manifest says."""
    manifest = load_manifest(revision.manifest)
    problems: list[Problem] = []
    if (manifest.name, manifest.revision) != (revision.edition, revision.number):
        problems.append(_problem(revision.manifest, msg(
            "manifest-other", "the manifest is for {name}@r{number}, not {label}",
            name=manifest.name, number=manifest.revision, label=revision.label)))
    for relative, entry in sorted(manifest.files.items()):
        path = revision.path / relative  # a plain relative path: the manifest was checked
        try:
            stored_file(revision, relative)  # inside the revision, not through a link out
        except BriefingError as error:
            problems.extend(error.problems)
            continue
        if not path.exists() and not path.is_symlink():
            problems.append(_problem(path, msg("archived-missing", "missing: listed in the "
                                                                   "manifest, not in the archive")))
            continue
        try:  # the name itself, never a link
            digest, size = sha256_and_size(path, follow_links=False)
        except OSError as exc:
            if exc.errno not in (errno.ELOOP, errno.EINVAL):
                raise
            problems.append(_problem(path, msg(
                "archived-not-file", "not a file: an archive holds plain files only (a link, a "
                "folder or a FIFO is in its place)")))
            continue
        if size < entry["bytes"]:
            problems.append(_problem(path, msg(
                "archived-truncated", "truncated: {size:,} bytes, the manifest says {listed:,}",
                size=size, listed=entry["bytes"])))
        elif size != entry["bytes"]:
            problems.append(_problem(path, msg(
                "archived-size", "size changed: {size:,} bytes, the manifest says {listed:,}",
                size=size, listed=entry["bytes"])))
        elif digest != entry["sha256"]:
            problems.append(_problem(path, msg(
                "archived-modified", "modified: sha256 {digest}…, the manifest says {listed}…",
                digest=digest[:16], listed=entry["sha256"][:16])))
    for path in sorted(revision.path.rglob("*")):
        relative = path.relative_to(revision.path).as_posix()
        if relative == MANIFEST or relative in manifest.files:
            continue
        if path.is_symlink():
            problems.append(_problem(path, msg("archived-link", "unexpected link: an archive "
                                                                "holds no links")))
        elif not path.is_dir():
            problems.append(_problem(path, msg("archived-unexpected",
                                               "unexpected file: not in the manifest")))
    for variant in manifest.variants:
        signed = [s["file"] for s in variant.signatures]
        for relative in [*variant.outputs.values(), *variant.sources.values(), *signed]:
            if relative not in manifest.files:
                problems.append(_problem(revision.manifest, msg(
                    "manifest-unlisted", "variant '{name}' names {path}, which the manifest "
                    "does not list", name=variant.name, path=relative)))
    return manifest, problems


def verify_revision(revision: Revision, rebuild: bool = False, workers: int = 0,
                    parallel_formats: bool = True, roots: list | None = None
                    ) -> tuple[Manifest | None, list[Problem]]:
    """`archive verify`: the manifest (None if it cannot be read) and every problem of the
    revision, its signatures included (trusted to `roots` when given); with `rebuild`, a
    revision whose files are whole is also built again."""
    try:
        manifest, problems = verify_files(revision)
    except BriefingError as error:
        return None, list(error.problems)
    signatures = [s for v in manifest.variants for s in v.signatures]
    if signatures and not problems:
        from briefing.editions.signed_outputs import signature_problems

        problems += signature_problems(revision.path, signatures, roots or [])
    if rebuild and not problems:
        try:
            problems += verify_rebuild(revision, manifest, workers, parallel_formats)
        except BriefingError as error:  # this revision fails; the others are still checked
            problems += error.problems
    return manifest, problems


def stored_file(revision: Revision, relative: str) -> Path:
    """The real path of a file the manifest names, inside the revision folder: a path that
    leads elsewhere (through '..', an absolute path or a link) is an error, never opened."""
    return confined(revision.path, relative,
                    what=msg("what-manifest-names", "the manifest names"),
                    where=Position(str(revision.manifest)))


def read_stored(revision: Revision, relative: str) -> bytes:
    """The bytes of a source stored in the revision: confined, a plain file, size-capped."""
    stored_file(revision, relative)  # inside the revision
    path = revision.path / relative
    try:  # the name itself, not where a link leads
        return read_input(path, limit=MAX_FILE_BYTES,
                          what=msg("what-stored-source", "stored source"), follow_links=False)
    except NotPlainFile:
        raise BriefingError.at(str(path), msg(
            "stored-not-plain", "stored source is not a plain file (a link, folder or "
                                "FIFO)")) from None


def jobs_from_manifest(revision: Revision, manifest: Manifest, out_dir: str) -> list[VariantJob]:
    """The jobs that built the revision, from its stored sources under their original names;
    a manifest that does not say enough, or a stored source that cannot be read, is an error."""
    try:
        return _jobs_from_manifest(revision, manifest, out_dir)
    except OSError as exc:
        raise BriefingError.at(exc.filename or revision.path, msg(
            "stored-unreadable", "cannot read a stored source: {reason}",
            reason=exc.strerror or str(exc))) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BriefingError.at(revision.manifest, damaged_manifest(msg(
            "manifest-cannot-rebuild", "cannot rebuild from it ({error}: {reason})",
            error=type(exc).__name__, reason=reason(exc)))) from None


def _jobs_from_manifest(revision: Revision, manifest: Manifest, out_dir: str
                        ) -> list[VariantJob]:
    options = manifest.options
    jobs = []
    for variant in manifest.variants:
        if not usable_variant_name(variant.name):  # it names the rebuilt files
            raise ValueError(msg("manifest-variant", "variant name {name}",
                                 name=repr(variant.name)))
        files: dict[str, SourceFile] = {}
        for role, relative in variant.sources.items():
            key = f"unit:{variant.name}" if role == "unit" else role
            # the original path is only a name (messages, the rebuilt recipe), never opened
            original = manifest.inputs.get(key, {}).get("path", relative)
            files[role] = SourceFile(original, read_stored(revision, relative))
        if "content" not in files:
            raise ValueError(msg("manifest-no-content", "variant '{name}' has no content source",
                                 name=variant.name))
        recorded = options if variant.number is None else {**options, "number": variant.number}
        jobs.append(VariantJob.rebuilt(variant.name, files, recorded,
                                       tuple(options["formats"]), out_dir))
    return jobs


def environment_changes(manifest: Manifest) -> list[Message]:
    """Templates, profile, fonts and tools that differ now from when the revision was built."""
    current = {i.key: i.sha256 for i in template_inputs()}
    for key in manifest.inputs:
        if key.startswith("profile:"):
            current.update({i.key: i.sha256 for i in profile_inputs(load_profile(key[8:]))})
    found = []
    for key, entry in sorted(manifest.inputs.items()):
        if key.split(":")[0] in ("template", "profile", "font") and current.get(key) != entry[
                "sha256"]:
            found.append(msg("input-changed-now", "{key} changed", key=key) if key in current
                         else msg("input-removed", "{key} removed", key=key))
    found += [msg("tool-changed", "{key} {old} -> {new}", key=name,
                  old=str(manifest.tools.get(name)), new=version)
              for name, version in tool_versions().items()
              if manifest.tools.get(name) != version]
    return found


def verify_rebuild(revision: Revision, manifest: Manifest, workers: int = 0,
                   parallel_formats: bool = True) -> list[Problem]:
    """Build the revision again from its stored sources; every output must be byte-identical.
    `parallel_formats`: see `briefing.builds.pool.run_jobs`."""
    changed = environment_changes(manifest)
    problems = []
    if changed:
        problems.append(_problem(revision.manifest, msg(
            "tools-changed", "the tools changed since this revision: {changes}",
            changes=joined(changed)), severity="warning", hint=msg(
            "tools-changed-hint", "a rebuild cannot be byte-identical with other templates, "
            "profile, fonts or tool versions")))
    with tempfile.TemporaryDirectory(prefix="briefing-rebuild-") as scratch:
        jobs = jobs_from_manifest(revision, manifest, scratch)
        for result in run_jobs(jobs, workers, parallel_formats=parallel_formats):
            if not result.ok:
                problems.extend(result.problems)
                continue
            variant = manifest.variant(result.name)
            assert variant is not None
            built = {s["file"]: s["unsigned_sha256"] for s in variant.signatures}
            for fmt, output in result.outputs.items():
                relative = variant.outputs[fmt]
                # a signed PDF: the bytes before its signatures are the build
                expected = built.get(relative) or manifest.files.get(relative, {}).get("sha256")
                if output.sha256 != expected:
                    problems.append(_problem(revision.path / relative, msg(
                        "not-reproducible", "not reproducible: a rebuild from the stored "
                                            "sources gives other bytes")))
    return problems


def verified(revision: Revision, manifest: Manifest, rebuilt: bool, trusted: bool
             ) -> list[Message]:
    """What `archive verify` says of a revision that passed: its files, its signatures."""
    lines = [msg("verify-ok", "ok {label}: {count} files match the manifest, rebuilt "
                              "byte-identical", label=revision.label, count=len(manifest.files))
             if rebuilt else msg("verify-ok", "ok {label}: {count} files match the manifest",
                                 label=revision.label, count=len(manifest.files))]
    signed = sum(len(v.signatures) for v in manifest.variants)
    if signed:
        lines.append(msg("verify-signatures", "ok {label}: {count} signature(s) intact{trust}",
                         label=revision.label, count=signed, trust=msg(
                             "verify-trusted", ", trusted") if trusted else msg(
                             "verify-trust-unchecked", " (trust not checked: give --trust)")))
    return lines
