"""Blocks moved and copied anywhere (briefing/editing/relocate.py): a paragraph into another
section, a section under another, what may not go where, copies with their own notes."""

from __future__ import annotations

import pytest
from test_editing import BOOKLET, change, data, in_vietnamese, store  # noqa: F401

from briefing.editing.field_findings import check_text
from briefing.editing.refusals import EditError


def test_a_paragraph_moves_into_another_section(store):  # noqa: F811
    before = data(store, BOOKLET)
    moved = before["blocks"][1]["body"][0]
    done = change(store, BOOKLET, "move_to", path=["blocks", 1, "body", 0],
                  list=["blocks", 0, "body", 0, "body"], index=0)
    after = data(store, BOOKLET)
    assert after["blocks"][0]["body"][0]["body"][0] == moved
    assert after["blocks"][1]["body"][0] == before["blocks"][1]["body"][1]
    assert done.outcome.focus == ("blocks", 0, "body", 0, "body", 0)


def test_moving_a_section_before_its_own_list_position_shifts_the_target(store):  # noqa: F811
    before = data(store, BOOKLET)
    first = before["blocks"][0]
    # blocks[0] into blocks[1].body: once it leaves, blocks[1] is blocks[0]
    done = change(store, BOOKLET, "move_to", path=["blocks", 0], list=["blocks", 1, "body"],
                  index=None)
    after = data(store, BOOKLET)
    assert after["blocks"][0]["title"] == before["blocks"][1]["title"]
    assert after["blocks"][0]["body"][-1]["title"] == first["title"]
    assert done.outcome.focus == ("blocks", 0, "body", len(after["blocks"][0]["body"]) - 1)


@pytest.mark.parametrize(("path", "target"), [
    (["blocks", 1, "body", 0], ["blocks"]),                 # a paragraph is not a top block
    (["blocks", 0], ["blocks", 0, "body", 0, "body"]),       # into itself
])
def test_what_cannot_go_where_is_refused(store, path, target):  # noqa: F811
    with pytest.raises(EditError):
        change(store, BOOKLET, "move_to", path=path, list=target, index=0)


def test_a_copy_calls_copies_of_its_notes(store):  # noqa: F811
    source = data(store, BOOKLET)["blocks"][1]["body"][0]
    assert "[^gs-speech-32]" in source
    change(store, BOOKLET, "copy_to", path=["blocks", 1, "body", 0],
           list=["blocks", 1, "body"], index=1)
    after = data(store, BOOKLET)
    copy = after["blocks"][1]["body"][1]
    assert copy == source.replace("[^gs-speech-32]", "[^gs-speech-32-2]")
    assert after["footnotes"]["gs-speech-32-2"] == after["footnotes"]["gs-speech-32"]
    result = check_text(store.path(BOOKLET), store.read(BOOKLET).text)
    assert not [f for f in result.findings if f.severity == "error"]


def test_undo_then_redo_makes_the_change_again(store):  # noqa: F811
    before = store.read(BOOKLET)
    moved = change(store, BOOKLET, "move_to", path=["blocks", 1, "body", 0],
                   list=["blocks", 0, "body", 0, "body"], index=0).snapshot
    undone = store.undo(BOOKLET, moved.version)
    assert undone.text == before.text and store.can_redo(BOOKLET, undone.version)
    again = store.redo(BOOKLET, undone.version)
    assert again.text == moved.text and store.can_undo(BOOKLET, again.version)
    with pytest.raises(EditError):
        store.redo(BOOKLET, again.version)
    # a new change after an undo: nothing left to redo
    store.undo(BOOKLET, again.version)
    change(store, BOOKLET, "set_text", path=["blocks", 1, "body", 0], value="Đoạn mới.")
    assert not store.can_redo(BOOKLET, store.read(BOOKLET).version)
