"""`python -m briefing.messages.extract`: the catalogue from the source, with Babel.

Babel's extractors find every `msg(code, english, …)` and `msgn(code, singular, plural, n,
…)` call in briefing/ — in the Python, in the studio's Jinja templates and in its scripts
(`briefing.studio.script_texts`) — (the code is the msgctxt, the English the msgid) and writes
`messages.pot`; each language's `.po` is then updated from it as `pybabel update` does: its
wordings kept, a reworded message's old wording kept as fuzzy (not used until a translator
confirms it), the wordings of messages gone dropped. `--check` changes nothing and exits 1 when
a catalogue is not up to date. The same command line, for those who prefer it:

    pybabel extract --no-default-keywords -k msg:1c,2 -k msgn:1c,2,3 --no-wrap \\
        -F briefing/messages/babel.cfg -o briefing/messages/messages.pot briefing
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from briefing.messages.catalogue import DOMAIN, catalogue_path

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "messages.pot"
#: Babel's keyword spec: (1, "c") is the argument used as the context (our code)
KEYWORDS = {"msg": ((1, "c"), 2), "msgn": ((1, "c"), 2, 3)}
PROJECT = "briefing"
#: which extractor reads which file (the vendored libraries hold no message of ours)
METHODS = [("**/static/vendor/**", "ignore"), ("**/vendor_build/**", "ignore"),
           ("**/templates/**.html", "jinja2.ext:babel_extract"),
           ("**/static/**.js", "javascript"), ("**.py", "python")]


def extracted() -> Iterator[tuple[str, int, str | tuple[str, str], str]]:
    """(file, line, English or (singular, plural), code) of every message in the source."""
    from babel.messages.extract import extract_from_dir

    for filename, lineno, message, _comments, context in extract_from_dir(
            PACKAGE, method_map=METHODS, keywords=KEYWORDS, directory_filter=_wanted):
        yield f"briefing/{filename}", lineno, message, context or ""


def _wanted(path: str) -> bool:
    name = Path(path).name
    return not name.startswith(".") and name not in ("__pycache__", "vendor", "vendor_build")


def template():
    """The catalogue template: every message once, sorted by code, located by file."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project=PROJECT, domain=DOMAIN, fuzzy=False,
                      creation_date=dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc))
    _describe(catalog, "The messages of briefing: every msg(code, English) of the source.")
    found: dict[tuple[str, str | tuple[str, str]], set[str]] = {}
    for filename, _line, message, code in extracted():
        found.setdefault((code, message), set()).add(filename)
    for (code, message), files in sorted(found.items(), key=lambda item: (
            item[0][0], str(item[0][1]))):
        catalog.add(message, context=code, locations=[(name, None) for name in sorted(files)],
                    flags=("python-brace-format",) if "{" in str(message) else ())
    return catalog


def rendered(catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=0, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def updated(language: str, pot):
    """The language's catalogue brought up to date with the template `pot` (a new one when
    the language has none yet, as `pybabel init` makes it)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = catalogue_path(language)
    if path.is_file():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project=PROJECT, fuzzy=False)
    catalog.update(pot, update_creation_date=False)
    _describe(catalog, f"{NAMES.get(language, language)} wordings of the messages of briefing.")
    return catalog


def _describe(catalog, title: str) -> None:
    """Header fields that say what the file is, not Babel's placeholders."""
    from briefing import __version__

    catalog.fuzzy = False
    catalog.project, catalog.version = PROJECT, __version__
    catalog.copyright_holder = catalog.last_translator = "the briefing project"
    catalog.msgid_bugs_address = ""
    catalog.language_team = "the briefing project"
    catalog.header_comment = (f"# {title}\n# Keyed by (code, English); run `python -m "
                              "briefing.messages.extract` after changing a message.\n#")


#: the languages besides English (which the source is written in)
LANGUAGES = ("vi",)
NAMES = {"vi": "Vietnamese"}


def untranslated(pot, language: str) -> list[tuple[str, str]]:
    """(code, English) of every message of the template `pot` that the language's catalogue
    does not word (missing, empty, or fuzzy: a reworded message's old wording)."""
    from babel.messages.pofile import read_po

    with catalogue_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    missing = []
    for message in pot:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        strings = () if found is None else \
            (found.string,) if isinstance(found.string, str) else found.string
        if found is None or found.fuzzy or not all(strings):
            english = message.id if isinstance(message.id, str) else message.id[0]
            missing.append((message.context or "", english))
    return missing


def stale(pot, language: str) -> list[tuple[str, str]]:
    """(code, English) of the catalogue's wordings of messages the source no longer has."""
    from babel.messages.pofile import read_po

    with catalogue_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return [(m.context or "", m.id if isinstance(m.id, str) else m.id[0]) for m in catalog
            if m.id and pot.get(m.id, context=m.context) is None]


def _same(path: Path, data: bytes) -> bool:
    """Equal but for the date lines the header carries."""
    if not path.is_file():
        return False

    def body(raw: bytes) -> list[bytes]:
        return [line for line in raw.splitlines() if b"-Date:" not in line]

    return body(path.read_bytes()) == body(data)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    pot = template()
    outputs = {TEMPLATE: rendered(pot)}
    for language in LANGUAGES:
        outputs[catalogue_path(language)] = rendered(updated(language, pot))
    stale = [path for path, data in outputs.items() if not _same(path, data)]
    for path in stale:
        if check:
            print(f"{path.relative_to(PACKAGE.parent)} is not up to date", file=sys.stderr)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(outputs[path])
            print(f"wrote {path.relative_to(PACKAGE.parent)}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
