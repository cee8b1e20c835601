"""The end mark "./." after the last paragraph of the body, computed, never typed.

The forms of ND 30/2020 PL III end the body (and an attached text) with "./.": "…thi hành
Quyết định này./.". Where the document's type says `end_mark`, the mark is appended to the
last text of the body in reading order, whatever construct holds it (a paragraph, a list
item, an untitled article's run-in text): a final "." becomes the mark's own first dot. A body
that ends with a table or a figure gets the mark as a paragraph of its own after it. Footnotes
are not the body's text; a mark already there (typed by hand, which `check` warns about) is
not doubled.
"""

from __future__ import annotations

from dataclasses import fields

from briefing.tree.base import Node
from briefing.tree.vocabulary import Figure, Inline, Paragraph, Table, Text

#: the last text holder met so far: an inline list, or None after a table or a figure
_Holder = list[Inline] | None


def _last(nodes: list[Node], holder: _Holder) -> _Holder:
    """The last inline list of `nodes` in reading order (None: a table or figure is last)."""
    for node in nodes:
        if isinstance(node, Table | Figure):
            holder = None
            continue
        for spec in fields(node):  # type: ignore[arg-type]
            value = getattr(node, spec.name)
            if isinstance(value, Node):
                holder = _last([value], holder)
            elif isinstance(value, list) and value:
                if isinstance(value[0], Inline):
                    holder = value
                elif isinstance(value[0], Node):
                    holder = _last(value, holder)
    return holder


def append_end_mark(blocks: list[Node], mark: str) -> None:
    """Put `mark` after the last text of `blocks` (see the module's docstring)."""
    if not blocks or not mark:
        return
    holder = _last(blocks, None)
    if holder is None:
        blocks.append(Paragraph(content=[Text(text=mark)]))
        return
    last = holder[-1]
    if not isinstance(last, Text):  # emphasis or a footnote call ends the text
        holder.append(Text(text=mark))
        return
    stripped = last.text.rstrip()
    if stripped.endswith(mark):
        return
    if stripped.endswith(".") and mark.startswith("."):
        stripped = stripped[:-1]
    holder[-1] = Text(text=stripped + mark)
