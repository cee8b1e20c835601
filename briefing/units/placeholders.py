"""Placeholders in content text: a fixed whitelist of names, substituted, never evaluated.

`{{ unit.name }}` in a paragraph becomes the unit's name; nothing else is possible. Content is
data: there are no expressions, filters or loops (no template engine ever sees content), and a
name that is not on the list is an error at its line, not an empty string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from briefing.content.schema_problems import did_you_mean
from briefing.messages import Message, msg
from briefing.problems import Problem
from briefing.source.yaml_source import SourceMap

#: Every name a content, unit or meeting file may use, and what it stands for.
PLACEHOLDERS: dict[str, str] = {
    "unit.name": "the unit's name (unit.name in the unit file)",
    "unit.short_name": "the unit's short name (unit.short_name; default: its name)",
    "unit.place": "the unit's locality (unit.place; default: its short name)",
    "unit.code": "the unit's code (unit.code)",
    "meeting.name": "the meeting's name (meeting.name in the meeting file)",
    "meeting.date": "the meeting's date, as 20/3/2024",
    "meeting.place": "where the meeting is held (meeting.place)",
    "meeting.audience": "who attends (meeting.audience)",
}

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]*)\s*\}\}")
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]`{])")

Path_ = tuple[Any, ...]


def escape_markdown(text: str) -> str:
    """A value pasted into inline Markdown stays literal text (a '*' in a name is a star)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


class Substitution:
    """Replaces placeholders in every string of the data, collecting problems with positions."""

    def __init__(self, values: Mapping[str, str], missing: Mapping[str, Message],
                 source: SourceMap):
        self.values = values
        self.missing = missing
        self.source = source
        self.problems: list[Problem] = []

    def text(self, text: str, path: Path_) -> str:
        if "{{" not in text:
            return text
        markdown = not path or path[0] != "meta"

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in self.values:
                value = self.values[name]
                return escape_markdown(value) if markdown else value
            position = self.source.at(path)
            if name in self.missing:
                self.problems.append(Problem(position, msg(
                    "placeholder", "placeholder {{{{{name}}}}} has no value here: {why}",
                    name=name, why=self.missing[name])))
            else:
                self.problems.append(Problem(
                    position, msg("placeholder", "unknown placeholder {{{{{name}}}}}", name=name),
                    hint=did_you_mean(name, list(PLACEHOLDERS))))
            return match.group(0)

        return PLACEHOLDER.sub(replace, text)

    def walk(self, value: Any, path: Path_ = ()) -> Any:
        if isinstance(value, str):
            return self.text(value, path)
        if isinstance(value, dict):
            return {k: self.walk(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.walk(v, (*path, i)) for i, v in enumerate(value)]
        return value
