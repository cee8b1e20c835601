"""The documents list, the studio's first page, and what the page asks for once shown.

The list is read from the files' meta alone (`briefing.editing.document_rows`): it is served
before the editing layer, `check` and the preview's engine are imported. The page then asks
for the badges (`check` on every document) and the new-document form (the profiles' types);
their modules are imported by that second request, and the studio warms up the rest after it
(`briefing.studio.deferred`)."""

from __future__ import annotations

import datetime as dt

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefing.editing import document_rows
from briefing.editing.date_fields import shown_date
from briefing.studio import uploads
from briefing.studio.context import Studio, page, studio_of


def _listing(studio: Studio) -> dict:
    rows, unopenable = document_rows.list_documents(studio.store, studio.output)
    return {"rows": rows, "unopenable": unopenable,
            "binned": document_rows.bin_entries(studio.store)}


async def index(request: Request) -> Response:
    listing = await run_in_threadpool(_listing, studio_of(request))
    return page(request, "documents.html", nav="documents", accepted=uploads.accepted(),
                **listing)


def _badges(studio: Studio) -> dict[str, str]:
    from briefing.editing.document_files import document_checks

    badges = studio.templates.env.get_template("_badges.html")
    return {name: badges.render(checks=checks)
            for name, checks in document_checks(studio.store).items()}


async def checks(request: Request) -> Response:
    """The badges of the list's rows, by document name (HTML of each row's check cell)."""
    answer = JSONResponse({"checks": await run_in_threadpool(_badges, studio_of(request))})
    answer.background = BackgroundTask(request.app.state.warming.now)
    return answer


def _new_form(studio: Studio) -> str:
    """What the new-document form offers: layouts, their document types, the fields."""
    from briefing.editing.new_document import form_fields, type_choices
    from briefing.profile.names import profile_names

    return studio.templates.env.get_template("_new_fields.html").render(
        profiles=profile_names(), types=type_choices(), new_fields=form_fields(),
        today=shown_date(dt.date.today().isoformat()))


async def new_form(request: Request) -> Response:
    answer = JSONResponse({"form": await run_in_threadpool(_new_form, studio_of(request))})
    answer.background = BackgroundTask(request.app.state.warming.now)
    return answer


routes = [
    Route("/", index),
    Route("/api/documents/checks", checks),
    Route("/api/documents/new-form", new_form),
]
