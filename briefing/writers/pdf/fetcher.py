"""WeasyPrint's URL fetcher, limited to the project's fonts and data: URLs: no files, no network.

Content is data: even if a stylesheet or template asked for `file:///etc/passwd` or an http
URL, the fetcher refuses (WeasyPrint then leaves the resource out), so nothing outside fonts/
can end up inside a PDF.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from briefing import FONTS_DIR
from briefing.writers.pdf.engine import weasyprint

URLFetcher, URLFetcherResponse = weasyprint.urls.URLFetcher, weasyprint.urls.URLFetcherResponse


class FetchRefused(ValueError):
    pass


def allowed_path(url: str, root: Path = FONTS_DIR) -> Path:
    """The local file `url` names, if it is a file inside `root`; else `FetchRefused`."""
    parsed = urlparse(url)
    if parsed.scheme != "file":
        raise FetchRefused(f"refused to fetch {url!r}: only the project's fonts may be loaded")
    path = Path(unquote(parsed.path)).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():
        raise FetchRefused(f"refused to fetch {url!r}: outside {root}")
    return path


class RestrictedFetcher(URLFetcher):
    """Serves fonts/ and self-contained data: URLs (the footnote rule); refuses the rest."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = allowed_path(url)
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": "font/ttf"})
