"""The studio's web application: routes by concept, one guard in front of all of them, and one
answer for every refusal (`EditError`, `BriefingError`): the clerk's message, never a 500.

The documents list (`routes.document_list`) and the static files are served at once; every
other page is `Deferred`, its modules imported after the list is on the clerk's screen."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from briefing import PROJECT_ROOT
from briefing.editing.refusals import Conflict, EditError, Offer
from briefing.messages import msg
from briefing.messages.language import VIETNAMESE, speaking
from briefing.problems import BriefingError
from briefing.studio.context import HERE, Studio, page
from briefing.studio.deferred import Deferred, Warming
from briefing.studio.routes import document_list
from briefing.studio.security import Guard
from briefing.system_errors import disk_full, os_reason, shown_name

NOT_DONE = msg("studio-os-error", "The operation on '{name}' was not carried out: {reason}.")
SERVER_ERROR = msg("studio-server-error", "Server error: the operation was not carried out. "
                   "What you are editing is still on the page; try again.")


def _wants_page(request: Request) -> bool:
    """A page the browser opened (answer a page), not a call of the page's scripts (JSON)."""
    return (request.method == "GET" and not request.url.path.startswith(("/api/", "/preview/"))
            and "hx-request" not in request.headers)


async def refused(request: Request, exc: Exception) -> Response:
    """A change or a page that cannot be made: why, in Vietnamese (a conflict also says the
    file's version now, for the page to offer a reload). Nothing was written."""
    if isinstance(exc, EditError):
        message = str(exc.message)
        status = 409 if isinstance(exc, Conflict) else getattr(exc, "status", 400)
    elif isinstance(exc, BriefingError):
        message, status = "; ".join(str(p) for p in exc.problems), 400
    else:  # pragma: no cover - registered for these two only
        raise exc
    if _wants_page(request):
        return page(request, "message.html", status_code=status,
                    title=msg("studio-not-done", "The operation was not carried out"),
                    message=message)
    answer: dict = {"error": message}
    if isinstance(exc, Offer):  # the button that does what the message says
        answer |= {"action": str(exc.action), "with": exc.with_}
    if isinstance(exc, Conflict):
        answer |= {"conflict": True, "version": exc.current_version}
    return JSONResponse(answer, status_code=status)


async def system_refused(request: Request, exc: Exception) -> Response:
    """An `OSError` no route turned into its own words (a route's are `writing`): the
    reason and the file, never its temporary name, never a server error page."""
    assert isinstance(exc, OSError)
    refusal = EditError(NOT_DONE.given(name=shown_name(exc.filename, "?"),
                                       reason=os_reason(exc)))
    refusal.status = 507 if disk_full(exc) else 403
    return await refused(request, refusal)


async def server_error(request: Request, exc: Exception) -> Response:
    """A bug: a short message (the client keeps every unsaved edit and shows it), in the
    studio's language (this handler runs outside the middleware that sets it)."""
    return PlainTextResponse(SERVER_ERROR.text(request.app.state.language), status_code=500)


class Speaking:
    """ASGI middleware: every message of a request is worded in the studio's language (the
    clerks' Vietnamese unless `--lang` said otherwise), whatever the server's locale."""

    def __init__(self, app: ASGIApp, language: str):
        self.app = app
        self.language = language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with speaking(self.language):
            await self.app(scope, receive, send)


def later_routes() -> list[BaseRoute]:
    """Every page but the list: the editing layer, `check`, the preview, units, editions."""
    from briefing.studio.routes import documents, editions, editor, preview, review, signing, units

    return [*documents.routes, *editor.routes, *preview.routes, *units.routes,
            *editions.routes, *signing.routes, *review.routes]


def create_app(root: Path, studio: Studio | None = None,
               allowed_hosts: set[str] | None = None,
               language: str = VIETNAMESE, warm: bool = False) -> Starlette:
    """The studio for the project at `root`; `allowed_hosts` None skips the Host check (tests);
    `warm`: import the other pages and warm the preview after the first list (the command)."""
    studio = studio or Studio(root)
    later = Deferred(later_routes)
    app = Starlette(
        routes=[*document_list.routes,
                Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
                # the vendored fonts the PDF embeds: the comparison of editions is drawn in them
                Mount("/fonts", StaticFiles(directory=PROJECT_ROOT / "fonts"), name="fonts")],
        middleware=[Middleware(Speaking, language=language),
                    Middleware(Guard, secrets_=studio.secrets, allowed_hosts=allowed_hosts)],
        exception_handlers={EditError: refused, BriefingError: refused,
                            OSError: system_refused, 500: server_error})
    app.router.default = later  # what no route above answers
    app.state.studio = studio
    app.state.language = language
    app.state.warming = Warming(later, enabled=warm)
    return app
