"""Which body items the content model of this checkout accepts.

The content format grows (numbered paragraphs, intertitles, tables, quotes, appendices…); the
importer asks the schema itself rather than assuming, and falls back to plain paragraphs for
what the model cannot hold yet, so its output always loads.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import ValidationError

_META = {"form": "booklet", "issuer": {"name": "X"}, "place": "X", "date": "2024"}
_SECTION = {"id": "a", "kind": "section", "title": "X", "body": ["X"]}

#: feature -> a document that uses it
_PROBES: dict[str, dict[str, Any]] = {
    "numbered": {"blocks": [_SECTION | {"body": [{"numbered": "X"}]}]},
    "intertitle": {"blocks": [_SECTION | {"body": [{"intertitle": "X"}]}]},
    "salutation": {"blocks": [_SECTION | {"body": [{"salutation": "X"}]}]},
    "standfirst": {"blocks": [_SECTION | {"body": [{"standfirst": "X"}]}]},
    "credit": {"blocks": [_SECTION | {"body": [{"credit": "X"}]}]},
    "note": {"blocks": [_SECTION | {"body": [{"note": "X"}]}]},
    "byline": {"blocks": [_SECTION | {"body": [{"byline": "X"}]}]},
    "dateline": {"blocks": [_SECTION | {"body": [{"dateline": "X"}]}]},
    "quote": {"blocks": [_SECTION | {"body": [{"quote": "X"}]}]},
    "table": {"blocks": [_SECTION | {"body": [{"table": [["a", "b"], ["c", "d"]]}]}]},
    "figure": {"blocks": [_SECTION | {"body": [{"figure": "media/x.png"}]}]},
    "appendices": {"blocks": [_SECTION], "appendices": [{"id": "b", "title": "X",
                                                          "body": ["X"]}]},
    "free-blocks": {"blocks": ["X"]},
}


@cache
def supports(feature: str) -> bool:
    from briefing.content.schema import Document

    probe = {"meta": _META, **_PROBES[feature]}
    try:
        Document.model_validate(probe)
    except ValidationError:
        return False
    return True
