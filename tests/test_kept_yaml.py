"""What reading YAML keeps between reads (`briefing.source.yaml_source`) changes nothing read.

A studio save reads the text it writes, then `check` reads the same text: the node tree of the
last texts is kept. And the check for characters XML cannot carry searches every value at once
before looking value by value. Here: a text read again gives the same data and source map as
read afresh, under another file name too; a text one character apart is read anew; an unfit
character is still reported at its place, from a kept tree as from a fresh one.
"""

from __future__ import annotations

import pytest

from briefing import PROJECT_ROOT
from briefing.problems import BriefingError
from briefing.source import yaml_source
from briefing.source.yaml_source import load_yaml

BOOKLET = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"


def read(name: str, text: str, **options) -> tuple:
    document = load_yaml(name, text, **options)
    source = document.source
    return document.data, source.file, source.values, source.keys, source.scalars


def afresh(name: str, text: str, **options) -> tuple:
    yaml_source._composed.clear()
    return read(name, text, **options)


def test_a_text_read_again_reads_as_read_afresh() -> None:
    text = BOOKLET.read_text(encoding="utf-8")
    first = afresh("a.yaml", text)
    assert read("a.yaml", text) == first
    assert read("b.yaml", text, unfit=False) == afresh("b.yaml", text, unfit=False)
    changed = text.replace("Việt Nam", "Việt Nan", 1)
    assert read("a.yaml", changed) == afresh("a.yaml", changed) != first


@pytest.mark.parametrize("character", ["\x07", "\ufffe", "\x1f"])
def test_unfit_characters_are_reported_from_a_kept_tree_too(character: str) -> None:
    text = f'meta:\n  title: "ok"\nblocks:\n  - "chữ \\u{ord(character):04x} đây"\n'
    for _ in range(2):  # read afresh, then from the kept tree
        with pytest.raises(BriefingError) as refused:
            load_yaml("x.yaml", text)
        assert [(p.position.line, p.position.col) for p in refused.value.problems] == [(4, 10)]
    assert load_yaml("x.yaml", text, unfit=False).data["blocks"] == [f"chữ {character} đây"]
