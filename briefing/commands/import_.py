"""`build.py import SOURCE [-o content/NAME.yaml] [--form booklet|official] [--profile …]`:
bring a Word, text or Markdown document in as a content file.

Every guess, text fix and left-out piece is printed (stderr) with the source paragraph or line;
the content file is written only when it passes `build.py check` with no errors, atomically,
with its pictures under media/ beside it; nothing is written over an existing file (the content
file or a picture) without --force. A source holding several documents (a programme
and the briefing it sends) gives several files: NAME.yaml, NAME-2.yaml, …
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from briefing.atomic import write_all_atomic
from briefing.cli import CONTENT_DIR, EXIT_ERRORS, EXIT_OK, shown, wrote
from briefing.messages import msg, msgn
from briefing.problems import BriefingError

HELP = "import a .docx, .txt or .md document as a content file"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py import",
        description="Import a Word (.docx), text (.txt) or Markdown (.md) document as a "
                    "content file (.odt, .doc, .rtf through LibreOffice). Every guess is "
                    "printed and written as a comment in the file.",
        epilog="Exit code: 0 imported, 2 the source cannot be imported (nothing written).")
    parser.add_argument("source", type=Path, metavar="SOURCE", help="the document to import")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="content file to write (default: content/<source name>.yaml)")
    parser.add_argument("--form", choices=("booklet", "official"),
                        help="document form (default: guessed from the source)")
    parser.add_argument("--profile", metavar="NAME",
                        help="layout profile: party or state (default: from the masthead)")
    parser.add_argument("--force", action="store_true",
                        help="replace the output file and its pictures if they exist")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only what was written, not the guesses")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from briefing.importing import import_file

    output: Path = args.output or CONTENT_DIR / f"{args.source.stem}.yaml"
    result = import_file(args.source, form=args.form, profile=args.profile,
                         name=output.stem)
    source = shown(args.source)
    if not args.quiet:
        for note in result.notes:
            print(note.in_file(source), file=sys.stderr)
    targets: dict[Path, bytes] = {}
    for index, document in enumerate(result.documents):
        path = output if index == 0 else output.with_name(f"{output.stem}-{index + 1}.yaml")
        targets[path] = document.yaml.encode("utf-8")
        for name, data in document.media.items():
            targets[path.parent / name] = data
    # a picture too: one of another document would be replaced under it
    existing = [p for p in targets if os.path.lexists(p)]
    if existing and not args.force:
        raise BriefingError.at(existing[0], msg("import-exists", "already exists; nothing was "
                                                                 "written"),
                               hint=msg("import-exists-hint",
                                        "choose another name with -o, or add --force"))
    write_all_atomic(targets)
    guesses = len(result.guesses)
    for index, document in enumerate(result.documents):
        path = output if index == 0 else output.with_name(f"{output.stem}-{index + 1}.yaml")
        print(wrote(shown(path), len(document.yaml.encode("utf-8"))))
        for warning in document.warnings:
            print(warning, file=sys.stderr)
    print(msg("imported", "imported {source}: {documents}, {guesses} to check, {fixes}",
              source=source,
              documents=msgn("imported-documents", "{n} document", "{n} documents",
                             len(result.documents)),
              guesses=msgn("imported-guesses", "{n} guess", "{n} guesses", guesses),
              fixes=msgn("imported-fixes", "{n} text fix", "{n} text fixes", len(result.fixes))))
    return EXIT_OK if result.documents else EXIT_ERRORS
