"""The degrade gate: what `check` still rejects in an import is made plainer at its place,
never refused.

The importer reads structure from what a reader sees, and a reading can be wrong in ways the
content model refuses (a numbered paragraph where no number can be computed, a section left
without a body, a blank in a title). Each error `check` reports is traced back to the value it
names; the body item holding it becomes plain paragraphs of the same text, in the same order
(a section keeps its body: only its title becomes a paragraph), a table cell plain cell text,
a meta field its placeholder — each with a `# guess:` comment at its place. Only unsafe input
is refused, before this point.
"""

from __future__ import annotations

import bisect
from typing import Any

from briefing.importing.draft import Item, unwrap
from briefing.importing.guesses import Notebook, guess_comment
from briefing.importing.long_runs import breakable
from briefing.importing.markdown_text import escape
from briefing.importing.words import words
from briefing.messages import Message, msg
from briefing.problems import Position, Problem
from briefing.source.yaml_source import Path_, SourceMap
from briefing.text.inline_markdown import plain_text

#: Lists of body items: an element of one can stand as plain paragraphs instead.
BODY_LISTS = frozenset({"blocks", "preamble", "conclusion", "body", "points", "bullets",
                        "enumerate"})
#: Keys whose values are not text a reader reads in the body.
NOT_TEXT = frozenset({"id", "kind", "style", "start", "numbering", "align", "colspan",
                      "rowspan", "width", "header_rows", "columns", "figure", "inline", "titled",
                      "type"})
#: Items with a title over a body: only the title is made plain, the body stays.
HEADED = ("title", "part", "chapter", "division", "subdivision", "article")
#: Meta fields a content file cannot do without: set to their placeholder, never removed.
REQUIRED_META = {"issuer": "issuer", "place": "place", "date": None}


def texts_of(value: Any) -> list[str]:
    """Every text of `value` a reader reads, in order (ids, styles and the like left out)."""
    value = unwrap(value)
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        out: list[str] = []
        for key, item in value.items():
            if key not in NOT_TEXT:
                out += texts_of(item)
        return out
    if isinstance(value, list):
        return [text for item in value for text in texts_of(item)]
    return []


def paths_at(problems: list[Problem], source: SourceMap) -> list[Path_]:
    """The value each problem points at: the one written at its position, else the last one
    written before it (a problem inside a long paragraph points at a character)."""
    places = sorted({(p.line, p.col): path for table in (source.keys, source.values)
                     for path, p in table.items()}.items())
    keys = [place for place, _ in places]
    out: list[Path_] = []
    for problem in problems:
        position: Position = problem.position
        index = bisect.bisect_right(keys, (position.line, position.col)) - 1
        out.append(places[index][1] if index >= 0 else ())
    return out


def degrade(data: dict[str, Any], path: Path_, problem: Message, notes: Notebook) -> bool:
    """Make the value at `path` plainer so `check` can take it; False if nothing changed."""
    if not path:
        return False
    if problem.code == "overflow" and _long_runs(data, path, notes):
        return True
    if len(path) == 1 and path[0] in BODY_LISTS and not unwrap(data.get(path[0])):
        data.pop(path[0], None)  # a list left empty (its one item held no text)
        return True
    if path[0] == "meta":
        return _meta(data, path, problem, notes)
    if path[0] == "footnotes" and len(path) >= 2:
        notes_ = unwrap(data["footnotes"])
        text = " ".join(texts_of(notes_.get(path[1]))) or "…"
        changed = notes_.get(path[1]) != text
        notes_[path[1]] = text
        return changed
    if path[0] == "basis":
        basis = unwrap(data.pop("basis", []))
        data["preamble"] = [*_plain(basis, _basis_message(), problem, notes),
                            *data.get("preamble", [])]
        return bool(basis)
    if "table" in path and _cell(data, path, problem, notes):
        return True
    return _body_item(data, path, problem, notes)


def _long_runs(data: dict[str, Any], path: Path_, notes: Notebook) -> bool:
    """A run wider than a line made printable in the text at `path` (`long_runs`)."""
    steps = _walk(data, path)
    if not steps or len(steps) < len(path):
        return False
    container, key = steps[-1]
    text = unwrap(container[key])
    if not isinstance(text, str) or (broken := breakable(text)) == text:
        return False
    if isinstance(container[key], Item):
        container[key].value = broken
    else:
        container[key] = broken
    notes.guess(msg("degraded-long-run", "a run of characters wider than a line: a drawn line "
                    "left out, or spaces put where a long word may break"), None, text)
    return True


def _basis_message() -> Message:
    return msg("degraded-basis", "the Căn cứ lines")


def _walk(data: Any, path: Path_) -> list[tuple[Any, Any]]:
    """(container, key) for each step of `path` that exists."""
    steps: list[tuple[Any, Any]] = []
    node = data
    for step in path:
        node = unwrap(node)
        if (isinstance(node, dict) and step in node) or \
                (isinstance(node, list) and isinstance(step, int) and step < len(node)):
            steps.append((node, step))
            node = node[step]
        else:
            break
    return steps


