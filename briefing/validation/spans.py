"""Where each character of a scalar's value is written in the file.

A check finds a problem at offset k of a value; the user needs the line and column of that
character in the YAML file, and `check --fix` needs the exact stretch of text to replace. Quotes,
escapes (`''`, `\\"`, `\\u00a0`), line folding and block indentation separate the two, so we
re-read the scalar exactly as PyYAML's scanner does (the routines below mirror
`yaml.scanner.Scanner.scan_plain`, `scan_flow_scalar` and `scan_block_scalar`) and record, for
each character produced, the text that produced it. The result is checked against the value
PyYAML read; on any disagreement we give up and callers fall back on the value's start.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import yaml

from briefing.source.yaml_source import Scalar

BREAKS = "\r\n\x85\u2028\u2029"
_ESCAPES = yaml.scanner.Scanner.ESCAPE_REPLACEMENTS
_ESCAPE_CODES = yaml.scanner.Scanner.ESCAPE_CODES


@dataclass
class Spans:
    """For value character k: it was written at text[starts[k]:ends[k]]; `direct[k]` is False
    for characters made by folding line breaks (no single stretch of text writes them)."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    direct: list[bool] = field(default_factory=list)
    chars: list[str] = field(default_factory=list)

    def add(self, chars: str, start: int, end: int, direct: bool = True) -> None:
        for char in chars:
            self.chars.append(char)
            self.starts.append(start)
            self.ends.append(end)
            self.direct.append(direct)


class _Cursor:
    """PyYAML's reader, reduced to what the scalar scanners need: peek, forward, column."""

    def __init__(self, text: str, index: int):
        self.text = text
        self.index = index
        self.line_start = max(text.rfind(c, 0, index) for c in "\n\r\x85\u2028\u2029") + 1

    def peek(self, offset: int = 0) -> str:
        at = self.index + offset
        return self.text[at] if at < len(self.text) else "\0"

    @property
    def column(self) -> int:
        return self.index - self.line_start

    def forward(self, length: int = 1) -> None:
        for _ in range(length):
            char = self.peek()
            self.index += 1
            if char in "\n\x85\u2028\u2029" or (char == "\r" and self.peek() != "\n"):
                self.line_start = self.index

    def line_break(self, spans: Spans | None = None) -> tuple[str, int, int]:
        """Consume one line break: (what it stands for, start, end)."""
        start = self.index
        char = self.peek()
        if char in "\r\n\x85":
            self.forward(2 if self.text.startswith("\r\n", self.index) else 1)
            return "\n", start, self.index
        if char in "\u2028\u2029":
            self.forward()
            return char, start, self.index
        return "", start, start


def scalar_spans(text: str, scalar: Scalar) -> Spans | None:
    """The spans of every character of `scalar`'s value, or None if they cannot be trusted."""
    try:
        if scalar.style is None:
            spans = _plain(text, scalar.start, scalar.end)
        elif scalar.style in ("'", '"'):
            spans = _quoted(text, scalar.start, scalar.style)
        elif scalar.style in ("|", ">"):
            spans = _block(text, scalar.start, folded=scalar.style == ">")
        else:
            return None
    except (IndexError, ValueError):
        return None
    if spans is None or "".join(spans.chars) != scalar.raw:
        return None
    return spans


def _fold(spans: Spans, first: tuple[str, int, int], breaks: list[tuple[str, int, int]]) -> None:
    """YAML line folding: one break is a space, each further (empty) line a newline."""
    line_break, start, end = first
    if line_break != "\n":
        spans.add(line_break, start, end, direct=False)
    elif not breaks:
        spans.add(" ", start, end, direct=False)
    for char, b_start, b_end in breaks:
        spans.add(char, b_start, b_end, direct=False)


def _plain(text: str, start: int, end: int) -> Spans:
    spans = Spans()
    cursor = _Cursor(text, start)
    pending: list[int] = []
    while cursor.index < end:
        char = cursor.peek()
        if char in BREAKS:
            pending.clear()
            first = cursor.line_break()
            breaks: list[tuple[str, int, int]] = []
            while cursor.index < end and cursor.peek() in " " + BREAKS:
                if cursor.peek() == " ":
                    cursor.forward()
                else:
                    breaks.append(cursor.line_break())
            _fold(spans, first, breaks)
        elif char == " ":
            pending.append(cursor.index)
            cursor.forward()
        else:
            for index in pending:
                spans.add(" ", index, index + 1)
            pending.clear()
            spans.add(char, cursor.index, cursor.index + 1)
            cursor.forward()
    return spans


def _quoted(text: str, start: int, quote: str) -> Spans:
    double = quote == '"'
    spans = Spans()
    cursor = _Cursor(text, start)
    cursor.forward()  # the opening quote
    while True:
        _quoted_non_spaces(cursor, spans, double)
        if cursor.peek() == quote:
            return spans
        if cursor.peek() == "\0":
            raise ValueError("unterminated quoted scalar")
        _quoted_spaces(cursor, spans)


