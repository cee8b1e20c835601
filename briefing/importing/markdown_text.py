"""Writing inline Markdown of the content format from runs of text, and reading it back.

Readers hand over text as runs (text, bold, italic) or footnote calls; `runs_to_markdown`
writes the content format's Markdown (`*italic*`, `**bold**`, `***both***`, `[^id]`), with
every character that Markdown would read as markup escaped, and checks that our own inline
parser reads the result back to exactly those runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.inline_markdown import parse_inline

_SPECIAL = re.compile(r"([\\*_])|\[(?=\^)|\{(?=(?:blank|fill)[}:])")
#: The `{` of a "{blank}" or "{fill}" typed as text, which must stay text.
TYPED_BLANK = re.compile(r"\{(?=(?:blank|fill)[}:])")


def escape(text: str) -> str:
    r"""Plain text as inline Markdown: `\`, `*`, `_`, the `[` of `[^` and the `{` of a
    typed "{blank}" or "{fill}" (which would read as a fill-in blank) escaped."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


@dataclass(frozen=True)
class Run:
    """A run of text with its emphasis, or a footnote call (`note` is its id)."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    note: str | None = None


def merge(runs: list[Run]) -> list[Run]:
    """Adjacent runs of the same emphasis merged; spaces take the emphasis of their
    neighbours so `**a** **b**` becomes `**a b**`."""
    out: list[Run] = []
    for run in runs:
        if run.note is None and not run.text:
            continue
        if run.note is None and run.text.isspace() and out and out[-1].note is None:
            run = Run(run.text, out[-1].bold, out[-1].italic)
        last = out[-1] if out else None
        if last and last.note is None and run.note is None and \
                (last.bold, last.italic) == (run.bold, run.italic):
            out[-1] = Run(last.text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return out


def runs_to_markdown(runs: list[Run]) -> str:
    """The Markdown of `runs`; emphasis that Markdown could not express exactly (a closing
    star between a full stop and a letter) is dropped rather than printed as stars."""
    runs = merge(runs)
    if all(run.note is None and not run.bold and not run.italic for run in runs):
        return escape("".join(run.text for run in runs))  # plain text always reads back
    text = _write(runs)
    if _reads_back(text, runs):
        return text
    return "".join((r.text and escape(r.text)) or f"[^{r.note}]" for r in runs)


def _write(runs: list[Run]) -> str:
    out: list[str] = []
    open_marks: list[str] = []  # "**" and/or "*", outermost first
    for run in runs:
        if run.note is not None:
            _close_all(out, open_marks)
            out.append(f"[^{run.note}]")
            continue
        wanted = (["**"] if run.bold else []) + (["*"] if run.italic else [])
        body = run.text
        lead = body[: len(body) - len(body.lstrip())]
        trail = body[len(body.rstrip()):]
        core = body.strip()
        if not core:
            out.append(body)
            continue
        # close what the run does not want (innermost first), keeping the ones it shares
        while open_marks and not all(m in wanted for m in open_marks):
            out.append(open_marks.pop())
        out.append(lead)
        for mark in wanted:
            if mark not in open_marks:
                open_marks.append(mark)
                out.append(mark)
        out.append(escape(core))
        if trail:
            _close_all(out, open_marks)
            out.append(trail)
    _close_all(out, open_marks)
    return "".join(out)


def _close_all(out: list[str], open_marks: list[str]) -> None:
    while open_marks:
        out.append(open_marks.pop())


def _reads_back(text: str, runs: list[Run]) -> bool:
    spans = parse_inline(text)
    got = [(s.text, s.bold, s.italic) if not s.footnote else ("", False, False, s.text)
           for s in spans]
    want = [(r.text, r.bold, r.italic) if r.note is None else ("", False, False, r.note)
            for r in _spaces_plain(runs)]
    return _squash(got) == _squash(want)


def _spaces_plain(runs: list[Run]) -> list[Run]:
    return [r if r.note is not None or r.text.strip() else Run(r.text) for r in runs]


def _squash(items: list[tuple]) -> list[tuple]:
    """Compare by the visible letters and their emphasis (spaces carry no emphasis)."""
    flat: list[tuple] = []
    for item in items:
        if len(item) == 4:
            flat.append(item)
            continue
        text, bold, italic = item
        for char in text:
            flat.append((char, bold and not char.isspace(), italic and not char.isspace()))
    return flat


def whole_emphasis(text: str) -> tuple[str, bool, bool]:
    """(`text` without emphasis around all of it, whole line bold, whole line italic).

    "**I. Công tác khoa giáo**" -> ("I. Công tác khoa giáo", True, False). Footnote calls
    do not count as letters.
    """
    spans = [s for s in parse_inline(text) if s.footnote or s.text.strip()]
    letters = [s for s in spans if not s.footnote]
    if not letters:
        return text, False, False
    bold = all(s.bold for s in letters)
    italic = all(s.italic for s in letters)
    if not (bold or italic):
        return text, False, False
    runs = [Run(note=s.text) if s.footnote else
            Run(s.text, s.bold and not bold, s.italic and not italic)
            for s in parse_inline(text)]
    return runs_to_markdown(runs), bold, italic


def markdown_runs(text: str) -> list[Run]:
    """The runs of inline Markdown `text` (the inverse of `runs_to_markdown`)."""
    return [Run(note=s.text) if s.footnote else Run(s.text, s.bold, s.italic)
            for s in parse_inline(text)]
