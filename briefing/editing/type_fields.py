"""What a document's type means for the studio's page: the name it is headed with, and the
meta fields only some types use.

A clerk knows a document by its kind and its subject ("Quyết định — Về việc thành lập…"),
never by the type's key (`quyet-dinh`) or the file's name; and the meta form offers a field
only where the page prints it: the issuer's code (`issuer.code`, "UBND" in "12/QĐ-UBND") is
the part of the number the register fills in for `number: auto`, so it belongs to the types
whose number carries a type symbol, on an official document. An official document is not
asked for a booklet's cover fields (cover title, issue line, circulation), and a document of a
known type only for the fields its type prints (`new_document.fields_of`). A field that already
holds a value is always shown: a file's data is never hidden.

The type itself is chosen by its printed name ("Quyết định"), the file keeping what it says.
"""

from __future__ import annotations

from typing import Any

from briefing.editing.new_document import fields_of, type_name
from briefing.messages import Message, msg
from briefing.problems import BriefingError
from briefing.profile.document_types import DocumentType

#: meta fields shown only for the documents `uses_field` says use them
TYPE_FIELDS = ("issuer.code",)
#: the cover's fields: a booklet's only
BOOKLET_FIELDS = ("title", "issue", "circulation")
NO_TYPE = msg("type-none", "(no type chosen)")


def _meta(data: Any) -> dict[str, Any]:
    meta = data.get("meta") if isinstance(data, dict) else None
    return meta if isinstance(meta, dict) else {}


def _types(data: Any) -> dict[str, DocumentType]:
    """The types of the document's profile (none if the profile cannot be read)."""
    from briefing.profile.model import load_profile

    try:
        return load_profile(str(_meta(data).get("profile") or "party")).document_types
    except BriefingError:
        return {}


def _found(data: Any) -> tuple[str, DocumentType] | None:
    from briefing.profile.document_types import resolve

    written = _meta(data).get("type")
    if not isinstance(written, str) or not written:
        return None
    return resolve(_types(data), written)


def document_type(data: Any) -> DocumentType | None:
    """The type the document's `meta.type` names in its profile (by key or printed name)."""
    found = _found(data)
    return found[1] if found is not None else None


def kind_name(data: Any) -> str | None:
    """The document's kind as a clerk says it: its type's printed name in sentence case
    ("Giấy nghỉ phép"), else its cover title ("Tài liệu thông tin nội bộ"), else none."""
    found = _found(data)
    if kind_is_typed(data) and found is not None:
        return type_name(*found)
    title = _meta(data).get("title")
    return str(title).strip().capitalize() if title else None


def kind_is_typed(data: Any) -> bool:
    """Whether `kind_name` is the type's name (the studio's words), not the cover title (the
    clerk's own)."""
    found = _found(data)
    return found is not None and bool(found[1].name or found[1].label)


def type_options(data: Any) -> list[tuple[str, str]]:
    """The type box's choices, (value, printed name): the profile's types of the document's
    form; the type the file names keeps the value the file wrote ("QUYẾT ĐỊNH" stays so), and
    a type the profile does not know is offered as written."""
    written = _meta(data).get("type")
    written = str(written) if written not in (None, "") else ""
    found = _found(data)
    form = _form(data)
    options = [(written if found is not None and key == found[0] else key, type_name(key, kind))
               for key, kind in _types(data).items() if kind.form == form or
               (found is not None and key == found[0])]
    options.sort(key=lambda option: option[1])
    if not written:
        return [("", str(NO_TYPE)), *options]
    if found is None:
        return [(written, written), *options]
    return options


def _form(data: Any) -> str:
    found = document_type(data)
    return str(_meta(data).get("form") or (found.form if found is not None else "booklet"))


def _written(data: Any, name: str) -> bool:
    holder: Any = _meta(data)
    for part in name.split("."):
        holder = holder.get(part) if isinstance(holder, dict) else None
    return holder not in (None, "")


def uses_field(data: Any, name: str) -> bool:
    """Whether the meta form shows `name` for this document: a field its form and type print
    (or one already written in the file: never hidden)."""
    if _written(data, name):
        return True
    found = document_type(data)
    official = _form(data) == "official"
    if name in TYPE_FIELDS:
        return found is not None and found.symbol is not None and official
    if not official:
        return True
    if name in BOOKLET_FIELDS:
        return False
    if found is None or name == "type":
        return True
    return name in fields_of(found)


def fields_for(data: Any, fields: tuple[tuple[str, Message], ...]
               ) -> list[tuple[str, Message]]:
    """The meta form's fields for this document, in order."""
    return [(name, label) for name, label in fields if uses_field(data, name)]
