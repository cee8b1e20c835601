"""The editor: the document as fields, each change applied by `briefing.editing` and answered
with the new version, `check`'s findings by field, and (after structural changes) the fields
re-drawn."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.editing.errors import EditError
from briefing.editing.findings import check_text
from briefing.editing.store import Snapshot
from briefing.errors import BriefingError
from briefing.source.yaml_source import load_yaml
from briefing.studio.context import Studio, failure, json_body, page, studio_of
from briefing.studio.texts import ITEM_KINDS, META_FIELDS
from briefing.validation.fixer import fix_text

#: operations that only change one value: the page keeps its fields, no re-draw needed
IN_PLACE = {"set_text", "set_meta", "set_footnote"}


def _data(snapshot: Snapshot) -> Any:
    data = load_yaml(snapshot.name, snapshot.text).data
    return data if isinstance(data, dict) else {}


def fields_context(studio: Studio, snapshot: Snapshot) -> dict[str, Any]:
    return {"data": _data(snapshot), "version": snapshot.version, "meta_fields": META_FIELDS,
            "item_kinds": ITEM_KINDS, "name": snapshot.name}


def render_fields(studio: Studio, snapshot: Snapshot, meta_open: bool = False) -> dict[str, str]:
    context = fields_context(studio, snapshot) | {"meta_open": meta_open}
    env = studio.templates.env
    return {"doc": env.get_template("_doc.html").render(context),
            "outline": env.get_template("_outline.html").render(context)}


def state(studio: Studio, snapshot: Snapshot) -> dict[str, Any]:
    """What the page needs after any change: the version, the findings, whether undo works."""
    result = check_text(studio.store.path(snapshot.name), snapshot.text)
    return {"version": snapshot.version, "check": result.as_json(),
            "can_undo": studio.store.can_undo(snapshot.name, snapshot.version)}


async def editor(request: Request) -> Response:
    studio = studio_of(request)
    name = request.path_params["name"]
    try:
        snapshot = studio.store.read(name)
    except EditError as error:
        return page(request, "message.html", title="Không mở được tài liệu",
                    message=error.message, status_code=404)
    try:
        data = _data(snapshot)
    except BriefingError as error:
        return page(request, "broken.html", name=name, text=snapshot.text,
                    version=snapshot.version, problems=error.problems, title=name)
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    title = str(meta.get("subject") or meta.get("title") or name)
    return page(request, "editor.html", **fields_context(studio, snapshot), title=title,
                can_undo=studio.store.can_undo(name, snapshot.version), meta_open=False)


async def document_state(request: Request) -> Response:
    studio = studio_of(request)
    try:
        snapshot = studio.store.read(request.path_params["name"])
        answer = await run_in_threadpool(state, studio, snapshot)
    except EditError as error:
        return failure(error)
    if request.query_params.get("fields"):
        answer |= render_fields(studio, snapshot)
    return JSONResponse(answer)


async def change(request: Request) -> Response:
    studio = studio_of(request)
    name = request.path_params["name"]
    try:
        body = await json_body(request)
        operations = _operations(body)
        done = await run_in_threadpool(studio.store.change_many, name,
                                       str(body.get("version")), operations)
        if studio.prefetch and "/" not in name:  # the new version's preview: build it now
            threading.Thread(target=_prefetch, args=(studio, name), daemon=True).start()
        answer = await run_in_threadpool(state, studio, done.snapshot)
    except (EditError, BriefingError) as error:
        return failure(error)
    answer |= {"focus": None if done.outcome.focus is None else list(done.outcome.focus),
               "info": done.outcome.info}
    if any(operation not in IN_PLACE for operation, _ in operations):
        answer |= render_fields(studio, done.snapshot)
    return JSONResponse(answer)


def _prefetch(studio: Studio, name: str) -> None:
    from briefing.studio.routes.preview import preview_state

    with contextlib.suppress(EditError, BriefingError, OSError):  # the page's request reports
        preview_state(studio, name, None, None, None)


def _operations(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """`{"op", "args"}` or `{"ops": [{"op", "args"}, …]}` (fields saved together)."""
    items = body.get("ops") if "ops" in body else [body]
    if not isinstance(items, list) or not 0 < len(items) <= 200:
        raise EditError("Yêu cầu không hợp lệ.")
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("op"), str):
            raise EditError("Thiếu thao tác.")
        args = item.get("args") or {}
        if not isinstance(args, dict):
            raise EditError("Tham số của thao tác không hợp lệ.")
        out.append((item["op"], args))
    return out


async def undo(request: Request) -> Response:
    studio = studio_of(request)
    try:
        body = await json_body(request)
        snapshot = studio.store.undo(request.path_params["name"], str(body.get("version")))
        answer = await run_in_threadpool(state, studio, snapshot)
    except (EditError, BriefingError) as error:
        return failure(error)
    return JSONResponse(answer | render_fields(studio, snapshot))


async def fix_all(request: Request) -> Response:
    """Every safe fix at once, as `build.py check --fix` applies them (text edits in place)."""
    studio = studio_of(request)
    name = request.path_params["name"]
    try:
        body = await json_body(request)
        snapshot = await run_in_threadpool(
            studio.store.replace_text, name, str(body.get("version")),
            lambda current: fix_text(studio.store.path(name), current.text)[0])
        answer = await run_in_threadpool(state, studio, snapshot)
    except (EditError, BriefingError) as error:
        return failure(error)
    return JSONResponse(answer | render_fields(studio, snapshot))


async def save_raw(request: Request) -> Response:
    """A file that is not valid YAML (edited elsewhere) can still be repaired as text."""
    studio = studio_of(request)
    try:
        body = await json_body(request)
        text = body.get("text")
        if not isinstance(text, str):
            raise EditError("Thiếu nội dung.")
        snapshot = studio.store.replace_text(request.path_params["name"],
                                             str(body.get("version")), lambda _: text)
        answer = await run_in_threadpool(state, studio, snapshot)
    except (EditError, BriefingError) as error:
        return failure(error)
    return JSONResponse(answer)


routes = [
    Route("/edit/{name:path}", editor),
    Route("/api/state/{name:path}", document_state),
    Route("/api/change/{name:path}", change, methods=["POST"]),
    Route("/api/undo/{name:path}", undo, methods=["POST"]),
    Route("/api/fix-all/{name:path}", fix_all, methods=["POST"]),
    Route("/api/raw/{name:path}", save_raw, methods=["POST"]),
]
