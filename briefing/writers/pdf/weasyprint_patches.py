"""A one-line fix to WeasyPrint's footnote placement, applied only to the code it was made for.

WeasyPrint 66+ (Kozea/WeasyPrint#2432, #2437): when a line overflows the page and widows or
orphans forbid breaking before it, `_linebox_layout` moves ("reports") the page's last
footnotes to the next page to make room, whatever their `footnote-policy`. GCPM says that with
`footnote-policy: line` (or `block`) a note that does not fit takes its call's line (or block)
to the next page: the note is never separated from its call. Official documents need exactly
that, so the fix reports only notes whose policy is `auto` and otherwise breaks the paragraph
as usual (widows and orphans still apply).

The patch rewrites that one condition in WeasyPrint's own source of the function and only if
the function is byte-for-byte the one it was written against (its SHA-256): any other
WeasyPrint keeps its behaviour, and `pagination.py`'s check (re-layout with forced breaks)
still keeps every note on its call's page, at the cost of a second layout pass.
"""

from __future__ import annotations

import hashlib
import inspect

#: sha256 of `weasyprint.layout.block._linebox_layout`'s source the fix was written against
KNOWN_SOURCES = {
    "70.0": "e07bbe000974787ee370be1f419a01a21b327a1a1e3025a65afd47589060883d",
}
BEFORE = "            while report and context.current_page_footnotes:\n"
#: one line, so that the rest of the function keeps its line numbers in tracebacks
AFTER = ("            while report and context.current_page_footnotes and "
         "context.current_page_footnotes[-1].style['footnote_policy'] == 'auto':\n")

_original: dict[str, object] = {}


def apply() -> bool:
    """Install the fix once per process; True if WeasyPrint now keeps notes with their calls.

    False (and WeasyPrint untouched) for a WeasyPrint whose function is not the known one."""
    from weasyprint import __version__
    from weasyprint.layout import block

    if "linebox" in _original:
        return True
    function = block._linebox_layout
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):  # no source shipped: leave WeasyPrint as it is
        return False
    digest = hashlib.sha256(source.encode()).hexdigest()
    if KNOWN_SOURCES.get(__version__) != digest or source.count(BEFORE) != 1:
        return False
    first_line = function.__code__.co_firstlineno
    patched = "\n" * (first_line - 1) + source.replace(BEFORE, AFTER)  # tracebacks keep lines
    namespace = vars(block)
    exec(compile(patched, block.__file__, "exec"), namespace)  # defines it in block's globals
    _original["linebox"] = function
    return True


def applied() -> bool:
    return "linebox" in _original


def remove() -> None:
    """Put WeasyPrint's own function back (tests show what the fix changes)."""
    from weasyprint.layout import block

    function = _original.pop("linebox", None)
    if function is not None:
        block._linebox_layout = function
