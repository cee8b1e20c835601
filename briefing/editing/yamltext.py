"""Content YAML as an editable tree, written back with the smallest change to the text.

ruamel.yaml reads the file into mappings and lists that remember comments, key order and
quoting, and writes them back. Its output is not byte-identical for every layout a person may
write (a nested list `- - item` comes back as `-   - item`), so `dump_minimal` does a three-way
merge: the change between ruamel's rendering of the old tree and of the new tree is applied to
the *original* text, and everything the edit did not touch keeps the author's bytes. The
result is read back with our own loader and must equal the new tree's data, or ruamel's plain
rendering is used instead: the file is always valid, never "almost" what was meant.
"""

from __future__ import annotations

import copy
import difflib
import itertools
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from briefing.editing.yaml_emitter import Emitter
from briefing.problems import BriefingError, Position, Problem
from briefing.source.yaml_source import load_yaml, malformed_yaml


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never fold a long paragraph onto several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.Emitter = Emitter  # ruamel's, the same bytes sooner
    return yaml


def load_tree(text: str, file: str = "<content>") -> Any:
    """The round-trip tree of `text`; a file our loader refuses is refused here too."""
    load_yaml(file, text)  # anchors, tags, duplicate keys, size: the same rules as the build
    try:
        tree = _yaml().load(text)
    except YAMLError as exc:  # pragma: no cover - load_yaml reported it first
        raise BriefingError(Problem(Position(file), malformed_yaml(str(exc)))) from None
    return CommentedMap() if tree is None else tree


def render(tree: Any) -> str:
    stream = StringIO()
    _yaml().dump(tree, stream)
    return stream.getvalue()


def dump_minimal(original_text: str, original_tree: Any, new_tree: Any,
                 before: str | None = None, after: str | None = None) -> str:
    """`new_tree` as text, keeping every line of `original_text` the edit did not change
    (`before`, `after`: the renderings of the two trees, when the caller has them already)."""
    before = render(original_tree) if before is None else before
    after = render(new_tree) if after is None else after
    if before == original_text:
        return after
    merged = _merge(original_text, before, after)
    if merged is not None and _same_data(merged, after):
        return merged
    return after


def _same_data(text: str, reference: str) -> bool:
    """Whether `text` (the merge) reads as `reference` (ruamel's rendering); the merge is read
    first, and refused if a value holds a character XML cannot carry: a rendering with the
    same data holds it too (unchecked: its data is only compared)."""
    try:
        return load_yaml("<merged>", text).data == load_yaml("<rendered>", reference,
                                                             unfit=False).data
    except BriefingError:
        return False


def _merge(original: str, before: str, after: str) -> str | None:
    """Apply the line changes before -> after to `original` (which renders as `before`)."""
    o_lines = original.splitlines(keepends=True)
    b_lines = before.splitlines(keepends=True)
    a_lines = after.splitlines(keepends=True)
    to_original: dict[int, int] = {}  # line of `before` -> the equal line of `original`
    differing: list[tuple[int, int, int, int]] = []  # (o1, o2, b1, b2): regions that differ
    matcher = difflib.SequenceMatcher(None, o_lines, b_lines, autojunk=False)
    for tag, o1, o2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            to_original.update({b1 + k: o1 + k for k in range(b2 - b1)})
        else:
            differing.append((o1, o2, b1, b2))

    def boundary(index: int) -> int | None:
        """The place in `original` of the boundary before line `index` of `before`."""
        if index == 0:
            return 0
        if index == len(b_lines):
            return len(o_lines)
        if index in to_original:
            return to_original[index]
        if index - 1 in to_original:
            return to_original[index - 1] + 1
        for o1, o2, b1, b2 in differing:
            if b1 == index:
                return o1
            if b2 == index:
                return o2
        return None

    edits: list[tuple[int, int, list[str]]] = []
    changes = difflib.SequenceMatcher(None, b_lines, a_lines, autojunk=False)
    for tag, b1, b2, a1, a2 in changes.get_opcodes():
        if tag == "equal":
            continue
        lo, hi = b1, b2
        for _, _, d1, d2 in differing:  # a hunk inside a reformatted region takes all of it
            if (d1 < hi and d2 > lo) or d1 < lo < d2:
                lo, hi = min(lo, d1), max(hi, d2)
        new_lo, new_hi = a1 - (b1 - lo), a2 + (hi - b2)
        start, end = boundary(lo), boundary(hi)
        if start is None or end is None or start > end or new_lo < 0 or new_hi > len(a_lines):
            return None
        edits.append((start, end, a_lines[new_lo:new_hi]))
    edits.sort(key=lambda edit: (edit[0], edit[1]))
    for (_, end, _), (start, _, _) in itertools.pairwise(edits):
        if start < end:
            return None  # overlapping hunks: ruamel's own rendering is used instead
    out = list(o_lines)
    for start, end, lines in reversed(edits):
        out[start:end] = lines
    return "".join(out)


def deep_copy(tree: Any) -> Any:
    """An independent copy (comments included) to edit while the original stays intact."""
    return copy.deepcopy(tree)


def new_map(**items: Any) -> CommentedMap:
    mapping = CommentedMap()
    for key, value in items.items():
        mapping[key] = value
    return mapping


def new_seq(items: list[Any] | None = None) -> CommentedSeq:
    return CommentedSeq(items or [])
