"""Markup that will not do what its author expects: content is data, not HTML.

Inline text is Markdown with emphasis and footnote calls only
(briefing/text/inline_markdown.py): raw HTML, entities and links print as the characters
typed, and a '*' that closes nothing prints as a star. Meta fields are not Markdown at all.
Each of these is a warning at its column.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt

from briefing.content.schema_problems import visible
from briefing.messages import msg
from briefing.text.inline_markdown import FOOTNOTE_CALL, make_parser
from briefing.validation.findings import TextIssue
from briefing.validation.roles import INLINE_ROLES

HTML_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[|<\?xml|</?[A-Za-z][\w.-]*(?::[\w.-]+)?"
                      r"(?:\s[^<>]*)?/?>", re.DOTALL)
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
LINK = re.compile(r"!?\[(?!\^)[^\]\n]*\]\([^)\n]*\)")

_BOLD = msg("html-bold-hint", "write **bold**")
_ITALIC = msg("html-italic-hint", "write *italic*")
_PARAGRAPH = msg("html-paragraph-hint", "start a new paragraph instead")
#: What to write instead of a tag, by tag name.
TAG_ADVICE = {
    "b": _BOLD, "strong": _BOLD, "i": _ITALIC, "em": _ITALIC, "br": _PARAGRAPH, "p": _PARAGRAPH,
    "sup": msg("html-sup-hint", "write a footnote call [^id]"),
    "u": msg("html-u-hint", "underlining is not part of the layout"),
}


def markup_issues(value: str, role: str) -> list[TextIssue]:
    issues = [_tag_issue(m) for m in HTML_TAG.finditer(value)]
    issues += [issue for m in ENTITY.finditer(value) if (issue := _entity_issue(m))]
    issues += [TextIssue(m.start(), m.end(), msg("markup", "Markdown link '{link}' prints as "
                                                 "text", link=visible(m.group())),
                         hint=msg("link-hint", "links and images are not supported"))
               for m in LINK.finditer(value)]
    if role in INLINE_ROLES:
        stray = _stray_star(value)
        if stray is not None:
            issues.append(TextIssue(stray, stray + 1, msg("markup", "unmatched '*' prints as a "
                                                                    "star"),
                                    hint=msg("star-hint", "close the emphasis, or write \\* "
                                                          "for a star")))
    else:
        issues += _not_markdown(value)
    return issues


def _tag_issue(match: re.Match[str]) -> TextIssue:
    tag = match.group()
    name = re.match(r"</?([\w.:-]+)", tag)
    advice = TAG_ADVICE.get(name.group(1).lower()) if name else None
    return TextIssue(match.start(), match.end(), msg("html", "raw HTML '{tag}' prints as text",
                                                    tag=visible(tag, 40)),
                     hint=advice or msg("html-hint", "content is text with Markdown emphasis, "
                                                     "not HTML"))


def _entity_issue(match: re.Match[str]) -> TextIssue | None:
    entity = match.group()
    char = html.unescape(entity)
    if char == entity:
        return None
    safe = " " if char.isspace() else char if char.isprintable() else None
    return TextIssue(match.start(), match.end(), msg("html", "HTML entity '{entity}' prints as "
                                                             "text", entity=entity),
                     replacement=safe, hint=None if safe is not None else
                     msg("entity-hint", "type the character itself"))


def _stray_star(value: str) -> int | None:
    """Index of the first '*' that prints as a star (closes or opens nothing).

    The emphasis rule makes one token per delimiter character, in source order, and leaves
    the unmatched ones as text: so the k-th delimiter token is the k-th unescaped '*' or '_'.
    """
    if "*" not in value:
        return None
    tokens = _delimiter_parser().parseInline(value)[0].children or []
    delimiters = [t for t in tokens if t.type in _EMPHASIS
                  or (t.type == "text" and t.content in ("", "*", "_"))]
    positions = _delimiter_positions(value)
    if len(delimiters) != len(positions):  # pragma: no cover - a parser we do not know
        return positions[0] if positions else None
    for token, index in zip(delimiters, positions, strict=True):
        if token.type == "text" and token.content == "*":
            return index
    return None


_EMPHASIS = {"em_open", "em_close", "strong_open", "strong_close"}


@lru_cache(maxsize=1)
def _delimiter_parser() -> MarkdownIt:
    return make_parser(join=False)


def _delimiter_positions(value: str) -> list[int]:
    """Indexes of the '*' and '_' that Markdown reads as delimiters (not escaped, not in a
    footnote call)."""
    return [m.start() for m in _DELIMITER_SCAN.finditer(value) if m.group() in ("*", "_")]


#: Left to right: a backslash escape, a footnote call, or a delimiter.
_DELIMITER_SCAN = re.compile(r"\\[!-/:-@\[-`{-~]|" + FOOTNOTE_CALL.pattern + r"|[*_]")




def _not_markdown(value: str) -> list[TextIssue]:
    issues = []
    star = value.find("*")
    if star >= 0:
        issues.append(TextIssue(star, star + 1, msg("markup", "'*' prints as a star: this "
                                                              "field is not Markdown"),
                                hint=msg("emphasis-body-hint", "emphasis works in the body "
                                                               "only")))
    for match in FOOTNOTE_CALL.finditer(value):
        issues.append(TextIssue(match.start(), match.end(),
                                msg("markup", "footnote call '{call}' prints as text here",
                                    call=match.group()),
                                hint=msg("footnote-body-hint", "footnote calls work in the body "
                                                               "only")))
    return issues
