"""What a document's type prints around its body, computed once for the templates.

The profile's `document_types` say, per type, where the subject goes (under the type's name,
"V/v …" under the number, or nowhere), whether "Kính gửi:", the enacting authority, the Căn cứ
lines and an enactment line ("QUYẾT ĐỊNH:") are printed, the place and date, one or two
signature blocks and where Nơi nhận stands, and the end mark "./.". A type the profile does not
list (a profile without types) prints what the document gives. Attached texts (an appendix
with a `type`: the quy chế a quyết định issues) get their type's name as the label and the
line "(Ban hành kèm theo Quyết định số … ngày … của …)" computed from meta.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from briefing.content.schema import Document, Meta
from briefing.layout.dates import day_and_month
from briefing.profile.document_types import DocumentType
from briefing.profile.model import Profile
from briefing.tree.views import AppendixView

Inline = Callable[[str, tuple[Any, ...]], Markup]


@dataclass
class TypeLayout:
    """The template's view of the type: each part printed or not, its computed text."""

    #: the type's printed name in the title block; None: no title block (a công văn)
    name: str | None
    #: the subject under the type's name
    title_subject: bool
    place_date: bool
    #: "V/v …" under the number
    letter_subject: str | None = None
    addressees_label: str = ""
    #: one addressee as written; several each with its prefix ("- ")
    addressees: list[str] = field(default_factory=list)
    authority: str | None = None
    basis: list[Markup] = field(default_factory=list)
    enactment: str | None = None
    #: Nơi nhận "beside" the signature or "below" the left one (two signers, a biên bản)
    arrangement: str = "beside"
    signers: list[Any] = field(default_factory=list)
    end_mark: str | None = None


def document_type(meta_type: str | None, profile: Profile) -> DocumentType | None:
    found = profile.document_type(meta_type)
    return found[1] if found is not None else None


def type_layout(document: Document, profile: Profile, inline: Inline) -> TypeLayout:
    """What the document's type prints; the Căn cứ lines as inline markup (call this before
    the body is prepared: their footnotes come first)."""
    meta = document.meta
    kind = document_type(meta.type, profile)
    lines = profile.type_lines
    subject = kind.subject if kind is not None else "title"
    named = kind.name if kind is not None else meta.type
    signers = list(meta.signers or ([meta.signer] if meta.signer else []))
    layout = TypeLayout(
        name=named if (kind is None or kind.name is not None) else None,
        title_subject=subject == "title" and bool(meta.subject),
        place_date=kind.place_date if kind is not None else True,
        arrangement="below" if len(signers) == 2 or (
            kind is not None and kind.recipients_under == "left") else "beside",
        signers=signers,
        end_mark=profile.body.end_mark if kind is not None and kind.end_mark else None)
    if subject == "under-number" and meta.subject:
        prefix = kind.subject_prefix if kind is not None else ""
        layout.letter_subject = prefix + meta.subject
    if meta.addressees and (kind is None or kind.addressees):
        layout.addressees_label = lines.addressees_label
        layout.addressees = (list(meta.addressees) if len(meta.addressees) == 1 else
                             [lines.addressee_prefix + a for a in meta.addressees])
    if meta.enacting_authority and (kind is None or kind.authority_line):
        layout.authority = meta.enacting_authority
    if document.basis and (kind is None or kind.basis):
        layout.basis = [inline(lines.basis_prefix + text, ("basis", index))
                        for index, text in enumerate(document.basis)]
    if kind is not None and kind.enactment:
        layout.enactment = kind.enactment
    return layout


def attached_line(meta: Meta, profile: Profile) -> str:
    """"(Ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân
    dân tỉnh Hà Tĩnh)": the issuing document named in running text (its type's name with
    only the first letter upper-case), its number without the prefix, its date (blanks
    where it has none), the issuer as running text names it."""
    kind = document_type(meta.type, profile)
    name = (kind.name if kind is not None and kind.name else meta.type or "").lower()
    day, month = day_and_month(meta.date, profile.date)
    number = meta.number or ""
    if not number[:1].isdigit():  # "/QĐ-UBND": numbered by hand at registration
        number = profile.document_number.blank + number
    return profile.type_lines.attached_line.format(
        document=name[:1].upper() + name[1:], number=number, day=day, month=month,
        year=meta.date.year, issuer=meta.issuer.in_text or meta.issuer.name)


def attached_text(view: AppendixView, type_written: str, meta: Meta,
                  profile: Profile) -> AppendixView:
    """An appendix with a `type` as its attached text: the type's name over its title, the
    computed line under it, a short rule, the type's end mark."""
    kind = document_type(type_written, profile)
    view.label = (kind.name if kind is not None and kind.name else type_written).upper()
    view.subtitle = Markup.escape(attached_line(meta, profile))
    view.rule = True
    view.end_mark = profile.body.end_mark if kind is not None and kind.end_mark else None
    return view


def appendix_views(document: Document, profile: Profile,
                   prepare_one: Callable[[Any, tuple[Any, ...], int, int], AppendixView]
                   ) -> list[AppendixView]:
    """Every appendix: plain ones numbered among themselves (PHỤ LỤC I, II …), attached texts
    headed by their type."""
    plain = sum(appendix.type is None for appendix in document.appendices)
    views, counted = [], 0
    for index, appendix in enumerate(document.appendices):
        counted += appendix.type is None
        view = prepare_one(appendix, ("appendices", index), max(counted, 1), max(plain, 1))
        if appendix.type is not None:
            view = attached_text(view, appendix.type, document.meta, profile)
        views.append(view)
    return views


def printed_type(meta_type: str | None, profile: Profile) -> str | None:
    """The type line as printed: the type's name when `meta.type` names one of the profile's
    types (by key or in another case), else as written."""
    kind = profile.document_type(meta_type)
    return kind[1].name if kind is not None and kind[1].name else meta_type
