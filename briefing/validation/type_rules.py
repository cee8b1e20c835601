"""A document against its type (profile `document_types:`): the type known, its form, its
subject, the symbol in its number, and what the type expects or does not print.

A quyết định's number carries QĐ (12/QĐ-UBND), a state công văn none (05/UBND-VP: issuer and
drafting unit), a Party công văn CV; a number with a year (30/2020/NĐ-CP) is accepted where the
profile's pattern allows it, and a blank number (/QĐ-UBND) is a draft. What a type expects
(Căn cứ lines, addressees, articles, two signers) is a warning where it is missing — real
documents vary; what it does not print (addressees of a kế hoạch) is a warning too, since it
would silently not appear. Lines the layout punctuates (Căn cứ, Kính gửi, authorities, the end
mark) are checked in `type_lines`.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.content.legal import Article, Chapter, Division, Part, Subdivision
from briefing.content.loader import LoadedDocument
from briefing.content.schema import Document, Meta, form_requires
from briefing.content.schema_problems import did_you_mean
from briefing.messages import joined, msg
from briefing.profile.document_number import DocumentNumber
from briefing.profile.document_types import DocumentType, slug, type_choices
from briefing.profile.model import Profile
from briefing.validation.findings import WARNING, Finding
from briefing.validation.locate import Locator
from briefing.validation.reporter import Reporter
from briefing.validation.type_lines import line_findings

_LEAVE_OUT = msg("leave-it-out-hint", "leave it out")


def effective_type(profile: Profile, meta: Meta) -> tuple[str, DocumentType] | None:
    """The type a document is: the one `meta.type` names, or for a booklet without a type the
    profile's booklet type (tai-lieu); None when it cannot be told."""
    if meta.type:
        return profile.document_type(meta.type)
    if meta.form == "booklet":
        return next(((k, t) for k, t in profile.document_types.items() if t.form == "booklet"),
                    None)
    return None


def number_rules(profile: Profile, written_type: str | None) -> DocumentNumber:
    """The profile's number rules, worded for the type (its symbol in the shape and example)."""
    found = profile.document_type(written_type)
    if found is None or found[1].form == "booklet":
        return profile.document_number
    return profile.document_number.for_symbol(found[1].symbol)


def type_findings(loaded: LoadedDocument, profile: Profile, locator: Locator) -> list[Finding]:
    """Every problem of the document against its type (nothing when the profile lists none)."""
    report = Reporter(locator)
    document = loaded.document
    meta = document.meta
    if not profile.document_types:
        if meta.form == "official" and meta.type and not meta.subject:
            report.report(("meta", "form"), form_requires("official", ["subject"]))
        return report.findings
    if meta.type and profile.document_type(meta.type) is None:
        _unknown(report, ("meta", "type"), meta.type, profile)
    found = effective_type(profile, meta)
    if found is not None:
        key, kind = found
        _form(report, loaded, kind.called(key), kind)
        if kind.form == "official":
            if meta.form == "official":
                _subject(report, meta, kind.called(key), kind)
            _number(report, meta, profile, kind.called(key), kind)
        _expects(report, document, kind.called(key), kind)
        _not_printed(report, document, kind.called(key), kind)
    _attached(report, document, profile)
    return report.findings + line_findings(loaded, profile, locator, found)


def _unknown(report: Reporter, path: tuple[Any, ...], written: str, profile: Profile) -> None:
    choices = type_choices(profile.document_types)
    hint = did_you_mean(written, choices)
    if hint.code == "expected-one-of":
        near = did_you_mean(slug(written), list(profile.document_types))
        hint = near if near.code != "expected-one-of" else \
            msg("type-hint", "the types are: {types}", types=", ".join(profile.document_types))
    report.report(path, msg("type", "unknown document type '{type}' in profile '{profile}'",
                            type=written, profile=profile.name), hint=hint)


