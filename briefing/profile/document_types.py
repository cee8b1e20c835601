"""Document types: what each type of document prints, as profile data (`document_types:`).

ND 30/2020 Điều 7 and Phụ lục III §I list the state's administrative types and their symbols
(QĐ, QyĐ, TTr, BGN, …; a công văn has none); Hướng dẫn 36-HD/VPTW the Party's (QĐi, CV, KL, TT
…). A type says its printed name, the symbol its numbers carry, and the layout switches the
writers follow: where the subject goes, whether it takes addressees ("Kính gửi:"), Căn cứ lines,
the enacting authority's line, an enactment line ("QUYẾT ĐỊNH:"), the end mark "./.", the place
and date, one or two signature blocks, Nơi nhận beside the signature or under the left signer.
`expects` lists what a document of the type should have; `check` warns where it is missing
(real documents vary, so never an error).

`meta.type` names a type by its key ("quyet-dinh") or its printed name in any case
("QUYẾT ĐỊNH", "Quyết định"); `resolve` finds it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from briefing.messages import Message, msg
from briefing.profile.document_number import DocumentNumber
from briefing.profile.values import Strict

#: What a type may expect a document to have (a warning where it is missing).
Expectation = Literal["addressees", "basis", "enacting_authority", "articles", "signers"]
TYPE_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: The letters of a symbol: upper case first ("QĐ", "TTr", "QyĐ", "QĐi", "ĐA").
SYMBOL = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*$")


class DocumentType(Strict):
    """One type of document and the layout it prints with."""

    #: the printed name ("QUYẾT ĐỊNH"); null: no name printed (a công văn)
    name: str | None
    #: how messages and meta.type name a type without a printed name ("công văn")
    label: str | None = None
    #: the type's part of a number ("QĐ" in 12/QĐ-UBND); null: none (a state công văn)
    symbol: str | None = None
    form: Literal["official", "booklet"] = "official"
    #: the trích yếu: under the type name (title), under the number ("V/v …"), or none
    subject: Literal["title", "under-number", "none"] = "title"
    #: printed before a subject under the number
    subject_prefix: str = ""
    #: "Kính gửi:" with meta.addressees
    addressees: bool = False
    #: the Căn cứ lines (`basis:`), italic, under the title block
    basis: bool = False
    #: meta.enacting_authority on its own line above the Căn cứ lines
    authority_line: bool = False
    #: the line before the body ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")
    enactment: str | None = None
    #: "./." after the last paragraph of the body (the profile's `body.end_mark`)
    end_mark: bool = False
    #: the place and date in the masthead (a biên bản has none)
    place_date: bool = True
    #: signature blocks: one, or two side by side (meta.signers)
    signers: Annotated[int, Field(ge=1, le=2)] = 1
    #: Nơi nhận beside the signature, or under the left signer (a biên bản)
    recipients_under: Literal["beside", "left"] = "beside"
    expects: list[Expectation] = Field(default_factory=list)

    @field_validator("symbol")
    @classmethod
    def _symbol_letters(cls, value: str | None) -> str | None:
        if value is not None and not SYMBOL.match(value):
            raise ValueError(msg("type-symbol", "'{symbol}' is not a symbol: letters, the first "
                                                "upper-case (QĐ, TTr, QyĐ)", symbol=value))
        return value

    @field_validator("expects")
    @classmethod
    def _expects_what_prints(cls, value: list[str], info: ValidationInfo) -> list[str]:
        switch = {"addressees": "addressees", "basis": "basis",
                  "enacting_authority": "authority_line"}
        for expected in value:
            key = switch.get(expected)
            if key is not None and not info.data.get(key):
                raise ValueError(msg("type-expects-unprinted", "expects {expected}, which the "
                                     "type does not print: set '{key}: true' or drop it",
                                     expected=expected, key=key))
        return value

    @model_validator(mode="after")
    def _two_signers(self) -> DocumentType:
        if "signers" in self.expects and self.signers != 2:
            raise ValueError(msg("type-expects-signers", "expects signers but signs with one "
                                                         "block: set 'signers: 2'"))
        return self

    def called(self, key: str) -> str:
        """How messages name the type: its printed name in lower case, its label, its key."""
        return self.name.lower() if self.name else self.label or key


def type_key_problem(key: str) -> Message | None:
    """What is wrong with a type's key, or None."""
    if not TYPE_KEY.match(key):
        return msg("type_key", "'{key}' is not a type key: lower-case letters, digits and '-' "
                               "(cong-van)", key=key)
    return None


def folded(text: str) -> str:
    """A name as it is compared: NFC, case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def slug(text: str) -> str:
    """The key a name would have: "Công văn" -> "cong-van" (marks dropped, đ -> d)."""
    text = folded(text).replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def resolve(types: dict[str, DocumentType], written: str) -> tuple[str, DocumentType] | None:
    """The type `written` names: a key, a printed name in any case, or a name whose key it is
    ("Công văn" -> cong-van)."""
    if written in types:
        return written, types[written]
    wanted = folded(written)
    for key, kind in types.items():
        if any(name is not None and folded(name) == wanted for name in (kind.name, kind.label)):
            return key, kind
    key = slug(written)
    return (key, types[key]) if key in types else None


def type_choices(types: dict[str, DocumentType]) -> list[str]:
    """What `meta.type` may say, for did-you-mean hints: keys and printed names."""
    return [*types, *(name for kind in types.values() for name in (kind.name, kind.label) if name)]


def types_problems(types: dict[str, DocumentType], number: DocumentNumber | None
                   ) -> list[tuple[tuple[str | int, ...], str, Message, object]]:
    """What is wrong with a profile's list of types as a whole: keys, two types with one name
    or one symbol, a symbol the profile's own number pattern would refuse."""
    errors: list[tuple[tuple[str | int, ...], str, Message, object]] = []
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for key, kind in types.items():
        problem = type_key_problem(key)
        if problem:
            errors.append(((key,), "type_key", problem, key))
        for field, name in (("name", kind.name), ("label", kind.label)):
            if name is None:
                continue
            other = names.setdefault(folded(name), key)
            if other != key:
                errors.append(((key, field), "type_name", msg(
                    "type_name", "'{name}' is also the name of '{other}': meta.type could not "
                    "tell them apart", name=name, other=other), name))
        if kind.symbol is not None:
            other = symbols.setdefault(kind.symbol, key)
            if other != key:
                errors.append(((key, "symbol"), "type_symbol", msg(
                    "type_symbol", "'{symbol}' is also the symbol of '{other}'",
                    symbol=kind.symbol, other=other), kind.symbol))
            elif number is not None and kind.form == "official":
                example = number.for_symbol(kind.symbol).example
                if example and not re.search(number.pattern, example):
                    errors.append(((key, "symbol"), "type_symbol", msg(
                        "type_symbol", "a number with '{symbol}' ({example}) does not match "
                        "document_number.pattern", symbol=kind.symbol, example=example),
                        kind.symbol))
    return errors
