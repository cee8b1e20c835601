"""A new document starts from a document type of a profile: the type's fields, today's date,
and nothing invented — what the clerk has not given yet is left empty, and the studio shows it
as a blank to fill (`briefing.builds.draft_preview`), never as a made-up name or number.

Each profile lists its types (`document_types:` in `profiles/*.yaml`: công văn, quyết định, tờ
trình, … and the internal briefing, `tai-lieu`, a booklet with a cover); a type says which meta
fields it prints (a trích yếu or none, Kính gửi or not), so the form asks for those only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from briefing.editing import meta_form as meta
from briefing.editing.items import new_item
from briefing.editing.refusals import EditError
from briefing.editing.yamltext import dump_minimal, load_tree, new_seq
from briefing.messages import Message, msg
from briefing.problems import BriefingError
from briefing.profile.document_types import DocumentType
from briefing.profile.shown_names import TYPE_NAMES, in_language

BLANKS = Path(__file__).parent / "blanks"
#: what every document says of itself
COMMON_FIELDS = ("issuer.superior", "issuer.name", "place", "date")
#: the signature block of an official document
SIGNER_FIELDS = ("signer.authority", "signer.title", "signer.name")
#: the type a briefing of each form is when only the form is named (the older form of the call)
TYPE_OF_FORM = {"booklet": "tai-lieu", "official": "huong-dan"}


@dataclass(frozen=True)
class TypeChoice:
    """One entry of the new-document form: a type of a profile and the fields it asks for."""

    profile: str
    key: str
    label: str
    form: str
    fields: tuple[str, ...]


def fields_of(doc_type: DocumentType) -> tuple[str, ...]:
    """The meta fields a document of `doc_type` prints, in the form's order."""
    if doc_type.form == "booklet":
        return (*COMMON_FIELDS, "subject")
    own = ["number"]
    if doc_type.subject != "none":
        own.append("subject")
    if doc_type.addressees:
        own.append("addressees")
    return (*COMMON_FIELDS, *own, *SIGNER_FIELDS)


def _label(key: str, doc_type: DocumentType) -> str:
    if doc_type.form == "booklet":
        return str(msg("type-booklet-label", "Internal information booklet (with a cover)"))
    return type_name(key, doc_type)


def type_name(key: str, doc_type: DocumentType) -> str:
    """A type as a clerk says it: its printed name in sentence case ("Giấy nghỉ phép"), in
    an English studio its English name."""
    printed = str(doc_type.name or doc_type.label or key).strip().capitalize()
    return in_language(TYPE_NAMES, key, printed)


def type_choices() -> list[TypeChoice]:
    """Every document type of every profile, the booklet first, then by label."""
    from briefing.profile.model import available_profiles, load_profile

    choices = []
    for name in available_profiles():
        profile = load_profile(name)
        for key, doc_type in profile.document_types.items():
            choices.append(TypeChoice(name, key, _label(key, doc_type), doc_type.form,
                                      fields_of(doc_type)))
    return sorted(choices, key=lambda c: (c.profile, c.form != "booklet", c.label))


def _type(profile_name: str, key: str) -> DocumentType:
    from briefing.profile.model import load_profile

    try:
        profile = load_profile(profile_name)
    except BriefingError:
        profile = None
    doc_type = profile.document_types.get(key) if profile is not None else None
    if doc_type is None:
        raise EditError(msg("edit-type", "Choose the layout (Party or State) and the type of "
                                         "document."))
    return doc_type


def new_content(profile: str, key: str, fields: dict[str, str], today: dt.date) -> str:
    """The text of a new content file of type `key` of `profile`: the type's fields given in
    `fields` (others left out, a blank to fill), dated `today` unless a date is given."""
    doc_type = _type(profile, key)
    text = (BLANKS / f"{doc_type.form}.yaml").read_text(encoding="utf-8")
    tree, edited = load_tree(text), load_tree(text)
    if edited["meta"].get("profile") != profile:  # the blank's issuer is a Party office's
        for name in ("issuer.superior", "issuer.name", "place"):
            meta.set_field(edited, name, "")
    meta.set_field(edited, "profile", profile)
    if doc_type.form != "booklet":
        meta.set_field(edited, "type", key)
    wanted = fields_of(doc_type)
    for name in wanted:
        if name in fields:  # given, even empty: an empty value removes the blank's default
            meta.set_field(edited, name, fields[name])
    if not str(fields.get("date") or "").strip():
        meta.set_field(edited, "date", today.isoformat())
    if "articles" in doc_type.expects:  # a quyết định, quy chế…: made of articles, from Điều 1
        edited["blocks"] = new_seq([new_item("article")])
    _in_order(edited["meta"])
    return dump_minimal(text, tree, edited)


def _in_order(values: dict) -> None:
    """Meta keys in the order a person reads them (`meta.FIELDS`), lists last."""
    order = [name.split(".")[0] for name in (*meta.FIELDS, "addressees", *meta.LIST_FIELDS)]
    rank = {name: index for index, name in enumerate(dict.fromkeys(order))}
    items = sorted(values.items(), key=lambda item: rank.get(item[0], len(rank)))
    for name, _ in items:
        values.move_to_end(name)


def form_fields() -> list[tuple[str, Message, str]]:
    """Every field the new-document form may show: name, label, the office's default (the
    issuer and place of the blank files; nothing for what a person must give)."""
    from briefing.editing.places import field_label
    from briefing.source.yaml_source import load_yaml

    blank = load_yaml(BLANKS / "official.yaml").data.get("meta", {})
    names = dict.fromkeys((*COMMON_FIELDS, "subject", "number", "addressees", *SIGNER_FIELDS))
    out = []
    for name in names:
        group, _, key = name.partition(".")
        value = blank.get(group)
        value = value.get(key) if key and isinstance(value, dict) else value
        default = value if isinstance(value, str) and name != "date" else ""
        out.append((name, field_label(name), default))
    return out
