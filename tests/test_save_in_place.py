"""A save edits the kept round-trip tree in place instead of a copy of it: the same files.

`DocumentStore.change_many` used to deep-copy the tree it keeps between changes (~0.02 s a
save on a 24-page booklet) so that a refused change left it intact; now it takes the tree,
changes it, and keeps it again under the new version (a change refused half-way leaves none
kept: the file is parsed again). Over random sequences of changes — texts typed, paragraphs
split and moved, several operations saved together, some refused half-way — the file after
each change is byte for byte the one the copying store writes.
"""

from __future__ import annotations

import contextlib
import shutil
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import PROJECT_ROOT
from briefing.editing.refusals import EditError
from briefing.editing.store import DocumentStore, Snapshot
from briefing.editing.yamltext import deep_copy
from briefing.source.yaml_source import load_yaml
from tests.test_string_issues import paragraphs

BOOKLET = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"


class CopyingStore(DocumentStore):
    """The store as it was: every change made on a copy of the kept tree."""

    def _take_tree(self, snapshot: Snapshot) -> tuple[Any, str]:
        known = self._trees.get(snapshot.name)
        if known is not None and known[0] == snapshot.version:
            return deep_copy(known[1]), known[2]
        tree, rendered = super()._take_tree(snapshot)
        self._trees[snapshot.name] = (snapshot.version, tree, rendered)
        return deep_copy(tree), rendered


def operation(text: str, kind: str, which: int, words: str) -> tuple[str, dict[str, Any]]:
    places = paragraphs(text)
    path = list(places[which % len(places)])
    if kind == "type":
        value = load_yaml("x", text).data
        for key in path:
            value = value[key]
        return "set_text", {"path": path, "value": f"{value} {words}".strip()}
    if kind == "split":
        return "split", {"path": path, "offset": 5}
    if kind == "move":
        return "move", {"path": path, "delta": 1}
    return "set_text", {"path": ["blocks", 999, "body", 0], "value": words}  # refused


CHANGES = st.lists(st.lists(st.tuples(
    st.sampled_from(["type", "type", "type", "split", "move", "gone"]), st.integers(0, 999),
    st.sampled_from(["", "a", "các các", "'quoted'", "x: y", "# not a comment", "Đạo"])),
    min_size=1, max_size=3), min_size=1, max_size=6)


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=CHANGES)
def test_in_place_saves_write_what_copying_saves_wrote(tmp_path_factory, changes) -> None:
    stores = []
    for store_type in (DocumentStore, CopyingStore):
        folder = tmp_path_factory.mktemp("store")
        shutil.copy(BOOKLET, folder / "b.yaml")
        stores.append(store_type(folder))
    for change in changes:
        written = []
        for store in stores:
            snapshot = store.read("b.yaml")
            operations = [operation(snapshot.text, *step) for step in change]
            with contextlib.suppress(EditError):  # refused half-way: the same for both
                store.change_many("b.yaml", snapshot.version, operations)
            written.append(store.read("b.yaml").text)
        assert written[0] == written[1]
