"""A `{fill}` leader on an indented first line, as Word draws it: WeasyPrint extended,
version-guarded.

A fill-in blank `{fill}` is a CSS `leader()` (`writers/pdf/blank_leaders.py`). WeasyPrint 70
widens a leader by the room left on its line without counting the line's `text-indent`, so on
the first line of an indented paragraph the text after the leader is pushed past the right
margin by the indent ("Họ và tên: …… sau"). Word's dot-leader tab stops at the margin. This
module hands WeasyPrint's `handle_leader` the line as it stands after its indent (narrower by
the indent, starting after it); the leader then ends where the text after it fits, and the
dots still reach the margin. Nothing changes on lines without a leader or an indent.

`apply()` installs it only on the WeasyPrint it was written for (its version and the source of
`handle_leader`); any other WeasyPrint keeps its own behaviour.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable
from typing import Any

#: WeasyPrint version -> sha256 of the source of `weasyprint.layout.leader.handle_leader`
KNOWN = {"70.0": "e4bf5941eb946d0b2029b21c3613f384d6157edb01d98add8d3bfa120ac3e571"}


def supported() -> bool:
    """True if the installed WeasyPrint is the one this module was written against."""
    from weasyprint import __version__
    from weasyprint.layout import leader

    try:
        source = inspect.getsource(leader.handle_leader)
    except (OSError, TypeError):
        return False
    return KNOWN.get(__version__) == hashlib.sha256(source.encode()).hexdigest()


def _after_indent(original: Callable[..., None]) -> Callable[..., None]:
    from weasyprint.layout.leader import leader_index

    def handle_leader(context: Any, line: Any, containing_block: Any) -> None:
        indent = getattr(line, "text_indent", 0) or 0
        if not indent or leader_index(line)[0] is None:
            original(context, line, containing_block)
            return
        width = line.width
        containing_block.width -= indent
        line.position_x += indent
        try:
            original(context, line, containing_block)
        finally:
            containing_block.width += indent
            line.position_x -= indent
            if line.width != width:  # widened to the (narrowed) block: the whole block
                line.width += indent

    return handle_leader


def apply() -> bool:
    """Install once per process; True if leaders now allow for the first line's indent."""
    from weasyprint.layout import inline

    if getattr(inline.handle_leader, "allows_indent", False):
        return True
    if not supported():
        return False
    patched = _after_indent(inline.handle_leader)
    patched.allows_indent = True  # type: ignore[attr-defined]
    inline.handle_leader = patched
    return True
