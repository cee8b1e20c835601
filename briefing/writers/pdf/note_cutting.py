"""A laid-out footnote cut in two at a line: the box-tree surgery of `note_split`.

WeasyPrint records, for each laid-out line, where the next one resumes (a "skip stack": child
indices down to a byte offset in a text box). `resume_after` finds the skip stack after the
lines that fit, `source_skip` maps it from the laid-out note (WeasyPrint wraps inline content
in line boxes and anonymous blocks first) back to the note's own boxes, and `split_note` cuts
the note there into two trees: the first justifies its last line (it is not the end of a
paragraph); the second starts without the first-line indent and without the number.
"""

from __future__ import annotations

from typing import Any


def cut(box: Any, skip: dict | None) -> tuple[Any | None, Any | None]:
    """`box` split at `skip` (a WeasyPrint skip stack relative to `box`): the content before
    and the content from there on, each a copy (None where a part would be empty)."""
    from weasyprint.formatting_structure import boxes

    if skip is None:
        return None, box
    (index, inner), = skip.items()
    if isinstance(box, boxes.TextBox):
        data = box.text.encode()
        head, tail = data[:index].decode(), data[index:].decode()
        return (box.copy_with_text(head) if head else None,
                box.copy_with_text(tail) if tail else None)
    children = list(box.children)
    if inner is None:
        before, after = children[:index], children[index:]
    else:
        head, tail = cut(children[index], inner)
        before = children[:index] + ([head] if head is not None else [])
        after = ([tail] if tail is not None else []) + children[index + 1:]
    return (box.copy_with_children(before) if before else None,
            box.copy_with_children(after) if after else None)


def text_lines(box: Any, path: tuple[int, ...] = ()) -> list[tuple[tuple[int, ...], Any]]:
    """The line boxes of a laid-out block, in order, each with the path of block-child indices
    from `box` down to the block that holds it (a fresh layout keeps the source's indices)."""
    from weasyprint.formatting_structure import boxes

    found = []
    for index, child in enumerate(getattr(box, "children", ())):
        if isinstance(child, boxes.LineBox):
            found.append((path, child))
        elif isinstance(child, boxes.BlockContainerBox):
            found += text_lines(child, (*path, index))
    return found


def _nest(path: tuple[int, ...], leaf: dict | None) -> dict | None:
    for index in reversed(path):
        leaf = {index: leaf}
    return leaf


def resume_after(laid: Any, lines: list[tuple[tuple[int, ...], Any]], count: int) -> dict | None:
    """The skip stack (relative to the note as WeasyPrint lays it out) that starts right after
    the `count` first lines of `laid`, the laid-out note; None if nothing follows them."""
    path, line = lines[count - 1]
    if line.resume_at is not None:  # inside a paragraph: the block's one line box, resumed
        return _nest(path, {0: line.resume_at})
    # the line ends its block: resume at the next block of the nearest ancestor that has one
    parents = [laid]
    for index in path[:-1]:
        parents.append(parents[-1].children[index])
    for depth in range(len(path) - 1, -1, -1):
        if path[depth] + 1 < len(parents[depth].children):
            return _nest(path[:depth], {path[depth] + 1: None})
    return None


def _innermost(box: Any, skip: dict | None) -> list[Any]:
    """The boxes along `skip` from `box` down (block-level ones are the ones we restyle)."""
    chain = [box]
    while skip is not None and hasattr(box, "children"):
        (index, skip), = skip.items()
        if index >= len(box.children):
            break
        box = box.children[index]
        chain.append(box)
    return chain


def _copy_tree(box: Any, originals: dict[int, Any]) -> Any:
    """A copy of `box`'s tree; `originals` maps each copy's id to the box it copies."""
    copy = box.copy()
    originals[id(copy)] = box
    if hasattr(box, "children"):
        copy.children = [_copy_tree(child, originals) for child in box.children]
    return copy


def _leaf_at(box: Any, skip: dict | None) -> tuple[Any, int] | None:
    """The leaf box where `skip` resumes inside `box`, and the byte offset into it."""
    from weasyprint.formatting_structure import boxes

    while skip is not None:
        (index, skip), = skip.items()
        if isinstance(box, boxes.TextBox):
            return box, index
        if index >= len(box.children):
            return None
        box = box.children[index]
    while getattr(box, "children", None):
        box = box.children[0]
    return box, 0


def _path_to(box: Any, target: Any) -> list[int] | None:
    if box is target:
        return []
    for index, child in enumerate(getattr(box, "children", ()) or ()):
        found = _path_to(child, target)
        if found is not None:
            return [index, *found]
    return None


def source_skip(note: Any, processed_skip: dict) -> dict | None:
    """`processed_skip` (relative to the note as laid out: WeasyPrint wraps its inline content
    in line boxes and anonymous blocks first) as a skip stack relative to `note` itself."""
    from weasyprint.formatting_structure import build

    originals: dict[int, Any] = {}
    processed = build.create_anonymous_boxes(_copy_tree(note, originals))
    found = _leaf_at(processed, processed_skip)
    if found is None:
        return None
    leaf, offset = found
    source = originals.get(id(leaf))
    path = _path_to(note, source) if source is not None else None
    if not path:
        return None
    return _nest(tuple(path[:-1]), {path[-1]: {offset: None} if offset else None})


def split_note(note: Any, skip: dict) -> tuple[Any, Any]:
    """The two parts of footnote box `note` cut at `skip` (relative to `note`): the first
    justifies its last line, the second has neither the first-line indent nor the number."""
    from weasyprint.css.properties import Dimension
    from weasyprint.formatting_structure import boxes

    head, tail = cut(note, skip)
    last = head
    for box in _innermost(head, skip):
        if isinstance(box, boxes.BlockContainerBox):
            last = box
    last.style = last.style.copy()
    last.style["text_align_last"] = "justify"
    box = tail
    while isinstance(box, boxes.BlockContainerBox):
        box.style = box.style.copy()
        box.style["text_indent"] = Dimension(0, "px")
        box = box.children[0] if box.children else None
    tail.continued_from = note
    return head, tail
