"""The list of documents; new from a form; import; duplicate; the recoverable bin."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.editing import documents
from briefing.editing.errors import EditError
from briefing.studio import importing
from briefing.studio.context import failure, json_body, page, studio_of
from briefing.studio.urls import edit_url


async def index(request: Request) -> Response:
    studio = studio_of(request)
    rows = await run_in_threadpool(documents.list_documents, studio.store, studio.output)
    return page(request, "documents.html", rows=rows, nav="documents",
                binned=documents.bin_entries(studio.store), can_import=importing.available())


async def create(request: Request) -> Response:
    studio = studio_of(request)
    try:
        data = await json_body(request)
        fields = {key: str(data.get(key) or "") for key in
                  ("subject", "issuer.superior", "issuer.name", "date", "place", "type")}
        name = documents.new_document(studio.store, str(data.get("form") or ""), fields)
    except EditError as error:
        return failure(error)
    return JSONResponse({"name": name, "url": edit_url(name)})


async def upload(request: Request) -> Response:
    studio = studio_of(request)
    length = request.headers.get("content-length")
    if length is None or not length.isdigit() or int(length) > importing.MAX_UPLOAD + 65536:
        return JSONResponse({"error": "Tệp quá lớn (tối đa 10 MB)."}, status_code=413)
    try:
        async with request.form(max_files=1, max_fields=4,
                                max_part_size=importing.MAX_UPLOAD) as form:
            item = form.get("file")
            if item is None or isinstance(item, str):
                raise EditError("Hãy chọn một tệp để nhập.")
            data = await item.read(importing.MAX_UPLOAD + 1)
            filename = item.filename or ""
        imported = await run_in_threadpool(importing.import_upload, filename, data)
        names = documents.save_imported(studio.store, imported.documents, imported.media)
    except EditError as error:
        return failure(error)
    except Exception as error:  # multipart limits and malformed bodies
        if type(error).__name__ in ("MultiPartException", "HTTPException"):
            return JSONResponse({"error": "Tệp tải lên không hợp lệ hoặc quá lớn."},
                                status_code=400)
        raise
    return JSONResponse({"name": names[0], "names": names, "url": edit_url(names[0]),
                         "notes": imported.notes[:50]})


async def duplicate(request: Request) -> Response:
    studio = studio_of(request)
    try:
        name = documents.duplicate(studio.store, request.path_params["name"])
    except EditError as error:
        return failure(error)
    return JSONResponse({"name": name, "url": edit_url(name)})


async def delete(request: Request) -> Response:
    studio = studio_of(request)
    try:
        data = await json_body(request)
        entry = documents.trash(studio.store, request.path_params["name"],
                                data.get("version") or None)
    except EditError as error:
        return failure(error)
    return JSONResponse({"bin": entry.key})


async def restore(request: Request) -> Response:
    studio = studio_of(request)
    try:
        name = documents.restore(studio.store, request.path_params["key"])
    except EditError as error:
        return failure(error)
    return JSONResponse({"name": name, "url": edit_url(name)})


routes = [
    Route("/", index),
    Route("/api/documents/new", create, methods=["POST"]),
    Route("/api/documents/import", upload, methods=["POST"]),
    Route("/api/documents/duplicate/{name:path}", duplicate, methods=["POST"]),
    Route("/api/documents/delete/{name:path}", delete, methods=["POST"]),
    Route("/api/bin/restore/{key}", restore, methods=["POST"]),
]
