"""Quotes and brackets that open without closing, or close without opening, in one paragraph.

Pairs: “ ” ‘ ’ « » ( ) [ ], and the straight " (each one opens or closes). Not counted: footnote
calls [^id], Markdown escapes (\\[, \\(), the apostrophe ’ between letters (O’Neil), and the
")" of a run-in list marker ("a) …, b) …", "1) …"), which closes nothing on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.messages import Message, msg
from briefing.text.inline_markdown import FOOTNOTE_CALL

PAIRS = {"”": "“", "’": "‘", "»": "«", ")": "(", "]": "["}
OPENERS = frozenset(PAIRS.values())
_SKIP = re.compile(r"\\.|" + FOOTNOTE_CALL.pattern)
_MARKER = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}|[a-zđ]|[ivx]{1,5})\)(?=\s)")
_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(OPENERS)) + '"]')


@dataclass(frozen=True)
class Unbalanced:
    index: int
    mark: str
    message: Message
    hint: Message


def unbalanced(value: str) -> list[Unbalanced]:
    skipped = {i for m in _SKIP.finditer(value) for i in range(m.start(), m.end())}
    skipped |= {m.end() - 1 for m in _MARKER.finditer(value)}
    stack: list[tuple[str, int]] = []
    found: list[Unbalanced] = []
    for match in _MARKS.finditer(value):
        index, mark = match.start(), match.group()
        if index in skipped or (mark == "’" and _between_letters(value, index)):
            continue
        if mark == '"':
            if stack and stack[-1][0] == '"':
                stack.pop()
            else:
                stack.append((mark, index))
        elif mark in OPENERS:
            stack.append((mark, index))
        else:
            opener = PAIRS[mark]
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener),
                         None)
            if depth is None:
                found.append(Unbalanced(index, mark, msg(
                    "unbalanced", "'{mark}' closes nothing in this paragraph", mark=mark),
                    msg("unbalanced-open-hint", "open it with '{opener}', or delete it",
                        opener=opener)))
                continue
            found.extend(_unclosed(*item) for item in stack[depth + 1:])
            del stack[depth:]
    found.extend(_unclosed(*item) for item in stack)
    return sorted(found, key=lambda u: u.index)


def _unclosed(mark: str, index: int) -> Unbalanced:
    closer = '"' if mark == '"' else next(c for c, o in PAIRS.items() if o == mark)
    return Unbalanced(index, mark, msg("unbalanced", "'{mark}' is not closed in this paragraph",
                                       mark=mark),
                      msg("unbalanced-close-hint", "close it with '{closer}', or delete it",
                          closer=closer))


def _between_letters(value: str, index: int) -> bool:
    return 0 < index < len(value) - 1 and value[index - 1].isalpha() \
        and value[index + 1].isalpha()
