"""`build.py [FILE…] [--format docx|pdf|all] [--out DIR]`: build content files."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefing import __version__, cli
from briefing.cli import (
    EXIT_ERRORS,
    EXIT_OK,
    content_files,
    default_output,
    formats_of,
    report,
    shown,
    wrote,
)
from briefing.inputs import output_folder
from briefing.messages import msg
from briefing.messages.language import LANGUAGES
from briefing.problems import BriefingError

HELP = "build DOCX and PDF (the default command)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build briefings (DOCX + PDF in the official layout) from content YAML.",
        epilog="With no FILE, every content/*.yaml is built into output/. Other commands: "
               "build.py check|batch|edition|archive|import|lint|studio --help")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="content file(s)")
    parser.add_argument("--format", choices=("docx", "pdf", "all"), default="all",
                        help="what to write (default: all)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="output folder (default: output/)")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=cli.LANGUAGE_HELP + "; every command")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    formats = formats_of(args.format)
    if "pdf" in formats and cli.OWNS_PROCESS:
        from briefing.writers.pdf import process

        process.start()  # WeasyPrint loads in a second process while the content is read
        try:
            return _build(args, formats)
        finally:
            process.stop()
    return _build(args, formats)


def _build(args: argparse.Namespace, formats: tuple[str, ...]) -> int:
    from briefing.builds.pipeline import build_file

    files = content_files(args.files)
    out = default_output() if args.out is None else output_folder(args.out)
    failed = 0
    for path in files:
        started = time.perf_counter()
        try:
            written = build_file(path, out, formats,
                                 warn=lambda problem: print(problem, file=sys.stderr))
        except BriefingError as error:
            report(error)
            failed += 1
            continue
        seconds = time.perf_counter() - started
        for target in written:
            print(wrote(shown(target), target.stat().st_size))
        print(msg("built", "built {file} in {seconds:.1f} s", file=shown(path), seconds=seconds))
    return EXIT_ERRORS if failed else EXIT_OK
