"""Archived editions: create (date, name), list, verify, compare, download as a ZIP.

Builds (a new edition, a rebuild to verify one) run in the thread pool, under the preview
engine's render lock (`briefing.preview.rendering.rendering`) and with both formats written in
this process: never a child forked from the studio's threads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from briefing.editing import document_files as documents
from briefing.editing.date_fields import shown_date, stored_date
from briefing.editing.refusals import EditError
from briefing.editions.bundle import revision_zip
from briefing.editions.compare import SideBySide, side_by_side_archived
from briefing.editions.creating import (
    EditionOrder,
    create_edition,
    every_variant,
    refused_edition,
)
from briefing.editions.layout import Archive, Reference
from briefing.editions.listing import document_of, listed
from briefing.editions.verify import verify_revision
from briefing.messages import msg
from briefing.preview.rendering import rendering
from briefing.problems import BriefingError
from briefing.studio.context import Studio, json_body, page, studio_of


def _archive(studio: Studio) -> Archive:
    return Archive(studio.archive_folder())  # not through a link planted in output/


def _revisions(studio: Studio) -> list[dict[str, Any]]:
    rows = []
    for entry in listed(_archive(studio)):
        file, title = document_of(entry)
        rows.append({"label": entry.revision.label, "name": entry.revision.edition,
                     "number": entry.revision.number, "broken": entry.manifest is None,
                     "date": entry.manifest.date if entry.manifest else "",
                     "file": file, "title": title,
                     "variants": [v.name for v in entry.manifest.variants]
                     if entry.manifest else []})
    return rows


async def editions_page(request: Request) -> Response:
    studio = studio_of(request)
    contents = await run_in_threadpool(documents.content_names, studio.store)
    revisions = await run_in_threadpool(_revisions, studio)
    return page(request, "editions.html", nav="editions", contents=contents,
                revisions=revisions, chosen=request.query_params.get("content") or "",
                today=shown_date(dt.date.today().isoformat()))


def _create(studio: Studio, content: str, date: str, name: str, new_revision: bool) -> dict:
    path = studio.store.path(content)
    if not path.is_file():
        raise EditError(msg("edit-missing", "This document was not found."))
    order = EditionOrder(every_variant(path, studio.content), stored_date(date), _archive(studio),
                         name=name or None, new_revision=new_revision, parallel_formats=False,
                         stamped=False,
                         date_field=str(msg("studio-edition-date", "Edition date")),
                         name_field=str(msg("studio-edition-name", "Edition name")))
    try:
        with rendering():
            outcome = create_edition(order)
    except BriefingError as error:
        raise refused_edition(error, order) from None
    return {"label": outcome.revision.label, "created": outcome.created,
            "variants": [r.name for r in outcome.results], "seconds": round(outcome.seconds, 1)}


async def create(request: Request) -> Response:
    studio = studio_of(request)
    body = await json_body(request)
    return JSONResponse(await run_in_threadpool(
        _create, studio, str(body.get("content") or ""), str(body.get("date") or ""),
        str(body.get("name") or "").strip(), bool(body.get("new_revision"))))


def _reference(text: str) -> Reference:
    return Reference.parse(text)


def _verify(studio: Studio, label: str, rebuild: bool) -> dict[str, Any]:
    revision = _archive(studio).revision(_reference(label))
    with rendering():
        manifest, problems = verify_revision(revision, rebuild, parallel_formats=False)
    errors = [p for p in problems if p.severity == "error"]
    return {"label": revision.label, "ok": not errors and manifest is not None,
            "files": len(manifest.files) if manifest else 0,
            "rebuilt": rebuild and not errors,
            "problems": [{"severity": p.severity, "text": str(p)} for p in problems]}


async def verify(request: Request) -> Response:
    studio = studio_of(request)
    if request.headers.get("content-type", "").startswith("application/json"):
        body: Any = await json_body(request)
    else:  # htmx posts the button's values as a form
        body = dict(await request.form(max_files=0, max_fields=4))
    answer = await run_in_threadpool(_verify, studio, str(body.get("label") or ""),
                                     bool(body.get("rebuild")))
    return _verify_fragment(request, answer) if request.headers.get("hx-request") else \
        JSONResponse(answer)


def _verify_fragment(request: Request, answer: dict[str, Any]) -> Response:
    studio = studio_of(request)
    html = studio.templates.env.get_template("_verify.html").render(result=answer)
    return HTMLResponse(html)


def _diff(studio: Studio, old: str, new: str) -> list[SideBySide]:
    return side_by_side_archived(_archive(studio), old, new)


async def diff(request: Request) -> Response:
    studio = studio_of(request)
    old = request.query_params.get("old") or ""
    new = request.query_params.get("new") or ""
    pairs = await run_in_threadpool(_diff, studio, old, new)
    html = studio.templates.env.get_template("_diff.html").render(pairs=pairs, old=old, new=new)
    return HTMLResponse(html)


def _zip(studio: Studio, label: str) -> tuple[str, bytes]:
    return revision_zip(_archive(studio), _reference(label))


async def download_zip(request: Request) -> Response:
    studio = studio_of(request)
    filename, data = await run_in_threadpool(_zip, studio, request.path_params["label"])
    return Response(data, media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


routes = [
    Route("/editions", editions_page),
    Route("/api/editions/new", create, methods=["POST"]),
    Route("/api/editions/verify", verify, methods=["POST"]),
    Route("/api/editions/diff", diff),
    Route("/editions/zip/{label}", download_zip),
]
