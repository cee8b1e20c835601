"""PDF writer: semantic tree -> HTML + profile stylesheet -> WeasyPrint."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from io import BytesIO

from briefing.layout.profile import FONTS_DIR, Profile
from briefing.tree.text import document_moment
from briefing.writers.pdf.engine import subsetting_note
from briefing.writers.pdf.html import to_html
from briefing.writers.pdf.pagination import BREAKS, render_with_notes_in_place
from briefing.writers.pdf.resources import print_setup


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


def write_pdf(tree: ET.Element, profile: Profile, *, variant: str | None = None,
              attachments: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The PDF as bytes; `variant` e.g. "pdf/a-3b", `attachments` (name, data) are embedded
    (as the document's source files). Byte-identical for the same tree, profile and fonts."""
    from weasyprint import CSS, HTML, Attachment

    subsetting_note()
    moment = document_moment(tree).replace(tzinfo=dt.timezone.utc)
    setup = print_setup(profile)  # fonts and parsed stylesheet, shared by every build
    source = to_html(tree, profile)
    html = HTML(string=source, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=setup.fetcher)

    def render(extra_css: str):
        sheets = [setup.css] + ([CSS(string=extra_css)] if extra_css else [])
        return html.render(font_config=setup.fonts, stylesheets=sheets)

    options: dict = {}
    if variant:
        options["pdf_variant"] = variant
    if attachments:
        options["attachments"] = [
            Attachment(string=data, base_url=None, name=name, created=moment, modified=moment,
                       relationship="Source")
            for name, data in attachments]
    out = BytesIO()
    document = render_with_notes_in_place(render, BREAKS.key(source, setup.stylesheet)).document
    with _source_date_epoch(moment):
        document.write_pdf(out, **options)
    return out.getvalue()
