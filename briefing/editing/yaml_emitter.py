"""ruamel.yaml's round-trip emitter, without its character-by-character loops where their
outcome is known.

Every save in the studio renders the whole document (`yamltext.render`, ~0.09 s for a
24-page booklet), and most of that time goes to three loops over every character of every
scalar: the analysis that picks a scalar's style, and the writing of plain and double-quoted
scalars, which looks at each character for a line to fold or a character to escape. Here:

- a scalar's analysis depends on its text only (this emitter's settings are fixed): it is
  kept, by text, and a copy handed out (ruamel sets one flag on it while choosing a style);
- a plain or double-quoted scalar on one line, with no character to escape, that fits in the
  line width (100,000 characters: every paragraph) is written whole, as the loop would write
  it piece by piece — the same characters, the same column and flags after.

Anything else goes through ruamel's own code. `tests/test_yaml_emitter.py` renders the shipped
documents and generated ones with both emitters and compares the bytes.
"""

from __future__ import annotations

import copy
import re
from typing import Any, ClassVar

from ruamel.yaml.emitter import RoundTripEmitter

#: analyses remembered at most (then forgotten all at once)
LIMIT = 50_000
_BREAKS = re.compile("[\n\x85\u2028\u2029]")
#: what a double-quoted scalar writes as an escape (with allow_unicode)
_ESCAPED = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
                      "|[\"\\\\\x85\u2028\u2029\ufeff]")


class Emitter(RoundTripEmitter):
    """`RoundTripEmitter` giving the same bytes sooner (see the module's docstring)."""

    _analyses: ClassVar[dict[str, Any]] = {}

    def analyze_scalar(self, scalar: Any) -> Any:
        if not (isinstance(scalar, str) and self.allow_unicode and self.unicode_supplementary
                and self.serializer.use_version is None):
            return super().analyze_scalar(scalar)
        found = self._analyses.get(scalar)
        if found is None:
            found = super().analyze_scalar(scalar)
            if len(self._analyses) >= LIMIT:
                self._analyses.clear()
            self._analyses[scalar] = found
        return copy.copy(found)

    def _fits(self, text: str, extra: int) -> bool:
        return (not self.root_context and self.encoding is None
                and self.column + extra + len(text) < self.best_width)

    def write_plain(self, text: Any, split: Any = True) -> None:
        if not (text and self._fits(text, 1) and _BREAKS.search(text) is None):
            return super().write_plain(text, split)
        if not self.whitespace:
            self.column += 1
            self.stream.write(" ")
        self.whitespace = False
        self.indention = False
        self.column += len(text)
        self.stream.write(text)
        return None

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        if not (self.allow_unicode and self._fits(text, 3) and _ESCAPED.search(text) is None):
            return super().write_double_quoted(text, split)
        self.write_indicator('"', True)
        self.column += len(text)
        self.stream.write(text)
        self.write_indicator('"', False)
        return None
