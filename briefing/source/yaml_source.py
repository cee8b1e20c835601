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
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer

from briefing.inputs import FILE, What, printable, read_input
from briefing.messages import Message, msg
from briefing.problems import BriefingError, Position, Problem
from briefing.text.xmlchars import UNFIT, UNFIT_HINT, representations, unfit_message

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


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES, what: What = FILE) -> str:
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
                               msg("not-utf8", "file is not UTF-8 text (byte 0x{byte:02X})",
                                   byte=raw[exc.start]),
                               line=line, col=col + 1,
                               hint=msg("save-as-utf8", "save it as UTF-8")) from None


def load_yaml(path: Path | str, text: str | None = None, *, what: What = FILE,
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
        raise BriefingError.at(name, malformed_yaml(str(exc))) from None
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
    problems: list[Problem] = []
    if UNFIT.search("\n".join(scalar.raw for scalar in source.scalars.values())) is None:
        return problems  # one search over every value: a file almost never holds one
    for scalar in source.scalars.values():
        match = UNFIT.search(scalar.raw)
        if match is None:
            continue
        char = match.group()
        written = source.text[scalar.start:scalar.end]
        found = [hit.start() for form in representations(char)
                 if (hit := re.search(re.escape(form), written, re.IGNORECASE))]
        position = source.position_at(scalar.start + (min(found) if found else 0))
        problems.append(Problem(position, unfit_message(char), hint=UNFIT_HINT))
    return problems


_FAILED = object()


#: the node trees of the last texts composed: a studio save reads the text it writes to
#: compare it with the editor's rendering, then `check` reads the same text (nodes are only
#: read, never changed)
_composed: dict[str, Any] = {}
_composed_lock = threading.Lock()
COMPOSED_KEPT = 2


def _compose_fast(text: str) -> Any:
    """The node tree via libyaml, or `_FAILED` (then the Python loader reads and reports)."""
    if FastContentLoader is None or "\0" in text:
        return _FAILED
    with _composed_lock:
        node = _composed.get(text)
    if node is not None:
        return node
    loader = FastContentLoader(text)
    try:
        node = loader.get_single_node()
    except Exception:
        return _FAILED
    finally:
        loader.dispose()
    if node is not None:
        with _composed_lock:
            _composed[text] = node
            while len(_composed) > COMPOSED_KEPT:
                del _composed[next(iter(_composed))]
    return node


def _reader_problem(exc: yaml.reader.ReaderError, source: SourceMap) -> Problem:
    """A character YAML does not allow (control characters): say which one, and where."""
    position = source.position_at(exc.position) if isinstance(exc.position, int) else \
        Position(source.file)
    character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[0])
    name: Message | str = unicodedata.name(chr(character), "").lower()
    if not name:
        name = msg("control-character-word", "control character") if character < 0xA0 \
            else msg("noncharacter-word", "noncharacter")
    return Problem(position, msg("control-character", "character U+{code:04X} ({name}) is not "
                                 "allowed in a YAML file", code=character, name=name),
                   hint=msg("delete-it-check-fix", "delete it; `build.py check --fix` does"))


def _syntax_problem(exc: yaml.MarkedYAMLError, source: SourceMap) -> Problem:
    problem = str(exc.problem or exc.context or "")
    if "expected a single document" in str(exc.context or ""):
        mark = exc.problem_mark
        return Problem(source.position_at(mark.index),
                       msg("yaml", "more than one YAML document in the file"),
                       hint=msg("remove-document-marker", "remove the '---' line"))
    mark = exc.problem_mark or exc.context_mark
    position = source.position_at(mark.index) if mark else Position(source.file)
    guard = exc.guard if isinstance(exc, GuardError) else None
    hint = guard.hint if guard else _yaml_hint(problem)
    if not hint and exc.context and exc.context_mark and exc.problem_mark \
            and exc.context_mark.line != exc.problem_mark.line:
        hint = msg("yaml-context", "{context} that starts at line {line}",
                   context=str(exc.context), line=exc.context_mark.line + 1)
    return Problem(position, malformed_yaml(guard.message if guard else problem), hint=hint)


def malformed_yaml(problem: Message | str) -> Message:
    """PyYAML's own words (English) or one of our guard's messages, after "malformed YAML"."""
    return msg("yaml", "malformed YAML: {problem}", problem=problem)


