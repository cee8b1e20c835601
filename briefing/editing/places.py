"""Where a value is, in the clerk's words: "Mục II.1 «Quan hệ song phương», đoạn 2".

`check` locates a problem at `file:line:col` and the schema names a value by its path in the
data (`blocks[1].body[0].body[1]`); neither means anything to someone who never saw the file.
The studio names the place as the printed page does: the section by its computed number (the
profile's ladder, as the writers number it) and title, then the paragraph, the list item, the
table cell counted from 1; meta fields by their labels; a footnote by its printed number.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from briefing.builds.draft_preview import footnote_calls
from briefing.messages import Message, joined, msg
from briefing.numbering.counters import format_counter, heading_number
from briefing.numbering.letters import PastLastLetter
from briefing.problems import BriefingError, Problem
from briefing.source.yaml_source import Path_
from briefing.text.inline_markdown import BLANK, BLANK_TEXT

#: meta fields of the form, in order, with their labels
META_FIELDS = (
    ("issuer.superior", msg("field-issuer-superior", "Superior body")),
    ("issuer.name", msg("field-issuer-name", "Issuing body")),
    ("issuer.code", msg("field-issuer-code", "Issuer's code in the number (e.g. UBND)")),
    ("number", msg("field-number", "Number and symbol")),
    ("place", msg("field-place", "Place")),
    ("date", msg("field-date", "Date of issue")),
    ("type", msg("field-type", "Document type")),
    ("title", msg("field-title", "Cover title")),
    ("subject", msg("field-subject", "Summary / subject")),
    ("issue", msg("field-issue", "Issue (number line, month)")),
    ("circulation", msg("field-circulation", "Circulation")),
    ("signer.authority", msg("field-signer-authority", "Signing authority (K/T, T/M…)")),
    ("signer.title", msg("field-signer-title", "Signer's title")),
    ("signer.name", msg("field-signer-name", "Signer's name")),
)
_META_LABELS = dict(META_FIELDS) | {
    "recipients": msg("field-recipients", "Recipients"),
    "addressees": msg("field-addressees", "Addressees, one per line"),
    "signer": msg("field-signer-name", "Signer's name"),
    "issuer": msg("field-issuer-name", "Issuing body"),
    "form": msg("field-form", "Kind of document"),
    "profile": msg("field-profile", "Layout (Party or State)"),
}
#: the parts of a document outside its sections
_PARTS = {"preamble": msg("place-preamble", "Opening"),
          "conclusion": msg("place-conclusion", "Closing"),
          "basis": msg("place-basis", "Legal bases (Căn cứ)")}
#: a value inside a body item, by the key that holds it
_INSIDE = {"bullets": msg("place-item", "item {n}"), "enumerate": msg("place-item", "item {n}"),
           "points": msg("place-item", "item {n}"),
           "caption": msg("place-caption", "caption"), "note": msg("place-note", "note"),
           "credit": msg("place-credit", "credit"), "attribution": msg("place-attribution",
                                                                        "attribution")}
_SHORT = 40
#: the body of a document, where no section holds a paragraph
_BODY = msg("place-body", "Body")


def _short(text: Any) -> str:
    text = re.sub(r"[*_]|\[\^[^\]]*\]", "", str(text or ""))
    text = BLANK.sub(BLANK_TEXT, text).strip()
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


class _Ladder:
    """The document's heading numbers, as its profile computes them."""

    def __init__(self, meta: dict[str, Any]):
        self.ladder: list[str] | None = None
        try:
            from briefing.profile.model import load_profile

            profile = load_profile(str(meta.get("profile") or "party"))
        except BriefingError:
            return
        numbering = profile.numbering
        self.letters = numbering.alphabet
        self.ladder = numbering.ladders.get(str(meta.get("numbering") or numbering.default))
        self.appendix_label: str | None = profile.appendix.numbered_label

    def appendix(self, n: int, count: int) -> str:
        """Appendix `n`'s number as printed ("II"; the profile's label without its words)."""
        label = getattr(self, "appendix_label", None)
        counter = re.search(r"\{n[^}]*\}", label or "")
        if counter is None or count < 2:
            return str(n) if count >= 2 else ""
        return format_counter(counter.group(0), n, self.letters)

    def number(self, counters: list[int]) -> str:
        if not self.ladder:
            return ""
        try:
            return heading_number(self.ladder, counters, self.letters).strip().rstrip(".")
        except PastLastLetter:  # `check` says so; the place is named without its number
            return ""


