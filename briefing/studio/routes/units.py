"""Units and meetings of a briefing: preview a variant, edit a unit's identity and choose the
sections its copy keeps. File reads and writes run in the thread pool."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.editing.document_files import document_title
from briefing.editing.folder_listing import Unopenable, list_folder
from briefing.editing.meeting_files import kept_sections, new_meeting
from briefing.editing.refusals import EditError
from briefing.editing.store import Snapshot
from briefing.editing.unit_files import OVERRIDES, excluded, new_unit, outline, rules_for
from briefing.problems import BriefingError
from briefing.source.yaml_source import load_yaml
from briefing.studio.context import CANNOT_OPEN, Studio, json_body, page, studio_of
from briefing.studio.routes.preview import variant_spec
from briefing.studio.texts import META_FIELDS

LABELS = dict(META_FIELDS)


def _parsed(snapshot: Snapshot) -> Any:
    try:
        data = load_yaml(snapshot.name, snapshot.text).data
    except BriefingError:
        data = {}
    return data if isinstance(data, dict) else {}


def _data(studio: Studio, name: str) -> Any:
    snapshot = studio.store.read(name)
    return _parsed(snapshot), snapshot.version


def _rows(studio: Studio, folder: str, key: str) -> tuple[list[dict[str, Any]], list[Unopenable]]:
    """The unit (or meeting) files, each with its code and name; those that cannot be
    opened apart, with their reasons (one odd file never takes the page down)."""
    listing = list_folder(studio.store, folder)
    rows = []
    for snapshot in listing.opened:
        file = snapshot.name.split("/", 1)[1]
        data = _parsed(snapshot)
        info = data.get(key) if isinstance(data.get(key), dict) else {}
        rows.append({"file": file, "code": info.get("code") or file[:-5],
                     "name": info.get("name") or file})
    return rows, listing.unopenable


def _chosen(studio: Studio, folder: str, file: str) -> tuple[str, Any, str]:
    """The unit or meeting file chosen (none: the briefing itself), its data and version."""
    if not file:
        return "", {}, ""
    try:
        data, version = _data(studio, f"{folder}/{file}")
    except EditError:
        return "", {}, ""
    return file, data, version


def _kept(studio: Studio, name: str, unit: str, meeting: str) -> set[str] | None:
    """The sections the chosen variant keeps (None for the briefing itself: all of them)."""
    if not unit and not meeting:
        return None
    spec = variant_spec(studio, name, unit or None, meeting or None)
    try:
        return kept_sections(spec.job())
    except BriefingError:
        return None  # a variant that cannot be made: the preview says why


def _units_page(studio: Studio, name: str, unit: str,
                meeting: str) -> tuple[str, int, dict[str, Any]]:
    try:
        briefing, _ = _data(studio, name)
    except EditError as error:
        return "message.html", 404, {"title": CANNOT_OPEN, "message": error.message}
    units, broken_units = _rows(studio, "units", "unit")
    meetings, broken_meetings = _rows(studio, "meetings", "meeting")
    chosen, unit_data, unit_version = _chosen(studio, "units", unit)
    meeting, meeting_data, meeting_version = _chosen(studio, "meetings", meeting)
    entries = outline(briefing)
    targets = rules_for(unit_data)
    rules_elsewhere = targets is not None and name.removesuffix(".yaml") not in targets
    return "units.html", 200, {
        "nav": "documents", "name": name, "title": document_title(briefing, name),
        "units": units, "meetings": meetings, "unopenable": broken_units + broken_meetings,
        "chosen": chosen, "unit": unit_data, "unit_version": unit_version, "entries": entries,
        "meeting": meeting, "meeting_data": meeting_data, "meeting_version": meeting_version,
        "kept": _kept(studio, name, chosen, meeting),
        "excluded": excluded(unit_data, entries), "rules_elsewhere": rules_elsewhere,
        "targets": targets or [], "overrides": [(f, LABELS.get(f, f)) for f in OVERRIDES]}


async def units_page(request: Request) -> Response:
    query = request.query_params
    template, status, context = await run_in_threadpool(
        _units_page, studio_of(request), request.path_params["name"],
        query.get("unit") or "", query.get("meeting") or "")
    # a long document's fields are many: drawn in the pool too
    return await run_in_threadpool(page, request, template, status_code=status, **context)


async def create_unit(request: Request) -> Response:
    studio = studio_of(request)
    body = await json_body(request)
    name = await run_in_threadpool(new_unit, studio.store, str(body.get("code") or ""),
                                   str(body.get("name") or ""))
    return JSONResponse({"name": name, "file": name.split("/", 1)[1]})


async def create_meeting(request: Request) -> Response:
    studio = studio_of(request)
    body = await json_body(request)
    name = await run_in_threadpool(new_meeting, studio.store, str(body.get("name") or ""),
                                   str(body.get("date") or ""))
    return JSONResponse({"name": name, "file": name.split("/", 1)[1]})


routes = [
    Route("/units/{name:path}", units_page),
    Route("/api/units/new", create_unit, methods=["POST"]),
    Route("/api/meetings/new", create_meeting, methods=["POST"]),
]