def _form(report: Reporter, loaded: LoadedDocument, name: str, kind: DocumentType) -> None:
    """A type prints only in its form: a quyết định as a booklet would lose its type line."""
    meta = loaded.document.meta
    if meta.form == kind.form or not meta.type:
        return
    written = ("meta", "form") in loaded.source.values
    if kind.form == "official":
        message = msg("type-form", "a {name} is an official document, but meta.form is "
                      "booklet: its type, number and signature would not print", name=name)
    else:
        message = msg("type-form", "a {name} is a booklet (with a cover), but meta.form is "
                      "official", name=name)
    if written:
        report.fix(("meta", "form"), meta.form, 0, len(meta.form), kind.form, message,
                   severity=WARNING)
    else:
        report.report(("meta", "type"), message, hint=msg(
            "type-form-hint", "write 'form: {form}' in meta", form=kind.form), severity=WARNING)


def _subject(report: Reporter, meta: Meta, name: str, kind: DocumentType) -> None:
    if kind.subject != "none" and not meta.subject:
        where = msg("subject-under-number", "under the number ('V/v …')") \
            if kind.subject == "under-number" else msg("subject-under-name", "under its name")
        report.report(("meta", "type"), msg("form_requires", "a {name} needs meta.subject (its "
                                            "trích yếu, printed {where})", name=name,
                                            where=where))
    elif kind.subject == "none" and meta.subject:
        report.report(("meta", "subject"), msg("type-unprinted", "a {name} prints no subject: "
                                               "meta.subject would not print", name=name),
                      hint=_LEAVE_OUT, severity=WARNING)


def _number(report: Reporter, meta: Meta, profile: Profile, name: str,
            kind: DocumentType) -> None:
    """The type's symbol in the number; the year in a number with one, the document's."""
    rules = profile.document_number
    number = meta.number
    if not number or not re.search(rules.pattern, number):
        return  # no number, or one the pattern refuses: said by the number check
    symbol = rules.symbol_of(number)
    path = ("meta", "number")
    wanted = number_rules(profile, meta.type)
    shape = msg("number-shape-example", "write it as {shape}, e.g. {example}",
                shape=wanted.shape, example=wanted.example) if wanted.example else \
        msg("number-shape", "write it as {shape}", shape=wanted.shape)
    owner = next((other.called(key) for key, other in profile.document_types.items()
                  if other.symbol == symbol and other is not kind), None)
    hint = joined([shape, msg("number-symbol-owner", "'{symbol}' is the symbol of a {owner}",
                              symbol=symbol, owner=owner)]) if owner else shape
    if kind.symbol is not None and symbol is not None and symbol != kind.symbol:
        message = msg("number-type", "document number '{number}': the symbol of a {name} is "
                      "{symbol}, not {written}", number=number, name=name, symbol=kind.symbol,
                      written=symbol)
        if symbol.casefold() == kind.symbol.casefold():
            start = number.index(symbol)
            report.fix(path, number, start, start + len(symbol), kind.symbol, message)
        else:
            report.report(path, message, hint=hint)
    elif kind.symbol is None and symbol is not None and owner is not None:
        report.report(path, msg("number-type", "document number '{number}': a {name} has no "
                                "type code in its number (its symbol is the issuer and the "
                                "drafting unit)", number=number, name=name), hint=hint)
    year = re.match(r"^\d*/(\d{4})/", number)
    if year and int(year.group(1)) != meta.date.year:
        report.report(path, msg("number-year", "the year in the number ({year}) is not the "
                                "document's ({date_year})", year=year.group(1),
                                date_year=meta.date.year),
                      hint=msg("number-year-hint", "numbers are counted per year"),
                      severity=WARNING)


def _has_articles(items: list[Any]) -> bool:
    """Whether an article stands in `items`, or in the parts, chapters, … they hold."""
    for item in items:
        if isinstance(item, Article):
            return True
        if isinstance(item, Part | Chapter | Division | Subdivision) and \
                _has_articles(item.body):
            return True
    return False


