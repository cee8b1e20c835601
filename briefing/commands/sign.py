"""`build.py sign FILE.pdf --key KEY.p12 | --pkcs11 LIB --token LABEL …`: sign a PDF (PAdES),
placed in its signature block as ND 30 PL I lays it out; `build.py sign --verify FILE.pdf`:
check every signature in it.

Signing exits 0 when signed, 2 when refused (nothing written, the PDF untouched). Verifying
exits 0 when every signature is valid, trusted and the last covers the whole file; 1 when they
are valid but untrusted or not covering the whole file; 2 when one is broken or there is none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli import EXIT_OK, shown
from briefing.cli_options import (
    add_image_options,
    add_key_options,
    check_key_options,
    key_source,
)
from briefing.messages import msg, msgn
from briefing.problems import Position, Problem

HELP = "sign a PDF with a key file or token, or verify its signatures"


def _box(text: str) -> tuple[float, float, float, float]:
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4:
        raise argparse.ArgumentTypeError("write x,y,w,h in points, e.g. 320,300,230,70")
    return values  # type: ignore[return-value]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py sign", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="How an office signs: docs/signing.md")
    parser.add_argument("pdf", type=Path, metavar="FILE.pdf")
    parser.add_argument("--verify", action="store_true", help="check the signatures instead")
    parser.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                        help="a trusted root certificate (repeatable)")
    add_key_options(parser)
    look = parser.add_argument_group("what the signature shows (ND 30 PL I §II.7–8)")
    add_image_options(look)
    look.add_argument("--stamp", metavar="NUMBER",
                      help="an attachment in a file of its own: the stamp line at the top "
                           "right of page 1 with this number and symbol")
    look.add_argument("--profile", default="party", metavar="NAME",
                      help="layout profile whose sizes apply (default: party)")
    place = parser.add_argument_group("a PDF that is not made by build.py")
    place.add_argument("--page", type=int, metavar="N", help="the page (1 = first)")
    place.add_argument("--box", type=_box, metavar="x,y,w,h",
                       help="the signature's box in points from the page's bottom left")
    parser.add_argument("-o", "--out", type=Path, metavar="OUT.pdf",
                        help="where to write the signed PDF (default: FILE.pdf itself, "
                             "the signature appended)")
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verify:
        return run_verify(args)
    check_key_options(parser, args)
    if (args.page is None) != (args.box is None) and args.stamp is None:
        parser.error("--page and --box go together")
    return run_sign(args)


def run_sign(args: argparse.Namespace) -> int:
    from briefing.profile.model import load_profile
    from briefing.signing.pades import SignRequest, sign

    request = SignRequest(
        pdf=args.pdf, out=args.out or args.pdf, profile=load_profile(args.profile),
        key=key_source(args),
        signature=args.signature, seal=args.seal, stamp_number=args.stamp,
        page=args.page, box=args.box, trust=tuple(args.trust))
    signed = sign(request)
    for warning in signed.warnings:
        print(Problem(Position(shown(args.pdf)), warning, severity="warning"), file=sys.stderr)
    print(msg("edition-signed", "signed {file}: {field} by {signer} at {time}",
              file=shown(signed.out), field=signed.field, signer=signed.signer,
              time=signed.time))
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from briefing.signing.keys import trust_roots
    from briefing.signing.verification import VALID, WEAK, describe, verdict, verify_pdf

    reports = verify_pdf(args.pdf, trust_roots(args.trust))
    for report in reports:
        print(describe(report))
    code = verdict(reports)
    word = {VALID: msg("verdict-valid", "valid"),
            WEAK: msg("verdict-weak", "valid, but not trusted or not the whole file")}.get(
        code, msg("verdict-broken", "BROKEN"))
    print(msgn("verify-summary", "{file}: {n} signature: {verdict}",
               "{file}: {n} signatures: {verdict}", len(reports), file=shown(args.pdf),
               verdict=word))
    return code
