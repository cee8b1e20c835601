"""The translations, read when a message is first worded in a language other than English (a
build that prints nothing never reads them).

`locale/<language>/LC_MESSAGES/briefing.po` is the catalogue translators edit. At run time it
is compiled with Babel (the tool that extracted it) into the binary `.mo` that Python's own
`gettext` reads in a few milliseconds, keyed by (code, English) — context and msgid. The
compiled file is kept beside the `.po` (not in git) and made again whenever the `.po` is
newer; where the package folder cannot be written, the catalogue is compiled in memory.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "briefing"


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=4)
def translations(language: str) -> gettext.GNUTranslations:
    """The language's compiled catalogue (compiled now if the `.po` changed since)."""
    po = catalogue_path(language)
    mo = po.with_suffix(".mo")
    try:
        if mo.stat().st_mtime >= po.stat().st_mtime:
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
    except OSError:
        pass  # not compiled yet
    data = compiled(po, language)
    _keep(mo, data)
    return gettext.GNUTranslations(io.BytesIO(data))


def compiled(po: Path, language: str) -> bytes:
    """The `.mo` bytes of a `.po` file (fuzzy wordings left out: not yet confirmed)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _keep(mo: Path, data: bytes) -> None:
    """Write the compiled catalogue for the next run, whole or not at all."""
    temporary = mo.with_name(f".{mo.name}.{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, mo)
    except OSError:  # a read-only installation: compiled in memory each time
        temporary.unlink(missing_ok=True)


def wording(language: str, code: str, english: str, plural: str = "", n: int = 1) -> str:
    """The translation of (code, English); the English itself where the catalogue has none
    (a test keeps that from happening)."""
    catalogue = translations(language)
    if plural:
        return catalogue.npgettext(code, english, plural, n)
    return catalogue.pgettext(code, english)
