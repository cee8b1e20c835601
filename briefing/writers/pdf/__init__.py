"""PDF writer: semantic tree -> HTML + profile stylesheet -> WeasyPrint."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from io import BytesIO

from briefing.layout.profile import FONTS_DIR, Profile
from briefing.writers.pdf.fetcher import RestrictedFetcher
from briefing.writers.pdf.html import to_html
from briefing.writers.pdf.pagination import render_with_notes_in_place
from briefing.writers.pdf.stylesheet import stylesheet


def write_pdf(tree: ET.Element, profile: Profile, *, variant: str | None = None,
              attachments: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The PDF as bytes; `variant` e.g. "pdf/a-3b", `attachments` (name, data) are embedded."""
    from weasyprint import CSS, HTML, Attachment
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = RestrictedFetcher()
    html = HTML(string=to_html(tree, profile), base_url=FONTS_DIR.as_uri() + "/",
                url_fetcher=fetcher)
    css = CSS(string=stylesheet(profile), font_config=fonts, url_fetcher=fetcher)

    def render(extra_css: str):
        sheets = [css] + ([CSS(string=extra_css)] if extra_css else [])
        return html.render(font_config=fonts, stylesheets=sheets)

    document = render_with_notes_in_place(render)
    options: dict = {}
    if variant:
        options["pdf_variant"] = variant
    if attachments:
        options["attachments"] = [Attachment(string=data, base_url=None, name=name)
                                  for name, data in attachments]
    out = BytesIO()
    document.write_pdf(out, **options)
    return out.getvalue()
