"""Choosing the heading ladder (profile numbering) that prints the numbers the source showed.

Each ladder level's format ("{1:R}.", "{1}.{2}.", "{2}.") has a shape — Roman, a path of n
Arabic numbers, a letter — and each typed heading number has one. The ladder under which the
most typed numbers find a level, without skipping levels, wins; the profile's default wins a
tie. `level_of` then says at which depth a typed number sits.
"""

from __future__ import annotations

from briefing.numbering.counters import format_pieces
from briefing.numbering.markers import Marker

Shape = tuple[str, int]


def format_shape(pattern: str) -> Shape | None:
    pieces = [(lit, name, style) for lit, name, style in format_pieces(pattern)]
    fields = [(name, style) for _, name, style in pieces if name is not None]
    literal = "".join(lit for lit, _, _ in pieces)
    if not fields:
        return None
    styles = {style for _, style in fields}
    if len(fields) == 1:
        style = fields[0][1]
        if style == "R":
            return ("roman", 1)
        if style == "a":
            return ("alpha", 1) if ")" in literal else ("alpha-dot", 1)
        if style == "r":
            return ("roman-paren", 1)
        return ("arabic", 1)
    if styles == {""}:
        return ("path", len(fields))
    return None


def marker_shape(marker: Marker) -> Shape | None:
    if marker.kind == "roman":
        return ("roman", 1)
    if marker.kind == "path":
        return ("path", marker.depth)
    if marker.kind == "arabic":
        return ("arabic", 1)
    if marker.kind == "alpha":
        return ("alpha", 1)
    if marker.kind == "roman-paren":
        return ("roman-paren", 1)
    return None


class Ladder:
    def __init__(self, name: str, formats: list[str], max_depth: int):
        self.name = name
        self.shapes = [format_shape(f) for f in formats[:max_depth]]

    def level_of(self, marker: Marker) -> int | None:
        """1-based depth of a typed number in this ladder, or None if it has no place."""
        shape = marker_shape(marker)
        if shape is None:
            return None
        for index, candidate in enumerate(self.shapes):
            if candidate == shape:
                return index + 1
        return None

    def score(self, markers: list[Marker]) -> int:
        placed = skips = 0
        depth = 0
        for marker in markers:
            level = self.level_of(marker)
            if level is None:
                continue
            placed += 1
            if level > depth + 1:
                skips += 1
            depth = level
        return placed - 2 * skips


def choose(ladders: dict[str, list[str]], default: str, max_depth: int,
           markers: list[Marker]) -> Ladder:
    """The ladder that fits `markers` best (heading-shaped markers only)."""
    candidates = [Ladder(name, formats, max_depth) for name, formats in ladders.items()]
    candidates.sort(key=lambda ladder: ladder.name != default)
    heading_markers = [m for m in markers if m.kind in ("roman", "path", "arabic")]
    return max(candidates, key=lambda ladder: ladder.score(heading_markers))
