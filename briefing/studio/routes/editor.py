"""The editor: the document as fields, each change applied by `briefing.editing` and answered
with the new version, `check`'s findings by field, and (after structural changes) the fields
re-drawn.

Every route does its work (file I/O, the per-file lock, `check`, templates) in the thread pool,
never on the event loop; a refused change (`EditError`, `BriefingError`) is answered by the
app's handlers (`briefing.studio.app`).
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
from functools import partial
from typing import Any, NamedTuple

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.builds.draft_preview import checked_draft
from briefing.content.schema import BODY_ITEM_KEYS
from briefing.editing.addable import is_legal_text
from briefing.editing.document_files import document_title
from briefing.editing.field_findings import check_text
from briefing.editing.refusals import EditError
from briefing.editing.store import Snapshot
from briefing.editing.type_fields import fields_for, kind_is_typed, kind_name, type_options
from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.source.yaml_source import load_yaml
from briefing.studio.context import CANNOT_OPEN, Studio, json_body, page, studio_of
from briefing.studio.field_parts import changed_list, draw_list
from briefing.studio.routes.review import review_context
from briefing.studio.texts import (
    BLOCK_LABELS,
    META_FIELDS,
    TITLED_LABELS,
    add_kinds,
)
from briefing.studio.urls import edit_url
from briefing.validation.fixer import fix_text

#: operations that only change one value: the page keeps its fields, no re-draw needed
IN_PLACE = {"set_text", "set_meta", "set_footnote"}
#: meta fields that decide which fields the form shows (`type_fields.uses_field`): a change
#: of one re-draws the form at once
RESHAPING = {"type", "form", "profile"}
BROKEN = msg("studio-broken", "The document now has a YAML syntax error, so it cannot be shown "
             "as fields to edit: {problem}. Open the page again to edit it as text; what you "
             "are typing stays in its box.")


def _data(snapshot: Snapshot) -> Any:
    data = load_yaml(snapshot.name, snapshot.text).data
    return data if isinstance(data, dict) else {}


def fields_context(studio: Studio, snapshot: Snapshot) -> dict[str, Any]:
    data = _data(snapshot)
    return {"data": data, "version": snapshot.version,
            "meta_fields": fields_for(data, META_FIELDS),
            "name": snapshot.name, "labels": BLOCK_LABELS, "titled_labels": TITLED_LABELS,
            "kinds": [key for key, _ in BODY_ITEM_KEYS if key != "title"],
            "type_options": type_options(data), "add_kinds": partial(add_kinds, data),
            "legal_text": is_legal_text(data)}


def render_fields(studio: Studio, snapshot: Snapshot, meta_open: bool = False) -> dict[str, Any]:
    """The fields and the outline, re-drawn; for a file that is no longer valid YAML (an undo
    back to it, a save elsewhere), `broken` and the address of its text repair page instead."""
    try:
        context = fields_context(studio, snapshot) | {"meta_open": meta_open}
    except BriefingError as error:
        return {"broken": True, "url": edit_url(snapshot.name),
                "message": str(BROKEN.given(problem=error.problems[0].message))}
    env = studio.templates.env
    return {"doc": env.get_template("_doc.html").render(context),
            "outline": env.get_template("_outline.html").render(context)}


def state(studio: Studio, snapshot: Snapshot) -> dict[str, Any]:
    """What the page needs after any change: the version, the findings, whether undo works."""
    path = studio.store.path(snapshot.name)
    result = check_text(path, snapshot.text)
    report = result.report
    if report is not None and report.yaml is not None and "/" not in snapshot.name:
        # the preview of this text builds from what this check loaded: not loaded twice
        studio.previewer.checked(str(path), snapshot.text, checked_draft(
            report.loaded, report.yaml.data, report.problems))
    return {"version": snapshot.version, "check": result.as_json(),
            "can_undo": studio.store.can_undo(snapshot.name, snapshot.version),
            "can_redo": studio.store.can_redo(snapshot.name, snapshot.version)}


def _editor_page(studio: Studio, name: str) -> tuple[str, int, dict[str, Any]]:
    try:
        snapshot = studio.store.read(name)
    except EditError as error:
        return "message.html", 404, {"title": CANNOT_OPEN, "message": error.message}
    try:
        data = _data(snapshot)
    except BriefingError as error:
        return "broken.html", 200, {"name": name, "text": snapshot.text, "title": name,
                                    "version": snapshot.version, "problems": error.problems}
    return "editor.html", 200, {
        **fields_context(studio, snapshot), **review_context(studio, snapshot, data),
        "meta_open": False,
        "title": document_title(data, name), "kind": kind_name(data),
        "kind_typed": kind_is_typed(data),
        "can_undo": studio.store.can_undo(name, snapshot.version)}


async def editor(request: Request) -> Response:
    template, status, context = await run_in_threadpool(
        _editor_page, studio_of(request), request.path_params["name"])
    # a long document's fields are many: drawn in the pool too
    return await run_in_threadpool(page, request, template, status_code=status, **context)


def _state(studio: Studio, name: str, fields: bool) -> dict[str, Any]:
    snapshot = studio.store.read(name)
    answer = state(studio, snapshot)
    return answer | render_fields(studio, snapshot) if fields else answer


async def document_state(request: Request) -> Response:
    studio = studio_of(request)
    return JSONResponse(await run_in_threadpool(
        _state, studio, request.path_params["name"], bool(request.query_params.get("fields"))))


def fields_after(studio: Studio, snapshot: Snapshot,
                 operations: list[tuple[str, dict[str, Any]]], part: bool) -> dict[str, Any]:
    """The fields drawn again after a structural change: only the list of paragraphs a split
    or a join changed, when the page can swap one in (`part`); else all of them."""
    path = changed_list(operations) if part else None
    if path is not None:
        with contextlib.suppress(BriefingError):
            context = fields_context(studio, snapshot)
            html = draw_list(studio.templates.env, context, context["data"], path)
            if html is not None:
                return {"part": {"list": path, "html": html}}
    return render_fields(studio, snapshot)


def _change(studio: Studio, name: str, version: str,
            operations: list[tuple[str, dict[str, Any]]],
            hint: PreviewHint | None = None, part: bool = False) -> dict[str, Any]:
    done = studio.store.change_many(name, version, operations)
    answer = state(studio, done.snapshot) | {
        "focus": None if done.outcome.focus is None else list(done.outcome.focus),
        "info": done.outcome.info}
    if studio.prefetch and "/" not in name:
        # the new version's preview, started now that `check` is done (run beside it, both
        # would share one interpreter and each take longer): the page's request finds it
        # under way; in the request's language (a draft's blanks are worded when laid out)
        threading.Thread(target=contextvars.copy_context().run,
                         args=(_prefetch, studio, name, hint), daemon=True).start()
    if any(operation not in IN_PLACE or (operation == "set_meta" and args.get("field")
                                         in RESHAPING) for operation, args in operations):
        answer |= fields_after(studio, done.snapshot, operations, part)
    return answer


async def change(request: Request) -> Response:
    studio = studio_of(request)
    body = await json_body(request)
    return JSONResponse(await run_in_threadpool(
        _change, studio, request.path_params["name"], str(body.get("version")),
        _operations(body), PreviewHint.of(body.get("preview")), body.get("part") is True))


class PreviewHint(NamedTuple):
    """What the page will ask of the new version's preview (`preview.js`): the edited text,
    the page shown last, the pictures' width. The page it finds is drawn at once, while the
    answer and the page's own request for the preview are on their way."""

    focus: str
    near: int | None
    width: int

    @classmethod
    def of(cls, value: Any) -> PreviewHint | None:
        if not isinstance(value, dict) or not isinstance(value.get("focus"), str):
            return None
        near, width = value.get("near"), value.get("w")
        return cls(value["focus"][:400], near if isinstance(near, int) else None,
                   width if isinstance(width, int) else 900)


