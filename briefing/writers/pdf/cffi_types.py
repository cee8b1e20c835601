"""Simple C type names for WeasyPrint's cffi calls, resolved without running the C parser.

`ffi.new("PangoRectangle *")` makes cffi parse the string with pycparser, and cffi prefixes
every such parse with a typedef line for each of the ~200 types WeasyPrint declared: 2-6 ms
per new type string, ~40 ms in a build (each font subset asks for a new `hb_codepoint_t[N]`).
The strings are all of the forms `T`, `T *`, `T **`, `T[]` and `T[N]`, with `T` a primitive
or a declared typedef; those are built here from cffi's own model, exactly as the parser would
(tests/test_speed.py compares both for every form), and anything else goes to the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

SIMPLE = re.compile(r"\s*((?:unsigned |signed )?[A-Za-z_][A-Za-z0-9_]*)\s*(\**)\s*"
                    r"(?:\[\s*(\d*)\s*\])?\s*")


def simple_type(parser: Any, cdecl: str) -> Any | None:
    """The cffi model type of `cdecl`, or None when it is not one of the simple forms."""
    from cffi import model

    match = SIMPLE.fullmatch(cdecl)
    if match is None:
        return None
    name, stars, length = match.groups()
    declared = parser._declarations.get("typedef " + name)
    if declared is not None:
        base, quals = declared
        if quals:
            return None
    elif name in model.PrimitiveType.ALL_PRIMITIVE_TYPES:
        base = model.PrimitiveType(name)
    else:
        return None
    for _ in stars:
        base = parser._get_type_pointer(base, 0)
    if length is not None:
        base = model.ArrayType(base, int(length) if length else None)
    return base


def install(ffi: Any) -> None:
    """Answer `ffi`'s simple type strings from its declarations (once per FFI object)."""
    parser = ffi._parser
    if getattr(parser, "_briefing_simple_types", False):
        return
    original: Callable[[str], Any] = parser.parse_type

    def parse_type(cdecl: str) -> Any:
        found = simple_type(parser, cdecl)
        return found if found is not None else original(cdecl)

    parser.parse_type = parse_type
    parser._briefing_simple_types = True