def _expects(report: Reporter, document: Document, name: str, kind: DocumentType,
             path: tuple[Any, ...] = ("meta", "type"), body: list[Any] | None = None) -> None:
    """What the type expects of a document (of an attached text: its articles)."""
    meta = document.meta
    said = {
        "addressees": (not meta.addressees, msg(
            "type-expects", "a {name} is sent to its addressees ('Kính gửi:'), but "
            "meta.addressees is empty", name=name), msg(
            "expects-addressees-hint", "list them under meta.addressees")),
        "basis": (not document.basis, msg(
            "type-expects", "a {name} states its legal basis, but there are no Căn cứ lines",
            name=name), msg(
            "expects-basis-hint", "list them under 'basis:' at the top level (each ends with "
            "';', the last with '.'), not in the preamble")),
        "enacting_authority": (not meta.enacting_authority, msg(
            "type-expects", "a {name} names the authority that enacts it, but "
            "meta.enacting_authority is missing", name=name), msg(
            "expects-authority-hint", "e.g. 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH'")),
        "articles": (not _has_articles(document.blocks if body is None else body), msg(
            "type-expects", "a {name} is laid out in articles (Điều), but it has none",
            name=name), msg("expects-articles-hint", "write its provisions as '- article: …' "
                                                     "items")),
        "signers": (not meta.signers, msg(
            "type-expects", "a {name} is signed by two: meta.signers is missing", name=name),
            msg("expects-signers-hint", "write meta.signers: the secretary's block first "
                                        "(left), the chair's second (right)")),
    }
    for expected in kind.expects:
        if body is not None and expected != "articles":
            continue
        missing, message, hint = said[expected]
        if missing:
            report.report(path, message, hint=hint, severity=WARNING)


def _not_printed(report: Reporter, document: Document, name: str, kind: DocumentType) -> None:
    """Parts given that the type does not print: they would silently not appear."""
    meta = document.meta
    unprinted = (
        (meta.addressees and not kind.addressees, ("meta", "addressees"),
         msg("type-unprinted", "a {name} prints no 'Kính gửi:': meta.addressees would not "
                               "print", name=name),
         msg("unprinted-addressees-hint", "send it through Nơi nhận (meta.recipients)")),
        (document.basis and not kind.basis, ("basis",),
         msg("type-unprinted", "a {name} prints no Căn cứ lines under its title: 'basis' would "
                               "not print", name=name),
         msg("unprinted-basis-hint", "write them as the first paragraphs of the preamble")),
        (meta.enacting_authority and not kind.authority_line, ("meta", "enacting_authority"),
         msg("type-unprinted", "a {name} prints no enacting authority line", name=name),
         _LEAVE_OUT),
        (meta.signers and kind.signers == 1, ("meta", "signers"),
         msg("type-unprinted", "a {name} has one signature block: meta.signers would not "
                               "print", name=name),
         msg("unprinted-signers-hint", "write meta.signer")),
    )
    for given, path, message, hint in unprinted:
        if given:
            report.report(path, message, hint=hint, severity=WARNING)


def _attached(report: Reporter, document: Document, profile: Profile) -> None:
    """Appendices with a type: attached texts (the quy chế a quyết định issues)."""
    issuer = document.meta.issuer
    for index, appendix in enumerate(document.appendices):
        if appendix.type is None:
            continue
        path = ("appendices", index, "type")
        found = profile.document_type(appendix.type)
        if found is None:
            _unknown(report, path, appendix.type, profile)
            continue
        key, kind = found
        _expects(report, document, kind.called(key), kind, path, appendix.body)
        if issuer.in_text is None and issuer.name == issuer.name.upper():
            report.report(("meta", "issuer"), msg(
                "type-expects", "an attached text names the issuer in running text ('Ban hành "
                "kèm theo … của Ủy ban nhân dân tỉnh …'), but meta.issuer.in_text is missing"),
                hint=msg("expects-in-text-hint", "write meta.issuer.in_text: the name as a "
                                                 "sentence writes it"), severity=WARNING)
            issuer = issuer.model_copy(update={"in_text": issuer.name})  # said once
