"""`import_file`: a source file -> checked content, with every guess and fix."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.atomic import safe_name
from briefing.importing import assemble as middle
from briefing.importing.cleanup import fixed
from briefing.importing.emit import emit
from briefing.importing.guesses import Notebook
from briefing.messages import Message, msg
from briefing.problems import DROPPED, ERROR, FIX, GUESS, SEVERITIES, BriefingError, Problem
from briefing.readers.input_file import MAX_DOCX_BYTES, MAX_TEXT_BYTES, read_input
from briefing.readers.source import SourceDocument

if TYPE_CHECKING:
    from briefing.source.yaml_source import SourceMap
    from briefing.validation import FileReport
    from briefing.validation.findings import Finding

FORMS = ("booklet", "official")
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
CONVERTED_SUFFIXES = (".odt", ".doc", ".rtf")
#: LibreOffice gets this long to convert one file.
CONVERT_SECONDS = 120


@dataclass
class ImportedDocument:
    """One content file made from the source."""

    name: str  # suggested file stem
    yaml: str
    #: pictures to write beside the content file: relative path -> bytes
    media: dict[str, bytes] = field(default_factory=dict)
    #: what `build.py check` says of the result (warnings only; errors are raised)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class ImportResult:
    source: Path
    documents: list[ImportedDocument]
    #: every guess, fix and dropped piece, in the order they were made
    notes: list[Problem]

    @property
    def yaml(self) -> str:
        return self.documents[0].yaml

    @property
    def guesses(self) -> list[Problem]:
        return [n for n in self.notes if n.severity == GUESS]

    @property
    def fixes(self) -> list[Problem]:
        return [n for n in self.notes if n.severity == FIX]


def import_file(path: Path | str, *, form: str | None = None,
                profile: str | None = None, name: str | None = None) -> ImportResult:
    """Read `path` and return the content it makes; nothing is written, nothing printed."""
    path = Path(path)
    if form is not None and form not in FORMS:
        raise BriefingError.at(path, msg("import-form", "unknown document form '{form}'",
                                         form=form),
                               hint=msg("import-form-hint", "booklet or official"))
    if profile is not None:
        from briefing.profile.model import load_profile

        load_profile(profile)  # an unknown profile is reported before the work starts
    notes = Notebook(str(path))
    source = read_source(path, notes)
    _within_limits(path, middle.certain_values(source), 0)
    middle.prepare_source(source, notes)
    parts = middle.split(source, notes)
    for part in parts:
        _within_limits(path, *middle.volume(part))
    stem = safe_name(name or path.stem).lower()
    documents = []
    for index, part in enumerate(parts):
        part_stem = stem if index == 0 else f"{stem}-{index + 1}"
        data = middle.build_part(part, source, notes, form=form, profile_name=profile,
                                 stem=part_stem)
        middle.unused_notes(part, data, notes)
        documents.append(_finish(data, part, path, part_stem, notes, len(parts), index))
    return ImportResult(path, documents, notes.notes)


def yaml_values(data: object) -> int:
    """The values a YAML loader composes for `data` (every mapping, list, key and scalar), as
    `check` counts them against its limit."""
    count, stack = 0, [data]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, dict):
            count += len(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return count


def _finish(data: dict, part: middle.Part, path: Path, stem: str, notes: Notebook,
            count: int, index: int) -> ImportedDocument:
    # counted on the content made, before writing it out and checking it (most of the work):
    # the scan before the import cannot tell what a line becomes
    _within_limits(path, yaml_values(data), 0, made=True)
    head = [str(msg("import-head-of", "Imported from {source} by `build.py import` (document "
                    "{index} of {count}).", source=path.name, index=index + 1, count=count)
                if count > 1 else
                msg("import-head", "Imported from {source} by `build.py import`.",
                    source=path.name)),
            str(msg("import-head-check", "Check every '{guess}:' comment against the source, "
                                         "then delete it.", guess=SEVERITIES[GUESS]))]
    if index == 0:
        head += _dropped(notes)
    text, warnings = passing(data, head, path, f"{stem}.yaml", part.media, notes)
    return ImportedDocument(stem, text, part.media, warnings)


def _dropped(notes: Notebook) -> list[str]:
    """Every line of the source left out (web clutter, rules, stamps), listed at the top of
    the content file, so nothing vanishes silently."""
    dropped = [n for n in notes.notes if n.severity == DROPPED]
    if not dropped:
        return []
    lines = [str(msg("import-head-dropped", "Left out of the source ({count}):",
                     count=len(dropped)))]
    for note in dropped:
        place = note.position.text().removeprefix(notes.file).lstrip(": ")
        lines.append(f"  - {note.message}" + (f" [{place}]" if place else "") +
                     (f": “{note.quote}”" if note.quote else ""))
    return lines


#: Rounds of the degrade gate before the whole body is read as plain paragraphs.
ROUNDS = 8


def passing(data: dict, head: list[str], path: Path, name: str, media: dict[str, bytes],
            notes: Notebook) -> tuple[str, list[Problem]]:
    """The content as YAML that `check` passes: each construct check still rejects is
    degraded at its place (`degrade`), round after round; if that does not settle, the
    whole body as plain paragraphs. Never "please report this" for what can be shown."""
    from briefing.importing import degrade

    for _ in range(ROUNDS):
        text = emit(data, head)
        _within_limits(path, 0, len(text.encode("utf-8")))
        text, problems, applied, source = _checked(text, name, media)
        errors = [p for p in problems if p.severity == ERROR]
        if not errors:
            _note_fixes(applied, notes)
            return text, problems
        if source is None or not _degraded(data, errors, source, notes):
            break
    data = degrade.plain_document(data, notes)
    text = emit(data, head)
    text, problems, applied, _ = _checked(text, name, media)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        report_it = msg("import-report-hint", "please report this with the source file")
        raise BriefingError([Problem(p.position, _fails_check(p.message), hint=report_it)
                             for p in errors])
    _note_fixes(applied, notes)
    return text, problems


def _degraded(data: dict, errors: list[Problem], source: SourceMap, notes: Notebook) -> bool:
    """Degrade the value of each error, the last in the file first (so the places of the
    others stay where they are); an item whose ancestor was degraded is not touched again."""
    from briefing.importing.degrade import degrade, paths_at

    done: list[tuple] = []
    changed = False
    pairs = sorted(zip(paths_at(errors, source), errors, strict=True),
                   key=lambda pair: (pair[1].position.line, pair[1].position.col), reverse=True)
    for where, problem in pairs:
        if any(where[:len(d)] == d for d in done):
            continue
        done.append(where)
        changed = degrade(data, where, problem.message, notes) or changed
    return changed


def _note_fixes(applied: list[Finding], notes: Notebook) -> None:
    for problem in (f.problem for f in applied):
        if problem.fix is not None:
            notes.fix(fixed(problem.message, *problem.fix),
                      msg("place-result-line", "line {n} of the result",
                          n=problem.position.line))


#: Lines of a text that are a value of their own whatever follows: a Markdown heading, an
#: item of a list (a text's typed bullet or number).
_MARKDOWN_VALUE = re.compile(r"^ {0,3}(?:#{1,6}|[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)
_TEXT_VALUE = re.compile(r"^[ \t]*(?:[-+•]|\d{1,3}\.(?:\d{1,3}\.)*)[ \t]+\w", re.MULTILINE)


def _typed_values(text: str, markdown: bool) -> int:
    """A count of the values a text will give at least, found without reading it (a regular
    expression over the raw text): enough to refuse a 50,000-heading file at once."""
    return len((_MARKDOWN_VALUE if markdown else _TEXT_VALUE).findall(text))


def _within_limits(path: Path, values: int, size: int, made: bool = False) -> None:
    """Refuse at once what `check` would refuse for its size after all the work: more values
    or more bytes than a content file may hold (`made`: `values` counted on the content
    made, not on the source)."""
    from briefing.source.yaml_source import MAX_FILE_BYTES, MAX_YAML_NODES

    if values > MAX_YAML_NODES:
        hint = msg("import-too-many-made-hint", "the content made of it holds {values:,} "
                   "values; split the source into parts and import each", values=values) \
            if made else msg(
            "import-too-many-values-hint", "the source holds at least {values:,} headings, "
            "paragraphs, items and table cells; split it into parts and import each",
            values=values)
        raise BriefingError.at(path, _fails_check(msg(
            "import-too-many-values", "more than {limit:,} values in one file",
            limit=MAX_YAML_NODES)), hint=hint)
    if size > MAX_FILE_BYTES:
        raise BriefingError.at(path, _fails_check(msg(
            "import-too-large", "the file would be more than the limit of {limit:,} bytes",
            limit=MAX_FILE_BYTES)), hint=msg(
            "import-too-large-hint", "split the source into parts and import each"))


def _fails_check(problem: Message) -> Message:
    return msg("import-fails-check", "the imported content does not pass check: {problem}",
               problem=problem)


def _checked(text: str, name: str, media: dict[str, bytes]
             ) -> tuple[str, list[Problem], list[Finding], SourceMap | None]:
    """The imported text with every fix `build.py check --fix` would make (the proofreading
    ones too: tone marks in the profile's style, a word certainly written twice), what
    `check` says of the rest, the fixes applied and where each value is written — from one
    run of the check, with the pictures beside the file in a private folder."""
    from briefing.validation import check_file, sorted_problems
    from briefing.validation.fixer import normalise

    with tempfile.TemporaryDirectory(prefix="briefing-import-") as folder:
        path = Path(folder) / name
        for relative, data in media.items():
            (path.parent / relative).parent.mkdir(parents=True, exist_ok=True)
            (path.parent / relative).write_bytes(data)
        text, _ = normalise(text)
        report = check_file(path, text)
        text, applied = _apply_fixes(path, text, report)
    problems = [_named(f.problem, name) for f in report.findings if f not in applied]
    source = report.yaml.source if report.yaml is not None else None
    return text, sorted_problems(problems), applied, source


def _apply_fixes(path: Path, text: str, report: FileReport) -> tuple[str, list[Finding]]:
    """`text` with the report's fixes applied where `check --fix` can apply them safely, and
    the findings so fixed (told from the value each fix was meant to give)."""
    from briefing.source.yaml_source import load_yaml
    from briefing.validation.fixer import apply_fixes

    fixable = [f for f in report.findings if f.fix is not None]
    if not fixable or report.yaml is None:
        return text, []
    new_text, count = apply_fixes(path, text, report.yaml.source, report.yaml.data,
                                  [f.fix for f in fixable])
    if not count:
        return text, []
    before, after = report.yaml.source.scalars, load_yaml(path, new_text, unfit=False).source
    changed = {p for p, scalar in before.items()
               if p in after.scalars and after.scalars[p].raw != scalar.raw}
    return new_text, [f for f in fixable if f.fix.path in changed]


def _named(problem: Problem, name: str) -> Problem:
    """The problem as found in the file `name` (not in the private folder it was checked in)."""
    return problem.in_file(name)


def read_source(path: Path, notes: Notebook) -> SourceDocument:
    suffix = path.suffix.lower()
    if suffix == ".docx" or suffix == ".dotx":
        from briefing.readers.docx.parse import read_docx

        return read_docx(read_input(path, MAX_DOCX_BYTES), path, notes)
    if suffix in TEXT_SUFFIXES or suffix in MARKDOWN_SUFFIXES:
        from briefing.readers.text.decoding import decode

        decoded = decode(read_input(path, MAX_TEXT_BYTES), path)
        _within_limits(path, _typed_values(decoded.text, suffix in MARKDOWN_SUFFIXES), 0)
        if decoded.legacy:
            from briefing.readers.text.legacy_encodings import NAMES

            notes.fix(msg("import-legacy-file", "the file is in the legacy encoding "
                          "{encoding}; converted to Unicode", encoding=NAMES[decoded.legacy]))
        if suffix in MARKDOWN_SUFFIXES:
            from briefing.readers.markdown import read_markdown

            return read_markdown(decoded.text, path.name, notes)
        from briefing.readers.text.physical_lines import read_text

        return read_text(decoded.text, path.name)
    if suffix in CONVERTED_SUFFIXES:
        return _through_libreoffice(path, notes)
    raise BriefingError.at(path, msg("import-suffix", "cannot import '{suffix}' files",
                                     suffix=suffix or msg("import-no-suffix",
                                                          "a file without extension")),
                           hint=msg("import-suffix-hint", "give a .docx, .txt or .md file (.odt, "
                                                          ".doc and .rtf through LibreOffice)"))


def _through_libreoffice(path: Path, notes: Notebook) -> SourceDocument:
    """.odt / .doc / .rtf: LibreOffice converts to .docx in a private folder, then the .docx
    reader reads that (with all its checks)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise BriefingError.at(path, msg("import-needs-soffice", "importing {suffix} files needs "
                                         "LibreOffice, which is not installed",
                                         suffix=path.suffix),
                               hint=msg("import-needs-soffice-hint",
                                        "install LibreOffice, or save the file as .docx"))
    data = read_input(path, MAX_DOCX_BYTES)
    with tempfile.TemporaryDirectory(prefix="briefing-import-") as folder:
        work = Path(folder)
        source = work / f"source{path.suffix.lower()}"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                            "--norestore", "--convert-to", "docx", "--outdir", str(work),
                            str(source)], capture_output=True, timeout=CONVERT_SECONDS,
                           check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise BriefingError.at(path, msg("import-soffice-timeout", "LibreOffice did not "
                                             "finish converting the file within {seconds} s",
                                             seconds=CONVERT_SECONDS)) from None
        converted = work / "source.docx"
        if not converted.is_file():
            raise BriefingError.at(path, msg("import-soffice-failed", "LibreOffice could not read "
                                             "this {suffix} file", suffix=path.suffix),
                                   hint=msg("import-soffice-failed-hint",
                                            "open it and save it as .docx"))
        from briefing.readers.docx.parse import read_docx

        notes.fix(msg("import-converted", "converted from {suffix} to .docx with LibreOffice",
                      suffix=path.suffix))
        return read_docx(converted.read_bytes(), path, notes)
