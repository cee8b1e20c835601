"""Read a YAML file into plain Python data plus the position of every value.

PyYAML's composer gives each node its line and column; we build the data ourselves from the
node graph so that (1) every value keeps its position for error messages, (2) aliases are
refused before they can expand (billion-laughs bombs), (3) duplicate keys are errors instead of
silently keeping the last one, and (4) scalars stay strings: dates, numbers and booleans are
interpreted by the schema, which gives better messages than YAML's implicit typing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import BriefingError, Position, Problem

#: Content written by hand is a few hundred kB at most; a larger file is a mistake or an attack.
MAX_FILE_BYTES = 2_000_000
#: Deep enough for sections six levels down with lists inside; deeper is refused early.
MAX_YAML_DEPTH = 40

Path_ = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class SourceMap:
    """Positions of values (and of mapping keys) by their path in the data."""

    file: str
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)

    def at(self, path: Path_, *, key: bool = False) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if not key and path in self.keys:
                return self.keys[path]
            path = path[:-1]
        return self.values.get((), Position(self.file, 1, 1))


@dataclass
class YamlDocument:
    data: Any
    source: SourceMap
    text: str


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file as NFC text, refusing oversize and non-UTF-8 files with a clear message."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BriefingError.at(path, f"cannot read file: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise BriefingError.at(
            path, f"file is {size:,} bytes, more than the limit of {max_bytes:,}",
            hint="split the content or check that this is the right file")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefingError.at(path, "file is not UTF-8 text", line=line,
                               hint="save it as UTF-8 (Unicode)") from None
    return text


def load_yaml(path: Path | str, text: str | None = None) -> YamlDocument:
    """Parse `path` (or `text` attributed to it) into data with a source map."""
    path = Path(path)
    if text is None:
        text = read_text(path)
    name = str(path)
    try:
        nodes = list(yaml.compose_all(text, Loader=ContentLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = f"malformed YAML: {exc.problem or exc.context}"
        raise BriefingError.at(name, message, line, col, hint=_yaml_hint(exc)) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) and the like
        raise BriefingError.at(name, f"malformed YAML: {exc}") from None
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        raise BriefingError.at(name, "more than one YAML document in the file",
                               mark.line + 1, mark.column + 1, hint="remove the '---' line")
    source = SourceMap(name)
    if not nodes or nodes[0] is None:
        return YamlDocument({}, source, text)
    data = _build(nodes[0], (), source, depth=0)
    return YamlDocument(data, source, text)


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or "")
    if "alias" in problem or "anchor" in problem or "alphabetic or numeric" in problem:
        return "text starting with '*' or '&' must be quoted"
    if "mapping values are not allowed" in problem:
        return "a ': ' inside text needs the whole text in quotes"
    if "found character '\\t'" in problem:
        return "indent with spaces, not tabs"
    return ""


def _pos(source: SourceMap, node: yaml.Node) -> Position:
    return Position(source.file, node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, path: Path_, source: SourceMap, depth: int) -> Any:
    position = _pos(source, node)
    source.values[path] = position
    if depth > MAX_YAML_DEPTH:
        raise BriefingError(Problem(position, f"nesting deeper than {MAX_YAML_DEPTH} levels"))
    if node.tag and not node.tag.startswith("tag:yaml.org,2002:"):
        raise BriefingError(Problem(position, f"YAML tag {node.tag} is not allowed in content"))
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        if node.style is None and value in _NULLS:
            return None
        return unicodedata.normalize("NFC", value)
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, i), source, depth + 1) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise BriefingError(Problem(_pos(source, key_node), "a key must be plain text"))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise BriefingError(Problem(_pos(source, key_node),
                                            "YAML merge keys ('<<') are not allowed in content"))
            key = unicodedata.normalize("NFC", key_node.value)
            key_path = (*path, key)
            if key in result:
                first = source.keys[key_path]
                raise BriefingError(Problem(
                    _pos(source, key_node), f"duplicate key '{key}'",
                    hint=f"first given at line {first.line}"))
            source.keys[key_path] = _pos(source, key_node)
            result[key] = _build(value_node, key_path, source, depth + 1)
        return result
    raise BriefingError(Problem(position, "unsupported YAML node"))  # pragma: no cover


def _refuse_alias(self: yaml.SafeLoader, parent: Any, index: Any) -> Any:
    if self.check_event(yaml.AliasEvent):
        event = self.peek_event()
        raise yaml.composer.ComposerError(
            None, None,
            f"found alias '*{event.anchor}': aliases are not allowed in content",
            event.start_mark)
    event = self.peek_event()
    if getattr(event, "anchor", None):
        raise yaml.composer.ComposerError(
            None, None, f"found anchor '&{event.anchor}': anchors are not allowed in content",
            event.start_mark)
    return _compose_node(self, parent, index)


class ContentLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases while composing (no expansion ever)."""


_compose_node = yaml.SafeLoader.compose_node
ContentLoader.compose_node = _refuse_alias  # type: ignore[method-assign]
