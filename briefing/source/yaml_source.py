"""Read a YAML file into plain Python data plus the position of every value.

PyYAML's composer gives each node its place in the text; we build the data ourselves from the
node graph so that (1) every value keeps its position for error messages, (2) aliases, anchors,
deep nesting and huge node counts are refused *while composing*, before anything can expand or
recurse (billion-laughs bombs, `[[[[…` stack bombs), (3) duplicate keys are errors instead of
silently keeping the last one, and (4) scalars stay strings: dates, numbers and booleans are
interpreted by the schema, which gives better messages than YAML's implicit typing.

Each scalar also keeps its style and extent (`Scalar`), so that checks can point at the exact
column of a character inside it and `check --fix` can edit the file in place.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer

from briefing.inputs import printable, read_input
from briefing.problems import BriefingError, Position, Problem
from briefing.text.xmlchars import UNFIT, representations, unfit_description

#: Content written by hand is a few hundred kB at most; a larger file is a mistake or an attack.
MAX_FILE_BYTES = 2_000_000
#: Deep enough for sections six levels down with lists inside; deeper is refused early.
MAX_YAML_DEPTH = 40
#: A long briefing has a few thousand values; far more is a generated file or an attack.
MAX_YAML_NODES = 50_000

Path_ = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}
#: The only tags a content file may carry (all implicit but `!!str`): plain data, no objects.
_TAGS = {f"tag:yaml.org,2002:{name}" for name in
         ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")}
#: What PyYAML counts as a line break (so our lines agree with its marks).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class Scalar:
    """Where a scalar is written: its style and its extent in the file text."""

    style: str | None  # None (plain), "'", '"', "|" or ">"
    start: int  # index of the first character of the node (the quote or the indicator)
    end: int  # index just after the node
    raw: str  # the value as PyYAML read it, before NFC


@dataclass
class SourceMap:
    """Positions of values (and of mapping keys) by their path in the data."""

    file: str
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    #: every scalar value by path, with its style and extent in `text`
    scalars: dict[Path_, Scalar] = field(default_factory=dict)
    #: the file text the indexes of `scalars` refer to
    text: str = ""
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

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

    def position_at(self, index: int) -> Position:
        """The 1-based line and column (in characters) of `text[index]`."""
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        return position_in(self.file, self._line_starts, index)


def line_starts(text: str) -> list[int]:
    """Indexes where each line of `text` begins, with PyYAML's idea of a line break."""
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


def position_in(file: str, starts: list[int], index: int) -> Position:
    line = bisect.bisect_right(starts, index)
    return Position(file, line, index - starts[line - 1] + 1)


@dataclass
class YamlDocument:
    data: Any
    source: SourceMap
    text: str


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES, what: str = "file") -> str:
    """The file as text, refusing special files, oversize and non-UTF-8 files with a clear
    message (`briefing.inputs.read_input`: a FIFO or /dev/zero is refused before it is read)."""
    return decode_utf8(read_input(path, limit=max_bytes, what=what), path)


