"""`build.py lint FILE.docx [--profile party|state] [--strict]`: where a Word document
departs from the official layout — page, margins, fonts and sizes, line spacing, masthead,
date format, heading numbering, page numbers, footnotes, Nơi nhận, signature.

One line per finding on stdout/stderr (`FILE: paragraph N: error|warning: message — “…”`),
then a summary. Exit code as `check`: 0 clean (or warnings only), 1 warnings with --strict,
2 errors (or a file that cannot be read).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_WARNINGS,
    counted_errors,
    counted_warnings,
    shown,
)
from briefing.messages import msg, msgn
from briefing.problems import ERROR

HELP = "check a Word file against the official layout"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py lint",
        description="Report where a Word document departs from the official layout.",
        epilog="Exit code: 0 no errors, 1 warnings only (with --strict), 2 errors.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.docx")
    parser.add_argument("--profile", metavar="NAME",
                        help="layout profile (default: the one the file shows: state with the "
                             "national title, party with 'ĐẢNG CỘNG SẢN VIỆT NAM')")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings as errors (exit code 1 when there are any)")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from briefing.lint.rules import lint_file

    errors = warnings = 0
    for path in args.files:
        findings = lint_file(path, args.profile, shown(path))
        for finding in findings:
            print(finding, file=sys.stderr)
        errors += sum(f.severity == ERROR for f in findings)
        warnings += sum(f.severity != ERROR for f in findings)
    print(msg("linted", "linted {files}: {errors}, {warnings}",
              files=msgn("checked-files", "{n} file", "{n} files", len(args.files)),
              errors=counted_errors(errors), warnings=counted_warnings(warnings)))
    if errors:
        return EXIT_ERRORS
    if warnings and args.strict:
        return EXIT_WARNINGS
    return EXIT_OK
