"""`build.py archive extract PDF [--rebuild]`: the sources embedded in an archived PDF, written
out, and (`--rebuild`) the variant built again from them and compared byte for byte."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.atomic import safe_name
from briefing.cli import EXIT_ERRORS, EXIT_OK, default_output, shown
from briefing.editions.embed import extract
from briefing.editions.reproduce import reproduce
from briefing.messages import msg


def run(args: argparse.Namespace) -> int:
    pdf: Path = args.pdf
    if args.out is not None:  # the user's own folder
        out, root = args.out, None
    else:  # output/extracted/<name>/: not through a link planted in output/
        out, root = default_output() / "extracted" / safe_name(pdf.stem), default_output()
    recipe, written = extract(pdf, out, root)
    for path in written:
        print(msg("wrote-file", "wrote {file}", file=shown(path)))
    options = recipe.get("options") or {}
    print(msg("extracted", "variant {variant}, edition date {date}, built with briefing "
                           "{version}", variant=str(recipe["variant"]),
              date=str(options.get("date")),
              version=str(recipe.get("tools", {}).get("briefing"))))
    if not args.rebuild:
        print(msg("extract-rebuild-hint", "to rebuild it: python build.py archive extract {pdf} "
                                          "--rebuild", pdf=shown(pdf)))
        return EXIT_OK
    again = reproduce(pdf, recipe, out)
    for problem in again.result.problems:
        print(problem, file=sys.stderr)
    if not again.result.ok:
        return EXIT_ERRORS
    print(msg("rebuilt", "rebuilt {file}", file=shown(Path(again.result.outputs["pdf"].path))))
    print(again.verdict(pdf, shown(pdf)), file=sys.stdout if again.identical else sys.stderr)
    if again.identical:
        return EXIT_OK
    return EXIT_ERRORS
