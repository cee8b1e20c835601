"""Command line entry: `python build.py [--lang vi|en] [COMMAND] …` (the default command is
`build`).

Every user error is printed as `file:line:col: error: message` lines with a non-zero exit code;
a traceback means a bug in this program, never in the input. `--lang`, anywhere on the line,
chooses the language of every message (default: the locale, `briefing.messages.language`).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from briefing import PROJECT_ROOT
from briefing.messages import Message, msg, msgn
from briefing.messages.language import LANGUAGES, speaking
from briefing.problems import BriefingError, Position, Problem

CONTENT_DIR = PROJECT_ROOT / "content"
OUTPUT_DIR = PROJECT_ROOT / "output"

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2

#: sub-command name -> module in briefing.commands
COMMANDS = {"build": "build", "check": "check", "batch": "batch", "edition": "edition",
            "archive": "archive", "import": "import_", "lint": "lint", "studio": "studio",
            "sign": "sign", "register": "register"}


def default_content() -> list[Path]:
    return sorted(CONTENT_DIR.glob("*.yaml"))


def checked_files(given: list[Path]) -> list[Path]:
    """What `check` looks at: the files named, or every content, unit and meeting file."""
    if given:
        return given
    files = default_content() + sorted((CONTENT_DIR / "units").glob("*.yaml")) + \
        sorted((CONTENT_DIR / "meetings").glob("*.yaml"))
    if not files:
        raise BriefingError.at(CONTENT_DIR, _NO_CONTENT)
    return files


def content_files(given: list[Path]) -> list[Path]:
    """The files named on the command line, or every content/*.yaml; none at all is an error."""
    files = given or default_content()
    if not files:
        raise BriefingError.at(CONTENT_DIR, _NO_CONTENT)
    return files


_NO_CONTENT = msg("no-content-files", "no content files (*.yaml) to work on")


def default_output(*parts: str) -> Path:
    """output/ or a folder inside it, checked before a build writes there by default: output/
    may not lead out of the project, nor output/<name> out of output/, through a link (a link
    planted there would send the files elsewhere). A folder the user names with --out is
    theirs to choose."""
    from briefing.inputs import output_folder

    output_folder(OUTPUT_DIR, root=PROJECT_ROOT)
    folder = OUTPUT_DIR.joinpath(*parts)
    return output_folder(folder, root=OUTPUT_DIR) if parts else OUTPUT_DIR


def archive_folder(folder: Path) -> Path:
    """The archive of editions: the default output/editions/ may not be a link out of output/
    (`default_output`); a folder named with --archive may be anywhere, but not a link loop
    (what else is wrong with it, `Archive.check_root` says)."""
    from briefing.editions.layout import DEFAULT_ARCHIVE
    from briefing.inputs import ARCHIVE_FOLDER, real_path, shown

    if folder == DEFAULT_ARCHIVE:
        return default_output("editions")
    real_path(folder, ARCHIVE_FOLDER, shown(folder))
    return folder


def formats_of(value: str) -> tuple[str, ...]:
    return ("docx", "pdf") if value == "all" else (value,)


def wrote(file: str, size: int) -> Message:
    """The line every command prints for a file it wrote."""
    return msg("wrote", "wrote {file} ({size:,} bytes)", file=file, size=size)


def counted_errors(count: int) -> Message:
    """"1 error", "3 errors": the summaries of check and lint."""
    return msgn("count-errors", "{n} error", "{n} errors", count)


def counted_warnings(count: int) -> Message:
    return msgn("count-warnings", "{n} warning", "{n} warnings", count)


def report(error: BriefingError) -> None:
    for problem in error.problems:
        print(problem, file=sys.stderr)


def shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it."""
    from briefing.inputs import printable, real_path

    try:  # printable: a hostile file name cannot rewrite the terminal or split a line
        return printable(real_path(path).relative_to(Path.cwd()))
    except (ValueError, BriefingError):  # outside the working folder, or a link loop
        return printable(path)


#: True when `main` runs as the program itself (build.py, the `briefing` script) rather than
#: called by a test or another program: only then may a command fork helper processes before
#: its work (the PDF engine of a cold build, briefing/writers/pdf/process.py).
OWNS_PROCESS = False


LANGUAGE_HELP = "language of messages: vi or en (default: from the locale, LANG)"


def main(argv: list[str] | None = None) -> int:
    global OWNS_PROCESS
    OWNS_PROCESS = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        language = take_language(argv)
    except BriefingError as error:
        report(error)
        return EXIT_ERRORS
    with speaking(language):
        return _run(argv)


def _run(argv: list[str]) -> int:
    name = "build"
    if argv and argv[0] in COMMANDS:
        name = argv.pop(0)
    module = importlib.import_module(f"briefing.commands.{COMMANDS[name]}")
    try:
        return module.run(argv)
    except BriefingError as error:
        report(error)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        print(msg("interrupted", "interrupted"), file=sys.stderr)
        return 130


def take_language(argv: list[str]) -> str | None:
    """`--lang vi|en` (or `--lang=…`), anywhere before `--`, taken out of `argv`."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" or word.startswith("--lang="):
            value = word.partition("=")[2] if "=" in word else \
                (argv[index + 1] if index + 1 < len(argv) else "")
            del argv[index:index + (1 if "=" in word else 2)]
            if value not in LANGUAGES:
                raise BriefingError(Problem(Position("--lang"), msg(
                    "unknown-language", "unknown language '{value}'", value=value),
                    hint=msg("language-choices", "vi or en")))
            return value
    return None
