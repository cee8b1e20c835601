"""PDF writer: semantic tree -> HTML + profile stylesheet -> WeasyPrint.

Two halves, each importable without the other's libraries (so this module imports nothing
heavy at the top): `pdf_request` turns the tree into HTML and CSS text (profile, Jinja; no
WeasyPrint) and `render_pdf` lays that out with WeasyPrint (no pydantic, no Jinja). A cold
`build.py` runs `render_pdf` in the engine process that `process.py` starts before anything
else, so WeasyPrint loads on one core while the content is read and checked on the other.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING, Any

from briefing import FONTS_DIR

if TYPE_CHECKING:
    from briefing.content.media import MediaStore
    from briefing.profile.model import Profile
    from briefing.tree.vocabulary import Document


@dataclass(frozen=True)
class PdfRequest:
    """Everything `render_pdf` needs, as plain (picklable) data."""

    html: str
    css: str
    moment: dt.datetime
    variant: str | None = None
    attachments: tuple[tuple[str, bytes] | tuple[str, bytes, str], ...] = ()
    #: weight (pt) of the rule above a page's notes that open with a continued note
    continuation_rule_pt: float | None = None


@contextmanager
def _source_date_epoch(moment: dt.datetime) -> Iterator[None]:
    """fontTools stamps each embedded font subset with SOURCE_DATE_EPOCH, else with 'now'."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def write_pdf(tree: Document, profile: Profile, *, media: MediaStore | None = None,
              variant: str | None = None,
              attachments: Sequence[tuple[str, bytes] | tuple[str, bytes, str]] = ()) -> bytes:
    """The PDF as bytes, tagged; `media` holds the checked figure files the tree names,
    `variant` e.g. "pdf/a-3a" (default PDF/UA-1), `attachments` (name, data[, description])
    are embedded (as the document's source files). Byte-identical for the same tree, profile,
    media and fonts."""
    return render_pdf(pdf_request(tree, profile, media=media, variant=variant,
                                  attachments=attachments))


def pdf_request(tree: Document, profile: Profile, *, media: MediaStore | None = None,
                variant: str | None = None,
                attachments: Sequence[tuple[str, bytes] | tuple[str, bytes, str]] = ()
                ) -> PdfRequest:
    from briefing.tree.plain_text import document_moment
    from briefing.writers.pdf.html import to_html
    from briefing.writers.pdf.stylesheet import stylesheet

    moment = document_moment(tree).replace(tzinfo=dt.timezone.utc)
    return PdfRequest(to_html(tree, profile, media), stylesheet(profile), moment, variant,
                      tuple(attachments), profile.footnote.separator_weight)


def lay_out(request: PdfRequest) -> Any:
    """The laid-out WeasyPrint document of `request` (pages, boxes), not yet drawn: notes on
    their call's page, breaks the same document ended with last time reused."""
    from briefing.writers.pdf import note_split, relayout
    from briefing.writers.pdf.engine import collector_paused, subsetting_note, weasyprint
    from briefing.writers.pdf.pagination import BREAKS, render_with_notes_in_place
    from briefing.writers.pdf.resources import print_setup

    CSS, HTML = weasyprint.CSS, weasyprint.HTML
    subsetting_note()
    note_split.apply()  # footnotes continue on the next page as in Word (once per process)
    setup = print_setup(request.css)  # fonts and parsed stylesheet, shared by every build
    html = HTML(string=request.html, base_url=FONTS_DIR.as_uri() + "/",
                url_fetcher=setup.fetcher)

    previous = relayout.wanted()  # the studio's preview: from its last layout, in part

    def render(extra_css: str):
        sheets = [setup.css] + ([CSS(string=extra_css)] if extra_css else [])
        if previous is not None:
            return relayout.render(html, request.html, sheets, request.css + extra_css,
                                   setup.fonts, previous[0])
        return html.render(font_config=setup.fonts, stylesheets=sheets)

    with collector_paused(), note_split.layout_settings(request.continuation_rule_pt):
        return render_with_notes_in_place(render, BREAKS.key(request.html, request.css)).document


def render_pdf(request: PdfRequest) -> bytes:
    """The PDF of `request`: laid out, then drawn, tagged and finished."""
    from briefing.writers.pdf.accessibility import Finisher, pdf_options
    from briefing.writers.pdf.engine import collector_paused, weasyprint

    moment = request.moment
    options: dict = pdf_options(request.variant)
    if request.attachments:
        options["attachments"] = [
            weasyprint.Attachment(string=data, base_url=None, name=name, created=moment,
                                  modified=moment, relationship="Source",
                                  description=(rest or [None])[0])
            for name, data, *rest in request.attachments]
    out = BytesIO()
    with collector_paused():  # one pause for layout and drawing (nested: the outer one counts)
        document = lay_out(request)
        with _source_date_epoch(moment):
            document.write_pdf(out, finisher=Finisher(), **options)
    return out.getvalue()


def page_pdf(document: Any, index: int) -> bytes:
    """Page `index` of a laid-out document alone, as a plain (untagged) PDF: what a preview
    draws, some 20 ms a page where writing the whole document costs a third of a second."""
    return document.copy([document.pages[index]]).write_pdf()
