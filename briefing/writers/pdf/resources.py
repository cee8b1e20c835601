"""What every PDF of one profile shares, made once per process: fonts and the parsed stylesheet.

Parsing the stylesheet and loading the four vendored faces into a font configuration costs
~25 ms per build; a resident builder (briefing/builds/warm.py) or a batch worker builds many PDFs
of the same profile, so the parsed objects are kept, keyed by the stylesheet's text. WeasyPrint
documents one `FontConfiguration` for several documents; the PDFs are byte-identical to those
of a fresh one (tests/test_speed.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.writers.pdf.engine import weasyprint
from briefing.writers.pdf.fetcher import RestrictedFetcher


@dataclass(frozen=True)
class PrintSetup:
    stylesheet: str
    fonts: Any  # weasyprint.text.fonts.FontConfiguration
    css: Any  # weasyprint.CSS
    fetcher: RestrictedFetcher


_setups: dict[str, PrintSetup] = {}


def print_setup(text: str) -> PrintSetup:
    """The fonts and parsed stylesheet of the stylesheet `text` (a profile's)."""
    setup = _setups.get(text)
    if setup is None:
        from briefing.writers.pdf.fontconfig import vendored_font_configuration

        fonts = vendored_font_configuration()  # fonts/ only: no system font can stand in
        fetcher = RestrictedFetcher()
        css = weasyprint.CSS(string=text, font_config=fonts, url_fetcher=fetcher)
        setup = _setups[text] = PrintSetup(text, fonts, css, fetcher)
    return setup
