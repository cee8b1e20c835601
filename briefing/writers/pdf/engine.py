"""The WeasyPrint this writer uses: imported without library probing, with the footnote fix.

Import WeasyPrint through this module (`from briefing.writers.pdf.engine import weasyprint`)
so that it is the first import of WeasyPrint in the process: `libraries.py` explains why
that saves half a second, `note_split.py` why notes then need one layout pass.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from briefing.messages import msg
from briefing.writers.pdf import cffi_types, leader_indent, note_split, pydyf_patches
from briefing.writers.pdf.libraries import import_weasyprint

weasyprint = import_weasyprint()
cffi_types.install(weasyprint.text.ffi.ffi)

#: True when WeasyPrint keeps every footnote with its call in one layout pass (and continues
#: a note on the next page as Word does): briefing/writers/pdf/note_split.py
FOOTNOTES_IN_ONE_PASS = note_split.apply()
#: True when tagging a page costs the same on page 1 and page 140
PAGE_REFERENCES_CACHED = pydyf_patches.apply()
#: True when a {fill} leader on an indented first line stops at the margin, as Word's tab
LEADERS_AFTER_INDENT = leader_indent.apply()

_said: set[str] = set()


@contextmanager
def collector_paused() -> Iterator[None]:
    """A layout makes hundreds of thousands of objects and frees them by reference counting;
    Python's cycle collector walking them meanwhile costs 5-10 % of the time and finds next to
    nothing (peak memory is the same, measured at 10x the booklet)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def hb_subset_available() -> bool:
    return weasyprint.text.ffi.harfbuzz_subset is not None


def subsetting_note() -> None:
    """Say once per process that fonts are subset the slow way, and how to fix it."""
    if hb_subset_available() or "hb-subset" in _said:
        return
    _said.add("hb-subset")
    print(msg("note-hb-subset", "note: the HarfBuzz subsetting library is not installed: fonts "
              "are subset with fontTools, about 0.3 s slower per PDF (apt-get install "
              "libharfbuzz-subset0)"), file=sys.stderr)
