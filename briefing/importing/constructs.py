"""Body items a paragraph style names (our own DOCX; Word files with such styles) and the
unnumbered ones: captions, table notes, figure credits, article furniture, quotes, interview
turns, intertitles and appendices. A mixin of `structure.BodyBuilder`, which owns the state.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.importing.draft import Item
from briefing.importing.head import PLACE_DATE
from briefing.importing.line_reading import Para
from briefing.importing.markdown_text import whole_emphasis
from briefing.importing.naming import slug
from briefing.importing.press import (
    TABLE_NOTE,
    WEB_DATE,
    after_end,
    ends_text,
    is_caption,
    is_person,
    turn_of,
)
from briefing.messages import msg
from briefing.text.inline_markdown import plain_text

_APPENDIX = re.compile(r"^(phụ lục|toàn văn)\b", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(?:\*+)?(?:Bảng|Hình|Table|Figure|Ảnh|Biểu đồ)\s+[0-9IVX]+\s*[.:]"
                      r"\s*(?:\*+)?", re.IGNORECASE)
#: a title that stops on one of these goes on in the next heading line
_CONTINUES = ("của", "về", "tại", "và", "cho", "với", "trong", "đối với")
_SPEAKER = re.compile(r"^\*\*(?P<speaker>[^*]{1,80}?)\s*:\s*\*\*\s*(?P<text>\S.*)$|"
                      r"^\*\*(?P<speaker2>[^*]{1,80}?)\*\*\s*:\s*(?P<text2>\S.*)$", re.DOTALL)
#: paragraph roles that become a body item of the same name
_FURNITURE = ("standfirst", "dateline", "byline", "credit", "note", "salutation", "intertitle")
#: roles whose style carries the emphasis (a bold standfirst): emphasis around all is dropped
_WHOLE_STYLED = ("standfirst", "dateline", "byline", "credit", "note", "salutation",
                 "intertitle", "quote", "attribution", "caption", "figure-caption",
                 "appendix-title", "appendix-subtitle", "appendix-label")


class Constructs:
    """Handlers for the named constructs (state lives in `BodyBuilder`)."""

    def role(self, para: Para) -> bool:
        """A paragraph our writer's style names: handled by the construct of its role."""
        role = para.line.role
        text = para.emphasis_title if role in _WHOLE_STYLED else para.text
        if role in ("caption", "figure-caption"):
            return self._caption(role, text)
        if role == "note" and self.last is not None and self.last is self.last_table:
            self.last_table["note"] = text
            return True
        if role == "credit" and self.last is not None and self.last is self.last_figure:
            self.last_figure["credit"] = text
            return True
        if role in _FURNITURE:
            self.close_lists()
            self.numbered_open = None
            node = {role: text}
            self.add(node)
            self.last = node
            return True
        if role in ("quote", "attribution"):
            return self._quote(role, text)
        if role in ("question", "answer"):
            return self._turn(role, para)
        if role in ("appendix-label", "appendix-title", "appendix-subtitle"):
            self._appendix_role(role, text)
            return True
        return False

    def press(self, para: Para) -> bool:
        """An interview's turns (by their speaker labels), an article's dateline and
        standfirst under the headline, the byline and credit after the end mark."""
        turn = turn_of(para, self.speakers)
        plain = plain_text(para.text).strip()
        if turn is not None:
            self.close_lists()
            role, speaker, text = turn
            node: dict[str, Any] = {role: text, "speaker": speaker}
            self.add(node)
            self.turn = self.last = node
        elif self.turn is not None and para.marker is None and not self.ended and \
                para.line.heading is None and not para.line.bold:
            role = "question" if "question" in self.turn else "answer"
            first = self.turn[role]
            self.turn[role] = [*(first if isinstance(first, list) else [first]), para.text]
        elif self.ended and para.marker is None and (kind := after_end(para.text)):
            self.add({kind: para.emphasis_title})
        elif self.article and not self.started and (
                PLACE_DATE.match(plain) or WEB_DATE.match(plain_text(para.line.text))):
            self.add({"dateline": whole_emphasis(para.line.text)[0].strip()})
        elif self.article and not self.started and para.marker is None and \
                para.line.heading is None and plain.endswith((".", "!", "?", "…")):
            self.add({"standfirst": para.emphasis_title})
            self.notes.guess(msg("import-standfirst", "the first paragraph under the headline "
                                                      "is read as the standfirst"), para.where,
                             plain)
            self.started = True
        elif self.last is not None and self.last is self.last_figure and para.marker is None \
                and (para.line.italic or is_caption(plain)) and len(plain) <= 200 and \
                "caption" not in self.last:
            self.last["caption"] = _CAPTION.sub("", para.emphasis_title, count=1).strip()
        elif self.last is not None and self.last is self.last_table and para.marker is None \
                and TABLE_NOTE.match(plain) and len(plain) <= 300 and "note" not in self.last:
            self.last["note"] = para.emphasis_title
        elif self.article and self.started and para.marker is None and len(plain) <= 120 and \
                (after_end(para.text) == "credit" or is_person(plain)) and self._at_end():
            self.add({after_end(para.text) or "byline": para.emphasis_title})
        elif self.article and self.started and not self.ended and para.marker is None and \
                para.title_like and len(plain) <= 120 and not is_person(plain) and \
                not is_caption(plain) and after_end(plain) != "credit":
            self.close_lists()
            self.add({"intertitle": para.emphasis_title})
        else:
            return False
        self.ended = self.ended or ends_text(para.text)
        return True

    def _at_end(self) -> bool:
        """Only short lines follow (a byline, a credit): the article's text has ended."""
        rest = self.paras[self.index + 1:]
        return len(rest) <= 2 and all(isinstance(p, Para) and len(plain_text(p.text)) <= 120
                                      for p in rest)

    def _caption(self, role: str, text: str) -> bool:
        """A caption to the figure or table just added, else to the table that follows. Word's
        own Caption style under a picture (Insert Caption's, pandoc's "Image Caption") is the
        picture's; a caption with no table or picture beside it stays a paragraph."""
        caption = _CAPTION.sub("", text, count=1).strip()
        figure = self.last_figure if self.last is not None and \
            self.last is self.last_figure else None
        table_next = self._table_next()
        if figure is not None and (role == "figure-caption" or
                                   ("caption" not in figure and not table_next)):
            figure["caption"] = caption
        elif role == "caption" and self.last is self.last_table and \
                self.last_table is not None and "caption" not in self.last_table:
            self.last_table["caption"] = caption
        elif table_next:
            self.pending_caption = caption
        else:
            return False
        return True

    def _table_next(self) -> bool:
        """The block after the paragraph being read is a table."""
        following = self.paras[self.index + 1] if self.index + 1 < len(self.paras) else None
        node = following.value if isinstance(following, Item) else following
        return isinstance(node, dict) and "table" in node

    def _quote(self, role: str, text: str) -> bool:
        """A quote's paragraphs in one quote; an attribution under the quote before it."""
        if role == "attribution":
            if isinstance(self.last, dict) and "quote" in self.last:
                self.last["attribution"] = text
                return True
            return False
        self.close_lists()
        if isinstance(self.last, dict) and "quote" in self.last and \
                "attribution" not in self.last:
            quote = self.last["quote"]
            self.last["quote"] = [*(quote if isinstance(quote, list) else [quote]), text]
        else:
            node = {"quote": text}
            self.add(node)
            self.last = node
        return True

    def _turn(self, role: str, para: Para) -> bool:
        """A question or answer, its speaker read off a bold label; a turn's next paragraph
        (no label of its own) joins it."""
        self.close_lists()
        match = _SPEAKER.match(para.text)
        body = match.group("text") if match else para.text
        if self.turn is not None and role in self.turn and match is None:
            first = self.turn[role]
            self.turn[role] = [*(first if isinstance(first, list) else [first]), body]
            return True
        node: dict[str, Any] = {role: body}
        if match:
            node["speaker"] = match.group("speaker")
        self.add(node)
        self.turn = node
        self.last = node
        return True

    def _appendix_role(self, role: str, text: str) -> None:
        """An appendix's label, title and subtitle lines open or complete an appendix."""
        self.close_lists()
        self.stack.clear()
        self.in_conclusion = False
        if role == "appendix-label" or self.appendix is None or (
                role == "appendix-title" and self.appendix.get("title")):
            self.appendix = {"id": slug("phu-luc " + plain_text(text), self.ids),
                             "title": "", "body": []}
            self.appendices.append(self.appendix)
            self.last_added = (self.appendices, len(self.appendices) - 1)
            self._appendix_ladder()
        if role == "appendix-title":
            self.appendix["title"] = text
            self.appendix["id"] = self.appendix["id"] if self.appendix["id"] != \
                "phu-luc-phu-luc" else slug(plain_text(text), self.ids)
        elif role == "appendix-subtitle":
            self.appendix["subtitle"] = text

    def _appendix_ladder(self) -> None:
        """An appendix numbers its headings on its own: the ladder that fits its numbers
        (the document's unless another fits better), its counters from one."""
        from briefing.importing.ladder import choose

        found = []
        for para in self.paras[self.index + 1:]:
            if isinstance(para, Para) and para.line.role in ("appendix-label",):
                break
            if isinstance(para, Para) and para.marker is not None:
                found.append(para.marker)
        ladder = self.document_ladder
        best = choose(self.ladders, ladder.name, self.max_depth, found) if self.ladders \
            else ladder
        if best.score(found) > ladder.score(found):
            self.ladder = best
            self.appendix["numbering"] = best.name
        else:
            self.ladder = ladder
        self.counters = []

    def intertitle(self, para: Para) -> None:
        appendix = self.appendix
        if appendix is not None and not appendix["body"] and not self.stack:
            title = appendix["title"]
            if title and plain_text(title).split()[-1].lower() in _CONTINUES:
                appendix["title"] = f"{title} {plain_text(para.emphasis_title)}"
            else:
                appendix["subtitle"] = para.emphasis_title
            return
        self.add({"intertitle": para.emphasis_title})

    def _appendix_title(self, para: Para) -> bool:
        heading = para.line.heading is not None or para.line.bold or para.line.role in (
            "appendix-title", "appendix-label")
        if not (heading and para.marker is None and self.blocks
                and _APPENDIX.match(plain_text(para.emphasis_title))):
            return False
        self.close_lists()
        self.stack.clear()
        self.in_conclusion = False
        title = plain_text(para.emphasis_title)
        if re.fullmatch(r"(?i)phụ lục(\s+[IVX0-9]+)?", title.strip()):
            title = ""
        self.appendix = {"id": slug("phu-luc " + title, self.ids), "title": title, "body": []}
        self.appendices.append(self.appendix)
        self.last_added = (self.appendices, len(self.appendices) - 1)
        self._appendix_ladder()
        self.notes.guess(msg("import-appendix", "the text from here on is read as an appendix"),
                         para.where, title)
        return True
