"""`build.py register list [--year Y] [--type T] [--csv]`, `build.py register withdraw NUMBER
--reason TEXT`: the register of the numbers given to issued documents (sổ đăng ký văn bản đi).

The register is `output/editions/register.sqlite` unless `--register FILE` names another.
A damaged or locked register is one line and exit code 2; nothing is changed.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from briefing.cli import EXIT_OK, default_output, shown
from briefing.terminal import print_columns

HELP = "list the register of issued numbers, or withdraw a number"


def build_parser() -> argparse.ArgumentParser:
    from briefing.register import DEFAULT_REGISTER

    parser = argparse.ArgumentParser(prog="build.py register", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="More: docs/signing.md")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every number given, in order")
    listing.add_argument("--year", type=int, metavar="Y", help="documents dated in this year")
    listing.add_argument("--type", metavar="T", help="one type of document (HD, QĐ, …)")
    listing.add_argument("--csv", action="store_true", help="CSV on standard output")
    withdraw = actions.add_parser("withdraw", help="record that a document is withdrawn")
    withdraw.add_argument("number", metavar="NUMBER", help="e.g. 05-HD/BTGTU")
    withdraw.add_argument("--reason", required=True, metavar="TEXT")
    withdraw.add_argument("--period", metavar="P",
                          help="when the number was given in several periods: 2026, "
                               "'term 2025-10-15'")
    for sub in (listing, withdraw):
        sub.add_argument("--register", type=Path, default=DEFAULT_REGISTER, metavar="FILE",
                         help="the register file (default: output/editions/register.sqlite)")
    return parser


def run(argv: list[str]) -> int:
    from briefing.register import DEFAULT_REGISTER
    from briefing.register.ledger import Register

    args = build_parser().parse_args(argv)
    if args.register == DEFAULT_REGISTER:  # not through a link planted in output/
        default_output("editions")
    register = Register(args.register)
    if args.action == "withdraw":
        entry = register.withdraw(args.number, args.reason, args.period)
        print(f"withdrawn: {entry.number} ({entry.period}, dated {entry.date}): {entry.reason}")
        return EXIT_OK
    entries = register.entries(args.year, args.type)
    if args.csv:
        from briefing.register.ledger import COLUMNS

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([getattr(e, c) for c in COLUMNS] for e in entries)
        return EXIT_OK
    if not entries:
        print(f"no numbers in {shown(register.path)}")
        return EXIT_OK
    rows = [("NUMBER", "DATE", "STATUS", "PERIOD", "EDITION / REASON", "SUBJECT")]
    rows += [(e.number, e.date, e.status, e.period,
              e.reason if e.status == "withdrawn" else e.edition, e.subject) for e in entries]
    print_columns(rows)
    return EXIT_OK
