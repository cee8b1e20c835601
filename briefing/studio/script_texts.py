"""The words the studio's scripts show (a status, a flash, a label they insert), worded in the
studio's language: the scripts write each as the Python does, `msg("code", "English {n}",
{n: 3})`, and the page carries the table code -> wording that `msg` in `static/common.js`
reads (the English of the script itself where the table has none: an English studio sends
none). Babel's JavaScript extractor puts them in the catalogue (`briefing.messages.extract`)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from briefing.messages import Message
from briefing.messages.language import ENGLISH, current

STATIC = Path(__file__).resolve().parent / "static"
#: a call `msg("code", "English…"` of a script (a string literal in double quotes)
CALL = re.compile(r'\bmsg\(\s*"([a-z][a-z0-9-]*)",\s*("(?:[^"\\\n]|\\.)*")')


@lru_cache(maxsize=1)
def script_messages() -> tuple[Message, ...]:
    """Every message the scripts show, once (read from the files at the first page)."""
    found: dict[str, Message] = {}
    for script in sorted(STATIC.glob("*.js")):
        for code, literal in CALL.findall(script.read_text(encoding="utf-8")):
            found.setdefault(code, Message(code, json.loads(literal)))
    return tuple(found.values())


def script_texts(language: str | None = None) -> dict[str, str]:
    """code -> wording (a `str.format`-style template) in `language` (default: the current)."""
    language = language or current()
    if language == ENGLISH:
        return {}
    return {message.code: message.template(language) for message in script_messages()}
