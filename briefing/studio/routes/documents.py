"""What the documents list does: new from a form, import, duplicate, delete to the
recoverable bin, restore (the list itself is `routes.document_list`).

Every file operation runs in the thread pool (`run_in_threadpool`), never on the event loop;
a refused one (`EditError`) is answered by the app's handler (`briefing.studio.app`)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.editing import document_files as documents
from briefing.editing.refusals import EditError
from briefing.messages import msg
from briefing.studio import uploads
from briefing.studio.context import json_body, studio_of
from briefing.studio.urls import edit_url

#: the meta fields the new-document form may send (each type asks for some of them)
NEW_FIELDS = ("subject", "issuer.superior", "issuer.name", "date", "place", "number",
              "addressees", "signer.authority", "signer.title", "signer.name")


def _opened(name: str) -> JSONResponse:
    return JSONResponse({"name": name, "url": edit_url(name)})


async def create(request: Request) -> Response:
    studio = studio_of(request)
    data = await json_body(request)
    fields = {key: str(data.get(key) or "") for key in NEW_FIELDS if key in data}
    return _opened(await run_in_threadpool(
        lambda: documents.new_document(studio.store, str(data.get("form") or ""), fields,
                                       profile=str(data.get("profile") or "party"),
                                       doc_type=str(data.get("type") or ""))))


async def upload(request: Request) -> Response:
    studio = studio_of(request)
    length = request.headers.get("content-length")
    if length is None or not length.isdigit() or int(length) > uploads.MAX_UPLOAD + 65536:
        return JSONResponse({"error": str(uploads.TOO_LARGE)}, status_code=413)
    try:
        async with request.form(max_files=1, max_fields=4,
                                max_part_size=uploads.MAX_UPLOAD) as form:
            item = form.get("file")
            if item is None or isinstance(item, str):
                raise EditError(msg("studio-upload-none", "Choose a file to import."))
            data = await item.read(uploads.MAX_UPLOAD + 1)
            filename = item.filename or ""
    except EditError:
        raise
    except Exception as error:  # multipart limits and malformed bodies
        if type(error).__name__ in ("MultiPartException", "HTTPException"):
            raise EditError(msg("studio-upload-bad",
                                "The uploaded file is not valid or too large.")) from None
        raise
    names, imported = await run_in_threadpool(uploads.import_into, studio.store, filename,
                                              data)
    studio.import_fixes.update({name: imported.fixes[:200] for name in names})
    return JSONResponse({"name": names[0], "names": names, "url": edit_url(names[0]),
                         "urls": [edit_url(name) for name in names],
                         "notes": imported.notes[:50]})


async def duplicate(request: Request) -> Response:
    studio = studio_of(request)
    return _opened(await run_in_threadpool(documents.duplicate, studio.store,
                                           request.path_params["name"]))


async def delete(request: Request) -> Response:
    studio = studio_of(request)
    data = await json_body(request)
    entry = await run_in_threadpool(documents.trash, studio.store, request.path_params["name"],
                                    data.get("version") or None)
    return JSONResponse({"bin": entry.key})


async def restore(request: Request) -> Response:
    studio = studio_of(request)
    return _opened(await run_in_threadpool(documents.restore, studio.store,
                                           request.path_params["key"]))


routes = [
    Route("/api/documents/new", create, methods=["POST"]),
    Route("/api/documents/import", upload, methods=["POST"]),
    Route("/api/documents/duplicate/{name:path}", duplicate, methods=["POST"]),
    Route("/api/documents/delete/{name:path}", delete, methods=["POST"]),
    Route("/api/bin/restore/{key}", restore, methods=["POST"]),
]