def _prefetch(studio: Studio, name: str, hint: PreviewHint | None = None) -> None:
    from briefing.preview.pages import Expired
    from briefing.studio.routes.preview import preview_state

    # what fails here, the page's own request reports
    with contextlib.suppress(EditError, BriefingError, OSError, Expired, IndexError):
        answer = preview_state(studio, name, None, None, hint.focus if hint else None,
                               hint.near if hint else None)
        build = studio.previewer.get(answer.get("key", ""))
        if hint and answer.get("page") is not None and build is not None and build.pages:
            build.pages.image(answer["page"], hint.width)


def _operations(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """`{"op", "args"}` or `{"ops": [{"op", "args"}, …]}` (fields saved together)."""
    items = body.get("ops") if "ops" in body else [body]
    if not isinstance(items, list) or not 0 < len(items) <= 200:
        raise EditError(msg("studio-request", "The request is not valid."))
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("op"), str):
            raise EditError(msg("studio-no-operation", "The operation is missing."))
        args = item.get("args") or {}
        if not isinstance(args, dict):
            raise EditError(msg("edit-arguments", "The operation's arguments are not valid."))
        out.append((item["op"], args))
    return out


def _redrawn(studio: Studio, snapshot: Snapshot) -> dict[str, Any]:
    return state(studio, snapshot) | render_fields(studio, snapshot)


