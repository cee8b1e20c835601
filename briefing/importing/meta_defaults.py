"""Completing `meta`: the form and profile, and what the source did not say.

Every field a form needs and the source lacks gets a visible placeholder (data/
document-words.yaml) and a comment saying so; a number-and-symbol that does not match the
profile is repaired where the repair is certain (zero padding, the document type's code) and
reported.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.importing.draft import Item
from briefing.importing.guesses import Notebook, guess_comment
from briefing.importing.head import MetaDraft
from briefing.importing.words import words
from briefing.messages import Message, msg
from briefing.profile.document_number import zero_padded
from briefing.profile.model import Profile

ORDER = ("form", "profile", "numbering", "issuer", "number", "place", "date", "type", "title",
         "subject", "issue", "circulation", "meeting", "addressees", "signer", "signers",
         "recipients")


def complete(meta: MetaDraft, profile: Profile, ladder: str, notes: Notebook, *,
             form: str | None, texts: list[str]) -> dict[str, Any]:
    v = meta.values
    holders = words()["placeholders"]
    if form:
        v["form"] = form
    elif "form" not in v:
        v["form"] = "official" if v.get("type") and (v.get("signer") or v.get("signers")) \
            else "booklet"
        if v["form"] == "booklet":
            _comment(meta, "form", msg("import-form-comment",
                                       "no document type and signature found: a booklet"))
    v["profile"] = profile.name
    v["numbering"] = ladder
    if not (v.get("issuer") or {}).get("name"):
        v["issuer"] = {**(v.get("issuer") or {}), "name": holders["issuer"]}
        _missing(meta, notes, "issuer", msg("missing-issuer", "the issuing body"))
    if not v.get("place"):
        v["place"] = holders["place"]
        _missing(meta, notes, "place", msg("missing-place", "the place"))
    if not v.get("date"):
        year = year_in(v.get("issue", ""), v.get("subject", "")) or year_in(*texts) or today_year()
        v["date"] = str(year)
        _missing(meta, notes, "date", msg("missing-date", "the date (the year {year} is a guess)",
                                          year=year))
    if v["form"] == "official":
        if not v.get("type"):
            v["type"] = holders["type"]
            _missing(meta, notes, "type", msg("missing-type", "the document type"))
        if not v.get("subject"):
            v["subject"] = holders["subject"]
            _missing(meta, notes, "subject", msg("missing-subject", "the trích yếu"))
        if not v.get("signer") and not v.get("signers"):
            v["signer"] = {"name": holders["signer"]}
            _missing(meta, notes, "signer", msg("missing-signer", "the signature"))
        if not v.get("number"):
            code = words()["types"].get(v.get("type", ""), "HD")
            v["number"] = _blank_number(profile, code, holders["issuer_code"])
            _missing(meta, notes, "number", msg("missing-number", "the number and symbol"))
    if v.get("number"):
        _check_number(meta, profile, notes)
    out: dict[str, Any] = {}
    for key in ORDER:
        if key in v and v[key] not in (None, "", [], {}):
            value = v[key]
            out[key] = Item(value, meta.comments[key]) if meta.comments.get(key) else value
    return out


def _comment(meta: MetaDraft, key: str, guess: Message) -> None:
    meta.comments.setdefault(key, []).append(guess_comment(guess))


def _missing(meta: MetaDraft, notes: Notebook, key: str, what: Message) -> None:
    notes.guess(msg("import-missing", "{what} is not in the source: a placeholder is written in "
                                      "meta.{key}; replace it", what=what, key=key))
    _comment(meta, key, msg("import-missing-comment",
                            "not in the source, replace this placeholder"))


def _blank_number(profile: Profile, code: str, issuer: str) -> str:
    separator = "/" if profile.document_number.prefix.rstrip().endswith(":") else "-"
    if separator == "/":
        return f"/{code}-{issuer}"
    return f"-{code}/{issuer}"


def _check_number(meta: MetaDraft, profile: Profile, notes: Notebook) -> None:
    v = meta.values
    pattern = re.compile(profile.document_number.pattern)
    number = v["number"]
    where = v.get("number-where")
    if pattern.match(number):
        return
    padded = zero_padded(number)
    if pattern.match(padded):
        notes.fix(msg("import-number-padded", "number '{number}' zero-padded to '{padded}' "
                      "(01–09 are written with two digits)", number=number, padded=padded),
                  where, number)
        v["number"] = padded
        return
    code = words()["types"].get(v.get("type", ""))
    issuer = number.rsplit("/", 1)[-1] if "/" in number else ""
    digits = re.match(r"^\d+", number)
    if profile.document_number.prefix.rstrip().endswith(":"):
        repaired = f"{digits.group() if digits else ''}/{code}-{issuer}"
    else:
        repaired = f"{digits.group() if digits else ''}-{code}/{issuer}"
    if code and issuer and pattern.match(repaired):
        notes.guess(msg("import-number", "number '{number}' does not match the profile's "
                        "pattern; read as '{repaired}' from the document type", number=number,
                        repaired=repaired), where, number)
        _comment(meta, "number", msg("import-number-comment", "the source shows '{number}'",
                                     number=number))
        v["number"] = repaired
        return
    blank = _blank_number(profile, code or "HD", words()["placeholders"]["issuer_code"])
    notes.guess(msg("import-number", "number '{number}' does not match the profile's pattern; "
                                     "a placeholder is written", number=number), where, number)
    _comment(meta, "number", msg("import-number-comment", "the source shows '{number}'; replace "
                                 "this placeholder", number=number))
    v["number"] = blank


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def year_in(*texts: str) -> int | None:
    """The year the texts name most often (the latest of equals), or None."""
    years = [int(y) for text in texts if text for y in _YEAR.findall(text)]
    if not years:
        return None
    return max(set(years), key=lambda y: (years.count(y), y))


def today_year() -> int:
    return dt.date.today().year
