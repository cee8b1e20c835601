"""Which language messages are printed in: `--lang`, else the locale, as gettext decides.

The chosen language is a context variable, so a command (`--lang vi`) or the studio (always
Vietnamese) sets it for what it runs without touching another thread's or test's choice.
Without a choice, the locale variables are read in gettext's order — LANGUAGE, LC_ALL,
LC_MESSAGES, LANG — and the first one set decides: `vi`, `vi_VN…` is Vietnamese, anything
else English.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("vi", "en")
ENGLISH, VIETNAMESE = "en", "vi"
#: the environment variables gettext reads, in its order
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: ContextVar[str | None] = ContextVar("briefing_language", default=None)


def from_locale(environ: dict[str, str] | None = None) -> str:
    """The language the locale asks for: the first variable set, its first entry
    (LANGUAGE may list several, "vi:en")."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            first = value.split(":")[0]
            return VIETNAMESE if first == "vi" or first.startswith("vi_") else ENGLISH
    return ENGLISH


def chosen() -> str | None:
    """The language chosen explicitly (`--lang`, a studio's), None when the locale decides."""
    return _chosen.get()


def current() -> str:
    """The language messages are printed in now."""
    return _chosen.get() or from_locale()


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Messages in `language` inside the block (None: as the locale says)."""
    token = _chosen.set(language)
    try:
        yield
    finally:
        _chosen.reset(token)