def _cell(data: dict[str, Any], path: Path_, problem: Message, notes: Notebook) -> bool:
    steps = _walk(data, path)
    for index, (_, key) in enumerate(steps):
        if key == "table" and index + 2 < len(steps):
            row, column = steps[index + 2]
            cell = row[column]
            text = " ".join(texts_of(unwrap(cell).get("text", "") if isinstance(
                unwrap(cell), dict) else cell))
            if unwrap(cell) == text:
                return False
            row[column] = text
            _note(notes, msg("degraded-cell", "a table cell"), problem, text)
            return True
    return False


def _body_item(data: dict[str, Any], path: Path_, problem: Message, notes: Notebook) -> bool:
    steps = _walk(data, path)
    for container, key in reversed(steps):
        holder_key = _holder_key(steps, container)
        if not (isinstance(container, list) and holder_key in BODY_LISTS):
            continue
        item = unwrap(container[key])
        if isinstance(item, str):
            if not item.strip():
                del container[key]
                return True
            plain = escape(plain_text(item))
            if plain == item:
                continue  # a paragraph is already as plain as it gets: its holder goes
            container[key] = Item(plain, [guess_comment(_message(_text(), problem))])
            _note(notes, _text(), problem, plain)
            return True
        if holder_key in ("bullets", "enumerate", "points"):  # an item of paragraphs
            texts = texts_of(item)
            container[key] = _plain(texts, _what(item), problem, notes) if len(texts) != 1 \
                else Item(texts[0], [guess_comment(_message(_what(item), problem))])
            return True
        container[key:key + 1] = _plainer(item, problem, notes)
        return True
    return False


def _text() -> Message:
    return msg("degraded-text", "its inline marks")


def _holder_key(steps: list[tuple[Any, Any]], container: Any) -> Any:
    for parent, key in steps:
        if unwrap(parent[key]) is container:
            return key
    return None


def _plainer(item: Any, problem: Message, notes: Notebook) -> list[Any]:
    """A body item as plain paragraphs: a headed item's title, then its body kept as it is;
    any other item all its texts; a list item (a list of paragraphs) its texts."""
    what = _what(item)
    if isinstance(item, dict):
        head = next((key for key in HEADED if key in item), None)
        if head is not None:
            title = texts_of(item.get(head))
            return [*_plain(title, what, problem, notes), *item.get("body", [])]
        if "figure" in item:
            notes.dropped(msg("degraded-figure", "a picture check cannot take was left out: "
                              "{problem}", problem=problem), None, str(item["figure"]))
            return _plain(texts_of(item), what, problem, notes)
    return _plain(texts_of(item), what, problem, notes)


def _plain(texts: list[str], what: Message, problem: Message, notes: Notebook) -> list[Any]:
    out: list[Any] = list(texts)
    if out:
        _note(notes, what, problem, out[0])
        out[0] = Item(out[0], [guess_comment(_message(what, problem))])
    return out


def _what(item: Any) -> Message:
    if isinstance(item, dict):
        key = next(iter(item), "")
        return msg("degraded-what", "'{key}'", key=key)
    return msg("degraded-list-item", "a list item")


def _message(what: Message, problem: Message) -> Message:
    return msg("degraded", "read as {what}, which check refuses here ({problem}): kept as plain "
                           "text", what=what, problem=problem)


def _note(notes: Notebook, what: Message, problem: Message, text: str) -> None:
    notes.guess(_message(what, problem), None, text)


def _meta(data: dict[str, Any], path: Path_, problem: Message, notes: Notebook) -> bool:
    meta = unwrap(data["meta"])
    key = path[1] if len(path) > 1 else None
    holders = words()["placeholders"]
    if key in REQUIRED_META:
        holder = REQUIRED_META[key]
        value: Any = {"name": holders[holder]} if key == "issuer" else \
            holders[holder] if holder else "2000"
        if unwrap(meta.get(key)) == value:
            return False
        meta[key] = Item(value, [guess_comment(_message(msg("degraded-meta", "meta.{key}",
                                                            key=key), problem))])
    elif key is not None and key in meta and key not in ("form", "profile"):
        del meta[key]
    elif meta.get("form") != "booklet":
        meta["form"] = "booklet"
        key = "form"
    else:
        return False
    notes.guess(_message(msg("degraded-meta", "meta.{key}", key=key), problem))
    return True


def plain_document(data: dict[str, Any], notes: Notebook) -> dict[str, Any]:
    """The last resort: every text of the body, in order, as the paragraphs of one section,
    under a meta of placeholders where the read meta was refused."""
    texts = [text for key in ("preamble", "blocks", "conclusion", "appendices")
             for text in texts_of(data.get(key, []))]
    notes.guess(msg("degraded-document", "the structure read from the source does not pass "
                                         "check: the text is kept as plain paragraphs"))
    holders = words()["placeholders"]
    meta = {key: value for key, value in unwrap(data["meta"]).items()
            if key in ("profile", "issuer", "place", "date")}
    meta.setdefault("issuer", {"name": holders["issuer"]})
    meta.setdefault("place", holders["place"])
    meta.setdefault("date", "2000")
    body = [escape(plain_text(text)) for text in texts] or ["…"]
    return {"meta": meta, "blocks": [Item({"id": "noi-dung", "kind": "section",
                                           "title": "Nội dung", "body": body},
                                          [guess_comment(msg("degraded-document-comment",
                                                             "the source's text as plain "
                                                             "paragraphs"))])]}
