"""`build.py edition CONTENT --date YYYY-MM-DD [--name NAME]`: archive a dated edition.

Builds every unit variant (DOCX + PDF/A with the sources embedded) into
`<archive>/<name>/r<N>/` with a manifest. An archived revision is never rewritten: the same
inputs again write nothing; changed inputs are refused unless `--new-revision` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.batch import base_name, default_workers
from briefing.cli import EXIT_ERRORS, EXIT_OK, archive_folder, formats_of, shown
from briefing.commands.batch import add_variant_options, print_result, progress_display, summary
from briefing.editions.builder import EditionRequest, build_edition, check_date
from briefing.editions.layout import DEFAULT_ARCHIVE, NAME_LENGTH, Archive, check_name

HELP = "build and archive a dated edition of every variant"


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


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from briefing.commands.batch import selection_of

    archive_folder(args.archive)
    date = check_date(args.date)
    if args.name is not None:  # given, even empty: checked as typed, never replaced
        name = check_name(args.name)
    else:  # derived from the content file's name as `build` names its outputs
        default = f"{date}-{base_name(args.content)}"[:NAME_LENGTH].rstrip(".-_")
        name = check_name(default, str(args.content))
    request = EditionRequest(name=name, date=date, selection=selection_of(args),
                             archive=Archive(args.archive), formats=formats_of(args.format),
                             new_revision=args.new_revision, with_base=args.with_base,
                             workers=args.jobs)
    display = {"advance": None}

    def waiting() -> None:
        print(f"edition {name} is being built by another process; waiting for it…",
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
                                on_warning=lambda problem: print(problem, file=sys.stderr))
    where = shown(outcome.revision.path)
    if not outcome.created:
        print(f"edition {outcome.revision.label} is archived with these very inputs "
              f"({where}); nothing written")
        return EXIT_OK
    failed = any(not r.ok for r in outcome.results)
    print(f"edition {outcome.revision.label}: {where}: "
          f"{summary(outcome.results, outcome.seconds, args.jobs or default_workers())}")
    return EXIT_ERRORS if failed else EXIT_OK