def decode_utf8(raw: bytes, path: Path | str) -> str:
    """`raw` as text (a UTF-8 BOM dropped); invalid UTF-8 is an error at the line and column
    of the first bad byte, naming it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        if raw.startswith(b"\xef\xbb\xbf") and line_start == 0:
            line_start = 3  # the BOM is not a column
        col = len(raw[line_start: exc.start].decode("utf-8", "replace"))
        raise BriefingError.at(printable(path),
                               f"file is not UTF-8 text (byte 0x{raw[exc.start]:02X})",
                               line=line, col=col + 1, hint="save it as UTF-8") from None


def load_yaml(path: Path | str, text: str | None = None, *, what: str = "file",
              unfit: bool = True) -> YamlDocument:
    """Parse `path` (or `text` attributed to it) into data with a source map.

    A value holding a character XML cannot carry (`briefing.text.xmlchars`) is refused here, at
    its line and column, so it can never reach a template; `unfit=False` leaves it to the
    caller (`build.py check`, which reports it with a fix).
    """
    path = Path(path)
    if text is None:
        text = read_text(path, what=what)
    name = printable(path)
    source = SourceMap(name, text=text)
    node = _compose_fast(text)
    loader: ContentLoader | None = None
    try:
        if node is _FAILED:
            loader = ContentLoader(text)
            node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        raise BriefingError(_reader_problem(exc, source)) from None
    except yaml.MarkedYAMLError as exc:
        raise BriefingError(_syntax_problem(exc, source)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error above is marked
        raise BriefingError.at(name, f"malformed YAML: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return YamlDocument({}, source, text)
    data = _build(node, (), source, depth=0)
    if unfit:
        problems = unfit_problems(source)
        if problems:
            raise BriefingError(problems)
    return YamlDocument(data, source, text)


def unfit_problems(source: SourceMap) -> list[Problem]:
    """One error for each value holding a character XML cannot carry, at that character."""
    problems = []
    for scalar in source.scalars.values():
        match = UNFIT.search(scalar.raw)
        if match is None:
            continue
        char = match.group()
        written = source.text[scalar.start:scalar.end]
        found = [hit.start() for form in representations(char)
                 if (hit := re.search(re.escape(form), written, re.IGNORECASE))]
        position = source.position_at(scalar.start + (min(found) if found else 0))
        problems.append(Problem(position, f"{unfit_description(char)} cannot be printed: XML, "
                                          "hence DOCX and PDF, cannot carry it",
                                hint="delete it", code="unfit-character"))
    return problems


_FAILED = object()


def _compose_fast(text: str) -> Any:
    """The node tree via libyaml, or `_FAILED` (then the Python loader reads and reports)."""
    if FastContentLoader is None or "\0" in text:
        return _FAILED
    loader = FastContentLoader(text)
    try:
        return loader.get_single_node()
    except Exception:
        return _FAILED
    finally:
        loader.dispose()


def _reader_problem(exc: yaml.reader.ReaderError, source: SourceMap) -> Problem:
    """A character YAML does not allow (control characters): say which one, and where."""
    position = source.position_at(exc.position) if isinstance(exc.position, int) else \
        Position(source.file)
    character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[0])
    name = unicodedata.name(chr(character), "") or unfit_description(chr(character)) \
        or "control character"
    name = name.split(" U+")[0]  # "noncharacter", "control character", …
    return Problem(position, f"character U+{character:04X} ({name.lower()}) is not allowed "
                             "in a YAML file",
                   hint="delete it; `build.py check --fix` does", code="control-character")


def _syntax_problem(exc: yaml.MarkedYAMLError, source: SourceMap) -> Problem:
    problem = str(exc.problem or exc.context or "")
    if "expected a single document" in str(exc.context or ""):
        mark = exc.problem_mark
        return Problem(source.position_at(mark.index), "more than one YAML document in the file",
                       hint="remove the '---' line", code="yaml")
    mark = exc.problem_mark or exc.context_mark
    position = source.position_at(mark.index) if mark else Position(source.file)
    hint = _yaml_hint(problem)
    if not hint and exc.context and exc.context_mark and exc.problem_mark \
            and exc.context_mark.line != exc.problem_mark.line:
        hint = f"{exc.context} that starts at line {exc.context_mark.line + 1}"
    return Problem(position, f"malformed YAML: {problem}", hint=hint, code="yaml")


def _yaml_hint(problem: str) -> str:
    if "aliases are not allowed" in problem or "anchors are not allowed" in problem:
        return "a value cannot be reused with & and *; text starting with '*' or '&' " \
               "must be quoted"
    if "alias" in problem or "anchor" in problem or "alphabetic or numeric" in problem:
        return "text starting with '*' or '&' must be quoted"
    if "mapping values are not allowed" in problem:
        return "a ': ' inside text needs the whole text in quotes"
    if "found character '\\t'" in problem:
        return "indent with spaces, not tabs"
    if "cannot start any token" in problem and ("'@'" in problem or "'`'" in problem):
        return "text starting with '@' or '`' must be quoted"
    if "nesting deeper" in problem:
        return "a content file is never nested this deep; check that this is the right file"
    if "values in one file" in problem:
        return "a briefing has a few thousand values; split the content or check the file"
    return ""


def _pos(source: SourceMap, node: yaml.Node) -> Position:
    return source.position_at(node.start_mark.index)


def _build(node: yaml.Node, path: Path_, source: SourceMap, depth: int) -> Any:
    position = _pos(source, node)
    source.values[path] = position
    if depth > MAX_YAML_DEPTH:  # pragma: no cover - the composer refuses this earlier
        raise BriefingError(Problem(position, f"nesting deeper than {MAX_YAML_DEPTH} levels"))
    if node.tag and node.tag not in _TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise BriefingError(Problem(position, f"YAML tag {tag} is not allowed in content",
                                    hint="remove the word starting with '!'"))
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        style = node.style or None  # libyaml says "" where PyYAML says None (plain)
        if style is None and value in _NULLS:
            return None
        source.scalars[path] = Scalar(style, node.start_mark.index, node.end_mark.index, value)
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


class _ComposeGuard:
    """Composer checks run before each node is composed, so nothing is ever expanded and the
    composer's recursion never goes deeper than `MAX_YAML_DEPTH`: anchors, aliases, deep
    nesting and too many nodes are refused."""

    depth: int
    nodes: int

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"found alias '*{event.anchor}': aliases are not allowed in content",
                event.start_mark)
        if getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, f"found anchor '&{event.anchor}': anchors are not allowed in content",
                event.start_mark)
        self.nodes += 1
        if self.nodes > MAX_YAML_NODES:
            raise yaml.composer.ComposerError(
                None, None, f"more than {MAX_YAML_NODES:,} values in one file", event.start_mark)
        if self.depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nesting deeper than {MAX_YAML_DEPTH} levels", event.start_mark)
        self.depth += 1
        try:
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1


class ContentLoader(_ComposeGuard, yaml.SafeLoader):
    """Pure-Python SafeLoader with the guard: exact error messages and positions."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.depth = 0
        self.nodes = 0


try:  # libyaml scans and parses in C; the guard and the composer stay in Python
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    FastContentLoader: type | None = None
else:
    class FastContentLoader(_ComposeGuard, Composer, CParser,  # type: ignore[no-redef]
                            yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """The same guard over libyaml's events: about ten times faster on a long briefing.
        Any error is re-read with `ContentLoader` so messages do not depend on libyaml."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.depth = 0
            self.nodes = 0
