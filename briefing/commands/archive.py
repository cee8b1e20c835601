"""`build.py archive list|verify|diff|extract`: look after archived editions.

list     editions with their date, revisions, variants and formats
verify   every file of a revision against its manifest (`--rebuild`: and rebuild it from its
         stored sources, byte for byte)
diff     what changed between two editions or two variants, section by section
extract  the sources embedded in an archived PDF (`--rebuild`: build it again from them)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli import EXIT_ERRORS, EXIT_OK, EXIT_WARNINGS, archive_folder, shown
from briefing.cli_options import jobs_option
from briefing.commands import archive_extract
from briefing.editions.compare import compare, operand
from briefing.editions.layout import DEFAULT_ARCHIVE, Archive
from briefing.editions.listing import COLUMNS, listed
from briefing.editions.verify import verified, verify_revision
from briefing.messages import Message, msg
from briefing.signing.keys import trust_roots
from briefing.terminal import print_columns

HELP = "list, verify, diff and extract archived editions"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py archive", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = commands.add_parser("list", help="list editions and revisions")
    listing.add_argument("names", nargs="*", metavar="EDITION",
                         help="only these editions (default: every edition)")
    verify = commands.add_parser("verify", help="check files against their manifest")
    verify.add_argument("refs", nargs="*", metavar="EDITION[@rN]",
                        help="what to verify (default: every revision of every edition)")
    verify.add_argument("--rebuild", action="store_true",
                        help="also rebuild from the stored sources and compare the bytes")
    verify.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                        help="signed editions: the signer's chain must lead to this root")
    jobs_option(verify)
    diff = commands.add_parser(
        "diff", help="text diff of two editions or variants, section by section",
        description="Operands: EDITION[@rN][/VARIANT] from the archive, an archived PDF, a unit "
                    "file (with --content), or 'base' (the briefing without a unit).")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--content", type=Path, metavar="FILE",
                      help="the briefing, for unit-file and 'base' operands")
    for sub in (listing, verify, diff):
        sub.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE, metavar="DIR",
                         help="archive folder (default: output/editions/)")
    pull = commands.add_parser("extract", help="write the sources embedded in an archived PDF")
    pull.add_argument("pdf", type=Path, metavar="PDF")
    pull.add_argument("--out", type=Path, metavar="DIR",
                      help="where to write them (default: output/extracted/<pdf name>/)")
    pull.add_argument("--rebuild", action="store_true",
                      help="build the variant again from them and compare with the PDF")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if "archive" in args:
        archive_folder(args.archive)
    return {"list": run_list, "verify": run_verify, "diff": run_diff,
            "extract": archive_extract.run}[args.action](args)


def run_list(args: argparse.Namespace) -> int:
    archive = Archive(args.archive)
    rows = [tuple(str(heading) for heading in COLUMNS),
            *(entry.row() for entry in listed(archive, args.names))]
    if len(rows) == 1:
        print(_no_editions(archive))
        return EXIT_OK
    print_columns(rows)
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    archive = Archive(args.archive)
    archive.check_root()  # a typo in --archive is not "nothing to verify"
    revisions = archive.find(args.refs)
    if not revisions:
        print(_no_editions(archive))
        return EXIT_OK
    errors = 0
    roots = trust_roots(args.trust) if args.trust else None
    for revision in revisions:
        manifest, problems = verify_revision(revision, args.rebuild, args.jobs, roots=roots)
        failed = [p for p in problems if p.severity == "error"]
        for problem in problems:
            print(problem, file=sys.stderr)
        if failed or manifest is None:
            errors += 1
            print(msg("verify-failed", "FAILED {label}: {count} problem(s)",
                      label=revision.label, count=len(failed)), file=sys.stderr)
        else:
            for line in verified(revision, manifest, args.rebuild, roots is not None):
                print(line)
    return EXIT_ERRORS if errors else EXIT_OK


def _no_editions(archive: Archive) -> Message:
    return msg("no-editions", "no editions in {folder}", folder=shown(archive.root))


def run_diff(args: argparse.Namespace) -> int:
    archive = Archive(args.archive)
    old_label, old = operand(args.old, args.content, archive)
    new_label, new = operand(args.new, args.content, archive)
    diffs = compare(old, new, old_label, new_label)
    for only in (d for d in diffs if d.only_in is not None):
        print(("- " if only.name in old else "+ ") + msg(
            "diff-only-in", "variant {name} (only in {label})", name=only.name,
            label=only.only_in))
    for diff in diffs:
        if diff.lines:
            print("\n".join(diff.lines))
    if not any(d.only_in is not None or d.lines for d in diffs):
        print(msg("diff-none", "no differences between {old} and {new}", old=old_label,
                  new=new_label))
        return EXIT_OK
    return EXIT_WARNINGS
