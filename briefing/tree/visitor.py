"""How writers read the tree: one visitor base, `visit_<node>` and `depart_<node>` methods.

As docutils and Sphinx translators do: `walk(node)` calls the writer's `visit_<method>` for the
node's class (`Node.method`: `Section` -> `visit_section`), then walks its children
(`Node.children()`), then calls `depart_<method>` if the writer has one. A visit that writes the
node's children itself returns `SKIP_CHILDREN`.

Completeness is checked when a writer class is defined, not when a user's document reaches a
forgotten construct: every node class needs a visit method, unless the writer names it in
`handled_by_parent` with the classes whose visit writes it (and returns `SKIP_CHILDREN`), as a
table's visit writes its rows and cells. A visitor meant to read only some nodes (a test's, a
mixin of visit methods) says `partial=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from briefing.tree.base import Node, node_classes, walked_fields
from briefing.tree.vocabulary import (
    Cell,
    Closing,
    Column,
    Cover,
    Issuer,
    Masthead,
    Recipients,
    Row,
    Signature,
    Table,
)

#: returned by a visit method whose node's children must not be walked
SKIP_CHILDREN = object()

#: what the writers so far write within their parent's visit: the issuer within the laid-out
#: head, recipients and signature within the closing band, columns, rows and cells within the
#: table (`Visitor.handled_by_parent`)
WRITTEN_BY_PARENT: Mapping[type[Node], tuple[type[Node], ...]] = MappingProxyType({
    Issuer: (Cover, Masthead), Recipients: (Closing,), Signature: (Closing,),
    Row: (Table,), Cell: (Table,), Column: (Table,)})

_Method = Callable[[Any, Any], Any]


class IncompleteWriter(TypeError):
    """A writer class lacks a visit method for a node class of the vocabulary."""


class Visitor:
    """Base of every writer of the tree."""

    #: node class -> the parent classes whose visit writes it with its children
    handled_by_parent: ClassVar[Mapping[type[Node], tuple[type[Node], ...]]] = {}
    #: node class -> its visit method, its depart method (or None), the fields walked into
    _dispatch: ClassVar[dict[type[Node], tuple[_Method, _Method | None, tuple[str, ...]]]] = {}

    def __init_subclass__(cls, *, partial: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dispatch: dict[type[Node], tuple[_Method, _Method | None, tuple[str, ...]]] = {}
        missing = []
        for node_class in node_classes():
            visit = getattr(cls, "visit_" + node_class.method, None)
            if visit is not None:
                dispatch[node_class] = (visit, getattr(cls, "depart_" + node_class.method, None),
                                        walked_fields(node_class))
                continue
            parents = cls.handled_by_parent.get(node_class)
            if not parents or not all(hasattr(cls, "visit_" + p.method) for p in parents):
                missing.append(f"visit_{node_class.method}")
        cls._dispatch = dispatch
        if missing and not partial:
            raise IncompleteWriter(f"{cls.__module__}.{cls.__qualname__} has no "
                                   + ", ".join(missing) + " (nor a parent that writes them, "
                                   "in handled_by_parent)")

    def walk(self, node: Node) -> None:
        """Visit `node`, walk its children unless told not to, then depart from it."""
        try:
            visit, depart, walked = self._dispatch[type(node)]
        except KeyError:
            raise TypeError(f"{type(self).__name__} writes {type(node).__name__} in its "
                            f"parent's visit, which must return SKIP_CHILDREN") from None
        if visit(self, node) is not SKIP_CHILDREN:
            for name in walked:  # node.children(), without a generator per node
                value = getattr(node, name)
                if type(value) is list:
                    for child in value:
                        self.walk(child)
                elif isinstance(value, Node):
                    self.walk(value)
        if depart is not None:
            depart(self, node)

    def walk_all(self, nodes: Iterable[Node]) -> None:
        for node in nodes:
            self.walk(node)
