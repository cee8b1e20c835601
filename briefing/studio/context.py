"""What every route of one studio shares: the project's folders, the document store, the
preview builder, the tokens, the templates; and the small helpers routes use to answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates

from briefing.editing.errors import Conflict, EditError
from briefing.editing.store import DocumentStore
from briefing.errors import BriefingError
from briefing.preview.builder import Previewer
from briefing.studio.security import Secrets
from briefing.studio.texts import FORM_NAMES, humanize_time

HERE = Path(__file__).parent
#: uploads larger than this are refused before they are read whole
MAX_UPLOAD = 10 * 1024 * 1024


@dataclass
class Studio:
    root: Path
    secrets: Secrets = field(default_factory=Secrets)
    #: build the preview of each saved version at once (off in API tests: no stray builds)
    prefetch: bool = True

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        self.content = self.root / "content"
        self.output = self.root / "output"
        self.archive = self.output / "editions"
        self.store = DocumentStore(self.content)
        self.previewer = Previewer()
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.globals.update(form_names=FORM_NAMES, when=humanize_time)


def studio_of(request: Request) -> Studio:
    return request.app.state.studio


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    studio = studio_of(request)
    return studio.templates.TemplateResponse(
        request, template, {"csrf": studio.secrets.csrf, **context}, status_code=status_code)


def failure(error: Exception) -> JSONResponse:
    """A refused change as the client shows it: a message, and for a conflict the version."""
    if isinstance(error, Conflict):
        return JSONResponse({"error": error.message, "conflict": True,
                             "version": error.current_version}, status_code=409)
    if isinstance(error, EditError):
        return JSONResponse({"error": error.message}, status_code=400)
    if isinstance(error, BriefingError):
        return JSONResponse({"error": "; ".join(str(p) for p in error.problems)},
                            status_code=400)
    raise error


async def json_body(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        raise EditError("Yêu cầu không hợp lệ.") from None
    if not isinstance(data, dict):
        raise EditError("Yêu cầu không hợp lệ.")
    return data
