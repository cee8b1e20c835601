"""The studio's YAML emitter (`briefing.editing.yaml_emitter`) writes exactly ruamel's bytes.

It skips ruamel's loops over every character where their outcome is known; here every YAML
file of the project and generated documents (plain, quoted, escaped, multi-line, long and
empty scalars, in mappings and lists) are rendered by both and compared byte for byte.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.emitter import RoundTripEmitter

from briefing import PROJECT_ROOT
from briefing.editing import yamltext
from briefing.problems import BriefingError


def by_ruamel(tree: Any) -> str:
    yaml = yamltext._yaml()
    yaml.Emitter = RoundTripEmitter
    stream = StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def _opens(path: Path) -> bool:
    """True for a file the editor opens (the bad-input files it refuses are left out)."""
    try:
        yamltext.load_tree(path.read_text(encoding="utf-8"))
    except (BriefingError, UnicodeDecodeError, ValueError):
        return False
    return True


FILES = [path for path in sorted((PROJECT_ROOT / "content").rglob("*.yaml")) + sorted(
    (PROJECT_ROOT / "tests").rglob("*.yaml")) + sorted((PROJECT_ROOT / "profiles").glob("*.yaml"))
    if _opens(path)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_every_yaml_file_renders_as_ruamel_renders_it(path: Path) -> None:
    tree = yamltext.load_tree(path.read_text(encoding="utf-8"))
    assert yamltext.render(tree) == by_ruamel(tree)
    assert yamltext.render(tree) == by_ruamel(tree)  # the second time from what is kept


CHARACTERS = [*"aă ơ:#-'\"\\\n\t\x85\u2028\ufeff\x07é1?[]{},&*!|>%@`Đạo", "  ", "\U0001f600"]
SCALARS = st.lists(st.sampled_from(CHARACTERS), max_size=40).map("".join)
TREES = st.recursive(SCALARS | st.integers() | st.booleans() | st.none(),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.sampled_from(["a", "title", "b c", "body"]), inner,
                                       max_size=4), max_leaves=20)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=TREES, width=st.sampled_from([0, 1, 99_990, 99_999]))
def test_generated_documents_render_as_ruamel_renders_them(data: Any, width: int) -> None:
    tree = yamltext._yaml().load(by_ruamel({"meta": data, "long": "x" * width}))
    assert yamltext.render(tree) == by_ruamel(tree)
