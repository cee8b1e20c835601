"""`build.py check [FILE…] [--strict] [--fix]`: validate content files without building.

One line per problem on stderr, `file:line:col: error|warning: message (hint)`, then a summary
on stdout. Exit code: 0 clean (or warnings only), 1 warnings with --strict, 2 errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_WARNINGS,
    checked_files,
    counted_errors,
    counted_warnings,
    shown,
)
from briefing.messages import Message, msg, msgn
from briefing.problems import Problem
from briefing.validation import ERROR, WARNING, validate_file

HELP = "validate content files without building (--fix applies the safe fixes)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py check",
        description="Validate content files without building: YAML syntax, the content "
                    "format, structure against the layout profile, Vietnamese text hygiene.",
        epilog="Exit code: 0 no errors, 1 warnings only (with --strict), 2 errors.")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="content, unit or meeting file(s) (default: every content/*.yaml, "
                             "content/units/*.yaml and content/meetings/*.yaml)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings as errors (exit code 1 when there are any)")
    parser.add_argument("--fix", action="store_true",
                        help="rewrite the files with the safe fixes (comments and key order "
                             "are kept), then check again")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    files = checked_files(args.files)
    all_problems: list[Problem] = []
    for path in files:
        name = Path(shown(path))
        if args.fix:
            from briefing.validation.fixer import fix_file

            result = fix_file(name)
            if result.applied and not args.quiet:
                print(msgn("fixed", "{file}: fixed {n} problem", "{file}: fixed {n} problems",
                           result.applied, file=str(name)))
            problems = result.problems
        else:
            problems = validate_file(name)
        for problem in problems:
            print(problem, file=sys.stderr)
        all_problems += problems
    errors = sum(p.severity == ERROR for p in all_problems)
    warnings = sum(p.severity == WARNING for p in all_problems)
    if not args.quiet:
        print(_summary(len(files), errors, warnings, all_problems, args.fix))
    if errors:
        return EXIT_ERRORS
    if warnings and args.strict:
        return EXIT_WARNINGS
    return EXIT_OK


def _summary(files: int, errors: int, warnings: int, problems: list[Problem],
             fixed: bool) -> Message:
    text = msg("checked", "checked {files}: {errors}, {warnings}",
               files=msgn("checked-files", "{n} file", "{n} files", files),
               errors=counted_errors(errors), warnings=counted_warnings(warnings))
    fixable = sum(p.fix is not None for p in problems)
    if fixable and not fixed:
        text = msg("checked-fixable", "{summary} ({count} fixable with `build.py check --fix`)",
                   summary=text, count=fixable)
    return text
