"""Tree markup -> typed nodes, in one pass, refusing what the vocabulary does not define.

The templates write the tree as XML; this reads it with expat and builds the node of each
element as the element closes. How each element maps to its node is read from the node classes
themselves (`briefing.tree.nodes`: their fields' types and `attribute()`, `part()` and
`content()` declarations), once per class. Anything else is refused with `Refused`: an element
or attribute the vocabulary does not define, a missing required attribute or child, a child out
of order or twice where one is allowed, text where only elements belong, a value that does not
convert (`level="x"`).
"""

from __future__ import annotations

import types
import typing
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal, Union
from xml.parsers import expat

from briefing.tree.base import Node, node_classes, xml_name
from briefing.tree.nodes import Document, Inline, Text


class Refused(ValueError):
    """The markup breaks the vocabulary; `line` and `column` are in the markup."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.line, self.column = line, column


# -- what each element may hold, read from the node classes -----------------------------------
@dataclass
class _Slot:
    """Where a child element goes: a field of the parent node, read as `what`."""

    index: int
    name: str
    #: "node" (a child node), "text", "inline", "nodes" (a wrapper of nodes), "flag"
    what: str
    many: bool
    classes: dict[str, type[Node]] = field(default_factory=dict)

    @property
    def repeats(self) -> bool:
        """One element per value, gathered in a list (a wrapper part is one element)."""
        return self.many and self.what != "nodes"


@dataclass
class _Schema:
    cls: type[Node]
    attributes: dict[str, tuple[str, Any, bool]] = field(default_factory=dict)
    children: dict[str, _Slot] = field(default_factory=dict)
    #: None (elements only), "text" or "inline": the element's own content, in field `content`
    content: str | None = None
    content_field: str = ""
    #: single fields that must be there (child tag or attribute name, for messages)
    required: dict[str, str] = field(default_factory=dict)
    lists: tuple[str, ...] = ()


_SCHEMAS: dict[type[Node], _Schema] = {}


def _unwrap(kind: Any) -> tuple[Any, bool, bool]:
    """(inner type, optional, many) of an annotation: `X | None`, `list[X]`, `X`."""
    optional = False
    if typing.get_origin(kind) in (Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        optional = len(args) < len(typing.get_args(kind))
        kind = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
    if typing.get_origin(kind) is list:
        return typing.get_args(kind)[0], optional, True
    return kind, optional, False


def _converter(kind: Any, where: str) -> Any:
    if typing.get_origin(kind) is Literal:
        allowed = typing.get_args(kind)

        def one_of(value: str) -> str:
            if value not in allowed:
                raise ValueError("one of " + ", ".join(allowed))
            return value

        return one_of
    if kind in (str, int, float):
        return kind
    raise TypeError(f"{where}: an attribute of type {kind!r} cannot be read")


def _concrete(base: type) -> dict[str, type[Node]]:
    """Tag -> class of every concrete node class under `base`."""
    return {c.tag: c for c in node_classes() if issubclass(c, base) and c.tag}


def _schema(cls: type[Node]) -> _Schema:
    found = _SCHEMAS.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    schema = _Schema(cls)
    lists = []
    for index, spec in enumerate(fields(cls)):  # type: ignore[arg-type]
        kind, optional, many = _unwrap(hints[spec.name])
        how = spec.metadata.get("xml")
        required = (spec.default is MISSING and spec.default_factory is MISSING
                    and not optional)
        if how == "attribute":
            name = xml_name(spec)
            convert = _converter(kind, f"{cls.__name__}.{spec.name}")
            schema.attributes[name] = (spec.name, convert, required)
            continue
        if how == "content":
            schema.content = "inline" if many else "text"
            schema.content_field = spec.name
            continue
        slot = _slot(index, spec.name, kind, many, how == "part")
        if slot.repeats:
            lists.append(spec.name)
        tags = [xml_name(spec)] if how == "part" else list(slot.classes)
        for tag in tags:
            if tag in schema.children:
                raise TypeError(f"{cls.__name__}: two fields read <{tag}>")
            schema.children[tag] = slot
            if required and not slot.repeats:
                schema.required[spec.name] = tag
    schema.lists = tuple(lists)
    _SCHEMAS[cls] = schema
    return schema


def _slot(index: int, name: str, kind: Any, many: bool, is_part: bool) -> _Slot:
    if not is_part:
        return _Slot(index, name, "node", many, _concrete(kind))
    if kind is bool:
        return _Slot(index, name, "flag", False)
    if kind is str:
        return _Slot(index, name, "text", many)
    if kind is Inline:
        return _Slot(index, name, "inline", False)
    return _Slot(index, name, "nodes", True, _concrete(kind))


# -- reading ----------------------------------------------------------------------------------
class _Element:
    """An element being read; `close` returns its value for the parent's slot."""

    __slots__ = ("parts", "slot", "tag")

    def __init__(self, tag: str, slot: _Slot | None):
        self.tag, self.slot = tag, slot
        self.parts: list[Any] = []

    def open(self, tag: str, attributes: dict[str, str]) -> _Element:
        raise Refused(f"<{self.tag}> holds text only, not <{tag}>")

    def text(self, data: str) -> None:
        self.parts.append(data)

    def take(self, slot: _Slot | None, value: Any) -> None:
        self.parts.append(value)

    def close(self) -> Any:
        return "".join(self.parts)


class _Flag(_Element):
    __slots__ = ()

    def text(self, data: str) -> None:
        if data.strip():
            raise Refused(f"<{self.tag}/> stands empty")

    def close(self) -> Any:
        return True


