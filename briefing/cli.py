"""Command line: `python build.py [FILE…] [--format docx|pdf|all] [--out DIR]`.

Every user error is printed as `file:line:col: error: message` lines and a non-zero exit code;
a traceback means a bug in this program, never in the input.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefing import PROJECT_ROOT, __version__
from briefing.errors import BriefingError

CONTENT_DIR = PROJECT_ROOT / "content"
OUTPUT_DIR = PROJECT_ROOT / "output"

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2


def default_content() -> list[Path]:
    return sorted(CONTENT_DIR.glob("*.yaml"))


def _formats(value: str) -> tuple[str, ...]:
    return ("docx", "pdf") if value == "all" else (value,)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build briefings (DOCX + PDF in the official layout) from content YAML.",
        epilog="With no FILE, every content/*.yaml is built into output/.")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="content file(s)")
    parser.add_argument("--format", choices=("docx", "pdf", "all"), default="all",
                        help="what to write (default: all)")
    parser.add_argument("--out", type=Path, default=OUTPUT_DIR, metavar="DIR",
                        help="output folder (default: output/)")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def report(error: BriefingError) -> None:
    for problem in error.problems:
        print(problem, file=sys.stderr)


def cmd_build(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from briefing.pipeline import build_file

    files = args.files or default_content()
    if not files:
        print(f"error: no content files in {CONTENT_DIR}", file=sys.stderr)
        return EXIT_ERRORS
    failed = 0
    for path in files:
        started = time.perf_counter()
        try:
            written = build_file(path, args.out, _formats(args.format))
        except BriefingError as error:
            report(error)
            failed += 1
            continue
        seconds = time.perf_counter() - started
        for target in written:
            print(f"wrote {_shown(target)} ({target.stat().st_size:,} bytes)")
        print(f"built {_shown(path)} in {seconds:.1f} s")
    return EXIT_ERRORS if failed else EXIT_OK


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


COMMANDS = {"build": cmd_build}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = cmd_build
    if argv and argv[0] in COMMANDS:
        command = COMMANDS[argv.pop(0)]
    try:
        return command(argv)
    except BriefingError as error:
        report(error)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
