"""Source paragraphs -> the content's body: sections, numbered paragraphs, lists, intertitles.

What the clerk typed (or Word displayed) decides: "I." "1.1." "2.1.1." are headings on the
ladder chosen to print the same numbers (`ladder`), a numbered line that reads as running text
(a sentence, not a title) is a numbered paragraph, a lettered title over paragraphs ("a)
Nguyên tắc") is a sub-heading where the ladder has the letters' place, "(i)" "a)" "Thứ nhất,"
"-" "+" start list items (`lists`). Gaps and repeats in the typed numbers are reported: the
output's numbers are computed and will not repeat them.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.importing.constructs import Constructs
from briefing.importing.draft import Item
from briefing.importing.guesses import Notebook
from briefing.importing.inline_lists import inline_enumeration
from briefing.importing.ladder import Ladder
from briefing.importing.legal_lines import legal_label
from briefing.importing.line_reading import LETTERED, Para, heads_paragraphs
from briefing.importing.lists import Lists, ListState
from briefing.importing.markdown_text import whole_emphasis
from briefing.importing.naming import block_kind, slug
from briefing.importing.press import ends_text, speaker_labels
from briefing.messages import msg
from briefing.numbering import markers as M
from briefing.problems import GUESS
from briefing.text.inline_markdown import plain_text

_CONCLUSION = re.compile(r"^(trên đây là|trên đây)\b", re.IGNORECASE)
_SALUTATION = re.compile(r"^(thưa|kính thưa|kính gửi)\b.*,$", re.IGNORECASE)


class BodyBuilder(Constructs, Lists):
    def __init__(self, ladder: Ladder, max_depth: int, notes: Notebook,
                 ladders: dict[str, list[str]] | None = None):
        self.ladder = ladder
        self.ladders = ladders or {}
        self.max_depth = max_depth
        self.notes = notes
        self.preamble: list = []
        self.blocks: list = []
        self.conclusion: list = []
        self.appendices: list = []
        self.stack: list[tuple[int, dict]] = []  # (level, section)
        self.counters: list[int] = []
        self.lettered: set[int] = set()  # id() of the sections a lettered line heads
        self.lists: list[ListState] = []
        self.ids: set[str] = set()
        self.in_conclusion = False
        self.appendix: dict | None = None
        #: the open "Phần" of a document without articles, and one waiting for its title
        self.part: dict | None = None
        self.untitled_part: dict | None = None
        self.pending_caption: str | None = None
        self.last_table: dict | None = None
        self.last_figure: dict | None = None
        self.last: Any = None  # the item added last (a table or figure takes its caption)
        #: the numbered paragraphs open at each level ("1." then its child "1.1."): the
        #: last one takes a following plain paragraph, each takes children one level down
        self.numbered_chain: list[tuple[int, dict]] = []
        #: the last numbered paragraph may take the next plain paragraph (not after a list)
        self.joinable = False
        self.turn: dict | None = None
        self.last_added: tuple[list, int] | None = None
        self.paras: list = []
        self.index = 0
        self.document_ladder = ladder
        #: speaker labels of an interview; whether the head was a headline (an article);
        #: whether the body text has begun; whether the end mark "./." has been typed
        self.speakers: dict[str, str] = {}
        self.article = False
        self.started = False
        self.ended = False

    @property
    def numbered_open(self) -> tuple[int, dict] | None:
        return self.numbered_chain[-1] if self.numbered_chain else None

    @numbered_open.setter
    def numbered_open(self, value: tuple[int, dict] | None) -> None:
        self.numbered_chain = [value] if value is not None else []
        self.joinable = value is not None

    # -- where items go ----------------------------------------------------------------------
    def container(self) -> list:
        if self.in_conclusion:
            return self.conclusion
        if self.stack:
            return self.stack[-1][1]["body"]
        if self.appendix is not None:
            return self.appendix["body"]
        if self.part is not None:
            return self.part["body"]
        return self.blocks or self.preamble

    def add(self, item: Any, comment: str | None = None) -> None:
        container = self.container()
        container.append(Item(item, [comment]) if comment else item)
        self.last_added = (container, len(container) - 1)

    def _attach_guesses(self, since: int) -> None:
        """Write the guesses made for the paragraph just read as comments on its item."""
        guesses = [n for n in self.notes.notes[since:] if n.severity == GUESS]
        if not guesses or self.last_added is None:
            return
        holder, index = self.last_added
        if index >= len(holder):
            return
        item = holder[index]
        if not isinstance(item, Item):
            item = holder[index] = Item(item)
        item.comments += [note.comment() for note in guesses]

    def build(self, paras: list[Para | Any]) -> None:
        self.paras = paras
        self.speakers = speaker_labels(paras)
        for index, para in enumerate(paras):
            self.index = index
            if not isinstance(para, Para):
                self.close_lists()
                self.numbered_open = None
                node = para.value if isinstance(para, Item) else para
                if isinstance(node, dict) and "table" in node:
                    if self.pending_caption:
                        node["caption"] = self.pending_caption
                        self.pending_caption = None
                    self.last_table = node
                elif isinstance(node, dict) and "figure" in node:
                    self.last_figure = node
                self.add(para)
                self.last = node
                continue
            since = len(self.notes.notes)
            self.paragraph(para, paras, index)
            self._attach_guesses(since)
            self.last = None if self.lists else (self.container()[-1] if self.container()
                                                 else None)
        self.close_lists()

    # -- one paragraph -----------------------------------------------------------------------
    def paragraph(self, para: Para, paras: list, index: int) -> None:
        if para.line.role and self.role(para):
            return
        if self.press(para):
            return
        self.turn = None
        self.started = True
        self.ended = self.ended or ends_text(para.text)
        if self._part(para):
            return
        marker = para.marker
        line = para.line
        level = self.ladder.level_of(marker) if marker else None
        if level is not None and marker is not None and marker.kind == "arabic" and \
                not para.title_like and self.lists and self.lists[-1].kind == "arabic":
            level = None  # "1." items of an open arabic list
        if level is not None and not para.title_like and self._numbered_parent(level):
            self.close_lists()
            self.numbered_child(para, level)
            return
        if level is not None and marker is not None and \
                self._plausible(marker, level, para, index):
            self.close_lists()
            if para.title_like:
                self.section(para, level)
            else:
                self.numbered(para, level)
            return
        if marker is not None and marker.kind.startswith("ordinal") and \
                para.line.text.lstrip().startswith("*"):
            # "**Thứ nhất, chúng ta …**", "*Một là*, …": the author's emphasised prose, kept
            self.plain(Para(line, " ".join(line.text.split("\n")).strip(), None,
                            para.title_like, para.emphasis_title), paras, index)
            return
        if marker is not None and (marker.kind in M.ENUMERATION_STYLES or marker.kind == "bullet"
                                   or marker.kind == "path"):
            self.list_item(para, paras, index)
            return
        if self._appendix_title(para):
            return
        if line.role == "intertitle" or (para.title_like and (line.heading is not None) and
                                         marker is None):
            self.close_lists()
            self.intertitle(para)
            return
        self.plain(para, paras, index)

    def _plausible(self, marker: M.Marker, level: int, para: Para, index: int) -> bool:
        """A typed heading number that fits where it stands (or a clear title)."""
        depth = len(self.stack)
        if marker.kind in LETTERED:
            return self._lettered_heading(level, para, index)
        if level > depth + 1 and not para.title_like:
            return False
        # "1." again under a deeper heading: an enumeration, not a heading
        return not (marker.kind == "arabic" and marker.value == 1 and depth >= level and
                    self.counters[level - 1:level] and self.counters[level - 1] >= 1 and
                    not para.title_like)

    def _lettered_heading(self, level: int, para: Para, index: int) -> bool:
        """"a)" is a heading where it looks one (a heading style, bold, or a title over a run
        of paragraphs) and the ladder has its place here: one level down, or beside the
        lettered heading open at its level; else a list item."""
        if para.line.heading is None and not para.line.bold and \
                not heads_paragraphs(self.paras, index):
            return False
        depth = len(self.stack)
        return level == depth + 1 or (level <= depth and
                                      id(self.stack[level - 1][1]) in self.lettered)

    # -- sections ----------------------------------------------------------------------------
    def _part(self, para: Para) -> bool:
        """"Phần thứ nhất" / "Phần I" (its title on the line or on the next one): a part of a
        report without articles, holding the sections after it until the next part."""
        if self.untitled_part is not None and para.marker is None and para.title_like:
            self.untitled_part["part"] = para.emphasis_title
            self.untitled_part = None
            return True
        self.untitled_part = None
        found = legal_label(para.line.text) if self.appendix is None else None
        if found is None or found[0] != "part":
            return False
        self.close_lists()
        self.stack, self.numbered_open, self.in_conclusion = [], None, False
        self.part = {"part": found[1] or "…", "body": []}
        self.blocks.append(self.part)
        self.last_added = (self.blocks, len(self.blocks) - 1)
        if not found[1]:
            self.untitled_part = self.part
        return True

    def section(self, para: Para, level: int) -> None:
        self.in_conclusion = False
        self.numbered_open = None
        level = self._settle(para, level)
        title = para.emphasis_title if (para.line.heading or para.line.bold or
                                        para.line.italic) else para.text
        title = whole_emphasis(title)[0] if title.startswith("*") else title
        section: dict[str, Any] = {"id": slug(plain_text(title), self.ids)}
        if level == 1:
            section["kind"] = block_kind(title)
        section["title"] = title
        section["body"] = []
        parent = self.stack[-1][1]["body"] if self.stack else (
            self.appendix["body"] if self.appendix is not None else
            self.part["body"] if self.part is not None else self.blocks)
        parent.append(section)
        self.last_added = (parent, len(parent) - 1)
        self.stack.append((level, section))
        if para.marker is not None and para.marker.kind in LETTERED:
            self.lettered.add(id(section))

    def numbered(self, para: Para, level: int) -> None:
        level = self._settle(para, level)
        node = {"numbered": para.text}
        if not self.stack and self.appendix is None and not self.in_conclusion:
            self.blocks.append(node)  # numbers count from here: not in the preamble
            self.last_added = (self.blocks, len(self.blocks) - 1)
        else:
            self.add(node)
        self.numbered_open = (level, node)

    def _numbered_parent(self, level: int) -> dict | None:
        """The open numbered paragraph one level up ("1." for "1.1."), if any."""
        for open_level, node in reversed(self.numbered_chain):
            if open_level < level:
                return node if open_level == level - 1 else None
        return None

    def numbered_child(self, para: Para, level: int) -> None:
        """"1.1." under the numbered paragraph "1.": a numbered child in its body."""
        parent = self._numbered_parent(level)
        assert parent is not None
        while self.numbered_chain and self.numbered_chain[-1][0] >= level:
            self.numbered_chain.pop()
        body = parent.setdefault("body", [])
        node = {"numbered": para.text}
        body.append(node)
        self.last_added = (body, len(body) - 1)
        self.numbered_chain.append((level, node))
        self.joinable = True

    def _settle(self, para: Para, level: int) -> int:
        """Close what `level` ends, check the typed number, return the level used."""
        marker = para.marker
        depth = len(self.stack)
        if level > depth + 1:
            self.notes.guess(msg("numbering-level", "'{marker}' skips a heading level; placed "
                                 "one level below the heading before it",
                                 marker=marker.raw if marker else ""), para.where,
                             plain_text(para.text))
            level = depth + 1
        if level > self.max_depth:
            level = self.max_depth
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        del self.counters[level:]
        while len(self.counters) < level:
            self.counters.append(0)
        self.counters[level - 1] += 1
        if marker is not None:
            self._check_number(marker, level, para)
        return level

    def _check_number(self, marker: M.Marker, level: int, para: Para) -> None:
        expected = self.counters[level - 1]
        typed = marker.value
        if typed != expected:
            message = msg("numbering-sequence", "the source's numbering repeats here: "
                          "'{marker}' where number {expected} of its level comes") \
                if typed < expected else msg("numbering-sequence", "the source's numbering "
                                             "skips here: '{marker}' where number {expected} "
                                             "of its level comes")
            self.notes.guess(message.given(marker=marker.raw, expected=expected), para.where,
                             plain_text(para.text), msg("numbering-sequence-hint", "numbers "
                                                        "are computed, check that nothing is "
                                                        "missing"))
        elif marker.kind == "path" and not marker.dotted:
            self.notes.fix(msg("import-final-dot", "'{marker}' typed without its final dot",
                               marker=marker.raw), para.where, plain_text(para.text))

    # -- other paragraphs --------------------------------------------------------------------
    def plain(self, para: Para, paras: list, index: int) -> None:
        if self.lists and self._item_follows(paras, index):
            holder = self._item_holder()
            holder.append(para.text)
            self.last_added = (holder, len(holder) - 1)
            return
        if self.numbered_open is not None and self.joinable and \
                self._numbered_follows(paras, index):
            node = self.numbered_open[1]
            if isinstance(node["numbered"], str):
                node["numbered"] = [node["numbered"]]
            node["numbered"].append(para.text)
            return
        self.numbered_open = None
        self.close_lists()
        if _CONCLUSION.match(plain_text(para.text)) and self.blocks:
            self.stack.clear()
            self.in_conclusion = True
            self.notes.guess(msg("import-conclusion", "read as the conclusion after the last "
                                                      "section"), para.where,
                             plain_text(para.text))
        inline = inline_enumeration(para.text)
        if inline is not None:
            self.add(inline)
            return
        text = para.text
        if para.line.italic and _SALUTATION.match(plain_text(text)):
            self.add({"salutation": para.emphasis_title})
            return
        self.add(text)

    def _numbered_follows(self, paras: list, index: int) -> bool:
        """A plain paragraph after a numbered one, with a numbered paragraph or a heading
        after it, is the numbered paragraph's next paragraph."""
        for para in paras[index + 1:]:
            if not isinstance(para, Para):
                return False
            if para.marker is None and para.line.role is None:
                if para.line.heading is not None:
                    return True
                continue
            return para.marker is not None and self.ladder.level_of(para.marker) is not None
        return False
