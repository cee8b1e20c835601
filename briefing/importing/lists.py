"""Lists in the body: "(i)" "a)" "Thứ nhất," "-" "+" start items, nested by level; a
paragraph between two items of a list belongs to the first, and so do the paragraphs under a
lettered title that cannot head a section where it stands ("a) Nguyên tắc" under "1.1." when
the ladder's letters sit deeper). Gaps and repeats in the typed markers are reported.

A mixin of `structure.BodyBuilder`: it reads and writes the builder's state (`lists`,
`ladder`, `last_added`, `notes`).
"""

from __future__ import annotations

from typing import Any

from briefing.importing.draft import Item
from briefing.importing.line_reading import LETTERED, Para, heads_paragraphs
from briefing.messages import msg
from briefing.numbering import markers as M
from briefing.numbering.sequence import Run, read_in_run
from briefing.text.inline_markdown import plain_text


class ListState:
    """An open list: where it is, its kind and nesting, the last value typed, and the run of
    its typed markers (what follows what: `numbering.sequence`)."""

    def __init__(self, kind: str, level: int, node: dict, holder: list, first: M.Marker):
        self.kind = kind
        self.level = level
        self.node = node
        self.holder = holder
        self.value = first.value
        self.run = Run()
        self.run.take(first)
        #: its last item is a lettered title over paragraphs: they are that item's
        self.headed = False

    @property
    def items(self) -> list:
        return self.node["bullets"] if "bullets" in self.node else self.node["enumerate"]


class Lists:
    """The list half of the body builder."""

    def list_item(self, para: Para, paras: list, index: int) -> None:
        marker = para.marker
        assert marker is not None
        for open_list in reversed(self.lists):  # "i)" after "h)" is a letter, not Roman one
            marker = read_in_run(open_list.run.last, marker)
        kind = marker.kind if marker.kind != "path" else "arabic"
        level = para.line.list_level
        if kind == "bullet":
            level = max(level, 1 if marker.raw == "+" else 0)
        while self.lists and (self.lists[-1].level > level or
                              (self.lists[-1].level == level and self.lists[-1].kind != kind
                               and not self._continues_later(paras, index))):
            self.lists.pop()
        if self.lists and self.lists[-1].level == level and self.lists[-1].kind == kind and \
                (kind == "bullet" or marker.value != 1):
            current = self.lists[-1]
            self._check_sequence(current, marker, para)
            current.items.append(para.text)
            self.last_added = (current.items, len(current.items) - 1)
            current.headed = kind in LETTERED and heads_paragraphs(paras, index)
            return
        if self.lists and self.lists[-1].level == level and self.lists[-1].kind == kind:
            self.lists.pop()  # numbered from one again: a new list
        holder = self._item_holder() if self.lists else self.container()
        self.joinable = False  # the paragraphs after the list are not the numbered one's
        if kind == "bullet":
            node: dict[str, Any] = {"bullets": [para.text]}
        else:
            node = {"enumerate": [para.text], "style": M.ENUMERATION_STYLES.get(kind, "arabic")}
            if marker.value != 1:
                node["start"] = marker.value
                self.notes.guess(msg("import-list-start", "the list starts at '{marker}'",
                                     marker=marker.raw), para.where, plain_text(para.text))
        holder.append(node)
        self.last_added = (holder, len(holder) - 1)
        self.lists.append(ListState(kind, level, node, holder, marker))
        self.lists[-1].headed = kind in LETTERED and heads_paragraphs(paras, index)

    def _continues_later(self, paras: list, index: int) -> bool:
        """Whether an item of the open list comes later (so this one nests inside it)."""
        current = self.lists[-1]
        for para in paras[index + 1:]:
            if not isinstance(para, Para) or para.marker is None:
                continue
            level = self.ladder.level_of(para.marker)
            if level is not None and para.title_like:
                return False
            kind = para.marker.kind if para.marker.kind != "path" else "arabic"
            if kind == current.kind:
                return True
        return False

    def _check_sequence(self, current: ListState, marker: M.Marker, para: Para) -> None:
        if current.kind == "bullet":
            return
        expected = len(current.items) + (current.node.get("start", 1) - 1) + 1
        previous = current.run.last
        _, verdict = current.run.take(marker)
        if verdict in ("repeat", "skip"):
            message = msg("list-sequence", "the source's list numbering repeats here: "
                          "'{marker}' after '{previous}'") if verdict == "repeat" \
                else msg("list-sequence", "the source's list numbering skips here: '{marker}' "
                         "after '{previous}'")
            self.notes.guess(message.given(marker=marker.raw,
                                           previous=previous.raw if previous else ""),
                             para.where, plain_text(para.text),
                             msg("list-sequence-hint", "markers are computed: it prints as "
                                 "'{printed}'", printed=M.shown(current.kind, expected)))
        current.value = marker.value

    def _item_holder(self) -> list:
        """The body of the open list's last item (made a list of paragraphs if needed)."""
        items = self.lists[-1].items
        last = items[-1]
        if isinstance(last, Item):
            if isinstance(last.value, str):
                last.value = [last.value]
            return last.value
        if isinstance(last, str):
            items[-1] = [last]
        return items[-1]

    def close_lists(self) -> None:
        self.lists.clear()

    def _item_follows(self, paras: list, index: int) -> bool:
        """A plain paragraph between two items of the open list continues the first item
        (a lettered line that cannot head a section here is such an item), and so do the
        paragraphs under a lettered title, up to the next marker."""
        current = self.lists[-1]
        for at in range(index + 1, len(paras)):
            para = paras[at]
            if not isinstance(para, Para):
                return False
            if para.marker is None:
                if para.line.heading is not None:
                    return False
                continue
            level = self.ladder.level_of(para.marker)
            if level is not None and para.title_like and (
                    para.marker.kind not in LETTERED or self._plausible(para.marker, level,
                                                                        para, at)):
                return current.headed
            kind = para.marker.kind if para.marker.kind != "path" else "arabic"
            return any(open_.kind == kind for open_ in self.lists) or current.kind == kind or \
                current.headed
        return current.headed
