"""What every route of one studio shares: the project's folders, the document store, the
preview builder, the tokens, the templates; and the small helpers routes use to answer.

Light to import: the documents list is served from it before the editing layer, `check` and
the preview's engine are imported (the previewer is made at its first use)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from briefing import inputs
from briefing.editing.date_fields import shown_date
from briefing.editing.refusals import EditError
from briefing.editing.store import DocumentStore
from briefing.inputs import ARCHIVE_FOLDER
from briefing.messages import msg, msgn
from briefing.messages.language import current
from briefing.profile.names import profile_label
from briefing.studio.script_texts import script_texts
from briefing.studio.security import Secrets
from briefing.studio.texts import FORM_NAMES, humanize_time

if TYPE_CHECKING:
    from briefing.preview.resident import Previewer

HERE = Path(__file__).parent
#: the title of a page that says a document cannot be opened
CANNOT_OPEN = msg("studio-cannot-open", "The document cannot be opened")


@dataclass
class Studio:
    root: Path
    secrets: Secrets = field(default_factory=Secrets)
    #: build the preview of each saved version at once (off in API tests: no stray builds)
    prefetch: bool = True
    #: document name -> the text fixes its import made (shown in its review, this run only)
    import_fixes: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        self.content = self.root / "content"
        self.output = self.root / "output"
        self.archive = self.output / "editions"
        self.archive_folder()  # refused at start, as build.py refuses them
        self.store = DocumentStore(self.content)
        self._previewer: Previewer | None = None
        self._making = threading.Lock()
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.globals.update(
            form_names=FORM_NAMES, when=humanize_time, msg=msg, msgn=msgn, language=current,
            script_texts=script_texts)
        self.templates.env.filters["vi_date"] = shown_date
        self.templates.env.globals["profile_label"] = profile_label

    @property
    def previewer(self) -> Previewer:
        """The preview builder, made (its module imported) at the first preview: one for
        the studio, whichever request asks first."""
        with self._making:
            if self._previewer is None:
                from briefing.preview.resident import Previewer

                self._previewer = Previewer()
            return self._previewer

    def output_folder(self) -> Path:
        """output/, checked before anything is written there (a link may be planted while
        the studio runs): not a link out of the project (`briefing.inputs.output_folder`, the
        checks of `build.py`'s default output)."""
        return inputs.output_folder(self.output, root=self.root)

    def archive_folder(self) -> Path:
        """output/editions/, checked likewise: not a link out of output/."""
        return inputs.output_folder(self.archive, root=self.output_folder(),
                                    what=ARCHIVE_FOLDER)


def studio_of(request: Request) -> Studio:
    return request.app.state.studio


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    studio = studio_of(request)
    return studio.templates.TemplateResponse(
        request, template, {"csrf": studio.secrets.csrf, **context}, status_code=status_code)


async def json_body(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        raise EditError(msg("studio-request", "The request is not valid.")) from None
    if not isinstance(data, dict):
        raise EditError(msg("studio-request", "The request is not valid."))
    return data
