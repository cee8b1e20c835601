"""Markdown -> source lines, with markdown-it-py (CommonMark, tables, `[^n]` footnotes).

Headings keep their '#' level as a hint (converted documents often get the levels wrong, so
typed numbers decide), list items their marker as the displayed label, `<sup>n</sup>` and
`[^n]` become footnote calls, `[^n]: …` definitions the notes, runs of dots fill-in blanks
(`{blank}`, `{fill}`). Links keep their text; images cannot be imported (their files are
outside the input) and are reported, with the attributes pandoc writes after one
(`{width=… height=…}`); the line after it is marked `after_picture`.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from briefing.importing.guesses import Notebook
from briefing.importing.markdown_text import Run, runs_to_markdown
from briefing.messages import Message, msg
from briefing.readers.fill_in_blanks import blanks
from briefing.readers.source import Cell, Line, SourceDocument, Table, place_line

_SUP = re.compile(r"<sup>\s*([0-9]+)\s*</sup>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
#: an ATX heading deeper than Markdown's six levels: pandoc writes Word's headings 7 to 9
#: ("######## Chương I") so, and CommonMark would read them as text with the hashes
_DEEP = re.compile(r"^( {0,3})#{7,}(?=[ \t]|$)", re.MULTILINE)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable("table")
    md.disable(["code", "html_block"])  # indented text is text; HTML blocks are text
    md.use(footnote_plugin)
    return md


def read_markdown(text: str, name: str, notes: Notebook) -> SourceDocument:
    doc = SourceDocument(name, "markdown")
    tokens = _parser().parse(_DEEP.sub(r"\1######", text))
    _Walker(doc, notes, text).walk(tokens)
    return doc


class _Walker:
    def __init__(self, doc: SourceDocument, notes: Notebook, text: str):
        self.doc = doc
        self.notes = notes
        self.list_stack: list[dict] = []  # {"ordered", "n", "marker"}
        self.heading: int | None = None
        self.footnote: str | None = None
        self.quote = 0
        #: a picture was left out since the last line: the next one may be its caption
        self.picture = False
        self.last_line = 0
        self.line_count = text.count("\n") + 1
        self.blank_lines = [not line.strip() for line in text.splitlines()]

    def walk(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self.heading = int(token.tag[1])
            elif kind == "heading_close":
                self.heading = None
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrGet("start") or 1)
                self.list_stack.append({"ordered": kind == "ordered_list_open", "n": start - 1,
                                        "marker": token.markup})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_stack.pop()
            elif kind == "list_item_open":
                self.list_stack[-1]["n"] += 1
                self.list_stack[-1]["fresh"] = True
            elif kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind in ("footnote_reference_open", "footnote_open"):
                self.footnote = str(token.meta.get("label", token.meta.get("id")))
                self.doc.notes.setdefault(self.footnote, [])
                self.doc.note_where[self.footnote] = self._where(token)
            elif kind in ("footnote_reference_close", "footnote_close"):
                self.footnote = None
            elif kind == "table_open":
                index = self._table(tokens, index)
                continue
            elif kind == "inline":
                self._inline_block(token)
            elif kind == "fence":
                for offset, raw in enumerate(token.content.splitlines()):
                    if raw.strip():
                        self._add(Line(runs_to_markdown([Run(raw)]),
                                       self._where(token, offset + 1)), token)
            index += 1

    def _where(self, token: Token, offset: int = 0) -> Message | None:
        if token.map:
            return place_line(token.map[0] + 1 + offset)
        return place_line(self.last_line) if self.last_line else None

    def _inline_block(self, token: Token) -> None:
        text = self.render(token.children or [], token)
        if self.footnote is not None:
            self.doc.notes[self.footnote].append(text.replace("\n", " "))
            return
        if not text.strip() and not self.list_stack:
            return  # an empty heading or paragraph ("######## " alone) holds nothing to read
        line = Line(text, self._where(token), heading=self.heading)
        line.after_picture, self.picture = self.picture, False
        if self.quote:
            line.role = "quote"
        if self.list_stack:
            top = self.list_stack[-1]
            if top.get("fresh"):
                line.label = f"{top['n']}{top['marker']}" if top["ordered"] else top["marker"]
                top["fresh"] = False
                line.list_level = len(self.list_stack) - 1
        self._add(line, token)

    def _add(self, line: Line, token: Token) -> None:
        if token.map:
            first = token.map[0]
            blanks = 0
            while first - blanks - 1 >= 0 and self.blank_lines[first - blanks - 1]:
                blanks += 1
            line.gap_before = blanks > 0
            line.page_break = blanks >= 3
            self.last_line = first + 1
        self.doc.blocks.append(line)

    def render(self, children: list[Token], block: Token) -> str:
        runs: list[Run] = []
        bold = italic = 0
        sup: list[str] | None = None
        for child in _without_attributes(children):
            kind = child.type
            if kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind in ("text", "code_inline", "text_special"):
                if sup is not None:
                    sup.append(child.content)
                else:
                    runs.append(Run(child.content, bold > 0, italic > 0))
            elif kind in ("softbreak", "hardbreak"):
                runs.append(Run("\n", bold > 0, italic > 0))
            elif kind == "footnote_ref":
                runs.append(Run(note=str(child.meta.get("label", child.meta.get("id")))))
            elif kind == "image" or (kind == "html_inline" and
                                     child.content.lower().startswith("<img")):
                self.notes.dropped(msg("dropped-markdown-picture", "a picture in Markdown "
                                       "cannot be imported (its file is outside the input)"),
                                   self._where(block), child.content)
                self.picture = True
            elif kind == "html_inline":
                tag = child.content.lower().replace(" ", "")
                if tag.startswith("<sup"):
                    sup = []
                elif tag.startswith("</sup") and sup is not None:
                    inside = "".join(sup).strip()
                    if inside.isdigit():
                        runs.append(Run(note=inside))
                    else:
                        runs.append(Run(inside, bold > 0, italic > 0))
                    sup = None
                elif tag.startswith("<br"):
                    runs.append(Run("\n"))
                # other tags are dropped; their text stays
            # link_open/close: the link text stays, the address is dropped
        return blanks(runs_to_markdown(runs))

    def _table(self, tokens: list[Token], index: int) -> int:
        where = self._where(tokens[index])
        rows: list[list[Cell]] = []
        header_rows = 0
        in_head = False
        align: str | None = None
        while index < len(tokens) and tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                rows.append([])
                if in_head:
                    header_rows += 1
            elif token.type in ("th_open", "td_open"):
                style = token.attrGet("style") or ""
                match = re.search(r"text-align:\s*(left|center|right)", str(style))
                align = match.group(1) if match else None
            elif token.type == "inline":
                text = self.render(token.children or [], token).replace("\n", " ")
                rows[-1].append(Cell([Line(text, where)], align=align))
            index += 1
        self.doc.blocks.append(Table(rows, where, header_rows=header_rows))
        return index + 1


def _without_attributes(children: list[Token]) -> list[Token]:
    """The inline tokens without the attributes pandoc writes after an image ("![](a.png)
    {width="3in" height="2in"}", wrapped over lines as it wraps them): they say how large the
    left-out picture was drawn, nothing a reader reads."""
    out: list[Token] = []
    inside = False
    for child in children:
        if out and out[-1].type == "image" and child.type == "text" and \
                child.content.startswith("{"):
            inside = True
        if not inside:
            out.append(child)
        elif child.type == "text" and "}" in child.content:
            inside = False
            rest = child.content[child.content.index("}") + 1:]
            if rest:
                out.append(Token("text", "", 0, content=rest))
    return out
