"""The review of an import beside the editor: every guess the importer wrote (a `# guess:`
comment above a value) at its field, what it left out, and the text fixes it made; "seen"
removes a note from the file (with the version check of every change)."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.editing.import_review import Guess, guesses, without_note, without_notes
from briefing.editing.refusals import EditError
from briefing.editing.store import Snapshot
from briefing.messages import msg
from briefing.studio.context import Studio, json_body, studio_of
from briefing.studio.texts import META_FIELDS

AT_SECTION = msg("review-at-section", "at '{title}'")
AT_TOP = msg("review-at-top", "the whole document")


def _where(data: Any, path: tuple | None) -> str:
    """The field a note stands above, as the page labels it."""
    if not path:
        return str(AT_TOP)
    if path[0] == "meta":
        dotted = ".".join(str(p) for p in path[1:])
        return next((str(label) for key, label in META_FIELDS
                     if key == dotted or key.startswith(dotted + ".")), dotted)
    node: Any = data
    title = None
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("title"), str):
            title = node["title"]
    return str(AT_SECTION.given(title=title[:80])) if title else ".".join(map(str, path))


def _field(data: Any, path: tuple | None) -> tuple | None:
    """The field a note is about: a mapping of one value (`signer:` then `name:`) is that
    value's field."""
    if not path:
        return path
    node: Any = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return path
    while isinstance(node, dict) and len(node) == 1:
        key = next(iter(node))
        path, node = (*path, key), node[key]
    return path


def _item(data: Any, note: Guess) -> dict[str, Any]:
    path = _field(data, note.path)
    return {"line": note.line, "path": list(path) if path else None, "kind": note.kind,
            "text": note.text, "where": _where(data, path)}


def review_context(studio: Studio, snapshot: Snapshot, data: Any) -> dict[str, Any]:
    """What the editor page shows of the import: the notes still in the file, each at its
    field, and the fixes made when it was imported in this run of the studio."""
    return {"review": [_item(data, note) for note in guesses(snapshot.name, snapshot.text)],
            "import_fixes": studio.import_fixes.get(snapshot.name, [])}


def _seen(studio: Studio, name: str, version: str, line: Any) -> dict[str, Any]:
    if line == "all":
        snapshot = studio.store.replace_text(name, version, lambda s: without_notes(s.text))
        studio.import_fixes.pop(name, None)
    elif isinstance(line, int):
        snapshot = studio.store.replace_text(name, version,
                                             lambda s: without_note(s.text, line))
    else:
        raise EditError(msg("studio-request", "The request is not valid."))
    return {"version": snapshot.version}


async def seen(request: Request) -> Response:
    studio = studio_of(request)
    body = await json_body(request)
    return JSONResponse(await run_in_threadpool(
        _seen, studio, request.path_params["name"], str(body.get("version")), body.get("line")))


routes = [Route("/api/review/seen/{name:path}", seen, methods=["POST"])]
