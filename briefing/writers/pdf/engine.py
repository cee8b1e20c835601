"""The WeasyPrint this writer uses: imported without library probing, with the footnote fix.

Import WeasyPrint through this module (`from briefing.writers.pdf.engine import weasyprint`)
so that it is the first import of WeasyPrint in the process: `libraries.py` explains why
that saves half a second, `weasyprint_patches.py` why notes then need one layout pass.
"""

from __future__ import annotations

import sys

from briefing.writers.pdf import weasyprint_patches
from briefing.writers.pdf.libraries import import_weasyprint

weasyprint = import_weasyprint()

#: True when WeasyPrint keeps every footnote with its call in one layout pass
FOOTNOTES_IN_ONE_PASS = weasyprint_patches.apply()

_said: set[str] = set()


def hb_subset_available() -> bool:
    return weasyprint.text.ffi.harfbuzz_subset is not None


def subsetting_note() -> None:
    """Say once per process that fonts are subset the slow way, and how to fix it."""
    if hb_subset_available() or "hb-subset" in _said:
        return
    _said.add("hb-subset")
    print("note: the HarfBuzz subsetting library is not installed: fonts are subset with "
          "fontTools, about 0.3 s slower per PDF (apt-get install libharfbuzz-subset0)",
          file=sys.stderr)
