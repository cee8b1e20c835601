"""`build.py edition CONTENT --date YYYY-MM-DD [--name NAME]`: archive a dated edition.

Builds every unit variant (DOCX + PDF/A with the sources embedded) into
`<archive>/<name>/r<N>/` with a manifest. An archived revision is never rewritten: the same
inputs again write nothing; changed inputs are refused unless `--new-revision` is given.
The builder: briefing/editions/creating.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.builds.forked import default_workers
from briefing.cli import EXIT_ERRORS, EXIT_OK, archive_folder, shown
from briefing.cli_options import (
    add_image_options,
    add_key_options,
    add_variant_options,
    check_key_options,
    key_source,
    variant_set,
)
from briefing.editions.creating import EditionOrder, create_edition
from briefing.editions.layout import DEFAULT_ARCHIVE, Archive
from briefing.editions.signed_outputs import EditionSigning
from briefing.messages import msg
from briefing.terminal import Terminal, summary

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
    parser.add_argument("--register", type=Path, metavar="FILE",
                        help="the register 'number: auto' takes numbers from (default: "
                             "register.sqlite in the archive folder)")
    sign = parser.add_argument_group("signing the PDFs as they are archived (docs/signing.md)")
    sign.add_argument("--sign", action="store_true",
                      help="sign every PDF with the key below; the manifest records each "
                           "signature")
    add_image_options(sign)
    sign.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                      help="check the certificate's chain to this root before signing")
    add_key_options(parser)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.sign:
        check_key_options(parser, args)
    archive_folder(args.archive)
    signing = EditionSigning(key_source(args), args.signature, args.seal, tuple(args.trust)) \
        if args.sign else None
    order = EditionOrder(variant_set(args), args.date, Archive(args.archive), name=args.name,
                         new_revision=args.new_revision, workers=args.jobs,
                         register=args.register, signing=signing)
    # built variants are named by format: they are in a folder renamed at the end; a failed
    # one prints only a bug's traceback: the problems come once, with the refusal
    outcome = create_edition(order, Terminal(not args.no_progress, paths=False,
                                             failures=False))
    where = shown(outcome.revision.path)
    if not outcome.created:
        print(msg("edition-archived", "edition {label} is archived with these very inputs "
                                      "({folder}); nothing written",
                  label=outcome.revision.label, folder=where))
        return EXIT_OK
    for variant, number in outcome.numbers.items():
        print(msg("edition-number", "number {number}: {variant}", number=number,
                  variant=variant))
    for signed in (s for records in outcome.signatures.values() for s in records):
        print(msg("edition-signed", "signed {file}: {field} by {signer} at {time}",
                  file=signed["file"], field=signed["field"], signer=signed["signer"],
                  time=signed["time"]))
    line = summary(outcome.results, outcome.seconds, args.jobs or default_workers())
    print(msg("edition-built", "edition {label}: {folder}: {summary}",
              label=outcome.revision.label, folder=where, summary=line))
    return EXIT_ERRORS if any(not r.ok for r in outcome.results) else EXIT_OK
