"""Command-line options several commands share: --jobs (batch, edition, archive verify), the
options that name variants (batch, edition), read into a `VariantSet`, and those that name a
signing key and what its signature shows (sign, edition --sign)."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.builds.forked import default_workers
from briefing.builds.variant_set import MeetingFields, VariantSet
from briefing.cli import formats_of
from briefing.messages import msg


def positive_int(text: str) -> int:
    """argparse type of --jobs (batch, edition, archive verify): a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(str(msg("jobs-not-number", "'{text}' is not a whole "
                                                 "number", text=text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(str(msg("jobs-too-few", "'{text}': give 1 or more "
                                                 "worker processes", text=text)))
    return value


def jobs_option(parser: argparse.ArgumentParser) -> None:
    """--jobs N; the default 0 (never typed: argparse does not convert it) means one per core."""
    parser.add_argument("--jobs", type=positive_int, default=0, metavar="N",
                        help=f"worker processes (default: one per core, here {default_workers()})")


def add_variant_options(parser: argparse.ArgumentParser) -> None:
    """The options `batch` and `edition` share: which units, which meeting, which formats."""
    parser.add_argument("content", type=Path, metavar="CONTENT", help="the briefing (content YAML)")
    parser.add_argument("--units", type=Path, nargs="+", metavar="PATH",
                        help="unit files or folders (default: content/units/)")
    parser.add_argument("--unit", dest="codes", action="append", metavar="CODE",
                        help="build only this unit (repeatable)")
    parser.add_argument("--with-base", action="store_true",
                        help="also build the briefing itself, without a unit")
    meeting = parser.add_argument_group("meeting handout (all variants)")
    meeting.add_argument("--meeting", type=Path, metavar="FILE",
                         help="a meeting file (content/meetings/*.yaml)")
    meeting.add_argument("--meeting-name", metavar="TEXT",
                         help='or the meeting itself: "Hội nghị báo cáo viên tháng 3/2024"')
    meeting.add_argument("--meeting-date", metavar="YYYY-MM-DD")
    meeting.add_argument("--meeting-place", metavar="TEXT")
    meeting.add_argument("--meeting-audience", metavar="TEXT")
    meeting.add_argument("--circulation", metavar="TEXT",
                         help='circulation mark, e.g. "TRẢ LẠI SAU HỘI NGHỊ"')
    parser.add_argument("--format", choices=("docx", "pdf", "all"), default="all",
                        help="what to write (default: all)")
    jobs_option(parser)
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def variant_set(args: argparse.Namespace) -> VariantSet:
    """The variants the options of `add_variant_options` name."""
    return VariantSet(
        content=args.content, units=args.units, codes=args.codes, with_base=args.with_base,
        meeting=args.meeting,
        meeting_fields=MeetingFields(args.meeting_name, args.meeting_date, args.meeting_place,
                                     args.meeting_audience, args.circulation),
        formats=formats_of(args.format))


def add_key_options(parser: argparse.ArgumentParser) -> None:
    """The key a PDF is signed with (`sign`, `edition --sign`): a key file or a token."""
    key = parser.add_argument_group("the key (one of)")
    key.add_argument("--key", type=Path, metavar="KEY.p12", help="a PKCS#12 key file")
    key.add_argument("--password-file", type=Path, metavar="F",
                     help="its password (first line); asked at the terminal if not given")
    key.add_argument("--pkcs11", type=Path, metavar="LIBRARY",
                     help="a token's PKCS#11 library (e.g. /usr/lib/softhsm/libsofthsm2.so)")
    key.add_argument("--token", metavar="LABEL", help="the token's label")
    key.add_argument("--key-label", metavar="LABEL",
                     help="the key on the token, when it holds several")
    key.add_argument("--pin-file", type=Path, metavar="F", help="the token's PIN (first line)")


def add_image_options(group: argparse._ArgumentGroup | argparse.ArgumentParser) -> None:
    """What the signature shows in the signature block (ND 30 PL I §II.7–8)."""
    group.add_argument("--signature", type=Path, metavar="IMAGE",
                       help="the signer's signature (blue, transparent PNG)")
    group.add_argument("--seal", type=Path, metavar="IMAGE",
                       help="the organisation's seal (red, transparent PNG, actual size)")


def check_key_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """One key, named completely: argparse's own error (exit 2) otherwise."""
    if (args.key is None) == (args.pkcs11 is None):
        parser.error("give the key: --key KEY.p12, or --pkcs11 LIBRARY --token LABEL")
    if args.pkcs11 is not None and not args.token:
        parser.error("--pkcs11 needs --token LABEL")


def key_source(args: argparse.Namespace):
    """The `KeySource` the key options name."""
    from briefing.signing.keys import KeySource

    return KeySource(pkcs12=args.key, password_file=args.password_file, library=args.pkcs11,
                     token=args.token, key_label=args.key_label, pin_file=args.pin_file)
