"""Characters XML cannot carry, hence no DOCX and no PDF: refused where text is loaded.

XML 1.0 allows neither C0 control characters (but tab, line feed and carriage return) nor lone
surrogates nor U+FFFE/U+FFFF; Unicode's other noncharacters (U+FDD0–U+FDEF and the last two
code points of every plane) are "not for interchange" and no font has them. A YAML escape
("\\uFFFE") brings any of them into a value; left alone they would reach the templates and fail
there as "malformed XML" far from the line that holds them.
"""

from __future__ import annotations

import re

from briefing.messages import Message, msg

_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}"
                         for plane in range(17))
#: every character XML 1.0 cannot carry, and Unicode's noncharacters
UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS
                   + "]")


#: what to do with such a character, wherever it is found
UNFIT_HINT = msg("delete-it", "delete it")


def unfit_description(char: str) -> Message | None:
    """"noncharacter U+FFFE", "control character U+0007", … or None for a printable one."""
    if not UNFIT.fullmatch(char):
        return None
    code = f"U+{ord(char):04X}"
    if ord(char) < 0x20:
        return msg("control-character-name", "control character {code}", code=code)
    if 0xD800 <= ord(char) <= 0xDFFF:
        return msg("surrogate-name", "broken character {code} (half of a surrogate pair)",
                   code=code)
    return msg("noncharacter-name", "noncharacter {code}", code=code)


def unfit_message(char: str) -> Message | None:
    """The one message for a character XML cannot carry (loader, checks and command-line
    options alike), or None for a character it can."""
    described = unfit_description(char)
    if described is None:
        return None
    return msg("control", "{character} cannot be printed: XML, hence DOCX and PDF, cannot "
                          "carry it", character=described)


def representations(char: str) -> list[str]:
    """How `char` can be written inside a YAML scalar: itself and its escapes."""
    code = ord(char)
    forms = [char, f"\\U{code:08x}"]
    if code <= 0xFFFF:
        forms.append(f"\\u{code:04x}")
    if code <= 0xFF:
        forms.append(f"\\x{code:02x}")
    return forms
