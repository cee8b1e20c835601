"""URLs of the studio's pages, built in one place (names may hold `/` and Vietnamese)."""

from __future__ import annotations

from urllib.parse import quote


def edit_url(name: str) -> str:
    return "/edit/" + quote(name)