def _history_step(studio: Studio, name: str, version: str, which: str) -> dict[str, Any]:
    step = studio.store.undo if which == "undo" else studio.store.redo
    return _redrawn(studio, step(name, version))


async def undo(request: Request) -> Response:
    """POST /api/undo/… and /api/redo/…: the last change undone, or made again."""
    studio = studio_of(request)
    body = await json_body(request)
    which = "redo" if request.url.path.startswith("/api/redo/") else "undo"
    return JSONResponse(await run_in_threadpool(_history_step, studio, request.path_params["name"],
                                                str(body.get("version")), which))


async def preview_line(request: Request) -> Response:
    """The line printed where the clerk clicked the preview (the page's fractions x, y)."""
    studio = studio_of(request)
    build = studio.previewer.get(request.path_params["key"])
    pages = build.pages if build is not None else None
    try:
        x, y = float(request.query_params["x"]), float(request.query_params["y"])
    except (KeyError, ValueError):
        raise EditError(msg("studio-request", "The request is not valid.")) from None
    text = "" if pages is None else await run_in_threadpool(
        pages.line_at, request.path_params["index"], x, y)
    return JSONResponse({"text": text})


def _fix_all(studio: Studio, name: str, version: str) -> dict[str, Any]:
    """Every safe fix at once, as `build.py check --fix` applies them (text edits in place)."""
    path = studio.store.path(name)
    snapshot = studio.store.replace_text(name, version,
                                         lambda current: fix_text(path, current.text)[0])
    return _redrawn(studio, snapshot)


async def fix_all(request: Request) -> Response:
    studio = studio_of(request)
    body = await json_body(request)
    return JSONResponse(await run_in_threadpool(_fix_all, studio, request.path_params["name"],
                                                str(body.get("version"))))


def _save_raw(studio: Studio, name: str, version: str, text: str) -> dict[str, Any]:
    return state(studio, studio.store.replace_text(name, version, lambda _: text))


async def save_raw(request: Request) -> Response:
    """A file that is not valid YAML (edited elsewhere) can still be repaired as text."""
    studio = studio_of(request)
    body = await json_body(request)
    text = body.get("text")
    if not isinstance(text, str):
        raise EditError(msg("studio-no-text", "The text is missing."))
    return JSONResponse(await run_in_threadpool(_save_raw, studio, request.path_params["name"],
                                                str(body.get("version")), text))


routes = [
    Route("/edit/{name:path}", editor),
    Route("/api/state/{name:path}", document_state),
    Route("/api/change/{name:path}", change, methods=["POST"]),
    Route("/api/undo/{name:path}", undo, methods=["POST"]),
    Route("/api/redo/{name:path}", undo, methods=["POST"]),
    Route("/api/preview-line/{key}/{index:int}", preview_line),
    Route("/api/fix-all/{name:path}", fix_all, methods=["POST"]),
    Route("/api/raw/{name:path}", save_raw, methods=["POST"]),
]