def _yaml_hint(problem: str) -> Message | None:
    """What to do about a syntax error PyYAML reports (its wording is English)."""
    if "alias" in problem or "anchor" in problem or "alphabetic or numeric" in problem:
        return _QUOTE_STAR
    if "mapping values are not allowed" in problem:
        return msg("yaml-colon-hint", "a ': ' inside text needs the whole text in quotes")
    if "found character '\\t'" in problem:
        return msg("yaml-tab-hint", "indent with spaces, not tabs")
    if "cannot start any token" in problem and ("'@'" in problem or "'`'" in problem):
        return msg("yaml-at-hint", "text starting with '@' or '`' must be quoted")
    return None


_QUOTE_STAR = msg("yaml-star-hint", "text starting with '*' or '&' must be quoted")


@dataclass(frozen=True)
class Guarded:
    """Why the composer guard refused a file, and what to do."""

    message: Message
    hint: Message


class GuardError(yaml.composer.ComposerError):
    """A refusal of the composer guard, with our own message (PyYAML's are English)."""

    def __init__(self, guard: Guarded, mark: Any):
        super().__init__(None, None, guard.message.text("en"), mark)
        self.guard = guard


def _refused(message: Message, hint: Message, mark: Any) -> GuardError:
    return GuardError(Guarded(message, hint), mark)


_TOO_DEEP_HINT = msg("yaml-deep-hint", "a content file is never nested this deep; check that "
                                       "this is the right file")
_REUSE_HINT = msg("yaml-reuse-hint", "a value cannot be reused with & and *; text starting "
                                     "with '*' or '&' must be quoted")


def _pos(source: SourceMap, node: yaml.Node) -> Position:
    return source.position_at(node.start_mark.index)


def _build(node: yaml.Node, path: Path_, source: SourceMap, depth: int) -> Any:
    position = _pos(source, node)
    source.values[path] = position
    if depth > MAX_YAML_DEPTH:  # pragma: no cover - the composer refuses this earlier
        raise BriefingError(Problem(position, _too_deep()))
    if node.tag and node.tag not in _TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise BriefingError(Problem(position, msg("yaml-tag", "YAML tag {tag} is not allowed "
                                                  "in content", tag=tag),
                                    hint=msg("yaml-tag-hint", "remove the word starting with "
                                                              "'!'")))
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
                raise BriefingError(Problem(_pos(source, key_node),
                                            msg("yaml-key", "a key must be plain text")))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise BriefingError(Problem(_pos(source, key_node), msg(
                    "yaml-merge-key", "YAML merge keys ('<<') are not allowed in content")))
            key = unicodedata.normalize("NFC", key_node.value)
            key_path = (*path, key)
            if key in result:
                first = source.keys[key_path]
                raise BriefingError(Problem(
                    _pos(source, key_node), msg("duplicate-key", "duplicate key '{key}'",
                                                key=key),
                    hint=msg("first-given-at", "first given at line {line}",
                             line=first.line)))
            source.keys[key_path] = _pos(source, key_node)
            result[key] = _build(value_node, key_path, source, depth + 1)
        return result
    unsupported = msg("yaml-node", "unsupported YAML node")  # pragma: no cover
    raise BriefingError(Problem(position, unsupported))  # pragma: no cover


class _ComposeGuard:
    """Composer checks run before each node is composed, so nothing is ever expanded and the
    composer's recursion never goes deeper than `MAX_YAML_DEPTH`: anchors, aliases, deep
    nesting and too many nodes are refused."""

    depth: int
    nodes: int

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            raise _refused(msg("yaml-alias", "found alias '*{anchor}': aliases are not allowed "
                                             "in content", anchor=event.anchor),
                           _REUSE_HINT, event.start_mark)
        if getattr(event, "anchor", None):
            raise _refused(msg("yaml-anchor", "found anchor '&{anchor}': anchors are not "
                                              "allowed in content", anchor=event.anchor),
                           _REUSE_HINT, event.start_mark)
        self.nodes += 1
        if self.nodes > MAX_YAML_NODES:
            raise _refused(msg("yaml-too-many", "more than {count:,} values in one file",
                               count=MAX_YAML_NODES),
                           msg("yaml-too-many-hint", "a briefing has a few thousand values; "
                                                     "split the content or check the file"),
                           event.start_mark)
        if self.depth >= MAX_YAML_DEPTH:
            raise _refused(_too_deep(), _TOO_DEEP_HINT, event.start_mark)
        self.depth += 1
        try:
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1


def _too_deep() -> Message:
    return msg("too-deep", "nesting deeper than {depth} levels", depth=MAX_YAML_DEPTH)


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
