"""Round trip: every content file -> our DOCX -> `build.py import` -> the same content.

What is compared is what a reader sees (tests/importing.shape): meta, the body's structure and
text with emphasis, footnotes in place. Section ids and block kinds are not in a Word file, so
they are left out; a booklet's cover shows the month only, so its date comes back as a month.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from tests.importing import build_docx, imported, loaded, pictures, shape

SOURCES = sorted((PROJECT_ROOT / "content").glob("*.yaml")) + sorted(
    (PROJECT_ROOT / "tests" / "fixtures").glob("*.yaml")) + sorted(
    (PROJECT_ROOT / "tests" / "import_roundtrip").glob("*.yaml"))


@pytest.mark.parametrize("content", SOURCES, ids=[p.stem for p in SOURCES])
def test_build_then_import_gives_the_content_back(content: Path, tmp_path: Path) -> None:
    from briefing.content.loader import load_document

    docx = build_docx(content, tmp_path)
    result = imported(docx)
    assert len(result.documents) == 1
    original = shape(load_document(content))
    back = shape(loaded(result))
    if original["meta"]["form"] == "booklet":
        original["meta"]["date"].pop("day", None)  # the cover prints "tháng 3 năm 2024"
    assert back["meta"] == original["meta"]
    for key in ("preamble", "blocks", "conclusion", "appendices"):
        assert back.get(key) == original.get(key), key
    assert back == original
    source = load_document(content)
    assert pictures(loaded(result), result.documents[0].media) == pictures(source)


@pytest.mark.parametrize("content", SOURCES, ids=[p.stem for p in SOURCES])
def test_our_own_docx_needs_no_guess_about_structure(content: Path, tmp_path: Path) -> None:
    result = imported(build_docx(content, tmp_path))
    structural = [n for n in result.guesses if "numbering" in n.message or "level" in n.message]
    assert structural == []
    assert [n for n in result.notes if n.severity == "dropped"] == []
    assert result.documents[0].warnings == []
