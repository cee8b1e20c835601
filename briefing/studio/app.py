"""The studio's web application: routes by concept, one guard in front of all of them."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from briefing.studio.context import HERE, Studio
from briefing.studio.routes import documents, editions, editor, preview, units
from briefing.studio.security import Guard


async def server_error(request: Request, exc: Exception) -> Response:
    """A bug: a short message (the client keeps every unsaved edit and shows it)."""
    return PlainTextResponse("Lỗi máy chủ: thao tác chưa thực hiện được. Nội dung bạn đang "
                             "sửa vẫn còn trên trang; hãy thử lại.", status_code=500)


def create_app(root: Path, studio: Studio | None = None,
               allowed_hosts: set[str] | None = None) -> Starlette:
    """The studio for the project at `root`; `allowed_hosts` None skips the Host check (tests)."""
    studio = studio or Studio(root)
    app = Starlette(
        routes=[*documents.routes, *editor.routes, *preview.routes, *units.routes,
                *editions.routes,
                Mount("/static", StaticFiles(directory=HERE / "static"), name="static")],
        middleware=[Middleware(Guard, secrets_=studio.secrets, allowed_hosts=allowed_hosts)],
        exception_handlers={500: server_error})
    app.state.studio = studio
    return app
