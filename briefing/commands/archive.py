"""`build.py archive list|verify|diff|extract`: look after archived editions.

list     editions with their date, revisions, variants and formats
verify   every file of a revision against its manifest (`--rebuild`: and rebuild it from its
         stored sources, byte for byte)
diff     what changed between two editions or two variants, section by section
extract  the sources embedded in an archived PDF (`--rebuild`: build it again from them)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.atomic import safe_name
from briefing.builds.variants import VariantJob, base_name, run_job
from briefing.cli import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_WARNINGS,
    archive_folder,
    default_output,
    shown,
)
from briefing.commands.batch import jobs_option
from briefing.editions.diff import diff_texts, job_text
from briefing.editions.embed import embedded_sources, extract
from briefing.editions.hashing import sha256_file, tool_versions
from briefing.editions.layout import DEFAULT_ARCHIVE, Archive, Reference, Revision, check_name
from briefing.editions.manifest import load_manifest
from briefing.editions.verify import verify_files, verify_rebuild
from briefing.messages import Message, joined, msg
from briefing.problems import BriefingError, Position, Problem
from briefing.units.selection import source_file

HELP = "list, verify, diff and extract archived editions"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py archive", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    def archive_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE, metavar="DIR",
                         help="archive folder (default: output/editions/)")

    listing = commands.add_parser("list", help="list editions and revisions")
    listing.add_argument("names", nargs="*", metavar="EDITION",
                         help="only these editions (default: every edition)")
    archive_option(listing)

    verify = commands.add_parser("verify", help="check files against their manifest")
    verify.add_argument("refs", nargs="*", metavar="EDITION[@rN]",
                        help="what to verify (default: every revision of every edition)")
    verify.add_argument("--rebuild", action="store_true",
                        help="also rebuild from the stored sources and compare the bytes")
    jobs_option(verify)
    archive_option(verify)

    diff = commands.add_parser(
        "diff", help="text diff of two editions or variants, section by section",
        description="Operands: EDITION[@rN][/VARIANT] from the archive, an archived PDF, a unit "
                    "file (with --content), or 'base' (the briefing without a unit).")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--content", type=Path, metavar="FILE",
                      help="the briefing, for unit-file and 'base' operands")
    archive_option(diff)

    pull = commands.add_parser("extract", help="write the sources embedded in an archived PDF")
    pull.add_argument("pdf", type=Path, metavar="PDF")
    pull.add_argument("--out", type=Path, metavar="DIR",
                      help="where to write them (default: output/extracted/<pdf name>/)")
    pull.add_argument("--rebuild", action="store_true",
                      help="build the variant again from them and compare with the PDF")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if "archive" in args:
        archive_folder(args.archive)
    return {"list": run_list, "verify": run_verify, "diff": run_diff,
            "extract": run_extract}[args.action](args)


# -- list -------------------------------------------------------------------------------------
def run_list(args: argparse.Namespace) -> int:
    archive = Archive(args.archive)
    # a missing archive has no editions; a file in its place, or a named edition, is an error
    exists = archive.check_root(missing_ok=not args.names)
    rows = [tuple(str(heading) for heading in (
        msg("list-edition", "EDITION"), msg("list-date", "DATE"), msg("list-revision", "REV"),
        msg("list-variants", "VARIANTS"), msg("list-formats", "FORMATS"),
        msg("list-tool", "TOOL")))]
    if args.names:
        wanted = [check_name(text, text) for text in args.names]
        absent = []
        for name in wanted:
            try:
                archive.revision(Reference(name))  # an error naming the editions there are
            except BriefingError as error:
                absent += error.problems
        if absent:
            raise BriefingError(absent)
    else:
        wanted = archive.editions() if exists else []
    for name in dict.fromkeys(wanted):
        for revision in archive.revisions(name):
            try:
                manifest = load_manifest(revision.manifest)
            except BriefingError as error:
                rows.append((name, "?", f"r{revision.number}", str(error.problems[0]), "", ""))
                continue
            names = [v.name for v in manifest.variants]
            shown_names = ", ".join(names[:4]) + (f", … (+{len(names) - 4})"
                                                  if len(names) > 4 else "")
            rows.append((name, manifest.date, f"r{revision.number}",
                         f"{len(names)}: {shown_names}",
                         ",".join(manifest.options.get("formats", [])),
                         manifest.tools.get("briefing", "?")))
    if len(rows) == 1:
        print(_no_editions(archive))
        return EXIT_OK
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])
    return EXIT_OK


def _no_editions(archive: Archive) -> Message:
    return msg("no-editions", "no editions in {folder}", folder=shown(archive.root))


# -- verify -----------------------------------------------------------------------------------
def _revisions(archive: Archive, refs: list[str]) -> list[Revision]:
    if not refs:
        return [r for name in archive.editions() for r in archive.revisions(name)]
    found = []
    for text in refs:
        reference = Reference.parse(text)
        if reference.revision is None:
            found += archive.revisions(reference.edition) or [archive.revision(reference)]
        else:
            found.append(archive.revision(reference))
    return found


def run_verify(args: argparse.Namespace) -> int:
    archive = Archive(args.archive)
    archive.check_root()  # a typo in --archive is not "nothing to verify"
    revisions = _revisions(archive, args.refs)
    if not revisions:
        print(_no_editions(archive))
        return EXIT_OK
    errors = 0
    for revision in revisions:
        try:
            manifest, problems = verify_files(revision)
        except BriefingError as error:
            manifest, problems = None, list(error.problems)
        if manifest is not None and args.rebuild and not problems:
            try:
                problems += verify_rebuild(revision, manifest, args.jobs)
            except BriefingError as error:  # this revision fails; the others are still checked
                problems += error.problems
        failed = [p for p in problems if p.severity == "error"]
        for problem in problems:
            print(problem, file=sys.stderr)
        if failed:
            errors += 1
            print(msg("verify-failed", "FAILED {label}: {count} problem(s)",
                      label=revision.label, count=len(failed)), file=sys.stderr)
        else:
            assert manifest is not None
            print(msg("verify-ok", "ok {label}: {count} files match the manifest, rebuilt "
                                   "byte-identical", label=revision.label,
                      count=len(manifest.files)) if args.rebuild else
                  msg("verify-ok", "ok {label}: {count} files match the manifest",
                      label=revision.label, count=len(manifest.files)))
    return EXIT_ERRORS if errors else EXIT_OK


# -- diff -------------------------------------------------------------------------------------
def _archived(archive: Archive, reference: Reference) -> dict[str, VariantJob]:
    from briefing.editions.compare import archived_jobs

    return archived_jobs(archive, reference)


def _operand(text: str, args: argparse.Namespace) -> tuple[str, dict[str, VariantJob]]:
    """A label and its variants by name, from whatever the operand names."""
    path = Path(text)
    if text == "base" or path.suffix in (".yaml", ".yml"):
        if args.content is None:
            raise BriefingError(Problem(Position(text), msg(
                "diff-needs-content", "a unit file or 'base' operand needs --content FILE (the "
                                      "briefing)")))
        from briefing.content.loader import CONTENT_FILE

        content = source_file(args.content, CONTENT_FILE)
        if text == "base":
            return "base", {"base": VariantJob(name=base_name(content), content=content)}
        from briefing.units.load import UNIT_FILE, parse_unit

        unit = source_file(path, UNIT_FILE)

        code = parse_unit(unit).code
        return shown(path), {code: VariantJob(name=code, content=content, unit=unit)}
    if path.suffix == ".pdf":
        recipe, sources = embedded_sources(path)
        job = _job_from_recipe(recipe, sources, "")
        return shown(path), {job.name: job}
    reference = Reference.parse(text)
    archive = Archive(args.archive)
    archive.check_root()
    return text, _archived(archive, reference)


def run_diff(args: argparse.Namespace) -> int:
    old_label, old = _operand(args.old, args)
    new_label, new = _operand(args.new, args)
    differs = False
    if len(old) == 1 and len(new) == 1:  # two single variants: compare them, whatever names
        pairs = [(next(iter(old.values())), next(iter(new.values())), old_label, new_label)]
    else:
        pairs = []
        for name in sorted(set(old) | set(new)):
            if name not in new:
                print("- " + msg("diff-only-in", "variant {name} (only in {label})", name=name,
                                 label=old_label))
                differs = True
            elif name not in old:
                print("+ " + msg("diff-only-in", "variant {name} (only in {label})", name=name,
                                 label=new_label))
                differs = True
            else:
                pairs.append((old[name], new[name], f"{old_label}/{name}", f"{new_label}/{name}"))
    for before, after, label_a, label_b in pairs:
        lines = diff_texts(job_text(before, label_a), job_text(after, label_b))
        if lines:
            differs = True
            print("\n".join(lines))
    if not differs:
        print(msg("diff-none", "no differences between {old} and {new}", old=old_label,
                  new=new_label))
    return EXIT_WARNINGS if differs else EXIT_OK


# -- extract ----------------------------------------------------------------------------------
def _job_from_recipe(recipe: dict, sources: dict, out_dir: str) -> VariantJob:
    options = recipe.get("options") or {}
    return VariantJob(
        name=str(recipe["variant"]), content=sources["content"], unit=sources.get("unit"),
        meeting=sources.get("meeting"), formats=("pdf",), out_dir=out_dir,
        date=options.get("date"), pdf_variant=options.get("pdf_variant"),
        embed_sources=bool(options.get("embed_sources")))


def run_extract(args: argparse.Namespace) -> int:
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
    _, sources = embedded_sources(pdf)
    result = run_job(_job_from_recipe(recipe, sources, str(out)))
    if not result.ok:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERRORS
    rebuilt = result.outputs["pdf"]
    print(msg("rebuilt", "rebuilt {file}", file=shown(Path(rebuilt.path))))
    if rebuilt.sha256 == sha256_file(pdf):
        print(msg("rebuilt-identical", "identical: the rebuilt PDF is byte for byte {pdf}",
                  pdf=shown(pdf)))
        return EXIT_OK
    changed = [msg("tool-changed", "{key} {old} -> {new}", key=k, old=str(v),
                   new=str(tool_versions().get(k)))
               for k, v in (recipe.get("tools") or {}).items() if tool_versions().get(k) != v]
    print(Problem(Position(str(pdf)), msg("rebuilt-differs", "the rebuilt PDF differs from this "
                                                             "one"),
                  hint=msg("rebuilt-tools-hint", "tools changed: {changes}",
                           changes=joined(changed)) if changed
                  else msg("rebuilt-other-hint",
                           "templates, profile or fonts changed since it was built")),
          file=sys.stderr)
    return EXIT_ERRORS
