"""Characters XML cannot carry, hence no DOCX and no PDF: refused where text is loaded.

XML 1.0 allows neither C0 control characters (but tab, line feed and carriage return) nor lone
surrogates nor U+FFFE/U+FFFF; Unicode's other noncharacters (U+FDD0–U+FDEF and the last two
code points of every plane) are "not for interchange" and no font has them. A YAML escape
("\\uFFFE") brings any of them into a value; left alone they would reach the templates and fail
there as "malformed XML" far from the line that holds them.
"""

from __future__ import annotations

import re

_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}"
                         for plane in range(17))
#: every character XML 1.0 cannot carry, and Unicode's noncharacters
UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS
                   + "]")


def unfit_description(char: str) -> str | None:
    """"noncharacter U+FFFE", "control character U+0007", … or None for a printable one."""
    if not UNFIT.fullmatch(char):
        return None
    code = ord(char)
    if code < 0x20:
        return f"control character U+{code:04X}"
    if 0xD800 <= code <= 0xDFFF:
        return f"broken character U+{code:04X} (half of a surrogate pair)"
    return f"noncharacter U+{code:04X}"


def representations(char: str) -> list[str]:
    """How `char` can be written inside a YAML scalar: itself and its escapes."""
    code = ord(char)
    forms = [char, f"\\U{code:08x}"]
    if code <= 0xFFFF:
        forms.append(f"\\u{code:04x}")
    if code <= 0xFF:
        forms.append(f"\\x{code:02x}")
    return forms