def place_of(data: Any, path: Path_) -> Message | None:
    """The clerk's name of the value at `path` of the content `data`; None for the document."""
    if not path or not isinstance(data, dict):
        return None
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    head = path[0]
    if head == "meta":
        return _meta_place(path[1:])
    if head == "footnotes" and len(path) > 1:
        number = footnote_number(data, str(path[1]))
        return msg("where-footnote", "footnote {n}", n=number) if number else \
            msg("place-footnote-uncalled", "a footnote not called yet")
    if head in _PARTS:
        return _body_place(data.get(head), path[1:], _PARTS[head], None)
    if head == "blocks":
        return _body_place(data.get("blocks"), path[1:], _BODY, _Ladder(meta), [])
    if head == "appendices" and len(path) > 1 and isinstance(path[1], int):
        appendices, ladder = data.get("appendices"), _Ladder(meta)
        appendix = _item(appendices, path[1])
        number, title = ladder.appendix(path[1] + 1, len(appendices)), \
            _short(_field(appendix, "title"))
        where = msg("place-appendix-titled", "Appendix {n} «{title}»", n=number, title=title) \
            if number else msg("place-appendix-one", "Appendix «{title}»", title=title)
        if len(path) > 3 and path[2] == "body":
            return _body_place(_field(appendix, "body"), path[3:], where, ladder, [])
        return where
    return None


def field_label(name: str) -> Message:
    """The label of meta field `name` ("signer.name")."""
    return _META_LABELS.get(name) or msg("field-other", "{name}", name=name)


def _meta_place(rest: Path_) -> Message:
    dotted = ".".join(str(p) for p in rest if not isinstance(p, int))
    label = _META_LABELS.get(dotted) or _META_LABELS.get(str(rest[0]) if rest else "")
    general = msg("place-meta", "General information")
    return joined([general, label], ", ") if label else general


def _item(items: Any, index: Any) -> Any:
    if isinstance(items, list) and isinstance(index, int) and 0 <= index < len(items):
        return items[index]
    return None


