"""Tree markup -> typed nodes, in one pass, refusing what the vocabulary does not define.

The templates write the tree as XML; this reads it with expat and builds the node of each
element as the element closes. How each element maps to its node is read from the node classes
themselves (`briefing.tree.vocabulary`: their fields' types and `attribute()`, `part()` and
`content()` declarations), once per process. Anything else is refused with `Refused`: an element
or attribute the vocabulary does not define, a missing required attribute or child, a child out
of order or twice where one is allowed, text where only elements belong, a value that does not
convert (`level="x"`).
"""

from __future__ import annotations

import sys
import types
import typing
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal, Union
from xml.parsers import expat

from briefing.messages import msg
from briefing.tree.base import Node, node_classes, xml_name
from briefing.tree.vocabulary import Document, Inline, Text


class Refused(ValueError):
    """The markup breaks the vocabulary; `line` and `column` are in the markup."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.line, self.column = line, column


# -- what each element may hold, read from the node classes -----------------------------------
@dataclass(repr=False, eq=False)
class _Slot:
    """Where a child element goes: field `name` of the parent node, read as `what`: "node"
    (a child node, of the classes by tag in `schemas`), "text", "inline", "nodes" (a wrapper
    element holding nodes) or "flag" (an empty element)."""

    index: int
    name: str
    what: str
    many: bool
    schemas: dict[str, _Schema] = field(default_factory=dict)
    #: one element per value, gathered in a list (a wrapper is one element)
    repeats: bool = False

    def __post_init__(self) -> None:
        self.repeats = self.many and self.what != "nodes"


@dataclass(repr=False, eq=False)
class _Schema:
    cls: type[Node]
    #: xml name -> (field, converter)
    attributes: dict[str, tuple[str, Any]] = field(default_factory=dict)
    required_attributes: list[tuple[str, str]] = field(default_factory=list)
    children: dict[str, _Slot] = field(default_factory=dict)
    #: the element's own content: None (elements only), "text" or "inline", in `content_field`
    content: str | None = None
    content_field: str = ""
    #: single fields that must be there (field -> its child tag, for messages)
    required: dict[str, str] = field(default_factory=dict)
    lists: tuple[str, ...] = ()


_SCHEMAS: dict[type[Node], _Schema] = {}
_INLINE: dict[str, _Schema] = {}


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
                raise ValueError(msg("attribute-one-of", "one of {values}",
                                     values=", ".join(allowed)))
            return value

        return one_of
    if kind in (str, int, float):
        return kind
    raise TypeError(f"{where}: an attribute of type {kind!r} cannot be read")


def _schemas_under(base: type) -> dict[str, _Schema]:
    """Tag -> schema of every concrete node class under `base`."""
    return {c.tag: _SCHEMAS[c] for c in node_classes() if issubclass(c, base) and c.tag}


def _compile(schema: _Schema) -> None:
    """Fill `schema` from its class's fields (their annotations read in the class's module)."""
    cls = schema.cls
    namespace = vars(sys.modules[cls.__module__])
    lists = []
    for index, spec in enumerate(fields(cls)):  # type: ignore[arg-type]
        kind, optional, many = _unwrap(eval(spec.type, namespace)
                                       if isinstance(spec.type, str) else spec.type)
        how = spec.metadata.get("xml")
        required = (spec.default is MISSING and spec.default_factory is MISSING
                    and not optional)
        if how == "attribute":
            name = xml_name(spec)
            schema.attributes[name] = (spec.name,
                                       _converter(kind, f"{cls.__name__}.{spec.name}"))
            if required:
                schema.required_attributes.append((name, spec.name))
        elif how == "content":
            schema.content, schema.content_field = ("inline" if many else "text"), spec.name
        else:
            slot = _slot(index, spec.name, kind, many, how == "part")
            lists += [spec.name] if slot.repeats else []
            for tag in [xml_name(spec)] if how == "part" else list(slot.schemas):
                if tag in schema.children:
                    raise TypeError(f"{cls.__name__}: two fields read <{tag}>")
                schema.children[tag] = slot
                if required and not slot.repeats:
                    schema.required[spec.name] = tag
    schema.lists = tuple(lists)


def _slot(index: int, name: str, kind: Any, many: bool, is_part: bool) -> _Slot:
    if not is_part:
        return _Slot(index, name, "node", many, _schemas_under(kind))
    if kind is bool:
        return _Slot(index, name, "flag", False)
    if kind is str:
        return _Slot(index, name, "text", many)
    if kind is Inline:
        return _Slot(index, name, "inline", False)
    return _Slot(index, name, "nodes", True, _schemas_under(kind))


def _vocabulary() -> None:
    """Read every node class once: a schema each, then their fields (which name schemas)."""
    for cls in node_classes():
        _SCHEMAS[cls] = _Schema(cls)
    for schema in list(_SCHEMAS.values()):
        _compile(schema)
    _INLINE.update(_schemas_under(Inline))


# -- reading ----------------------------------------------------------------------------------
class _Element:
    """An element being read (a text part); `close` returns its value for the parent."""

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
    """Mixed content (a part such as a title): text and the inline nodes."""

    __slots__ = ()

    def open(self, tag: str, attributes: dict[str, str]) -> _Element:
        return _inline_node(tag, self.tag, attributes)

    def text(self, data: str) -> None:
        _add_text(self.parts, data)

    def close(self) -> Any:
        return self.parts


class _Wrapper(_Element):
    """A part holding nodes (<thead> of rows)."""

    __slots__ = ()

    def open(self, tag: str, attributes: dict[str, str]) -> _Element:
        assert self.slot is not None
        schema = self.slot.schemas.get(tag)
        if schema is None:
            raise Refused(f"<{tag}> is not an element of <{self.tag}>")
        return _NodeElement(schema, tag, None, attributes)

    def text(self, data: str) -> None:
        if data.strip():
            raise Refused(f"text is not allowed directly in <{self.tag}>")

    def close(self) -> Any:
        return self.parts


_PARTS = {"text": _Element, "inline": _Inline, "nodes": _Wrapper, "flag": _Flag}


def _add_text(parts: list[Any], data: str) -> None:
    if parts and type(parts[-1]) is Text:
        parts[-1].text += data
    else:
        parts.append(Text(text=data))


def _inline_node(tag: str, parent: str, attributes: dict[str, str]) -> _NodeElement:
    schema = _INLINE.get(tag)
    if schema is None:
        raise Refused(f"<{tag}> is not inline content (inside <{parent}>)")
    return _NodeElement(schema, tag, None, attributes)


class _NodeElement(_Element):
    """The element of a node: attributes converted, children put in their fields in order;
    the element's own content, if the node has some, in `parts`."""

    __slots__ = ("inline", "last", "position", "schema", "values")

    def __init__(self, schema: _Schema, tag: str, slot: _Slot | None,
                 attributes: dict[str, str]):
        self.tag, self.slot, self.schema = tag, slot, schema
        self.parts = []
        self.values: dict[str, Any] = {name: [] for name in schema.lists}
        self.position, self.last = -1, ""
        self.inline = schema.content == "inline"
        if attributes or schema.required_attributes:
            self.convert(attributes)

    def convert(self, attributes: dict[str, str]) -> None:
        known, values = self.schema.attributes, self.values
        for name, raw in attributes.items():
            entry = known.get(name)
            if entry is None:
                raise Refused(f"<{self.tag}> has no attribute '{name}'")
            try:
                values[entry[0]] = entry[1](raw)
            except ValueError as exc:
                reason = str(exc) if entry[1] not in (int, float) else "not a number"
                raise Refused(f"<{self.tag} {name}=\"{raw}\">: {reason}") from None
        for name, field_name in self.schema.required_attributes:
            if field_name not in values:
                raise Refused(f"<{self.tag}> needs the attribute '{name}'")

    def open(self, tag: str, attributes: dict[str, str]) -> _Element:
        if self.inline:
            return _inline_node(tag, self.tag, attributes)
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
            return _NodeElement(slot.schemas[tag], tag, slot, attributes)
        if attributes:
            raise Refused(f"<{tag}> in <{self.tag}> has no attributes")
        return _PARTS[slot.what](tag, slot)

    def text(self, data: str) -> None:
        if self.inline:
            _add_text(self.parts, data)
        elif self.schema.content == "text":
            self.parts.append(data)
        elif data.strip():
            raise Refused(f"text is not allowed directly in <{self.tag}>")

    def take(self, slot: _Slot | None, value: Any) -> None:
        if slot is None:  # an inline node of the element's own content
            self.parts.append(value)
        elif slot.repeats:
            self.values[slot.name].append(value)
        else:
            self.values[slot.name] = value

    def close(self) -> Any:
        schema, values = self.schema, self.values
        for name, tag in schema.required.items():
            if name not in values:
                raise Refused(f"<{self.tag}> needs a <{tag}>")
        if schema.content is not None:
            values[schema.content_field] = (self.parts if self.inline
                                            else "".join(self.parts))
        return schema.cls(**values)


class _Reader:
    def __init__(self) -> None:
        self.stack: list[_Element] = []
        self.root: Any = None

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.stack:
            self.stack.append(self.stack[-1].open(tag, attributes))
        elif tag == Document.tag:
            self.stack.append(_NodeElement(_SCHEMAS[Document], tag, None, attributes))
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
    if not _SCHEMAS:
        _vocabulary()
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