class _Inline(_Element):
    """Mixed content: text and the inline nodes."""

    __slots__ = ()

    def open(self, tag: str, attributes: dict[str, str]) -> _Element:
        cls = _inline_tags().get(tag)
        if cls is None:
            raise Refused(f"<{tag}> is not inline content (inside <{self.tag}>)")
        return _NodeElement(cls, tag, None, attributes)

    def text(self, data: str) -> None:
        parts = self.parts
        if parts and isinstance(parts[-1], Text):
            parts[-1].text += data
        else:
            parts.append(Text(text=data))

    def close(self) -> Any:
        return self.parts


class _Wrapper(_Element):
    """A part holding nodes (<thead> of rows)."""

    __slots__ = ()

    def open(self, tag: str, attributes: dict[str, str]) -> _Element:
        assert self.slot is not None
        cls = self.slot.classes.get(tag)
        if cls is None:
            raise Refused(f"<{tag}> is not an element of <{self.tag}>")
        return _NodeElement(cls, tag, None, attributes)

    def text(self, data: str) -> None:
        if data.strip():
            raise Refused(f"text is not allowed directly in <{self.tag}>")

    def close(self) -> Any:
        return self.parts


class _NodeElement(_Element):
    """The element of a node: attributes converted, children put in their fields in order."""

    __slots__ = ("content", "last", "position", "schema", "values")

    def __init__(self, cls: type[Node], tag: str, slot: _Slot | None,
                 attributes: dict[str, str]):
        super().__init__(tag, slot)
        self.schema = schema = _schema(cls)
        self.values: dict[str, Any] = {name: [] for name in schema.lists}
        self.position = -1
        self.last = ""
        self.content = _Inline(tag, None) if schema.content == "inline" else None
        known = schema.attributes
        for name, raw in attributes.items():
            entry = known.get(name)
            if entry is None:
                raise Refused(f"<{tag}> has no attribute '{name}'")
            try:
                self.values[entry[0]] = entry[1](raw)
            except ValueError as exc:
                reason = str(exc) if entry[1] not in (int, float) else "not a number"
                raise Refused(f"<{tag} {name}=\"{raw}\">: {reason}") from None
        for name, (field_name, _, required) in known.items():
            if required and field_name not in self.values:
                raise Refused(f"<{tag}> needs the attribute '{name}'")

    def open(self, tag: str, attributes: dict[str, str]) -> _Element:
        if self.content is not None:
            return self.content.open(tag, attributes)
        if self.schema.content == "text":
            return super().open(tag, attributes)
        slot = self.schema.children.get(tag)
        if slot is None:
            raise Refused(f"<{tag}> is not an element of <{self.tag}>")
        if slot.index < self.position:
            raise Refused(f"<{tag}> is out of place in <{self.tag}>: it goes before "
                          f"<{self.last}>")
        if slot.index == self.position and not slot.repeats:
            raise Refused(f"<{self.tag}> holds one <{tag}>, not two")
        self.position, self.last = slot.index, tag
        if slot.what == "node":
            return _NodeElement(slot.classes[tag], tag, slot, attributes)
        if attributes:
            raise Refused(f"<{tag}> in <{self.tag}> has no attributes")
        element = {"text": _Element, "inline": _Inline, "nodes": _Wrapper,
                   "flag": _Flag}[slot.what]
        return element(tag, slot)

    def text(self, data: str) -> None:
        if self.content is not None:
            self.content.text(data)
        elif self.schema.content == "text":
            self.parts.append(data)
        elif data.strip():
            raise Refused(f"text is not allowed directly in <{self.tag}>")

    def take(self, slot: _Slot | None, value: Any) -> None:
        if self.content is not None:
            self.content.take(slot, value)
        else:
            assert slot is not None
            if slot.repeats:
                self.values[slot.name].append(value)
            else:
                self.values[slot.name] = value

    def close(self) -> Any:
        schema = self.schema
        for name, tag in schema.required.items():
            if name not in self.values:
                raise Refused(f"<{self.tag}> needs a <{tag}>")
        if self.content is not None:
            self.values[schema.content_field] = self.content.parts
        elif schema.content == "text":
            self.values[schema.content_field] = "".join(self.parts)
        return schema.cls(**self.values)


_INLINE: dict[str, type[Node]] = {}


def _inline_tags() -> dict[str, type[Node]]:
    if not _INLINE:
        _INLINE.update(_concrete(Inline))
    return _INLINE


class _Reader:
    def __init__(self) -> None:
        self.stack: list[_Element] = []
        self.root: Any = None

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.stack:
            self.stack.append(self.stack[-1].open(tag, attributes))
        elif tag == Document.tag:
            self.stack.append(_NodeElement(Document, tag, None, attributes))
        else:
            raise Refused(f"the tree starts with <{Document.tag}>, not <{tag}>")

    def end(self, tag: str) -> None:
        element = self.stack.pop()
        value = element.close()
        if self.stack:
            self.stack[-1].take(element.slot, value)
        else:
            self.root = value

    def data(self, text: str) -> None:
        if self.stack:
            self.stack[-1].text(text)


def build_document(markup: str) -> Document:
    """The typed tree of `markup`; raises `Refused` (with the markup's line and column) or
    `expat.ExpatError` (malformed XML)."""
    reader = _Reader()
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    try:
        parser.Parse(markup, True)
    except Refused as refused:
        refused.line, refused.column = parser.CurrentLineNumber, parser.CurrentColumnNumber
        raise
    return reader.root
