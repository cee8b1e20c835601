"""`build.py batch CONTENT [--units …] [--unit CODE …] [--meeting FILE]`: every unit variant.

Builds the DOCX and PDF of each unit's variant of a briefing in parallel, skipping variants
whose inputs have not changed since the last batch into the same folder. A unit that fails is
reported with its problems; the others are built; the exit code says whether anything failed.
The builder: briefing/builds/batch_builder.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.atomic import safe_name
from briefing.builds.batch_builder import BatchRequest, run_batch
from briefing.cli import EXIT_ERRORS, EXIT_OK, default_output, formats_of, shown
from briefing.cli_options import add_variant_options, variant_set
from briefing.inputs import output_folder
from briefing.messages import msg
from briefing.problems import BriefingError, Position, Problem
from briefing.terminal import Terminal, summary

HELP = "build every unit variant of a briefing, in parallel"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py batch", description=HELP,
        epilog="Unit and meeting files: docs/units-and-editions.md")
    add_variant_options(parser)
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="output folder (default: output/<content name>/)")
    parser.add_argument("--force", action="store_true", help="rebuild unchanged variants too")
    parser.add_argument("--pdfa", action="store_true",
                        help="PDF/A-3a with the sources embedded (as editions are)")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.pdfa and "pdf" not in formats_of(args.format):
        raise BriefingError(Problem(Position("--pdfa"), msg(
            "pdfa-needs-pdf", "--pdfa needs the PDF format"), hint=msg(
            "pdfa-needs-pdf-hint", "use --format pdf or --format all")))
    if args.out is not None:  # the user's own choice: a folder (or nothing yet), no loop
        out_dir = output_folder(args.out)
    else:  # output/<name>/, which a link planted there must not send elsewhere
        out_dir = default_output(safe_name(args.content.stem))  # variants.base_name's rule
    request = BatchRequest(variant_set(args), out_dir, force=args.force, pdfa=args.pdfa,
                           workers=args.jobs)
    outcome = run_batch(request, Terminal(not args.no_progress))
    line = summary(outcome.results, outcome.seconds, outcome.workers, len(outcome.unchanged))
    print(msg("batch-line", "batch {label}: {summary}", label=shown(Path(outcome.content)),
              summary=line),
          file=sys.stderr if outcome.failed else sys.stdout)
    return EXIT_ERRORS if outcome.failed else EXIT_OK
