"""Footnotes: insert one at the cursor (the call `[^id]` and its definition together), edit
its text, delete it with its calls. Numbers are never stored: the build computes them."""

from __future__ import annotations

import re
from typing import Any

from briefing.editing.items import clean_text, styled_like
from briefing.editing.paths import Path_, get, parent_of
from briefing.editing.refusals import EditError
from briefing.editing.yamltext import new_map, new_seq
from briefing.messages import msg
from briefing.text.inline_markdown import FOOTNOTE_CALL, FOOTNOTE_ID
from briefing.text.slug import slug, unique

ID_PATTERN = re.compile(FOOTNOTE_ID)


def _notes(tree: Any, create: bool = False) -> Any:
    notes = tree.get("footnotes")
    if notes is None and create:
        notes = new_map()
        _insert_before(tree, "footnotes", notes, ("preamble", "blocks"))
    if notes is not None and not isinstance(notes, dict):
        raise EditError(msg("edit-footnotes-shape", "The document's footnotes are not in the right "
                            "form."))
    return notes


def _insert_before(mapping: Any, key: str, value: Any, before: tuple[str, ...]) -> None:
    keys = list(mapping.keys())
    for name in before:
        if name in keys:
            mapping.insert(keys.index(name), key, value)
            return
    mapping[key] = value


def new_id(tree: Any, text: str) -> str:
    return unique(slug(text, fallback="chu-thich", words=4), _notes(tree) or {})


def insert_footnote(tree: Any, path: Path_, offset: int, text: str) -> str:
    """Put a call at character `offset` of the text at `path` and define the note."""
    note = clean_text(text)
    if not note:
        raise EditError(msg("edit-footnote-empty", "Type the text of the footnote."))
    container, key = parent_of(tree, path)
    value = get(tree, path)
    if not isinstance(value, str):
        raise EditError(msg("edit-footnote-where", "A footnote can only be inserted into a text."))
    offset = max(0, min(int(offset), len(value)))
    if any(m.start() < offset < m.end() for m in FOOTNOTE_CALL.finditer(value)):
        raise EditError(msg("edit-footnote-inside-call", "A footnote cannot be inserted inside "
                            "another footnote call."))
    identifier = new_id(tree, note)
    notes = _notes(tree, create=True)
    notes[identifier] = note
    container[key] = styled_like(value, f"{value[:offset]}[^{identifier}]{value[offset:]}")
    return identifier


def set_footnote(tree: Any, identifier: str, text: Any) -> None:
    notes = _notes(tree)
    if not notes or identifier not in notes:
        raise EditError(msg("edit-footnote-gone", "This footnote is no longer in the document."))
    if isinstance(text, list):
        paragraphs = [clean_text(t) for t in text]
        notes[identifier] = paragraphs[0] if len(paragraphs) == 1 else new_seq(paragraphs)
        return
    notes[identifier] = styled_like(notes[identifier], clean_text(text))


def add_footnote(tree: Any, identifier: str, text: str) -> None:
    """Define a note under a given id (to repair a call whose definition is missing)."""
    if not ID_PATTERN.fullmatch(identifier or ""):
        raise EditError(msg("edit-footnote-id", "A footnote id has only letters without accents, "
                            "digits, '-' and '_'."))
    notes = _notes(tree, create=True)
    if identifier in notes:
        raise EditError(msg("edit-footnote-taken", "A footnote with this id exists already."))
    notes[identifier] = clean_text(text)


def delete_footnote(tree: Any, identifier: str) -> int:
    """Remove the note and every call of it; returns the number of calls removed."""
    notes = _notes(tree)
    if not notes or identifier not in notes:
        raise EditError(msg("edit-footnote-gone", "This footnote is no longer in the document."))
    del notes[identifier]
    call = f"[^{identifier}]"
    removed = 0

    def walk(node: Any) -> None:
        nonlocal removed
        items = node.items() if isinstance(node, dict) else enumerate(node) \
            if isinstance(node, list) else ()
        for key, value in list(items):
            if node is notes:
                continue
            if isinstance(value, str) and call in value:
                removed += value.count(call)
                node[key] = styled_like(value, value.replace(call, ""))
            elif isinstance(value, (dict, list)):
                walk(value)

    walk(tree)
    return removed
