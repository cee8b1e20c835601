"""Balanced line breaks for centred display lines (the subject on a cover, the trích yếu).

A long subject left to the renderer fills its first lines and leaves a lone word on the last
("… phương hướng nhiệm vụ 6 tháng / cuối năm 2024"), and Word and the PDF may break it at
different words. We break it ourselves, once, for both writers: the fewest lines that fit, then
the breaks that make the lines most even, never a single word alone on the last line when
another break is possible, never inside a word. The widths come from the vendored font, which
is metric-compatible with the DOCX font, with a safety margin so neither renderer wraps again.
"""

from __future__ import annotations

from typing import Any

from briefing.layout.measure import line_width_mm
from briefing.profile.model import Profile, TextStyle

#: Words a Vietnamese title line may well start with: a break before them falls between
#: phrases, not inside a compound ("nhiệm | kỳ", "Tuyên | giáo").
PHRASE_STARTS = frozenset({
    "của", "trong", "về", "giữa", "và", "với", "tại", "cho", "đến", "theo", "trên", "sau",
    "trước", "nhằm", "để", "từ", "thực", "năm", "giai", "nhiệm", "lần", "đối", "khi", "là"})
#: Costs, as shares of the line (squared, like the unevenness they are weighed against): a
#: break inside a phrase, a line more than the fewest, a lone word on the last line.
MID_PHRASE = 0.3
EXTRA_LINE = 0.25
LONE_WORD = 1.0
#: Longer than any subject line: balancing more would cost time for nothing a reader sees.
MAX_WORDS = 80
#: Share of the available width a line may fill: kerning and rounding differ a little
#: between renderers, and a line that wraps again would undo the balance.
FILL = 0.96


#: lines found, by words, style, width and profile (the studio lays the same subject out at
#: every save: ~0.01 s each time); the style and profile are kept with them, so an id is never
#: that of another object
_found: dict[tuple[Any, ...], tuple[TextStyle, Profile, tuple[str, ...]]] = {}
KEPT = 256


def balanced_lines(text: str, style: TextStyle, width_mm: float, profile: Profile) -> list[str]:
    """`text` broken into centred lines that fit `width_mm` and are as even as possible."""
    words = text.split()
    if len(words) < 2:
        return [text.strip()] if text.strip() else []
    if len(words) > MAX_WORDS:  # a paragraph, not a display line: the renderer breaks it
        return [" ".join(words)]
    key = (tuple(words), id(style), width_mm, id(profile))
    found = _found.get(key)
    if found is None or found[0] is not style or found[1] is not profile:
        if len(_found) >= KEPT:
            _found.clear()
        found = _found[key] = (style, profile, _balanced(words, style, width_mm * FILL, profile))
    return list(found[2])


def _balanced(words: list[str], style: TextStyle, limit: float,
              profile: Profile) -> tuple[str, ...]:
    n = len(words)
    widths: dict[tuple[int, int], float] = {}

    def width(i: int, j: int) -> float:  # words[i:j] on one line
        if (i, j) not in widths:
            widths[(i, j)] = line_width_mm(" ".join(words[i:j]), style, profile)
        return widths[(i, j)]

    fits: dict[tuple[int, int], bool] = {}
    for i in range(n):  # a line only grows: stop at the first word that does not fit
        for j in range(i + 1, n + 1):
            fits[(i, j)] = j == i + 1 or width(i, j) <= limit
            if not fits[(i, j)]:
                break
    fewest = _fewest_lines(n, fits)
    options = [_breaks(words, width, fits, count, limit)
               for count in range(fewest, min(fewest + 1, n) + 1)]
    found = [(cost + (count - fewest) * (EXTRA_LINE * limit) ** 2, breaks)
             for count, option in zip(range(fewest, n + 1), options, strict=False)
             if option is not None for cost, breaks in [option]]
    if not found:  # nothing better than one line per word run the renderer would make
        return (" ".join(words),)
    _, breaks = min(found)
    lines, start = [], 0
    for end in breaks:
        lines.append(" ".join(words[start:end]))
        start = end
    return tuple(lines)


def _breaks(words: list[str], width, fits: dict[tuple[int, int], bool], count: int,
            limit: float) -> tuple[float, tuple[int, ...]] | None:
    """The most even `count` lines: each line's distance from the mean width, squared, plus
    a cost for each break inside a phrase; a lone last word only if nothing else fits."""
    n = len(words)
    target = width(0, n) / count
    memo: dict[tuple[int, int], tuple[float, tuple[int, ...]] | None] = {}

    def solve(i: int, lines: int) -> tuple[float, tuple[int, ...]] | None:
        if i == n:
            return (0.0, ()) if lines == 0 else None
        if lines == 0 or (i, lines) in memo:
            return memo.get((i, lines))
        result: tuple[float, tuple[int, ...]] | None = None
        for j in range(i + 1, n + 1):
            if not fits.get((i, j), False):
                break
            rest = solve(j, lines - 1)
            if rest is None:
                continue
            cost = (width(i, j) - target) ** 2 + rest[0]
            if j < n and not _between_phrases(words, j):
                cost += (MID_PHRASE * limit) ** 2
            if j == n and j - i == 1 and count > 1:
                cost += (LONE_WORD * limit) ** 2
            if result is None or cost < result[0]:
                result = (cost, (j, *rest[1]))
        memo[(i, lines)] = result
        return result

    return solve(0, count)


def _between_phrases(words: list[str], j: int) -> bool:
    """Whether a break before words[j] falls between phrases."""
    return words[j - 1][-1] in ",;:–-" or words[j].lower() in PHRASE_STARTS


def _fewest_lines(n: int, fits: dict[tuple[int, int], bool]) -> int:
    """Lines a greedy fill needs (the fewest possible, since every word fits alone)."""
    count, start = 0, 0
    while start < n:
        end = start + 1
        while end < n and fits.get((start, end + 1), False):
            end += 1
        count += 1
        start = end
    return count