def _quoted_non_spaces(cursor: _Cursor, spans: Spans, double: bool) -> None:
    while True:
        char = cursor.peek()
        if char not in "'\"\\\0 \t" + BREAKS:
            spans.add(char, cursor.index, cursor.index + 1)
            cursor.forward()
        elif not double and char == "'" and cursor.peek(1) == "'":
            spans.add("'", cursor.index, cursor.index + 2)
            cursor.forward(2)
        elif (double and char == "'") or (not double and char in '"\\'):
            spans.add(char, cursor.index, cursor.index + 1)
            cursor.forward()
        elif double and char == "\\":
            begin = cursor.index
            escape = cursor.peek(1)
            if escape in _ESCAPES:
                cursor.forward(2)
                spans.add(_ESCAPES[escape], begin, cursor.index)
            elif escape in _ESCAPE_CODES:
                length = _ESCAPE_CODES[escape]
                digits = cursor.text[begin + 2: begin + 2 + length]
                cursor.forward(2 + length)
                spans.add(chr(int(digits, 16)), begin, cursor.index)
            elif escape in BREAKS:
                cursor.forward()
                cursor.line_break()
                for item in _quoted_breaks(cursor):
                    spans.add(item[0], item[1], item[2], direct=False)
            else:
                raise ValueError("unknown escape")
        else:
            return


def _quoted_spaces(cursor: _Cursor, spans: Spans) -> None:
    begin = cursor.index
    while cursor.peek() in " \t":
        cursor.forward()
    whitespace = cursor.text[begin: cursor.index]
    if cursor.peek() in BREAKS:
        first = cursor.line_break()
        _fold(spans, first, _quoted_breaks(cursor))
    else:
        for offset, char in enumerate(whitespace):
            spans.add(char, begin + offset, begin + offset + 1)


def _quoted_breaks(cursor: _Cursor) -> list[tuple[str, int, int]]:
    breaks: list[tuple[str, int, int]] = []
    while True:
        while cursor.peek() in " \t":
            cursor.forward()
        if cursor.peek() in BREAKS:
            breaks.append(cursor.line_break())
        else:
            return breaks


def _block(text: str, start: int, folded: bool) -> Spans | None:
    spans = Spans()
    cursor = _Cursor(text, start)
    cursor.forward()  # the indicator
    chomping: bool | None = None
    for _ in range(2):
        char = cursor.peek()
        if char in "+-":
            chomping = char == "+"
            cursor.forward()
        elif char.isdigit():
            return None  # an explicit indentation depends on the parent's: not worth it
    while cursor.peek() == " ":
        cursor.forward()
    if cursor.peek() == "#":
        while cursor.peek() not in "\0" + BREAKS:
            cursor.forward()
    cursor.line_break()
    breaks: list[tuple[str, int, int]] = []
    indent = 0
    while cursor.peek() in " " + BREAKS:
        if cursor.peek() == " ":
            cursor.forward()
            indent = max(indent, cursor.column)
        else:
            breaks.append(cursor.line_break())
    indent = max(indent, 1)
    line_break: tuple[str, int, int] = ("", cursor.index, cursor.index)
    while cursor.column == indent and cursor.peek() != "\0":
        for item in breaks:
            spans.add(*item)
        leading_non_space = cursor.peek() not in " \t"
        while cursor.peek() not in "\0" + BREAKS:
            spans.add(cursor.peek(), cursor.index, cursor.index + 1)
            cursor.forward()
        line_break = cursor.line_break()
        breaks = _block_breaks(cursor, indent)
        if cursor.column == indent and cursor.peek() != "\0":
            if folded and line_break[0] == "\n" and leading_non_space \
                    and cursor.peek() not in " \t":
                if not breaks:
                    spans.add(" ", line_break[1], line_break[2], direct=False)
            else:
                spans.add(*line_break)
        else:
            break
    if chomping is not False and line_break[0]:
        spans.add(*line_break)
    if chomping is True:
        for item in breaks:
            spans.add(*item)
    return spans


def _block_breaks(cursor: _Cursor, indent: int) -> list[tuple[str, int, int]]:
    breaks: list[tuple[str, int, int]] = []
    while cursor.column < indent and cursor.peek() == " ":
        cursor.forward()
    while cursor.peek() in BREAKS:
        breaks.append(cursor.line_break())
        while cursor.column < indent and cursor.peek() == " ":
            cursor.forward()
    return breaks


# -- NFC: checks read the normalised value, the file may hold decomposed text -----------------

def nfc_offsets(raw: str) -> list[int] | None:
    """For each character of NFC(raw), the index in `raw` of the character it came from.

    Composition only happens within a starter and the combining marks after it, so the text is
    cut before each starter and each piece normalised on its own.
    """
    normal = unicodedata.normalize("NFC", raw)
    if normal == raw:
        return list(range(len(raw)))
    offsets: list[int] = []
    pieces: list[str] = []
    begin = 0
    for index in range(1, len(raw) + 1):
        if index == len(raw) or unicodedata.combining(raw[index]) == 0:
            piece = unicodedata.normalize("NFC", raw[begin:index])
            pieces.append(piece)
            offsets.extend([begin] * len(piece))
            begin = index
    if "".join(pieces) != normal:
        return None
    return offsets
