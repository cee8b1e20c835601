"""Live preview (PDF pages as images) and the DOCX / PDF downloads, of a document or of one of
its unit and meeting variants."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from briefing.builds.variants import VariantJob
from briefing.editing.field_findings import clerks_lines
from briefing.editing.refusals import EditError
from briefing.editing.store import version_of, writing
from briefing.messages import joined, msg
from briefing.preview.marks import draft_marks
from briefing.preview.outputs import VariantSpec, build_outputs, load, output_dir
from briefing.preview.pages import Expired
from briefing.preview.resident import Build
from briefing.problems import BriefingError
from briefing.studio.context import Studio, page, studio_of
from briefing.studio.urls import edit_url

MEDIA = {"pdf": "application/pdf",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def variant_spec(studio: Studio, name: str, unit: str | None, meeting: str | None) -> VariantSpec:
    """The variant the query names; every file confined to content/ (units/, meetings/)."""
    content = studio.store.path(name)
    if not content.is_file():
        raise EditError(msg("edit-missing", "This document was not found."))
    unit_path = meeting_path = None
    if unit:
        unit_path = studio.store.path(f"units/{unit}")
        if not unit_path.is_file():
            raise EditError(msg("studio-unit-missing", "This unit was not found."))
    if meeting:
        meeting_path = studio.store.path(f"meetings/{meeting}")
        if not meeting_path.is_file():
            raise EditError(msg("studio-meeting-missing", "This meeting was not found."))
    return VariantSpec(content, unit_path, meeting_path)


def _key(spec: VariantSpec, job: VariantJob) -> str:
    """The build's key: which files, and the versions of the bytes read (once) for it."""
    files = [job.content, job.unit, job.meeting]
    versions = [version_of(f.data) if f is not None else "-" for f in files]
    return hashlib.sha256("|".join(map(str, [spec.content, spec.unit, spec.meeting,
                                             *versions])).encode()).hexdigest()[:24]


def _describe(build: Build, focus: str | None, near: int | None = None,
              said: tuple[str, str] = ("", "")) -> dict[str, Any]:
    """The build's pages and problems; `said`: the content's name and text, whose problems
    are said in the clerk's words (their place, no file, line or server path)."""
    pages = build.pages
    answer: dict[str, Any] = {"key": build.key, "seconds": round(build.seconds, 3)}
    if pages is not None:
        answer |= {"pages": pages.count,
                   "ratio": [round(h / w, 4) for w, h in pages.sizes],
                   "page": pages.page_of(focus, near) if focus else None,
                   "warnings": clerks_lines(*said, build.warnings) if build.warnings else []}
    if pages is not None and build.draft is not None and not build.draft.complete:
        answer["marks"] = draft_marks(build.draft, pages)
    return answer


def preview_state(studio: Studio, name: str, unit: str | None, meeting: str | None,
                  focus: str | None, near: int | None = None) -> dict[str, Any]:
    spec = variant_spec(studio, name, unit, meeting)
    job = spec.job()  # every source read once: the bytes keyed are the bytes built
    key = _key(spec, job)
    slot = f"{name}|{unit}|{meeting}"
    version = version_of(job.content.data)

    build = studio.previewer.build(slot, key, lambda: load(
        spec, job, draft=True, checked=studio.previewer.take_checked(
            str(spec.content), job.content.text) if spec.is_base else None))
    if build is None:
        return {"status": "superseded", "version": version}
    if build.ok:
        return {"status": "ok", "version": version,
                **_describe(build, focus, near, (name, job.content.text))}
    answer: dict[str, Any] = {"status": "errors", "version": version,
                              "errors": sum(p.severity == "error" for p in build.problems),
                              "problems": clerks_lines(name, job.content.text, build.problems)}
    good = studio.previewer.last_good(slot)
    if good is not None:
        answer["last_good"] = _describe(good, focus, near, (name, job.content.text))
    return answer


async def preview(request: Request) -> Response:
    studio = studio_of(request)
    query = request.query_params
    focus = (query.get("focus") or "")[:400] or None
    near = query.get("near")
    return JSONResponse(await run_in_threadpool(
        preview_state, studio, request.path_params["name"], query.get("unit") or None,
        query.get("meeting") or None, focus, int(near) if near and near.isdigit() else None))


async def page_image(request: Request) -> Response:
    studio = studio_of(request)
    build = studio.previewer.get(request.path_params["key"])
    index = request.path_params["index"]
    if build is None or build.pages is None or not 0 <= index < build.pages.count:
        return Response(str(_EXPIRED), status_code=404)
    try:
        width = int(request.query_params.get("w", "900"))
    except ValueError:
        width = 900
    try:
        image = await run_in_threadpool(build.pages.image, index, width)
    except Expired:
        return Response(str(_EXPIRED), status_code=404)
    return Response(image, media_type="image/png",
                    headers={"cache-control": "private, max-age=600"})


_EXPIRED = msg("studio-preview-expired", "The preview page has expired.")


NOT_WRITTEN = msg("studio-not-written", "'{name}' was not made: {reason}. The files made "
                  "before are kept as they were.")


class NotBuilt(EditError):
    """The document (or its variant) has errors: no file is made."""

    status = 422


def _download(studio: Studio, name: str, unit: str | None, meeting: str | None,
              fmt: str) -> Path:
    spec = variant_spec(studio, name, unit, meeting)
    output_dir(spec, studio.output_folder())  # a link planted in output/: refused, not built
    try:
        with writing(None, NOT_WRITTEN):
            targets, _ = build_outputs(spec, studio.output)
    except BriefingError as error:
        errors = [p for p in error.problems if p.severity == "error"] or error.problems
        lines = clerks_lines(name, spec.job().content.text, errors[:5])
        raise NotBuilt(msg("studio-not-built", "The document still has errors and was not "
                                               "made: {problems}",
                           problems=joined(lines))) from None
    return targets[fmt]


async def download(request: Request) -> Response:
    """Build the DOCX and PDF of a document (or a variant) into output/, as `build.py` writes
    them, and answer the one asked for. A POST: it writes files, so it carries the CSRF token
    like every other change (a GET, which a link preview or a prefetch may send, writes
    nothing)."""
    studio = studio_of(request)
    fmt = request.path_params["fmt"]
    if fmt not in MEDIA:
        return Response(str(msg("studio-format", "Format not supported.")), status_code=404)
    query = request.query_params
    target = await run_in_threadpool(_download, studio, request.path_params["name"],
                                     query.get("unit") or None, query.get("meeting") or None,
                                     fmt)
    return FileResponse(target, media_type=MEDIA[fmt], filename=target.name)


_DOWNLOAD_GET = msg("studio-download-get", "A file is made with the “Download DOCX” and "
                    "“Download PDF” buttons at the top of the document's page (or of its "
                    "units' page); opening this address makes nothing.")


async def download_page(request: Request) -> Response:
    """A download address opened in the browser (a bookmark, a link copied): it writes
    nothing (a POST does), and says where the buttons are."""
    name = request.path_params["name"]
    return page(request, "message.html", title=msg("studio-download-title", "Download"),
                message=_DOWNLOAD_GET, link=edit_url(name),
                link_label=msg("studio-open-document", "Open the document"))


routes = [
    Route("/api/preview/{name:path}", preview),
    Route("/preview/{key}/{index:int}.png", page_image),
    Route("/download/{fmt}/{name:path}", download, methods=["POST"]),
    Route("/download/{fmt}/{name:path}", download_page, methods=["GET"]),
]
