"""Inline Markdown (emphasis, footnote calls, fill-in blanks) -> inline nodes of the tree.

markdown-it-py's "zero" preset with only emphasis and backslash escapes enabled: raw HTML,
links, images and autolinks stay disabled, so content can never inject markup. Two tiny rules
of our own read footnote calls `[^id]` (their numbering is the caller's business) and fill-in
blanks: `{blank}` (the profile's default width), `{blank:40}` (40 mm), `{fill}` (to the end of
the line) — printed as a dot leader, never typed as dots. With a backslash before it
(`\\{blank}`) it is the text itself; unit placeholders (`{{ unit.name }}`) are left alone.
Where a blank may stand, and how wide, is checked in `briefing.validation.blanks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markupsafe import Markup, escape

#: What a footnote id may be made of (its definition and its calls `[^id]` alike).
FOOTNOTE_ID = r"[A-Za-z0-9_-]+"
FOOTNOTE_CALL = re.compile(rf"\[\^({FOOTNOTE_ID})\]")
#: A fill-in blank: {blank}, {blank:40} or {blank:40mm} (a width in mm), {fill}.
BLANK = re.compile(r"(?<!\{)\{(?:blank(?::(?P<width>\d{1,4}(?:\.\d{1,2})?)(?:mm)?)?|"
                   r"(?P<fill>fill))\}(?!\})")
#: What a reader sees of a blank in plain text (dots are drawn where it prints).
BLANK_TEXT = "…"


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis, a footnote call (text is then the footnote id), or a
    fill-in blank (`blank`: its `width` in mm, None for the profile's default; `fill`: to the
    end of the line; text is then BLANK_TEXT)."""

    text: str
    bold: bool = False
    italic: bool = False
    footnote: bool = False
    blank: bool = False
    width: float | None = None
    fill: bool = False


def _footnote_call(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[^", state.pos):
        return False
    match = FOOTNOTE_CALL.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("footnote_call", "", 0)
        token.meta = {"id": match.group(1)}
    state.pos = match.end()
    return True


def _fill_in_blank(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "{":
        return False
    match = BLANK.match(state.src, state.pos)
    if not match or (state.pos and state.src[state.pos - 1] == "{"):
        return False
    if not silent:
        token = state.push("fill_in_blank", "", 0)
        width = match.group("width")
        token.meta = {"fill": bool(match.group("fill")),
                      "width": float(width) if width is not None else None}
    state.pos = match.end()
    return True


def make_parser(*, join: bool = True) -> MarkdownIt:
    """The content's Markdown: emphasis, backslash escapes, line breaks and footnote calls.

    With `join=False` adjacent text is not merged, so every emphasis delimiter ('*', '_')
    stays one token: validation uses it to find the star that closes nothing.
    """
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["emphasis", "escape", "newline"])
    md.inline.ruler.before("emphasis", "footnote_call", _footnote_call)
    md.inline.ruler.before("emphasis", "fill_in_blank", _fill_in_blank)
    if not join:
        md.disable(["fragments_join", "text_join"])
    return md


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return make_parser()


#: Characters that can start markup (or be rewritten by the parser's normalising; `{` for
#: the fill-in blanks `{blank}` and `{fill}`): text without any of them is one plain span,
#: read without the parser.
_MARKUP = re.compile(r"[*_\\\[{\n\r\0]")


def parse_inline(text: str) -> tuple[Span, ...]:
    """Spans of `text`, adjacent runs of the same style merged."""
    if _MARKUP.search(text) is None:
        return (Span(text),) if text else ()
    return _parse_markup(text)


@lru_cache(maxsize=4096)
def _parse_markup(text: str) -> tuple[Span, ...]:
    tokens = _parser().parseInline(text)
    spans: list[Span] = []
    bold = italic = 0
    for token in tokens[0].children or [] if tokens else []:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "footnote_call":
            spans.append(Span(token.meta["id"], footnote=True))
        elif kind == "fill_in_blank":
            spans.append(Span(BLANK_TEXT, bold > 0, italic > 0, blank=True,
                              width=token.meta["width"], fill=token.meta["fill"]))
        elif kind in ("text", "text_special"):
            _append(spans, Span(token.content, bold > 0, italic > 0))
        elif kind in ("softbreak", "hardbreak"):
            _append(spans, Span(" ", bold > 0, italic > 0))
        else:  # any other token would be markup we do not allow: keep its source text
            _append(spans, Span(token.content or token.markup, bold > 0, italic > 0))
    return tuple(spans)


def _append(spans: list[Span], span: Span) -> None:
    if not span.text:
        return
    last = spans[-1] if spans else None
    if last and not (last.footnote or last.blank) and \
            (last.bold, last.italic) == (span.bold, span.italic):
        spans[-1] = Span(last.text + span.text, span.bold, span.italic)
    else:
        spans.append(span)


def plain_text(text: str) -> str:
    """What a reader sees of `text` (markup and footnote calls removed)."""
    return "".join(s.text for s in parse_inline(text) if not s.footnote)


def blank_markup(span: Span) -> Markup:
    """A fill-in blank in the tree: <blank/> (default width), <blank width="40"/> (mm),
    <blank fill="fill"/> (to the end of the line)."""
    if span.fill:
        return Markup('<blank fill="fill"/>')
    if span.width is not None:
        return Markup('<blank width="{}"/>').format(f"{span.width:g}")
    return Markup("<blank/>")


def to_tree_markup(text: str, footnote: Callable[[str], Markup],
                   blank: Callable[[Span], Markup] = blank_markup) -> Markup:
    """Inline nodes of the semantic tree: <strong>, <em>, text, what `footnote(id)` returns,
    and what `blank(span)` returns for a fill-in blank."""
    out: list[str] = []
    for span in parse_inline(text):
        if span.footnote:
            out.append(footnote(span.text))
            continue
        chunk = str(blank(span)) if span.blank else str(escape(span.text))
        if span.italic:
            chunk = f"<em>{chunk}</em>"
        if span.bold:
            chunk = f"<strong>{chunk}</strong>"
        out.append(chunk)
    return Markup("".join(out))
