"""The translations, read from the gettext catalogues when a message is first worded in a
language other than English (a build that prints nothing never reads them).

`locale/<language>/LC_MESSAGES/briefing.po` is the catalogue translators edit; it is read
with Babel (the tool that extracted it) into a table keyed by (code, English).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "briefing"


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=4)
def _table(language: str) -> tuple[dict[tuple[str, str], tuple[str, ...]], str]:
    """(code, English) -> wordings (one, or one per plural form), and the plural rule."""
    from babel.messages.pofile import read_po

    with catalogue_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy or not message.context:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        strings = (message.string,) if isinstance(message.string, str) else message.string
        if all(strings):
            table[(message.context, english)] = tuple(strings)
    return table, catalog.plural_expr


def wording(language: str, code: str, english: str, plural: str = "", n: int = 1) -> str:
    """The translation of (code, English); the English itself where the catalogue has none
    (a test keeps that from happening)."""
    table, rule = _table(language)
    found = table.get((code, english))
    if found is None:
        return plural if plural and n != 1 else english
    if len(found) == 1:
        return found[0]
    import gettext

    return found[min(gettext.c2py(rule)(n), len(found) - 1)]
