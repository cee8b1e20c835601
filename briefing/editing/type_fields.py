"""What a document's type means for the studio's page: the name it is headed with, and the
meta fields only some types use.

A clerk knows a document by its kind and its subject ("Quyết định — Về việc thành lập…"),
never by the type's key (`quyet-dinh`) or the file's name; and the meta form offers a field
only where the page prints it: the issuer's code (`issuer.code`, "UBND" in "12/QĐ-UBND") is
the part of the number the register fills in for `number: auto`, so it belongs to the types
whose number carries a type symbol, on an official document.
"""

from __future__ import annotations

from typing import Any

from briefing.messages import Message
from briefing.problems import BriefingError
from briefing.profile.document_types import DocumentType

#: meta fields shown only for the documents `uses_field` says use them
TYPE_FIELDS = ("issuer.code",)


def _meta(data: Any) -> dict[str, Any]:
    meta = data.get("meta") if isinstance(data, dict) else None
    return meta if isinstance(meta, dict) else {}


def document_type(data: Any) -> DocumentType | None:
    """The type the document's `meta.type` names in its profile (by key or printed name)."""
    from briefing.profile.model import load_profile

    meta = _meta(data)
    written = meta.get("type")
    if not isinstance(written, str) or not written:
        return None
    try:
        found = load_profile(str(meta.get("profile") or "party")).document_type(written)
    except BriefingError:
        return None
    return found[1] if found is not None else None


def kind_name(data: Any) -> str | None:
    """The document's kind as a clerk says it: its type's printed name in sentence case
    ("Giấy nghỉ phép"), else its cover title ("Tài liệu thông tin nội bộ"), else none."""
    found = document_type(data)
    name = found.name or found.label if found is not None else None
    name = name or _meta(data).get("title")
    return str(name).strip().capitalize() if name else None


def uses_field(data: Any, name: str) -> bool:
    """Whether the meta form shows `name` for this document: a field of every document, or
    one of `TYPE_FIELDS` its type prints (or already written in the file: never hidden)."""
    if name not in TYPE_FIELDS:
        return True
    issuer = _meta(data).get("issuer")
    if isinstance(issuer, dict) and issuer.get("code"):
        return True
    found = document_type(data)
    form = _meta(data).get("form") or (found.form if found is not None else "booklet")
    return found is not None and found.symbol is not None and form == "official"


def fields_for(data: Any, fields: tuple[tuple[str, Message], ...]
               ) -> list[tuple[str, Message]]:
    """The meta form's fields for this document, in order."""
    return [(name, label) for name, label in fields if uses_field(data, name)]
