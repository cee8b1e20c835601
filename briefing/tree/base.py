"""What every node of the tree is: the base class, how a field is written in the markup, the
registry of node classes, and walking a tree.

The vocabulary itself, one class per node, is `briefing.tree.vocabulary`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any, ClassVar, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pydantic, a dependency, brings typing_extensions
    from typing_extensions import dataclass_transform

#: every concrete node class, by name, in the order they are defined (see `node_classes`)
_CLASSES: dict[str, type[Node]] = {}
_WALKED: dict[type, tuple[str, ...]] = {}
N = TypeVar("N", bound="Node")
T = TypeVar("T", bound=type)


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
def node(cls: T) -> T:
    """Make `cls` a node class: a dataclass with slots and keyword-only fields, compared and
    shown by `Node` (generating those methods per class would double the vocabulary's import
    time, which every cold build pays)."""
    make: Callable[[T], T] = dataclass(slots=True, kw_only=True, repr=False, eq=False)
    return make(cls)


def attribute(name: str | None = None, *, default: Any = MISSING) -> Any:
    """A field written as an XML attribute (`name`, default: the field's name with dashes)."""
    return field(default=default, metadata={"xml": "attribute", "name": name})


def part(name: str | None = None, *, default: Any = MISSING,
         default_factory: Any = MISSING) -> Any:
    """A field written as a child element of its own (`name`, default: the field's name with
    dashes) holding text, inline content or nodes; a `bool` part is an empty flag element."""
    return field(default=default, default_factory=default_factory,
                 metadata={"xml": "part", "name": name})


def content(*, default: Any = MISSING, default_factory: Any = MISSING) -> Any:
    """A field holding the element's own content: its text (str) or inline nodes."""
    return field(default=default, default_factory=default_factory, metadata={"xml": "content"})


def xml_name(spec: Field[Any]) -> str:
    """The attribute or element name a field is written as."""
    return spec.metadata.get("name") or spec.name.replace("_", "-")


class Node:
    """Every node of the tree. `tag` is its element in the markup; `method` names the visitor
    methods (`visit_<method>`, `depart_<method>`); `children()` are the nodes a visitor walks
    into after visiting this one."""

    __slots__ = ()
    tag: ClassVar[str] = ""
    method: ClassVar[str] = ""

    def __init_subclass__(cls, *, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not abstract:
            cls.method = re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()
            _CLASSES[cls.__name__] = cls  # dataclass(slots=True) re-creates it: keep the last

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, spec.name) == getattr(other, spec.name)
            for spec in fields(self))  # type: ignore[arg-type]

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq

    def __repr__(self) -> str:
        shown = ", ".join(f"{spec.name}={getattr(self, spec.name)!r}"
                          for spec in fields(self))  # type: ignore[arg-type]
        return f"{type(self).__name__}({shown})"

    def children(self) -> Iterator[Node]:
        for name in walked_fields(type(self)):
            value = getattr(self, name)
            if isinstance(value, list):
                yield from value
            elif isinstance(value, Node):
                yield value


def node_classes() -> tuple[type[Node], ...]:
    """Every concrete node class: what a complete writer must visit."""
    return tuple(_CLASSES.values())


def walked_fields(cls: type[Node]) -> tuple[str, ...]:
    """The fields a visitor walks into: child nodes and the element's own inline content (a
    text content field yields no node, see `Node.children`), in order."""
    names = _WALKED.get(cls)
    if names is None:
        names = _WALKED[cls] = tuple(f.name for f in fields(cls)  # type: ignore[arg-type]
                                     if f.metadata.get("xml") in (None, "content"))
    return names


def iter_nodes(node: Node) -> Iterator[Node]:
    """`node` and every node under it, in document order: titles, captions, table cells and
    footnotes included (what `xml.etree`'s `iter()` gave)."""
    yield node
    for spec in fields(node):  # type: ignore[arg-type]
        value = getattr(node, spec.name)
        if isinstance(value, Node):
            yield from iter_nodes(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Node):
                    yield from iter_nodes(item)


def nodes_of(tree: Node, cls: type[N]) -> list[N]:
    """Every node of class `cls` in `tree`, in document order (`iter_nodes`)."""
    return [node for node in iter_nodes(tree) if isinstance(node, cls)]
