"""PDF writer: semantic tree -> HTML + profile stylesheet -> WeasyPrint."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from io import BytesIO

from briefing.content.media import MediaStore
from briefing.layout.profile import FONTS_DIR, Profile
from briefing.tree.text import document_moment
from briefing.writers.pdf import note_split
from briefing.writers.pdf.accessibility import Finisher, pdf_options
from briefing.writers.pdf.fetcher import RestrictedFetcher
from briefing.writers.pdf.html import to_html
from briefing.writers.pdf.pagination import render_with_notes_in_place
from briefing.writers.pdf.stylesheet import stylesheet


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


def write_pdf(tree: ET.Element, profile: Profile, *, media: MediaStore | None = None,
              variant: str | None = None,
              attachments: Sequence[tuple[str, bytes] | tuple[str, bytes, str]] = ()) -> bytes:
    """The PDF as bytes, tagged; `media` holds the checked figure files the tree names,
    `variant` e.g. "pdf/a-3a" (default PDF/UA-1), `attachments` (name, data[, description])
    are embedded (as the document's source files). Byte-identical for the same tree, profile,
    media and fonts."""
    from weasyprint import CSS, HTML, Attachment

    from briefing.writers.pdf.fontconfig import vendored_font_configuration

    note_split.apply()  # footnotes continue on the next page as in Word (once per process)
    note_split.configure(continuation_rule_pt=profile.footnote.separator_weight)
    moment = document_moment(tree).replace(tzinfo=dt.timezone.utc)
    fonts = vendored_font_configuration()  # fonts/ only: no system font can stand in
    fetcher = RestrictedFetcher()
    html = HTML(string=to_html(tree, profile, media), base_url=FONTS_DIR.as_uri() + "/",
                url_fetcher=fetcher)
    css = CSS(string=stylesheet(profile), font_config=fonts, url_fetcher=fetcher)

    def render(extra_css: str):
        sheets = [css] + ([CSS(string=extra_css)] if extra_css else [])
        return html.render(font_config=fonts, stylesheets=sheets)

    options: dict = pdf_options(variant)
    if attachments:
        options["attachments"] = [
            Attachment(string=data, base_url=None, name=name, created=moment, modified=moment,
                       relationship="Source", description=(rest or [None])[0])
            for name, data, *rest in attachments]
    out = BytesIO()
    document = render_with_notes_in_place(render)
    with _source_date_epoch(moment):
        document.write_pdf(out, finisher=Finisher(), **options)
    return out.getvalue()