def _field(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _body_place(items: Any, path: Path_, where: Message | None, ladder: _Ladder | None,
                counters: list[int] | None = None) -> Message | None:
    """Down a body list along `path`: sections by number and title, then the item (counted
    from the section it follows, if any: the paragraphs a clerk sees under that heading)."""
    while path and isinstance(path[0], int) and isinstance(items, list):
        index, item = path[0], _item(items, path[0])
        if not _headed(item) or counters is None or ladder is None:
            return _item_after(items, index, where, ladder, counters, path[1:])
        counters = [*counters, _counted(items, index)]
        if "numbered" in item and path[1:2] != ("body",):
            return _item_after(items, index, where, ladder, counters[:-1], path[1:])
        where = _section_place(item, ladder.number(counters))
        if path[1:2] == ("title",):
            return joined([where, msg("place-title", "title")], ", ")
        if path[1:2] != ("body",):
            return where
        items, path = item.get("body"), path[2:]
    return where


def _headed(item: Any) -> bool:
    """A section or a numbered paragraph: an item with a computed number."""
    return isinstance(item, dict) and ("title" in item or "numbered" in item)


def _section_place(item: dict[str, Any], number: str) -> Message:
    title = _short(item.get("title") or item.get("numbered"))
    if "title" not in item:  # a numbered paragraph: its number, as printed
        return msg("place-numbered", "paragraph {number}", number=number)
    return msg("where-section", "Section {number} «{title}»", number=number, title=title) \
        if number else msg("place-section-unnumbered", "Section «{title}»", title=title)


def _item_after(items: list[Any], index: int, where: Message | None, ladder: _Ladder | None,
                counters: list[int] | None, rest: Path_) -> Message:
    """An item of a body: after the last section before it, counted from there."""
    item = items[index] if 0 <= index < len(items) else None
    if isinstance(item, dict) and "numbered" in item and ladder is not None \
            and counters is not None:
        return _item_place(_section_place(item, ladder.number(
            [*counters, _counted(items, index)])), None, item, rest)
    before = [i for i in range(min(index, len(items))) if _headed(items[i])]
    if before and ladder is not None and counters is not None:
        last = before[-1]
        after = _section_place(items[last], ladder.number([*counters, _counted(items, last)]))
        return _item_place(msg("place-after", "after {section}", section=after),
                           index - last - 1, item, rest)
    return _item_place(where, index, item, rest)


def _counted(items: list[Any], index: int) -> int:
    """The counter of a section or numbered paragraph among its siblings (both count)."""
    return sum(1 for item in items[: index + 1]
               if isinstance(item, dict) and ("title" in item or "numbered" in item))


def _item_place(where: Message | None, index: int | None, item: Any, rest: Path_) -> Message:
    """The item counted `index` from 0 in `where` (None: `where` names the item itself)."""
    parts: list[Message | str] = [where] if where is not None else []
    if index is not None:
        parts.append(msg("place-paragraph", "paragraph {n}", n=index + 1))
    if isinstance(item, dict) and rest:
        key = rest[0]
        if key == "table" and len(rest) > 2:
            parts.append(msg("place-cell", "row {row}, cell {cell}", row=int(rest[1]) + 1,
                             cell=int(rest[2]) + 1))
        elif key in _INSIDE and len(rest) > 1 and isinstance(rest[1], int):
            parts.append(_INSIDE[str(key)].given(n=rest[1] + 1))
        elif key in _INSIDE:
            parts.append(_INSIDE[str(key)].given(n=1))
    return joined(parts, ", ")


def footnote_number(data: Any, note_id: str) -> int | None:
    """The number a footnote prints with: the order of first calls in the text."""
    order = footnote_calls(data)
    return order.index(note_id) + 1 if note_id in order else None


#: messages that name a value by its id or key in the file, said of the place instead
_STUDIO_WORDS = {
    "empty-section": msg("empty-section-studio", "this section has no text yet"),
    # a footnote is its printed number in the editor, never its id in the file
    "footnote-twice": msg("footnote-twice-studio", "this footnote is already called earlier "
                                                   "in the text"),
    "footnote-nested": msg("footnote-nested-studio", "a footnote's text calls another "
                                                     "footnote"),
    "footnote-unused": msg("footnote-unused-studio", "this note is not called anywhere in the "
                                                     "text"),
}
#: messages of the same codes that say something else (a unit's note defined twice)
_NOT_THESE = {("footnote-twice", "footnote '{id}' is already defined in {content}")}
#: the same said with the field's label, where it is not shown beside its field
_MISSING_FIELD = msg("missing-field-studio", "{field}: not filled in yet")


def named_path(problem: Problem, located: Path_) -> Path_:
    """The path whose place names `problem`: where it was located, but for a missing value
    the value itself (its parent and key are in the message), and the meta for what a form
    requires."""
    params = dict(problem.message.params) if isinstance(problem.message, Message) else {}
    if problem.code == "form_requires":
        return ("meta",)
    if problem.code == "missing" and isinstance(params.get("parent"), str):
        return (*path_from_dotted(params["parent"]), str(params.get("name")))
    return located


def path_from_dotted(text: str) -> Path_:
    """The data path a schema message writes ("blocks[0].body[1]")."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text):
        parts.append(int(index) if index else name)
    return tuple(parts)
#: hints written for someone editing the file ("under 'body:'"), said for the studio's fields
_STUDIO_HINTS = {
    "empty-section-hint": msg("empty-section-hint-studio", "add a paragraph with «+ Thêm», or "
                                                           "delete the section"),
    "footnote-define-hint": msg("footnote-define-hint-studio",
                                "write the note in the Footnotes part, or remove the call"),
    "legal-empty-hint": msg("legal-empty-hint-studio", "add its text with «+ Thêm»"),
    "legal-empty-article-hint": msg("legal-empty-hint-studio", "add its text with «+ Thêm»"),
    "legal-empty-clause-hint": msg("legal-empty-hint-studio", "add its text with «+ Thêm»"),
    "start-with-meta": None,
    # a blank is made in the editor from a run of dots (its fix), never by typing its source
    "blank-hint": msg("blank-hint-studio", "type a run of dots where the blank goes and "
                                           "take the fix offered"),
    "blank-width-hint": msg("blank-width-hint-studio", "make it narrower, or let it run to the "
                                                       "end of the line"),
    # a table is edited as a grid of cells: its rows and merged cells, not its source
    "table-ragged-hint": msg("table-ragged-hint-studio", "give this row as many cells as the "
                                                         "table has columns; a cell may stay "
                                                         "empty"),
    "table-declared-hint": msg("table-extra-hint-studio", "delete the extra cell, or add a "
                                                          "column"),
    "table-colspan-hint": msg("table-colspan-hint-studio", "merge fewer cells, or add a "
                                                           "column"),
    "table-rowspan-hint": msg("table-rowspan-hint-studio", "merge fewer rows, or add a row"),
    "table-header-rows-hint": msg("table-header-rows-hint-studio", "make fewer rows the "
                                                                   "table's heading, or add rows"),
    "legal-clause-belongs": msg("legal-clause-belongs-studio", "clauses stand in an article: "
                                                               "move it into an article's text"),
    "legal-part-belongs": msg("legal-part-belongs-studio", "parts stand at the top of the "
                                                           "document or of an attached text"),
    # a line of the file is no place a clerk can find
    "footnote-nested-hint": msg("footnote-nested-hint-studio", "a footnote cannot have "
                                                               "footnotes: write the text in"),
    "footnote-unused-hint": msg("footnote-unused-hint-studio", "call it with the «Chú thích» "
                                                               "button where it belongs, or "
                                                               "delete it"),
    "footnote-twice-hint": msg("footnote-twice-hint-studio", "a footnote has one call: write a "
                                                             "second note for the second place"),
    "duplicate-id-hint": msg("duplicate-id-hint-studio", "each section's id is used once in "
                                                         "a document"),
}
#: a blank's source in a message ("→ '{fill}'"), its quotes with it
_BLANK_QUOTED = re.compile(r"(['\"«]?)(" + BLANK.pattern + r")(['\"»]?)")


def _blank_words(match: re.Match[str]) -> str:
    if match.group("fill"):
        return str(msg("blank-shown-fill", "«……→» (a blank to the end of the line)"))
    if match.group("width"):
        return str(msg("blank-shown-width", "«……» (a blank {width} mm wide)",
                       width=match.group("width")))
    return str(msg("blank-shown", "«……» (a blank)"))


def blanks_as_shown(text: str) -> str:
    """`text` with each fill-in blank's source ("{fill}", "{blank:40}") said as the editor
    shows it (its dots) and in words: a clerk never sees the file's syntax."""
    return _BLANK_QUOTED.sub(_blank_words, text) if "{" in text else text


def hint_in_clerks_words(hint: Message | None) -> Message | None:
    """A hint as the studio gives it: one that speaks of the file's keys said of its fields."""
    if hint is None or not isinstance(hint, Message):
        return hint
    if hint.code in _STUDIO_HINTS:
        return _STUDIO_HINTS[hint.code]
    # what names a line of the file says nothing to someone who never saw it: left out
    return None if "line" in dict(hint.params) else hint


#: message parameters that carry a value's path in the data ("blocks[0].body[1]")
_PATH_PARAMS = ("field", "parent")
#: message parameters that carry a file's path (a server's folders): said by the file's name
_FILE_PARAMS = ("content", "file")


def in_clerks_words(message: Message, place: Message | None) -> Message:
    """`message` with the data path it names replaced by the place (`place_of`), and the meta
    fields a form requires named by their labels, not as `meta.signer`."""
    if message.code == "form_requires":
        fields = [str(name).removeprefix("meta.") for name in
                  str(dict(message.params).get("fields", "")).split(", ")]
        return msg("form-requires-fields", "still to fill in: {fields}",
                   fields=tuple(_META_LABELS.get(name, name) for name in fields))
    if message.code == "missing":
        name = str(dict(message.params).get("name"))
        return _MISSING_FIELD.given(field=place or field_label(name))
    said = _STUDIO_WORDS.get(message.code)
    if said is not None and (message.code, message.english) not in _NOT_THESE:
        return said
    where = place or msg("place-document", "the document")
    params = tuple((name, where if name in _PATH_PARAMS else
                    PurePath(value).name if name in _FILE_PARAMS and isinstance(value, str)
                    else value) for name, value in message.params)
    return message if params == message.params else \
        type(message)(message.code, message.english, params, message.plural)
