"""Import WeasyPrint without ctypes' library probing, and say once what is missing.

WeasyPrint opens Pango, HarfBuzz, fontconfig … through cffi, trying up to six names per
library; cffi hands every name that is not a loadable file to `ctypes.util.find_library`,
which on Linux runs `ldconfig -p`, `gcc` and `ld` to guess a path: about 280 child processes
and half a second on a machine with gcc installed, before the first page is laid out. On
Linux every one of these libraries is found by the dynamic loader under its soname (the
loader cache, LD_LIBRARY_PATH, the default folders: what `find_library` approximates), so
while WeasyPrint is imported we answer its look-ups with the soname when the loader can open
it, "absent" when it cannot, and leave every other look-up (and other systems) to ctypes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

#: name stems WeasyPrint asks for (longest first: "harfbuzz" is a prefix of the others) and
#: the Linux soname of each
SONAMES = {
    "harfbuzz-subset": "libharfbuzz-subset.so.0",
    "harfbuzz-vector": "libharfbuzz-vector.so.0",
    "harfbuzz": "libharfbuzz.so.0",
    "gobject-2.0": "libgobject-2.0.so.0",
    "pangoft2-1.0": "libpangoft2-1.0.so.0",
    "pango-1.0": "libpango-1.0.so.0",
    "fontconfig": "libfontconfig.so.1",
}
_PATTERNS = [(re.compile(rf"(lib)?{re.escape(stem)}([-.].*)?"), soname)
             for stem, soname in SONAMES.items()]

#: what the loader answered for each soname, and the names looked up (tests count them)
_loadable: dict[str, bool] = {}
looked_up: list[str] = []


def soname_of(name: str) -> str | None:
    """The soname of a library WeasyPrint asks for under `name`; None for other libraries."""
    for pattern, soname in _PATTERNS:
        if pattern.fullmatch(name):
            return soname
    return None


def loadable(soname: str) -> bool:
    if soname not in _loadable:
        try:
            ctypes.CDLL(soname)
        except OSError:
            _loadable[soname] = False
        else:
            _loadable[soname] = True
    return _loadable[soname]


def quick_find_library(original: Callable[[str], str | None]) -> Callable[[str], str | None]:
    def find_library(name: str) -> str | None:
        looked_up.append(name)
        soname = soname_of(name)
        if soname is None:
            return original(name)
        return soname if loadable(soname) else None

    return find_library


@contextmanager
def library_lookups() -> Iterator[None]:
    """While active, `ctypes.util.find_library` answers WeasyPrint's names without probing."""
    if not sys.platform.startswith("linux"):
        yield
        return
    original = ctypes.util.find_library
    ctypes.util.find_library = quick_find_library(original)
    try:
        yield
    finally:
        ctypes.util.find_library = original


def import_weasyprint() -> ModuleType:
    """`import weasyprint`, its native libraries opened by soname (see module doc).

    WeasyPrint's own DeprecationWarning about a missing HarfBuzz-Subset is silenced:
    `engine.subsetting_note` says it in the user's terms."""
    if "weasyprint.text.ffi" not in sys.modules:
        with library_lookups(), warnings.catch_warnings():
            warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
            import weasyprint.text.ffi
    import weasyprint

    return weasyprint
