"""`build.py edition CONTENT --date YYYY-MM-DD [--name NAME]`: archive a dated edition.

Builds every unit variant (DOCX + PDF/A with the sources embedded) into
`<archive>/<name>/r<N>/` with a manifest. An archived revision is never rewritten: the same
inputs again write nothing; changed inputs are refused unless `--new-revision` is given.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from briefing.builds.forked import default_workers
from briefing.cli import EXIT_ERRORS, EXIT_OK, archive_folder, formats_of, shown
from briefing.commands.batch import (
    add_variant_options,
    print_result,
    progress_display,
    summary,
    variant_options,
)
from briefing.editions.layout import DEFAULT_ARCHIVE, Archive, Revision, check_name, default_name
from briefing.inputs import printable
from briefing.messages import Message, msg
from briefing.problems import BriefingError

HELP = "build and archive a dated edition of every variant"
#: in each edition's folder: the stamp of each build and the revision it found or made
STAMPS = ".stamps.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py edition", description=HELP,
        epilog="Layout of the archive and the manifest: docs/units-and-editions.md")
    add_variant_options(parser)
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD",
                        help="the edition date (also every date inside the files)")
    parser.add_argument("--name", metavar="NAME",
                        help="edition name, a folder name (default: <date>-<content name>)")
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE, metavar="DIR",
                        help="archive folder (default: output/editions/)")
    parser.add_argument("--new-revision", action="store_true",
                        help="inputs changed: store a new revision beside the archived one")
    return parser


def edition_name(args: argparse.Namespace, date: str) -> str:
    if args.name is not None:  # given, even empty: checked as typed, never replaced
        return check_name(args.name)
    return default_name(date, args.content)


def edition_stamp(args: argparse.Namespace, name: str) -> str | None:
    from briefing.builds.stamps import stamp, variant_files

    options = {"command": "edition", **variant_options(args), "date": args.date, "name": name}
    return stamp(variant_files(args.content, args.units, args.meeting), options)


def archived(args: argparse.Namespace) -> tuple[Revision, list[str]] | None:
    """The revision an earlier run found or made from these very inputs, if its manifest is
    still the one that run read (byte for byte), and the warnings that run printed: decided
    before anything heavy is imported (briefing/builds/stamps.py)."""
    from briefing.builds.stamps import read_json, same_file

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):  # else check_date decides
        return None
    name = edition_name(args, args.date)
    folder = Archive(args.archive).edition_dir(name)
    recorded = read_json(folder / STAMPS).get(edition_stamp(args, name) or "")
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


def record(args: argparse.Namespace, name: str, before: str | None, revision: Revision,
           warnings: list[str]) -> None:
    """Remember which revision these inputs make, if they did not change during the build."""
    from briefing.builds.stamps import read_json, sha256_bytes, write_json
    from briefing.editions.manifest import MANIFEST_LIMIT, load_manifest
    from briefing.inputs import read_input

    if before is None or edition_stamp(args, name) != before:
        return
    load_manifest(revision.manifest)  # a manifest that reads as valid, now
    folder = revision.path.parent
    stamps = read_json(folder / STAMPS)
    stamps[before] = {"revision": revision.number, "warnings": warnings,
                      "manifest": sha256_bytes(read_input(revision.manifest,
                                                          limit=MANIFEST_LIMIT))}
    write_json(folder / STAMPS, stamps)


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    archive_folder(args.archive)
    found = archived(args)
    if found is not None:
        revision, warnings = found
        for line in warnings:
            print(printable(line), file=sys.stderr)  # read back from a file: untrusted
        print(_archived(revision.label, shown(revision.path)))
        return EXIT_OK
    from briefing.commands.batch import selection_of
    from briefing.editions.archiving import EditionRequest, build_edition, check_date

    date = check_date(args.date)
    name = edition_name(args, date)
    before = edition_stamp(args, name)
    warnings: list[str] = []

    def warn(problem) -> None:
        warnings.append(str(problem))
        print(problem, file=sys.stderr)
    request = EditionRequest(name=name, date=date, selection=selection_of(args),
                             archive=Archive(args.archive), formats=formats_of(args.format),
                             new_revision=args.new_revision, with_base=args.with_base,
                             workers=args.jobs)
    display = {"advance": None}

    def waiting() -> None:
        print(msg("edition-waiting", "edition {name} is being built by another process; "
                                     "waiting for it…", name=name),
              file=sys.stderr)

    def on_result(result) -> None:
        if result.ok:
            print_result(result, paths=False)  # they are in a folder renamed at the end
        elif result.detail:  # a bug's traceback; the problems come once, with the refusal
            print(result.detail, file=sys.stderr)
        if display["advance"] is not None:
            display["advance"]()

    with progress_display(len(request.selection.units) + args.with_base, f"edition {name}",
                          not args.no_progress) as advance:
        display["advance"] = advance
        outcome = build_edition(request, on_result=on_result, on_wait=waiting,
                                on_warning=warn)
    where = shown(outcome.revision.path)
    failed = any(not r.ok for r in outcome.results)
    if not failed:
        record(args, name, before, outcome.revision, warnings)
    if not outcome.created:
        print(_archived(outcome.revision.label, where))
        return EXIT_OK
    print(msg("edition-built", "edition {label}: {folder}: {summary}",
              label=outcome.revision.label, folder=where,
              summary=summary(outcome.results, outcome.seconds, args.jobs or default_workers())))
    return EXIT_ERRORS if failed else EXIT_OK


def _archived(label: str, folder: str) -> Message:
    return msg("edition-archived", "edition {label} is archived with these very inputs "
                                   "({folder}); nothing written", label=label, folder=folder)
