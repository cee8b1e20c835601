"""Units and meetings of a briefing: preview a variant, edit a unit's identity and choose the
sections its copy keeps."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.editing.errors import EditError
from briefing.editing.units import OVERRIDES, excluded, new_unit, outline, rules_for
from briefing.errors import BriefingError
from briefing.source.yaml_source import load_yaml
from briefing.studio.context import Studio, failure, json_body, page, studio_of
from briefing.studio.texts import META_FIELDS

LABELS = dict(META_FIELDS)


def _files(studio: Studio, folder: str) -> list[str]:
    where = studio.content / folder
    return sorted(p.name for p in where.glob("*.yaml") if p.is_file()) if where.is_dir() else []


def _data(studio: Studio, name: str) -> Any:
    snapshot = studio.store.read(name)
    try:
        data = load_yaml(name, snapshot.text).data
    except BriefingError:
        data = {}
    return (data if isinstance(data, dict) else {}), snapshot.version


def _unit_rows(studio: Studio) -> list[dict[str, Any]]:
    rows = []
    for file in _files(studio, "units"):
        data, _ = _data(studio, f"units/{file}")
        unit = data.get("unit") if isinstance(data.get("unit"), dict) else {}
        rows.append({"file": file, "code": unit.get("code") or file[:-5],
                     "name": unit.get("name") or file})
    return rows


def _meeting_rows(studio: Studio) -> list[dict[str, Any]]:
    rows = []
    for file in _files(studio, "meetings"):
        data, _ = _data(studio, f"meetings/{file}")
        meeting = data.get("meeting") if isinstance(data.get("meeting"), dict) else {}
        rows.append({"file": file, "name": meeting.get("name") or file})
    return rows


async def units_page(request: Request) -> Response:
    studio = studio_of(request)
    name = request.path_params["name"]
    try:
        briefing, _ = _data(studio, name)
    except EditError as error:
        return page(request, "message.html", title="Không mở được tài liệu",
                    message=error.message, status_code=404)
    units = _unit_rows(studio)
    chosen = request.query_params.get("unit") or (units[0]["file"] if units else "")
    unit_data, unit_version = ({}, "")
    if chosen:
        try:
            unit_data, unit_version = _data(studio, f"units/{chosen}")
        except EditError:
            chosen = ""
    entries = outline(briefing)
    targets = rules_for(unit_data)
    rules_elsewhere = targets is not None and name.removesuffix(".yaml") not in targets
    meta = briefing.get("meta") if isinstance(briefing.get("meta"), dict) else {}
    return page(request, "units.html", nav="documents", name=name,
                title=str(meta.get("subject") or name), units=units,
                meetings=_meeting_rows(studio), chosen=chosen, unit=unit_data,
                unit_version=unit_version, entries=entries,
                excluded=excluded(unit_data, entries), rules_elsewhere=rules_elsewhere,
                targets=targets or [],
                overrides=[(f, LABELS.get(f, f)) for f in OVERRIDES])


async def create_unit(request: Request) -> Response:
    studio = studio_of(request)
    try:
        body = await json_body(request)
        name = new_unit(studio.store, str(body.get("code") or ""), str(body.get("name") or ""))
    except EditError as error:
        return failure(error)
    return JSONResponse({"name": name, "file": name.split("/", 1)[1]})


routes = [
    Route("/units/{name:path}", units_page),
    Route("/api/units/new", create_unit, methods=["POST"]),
]
