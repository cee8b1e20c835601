"""The shapes of what an archive gives back — manifests and the recipes embedded in PDFs —
checked field by field before anything is used.

An archive can be copied, edited or forged: a manifest that names `../../etc/passwd`, a recipe
whose options are a list, a variant called `..`. Everything read back is validated here
(pydantic), so the code that uses a manifest or a recipe can trust its types, and every path in
it is a plain relative path (`briefing.inputs.relative_path_problem`), which `confined` then
resolves inside the archive.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from briefing.inputs import printable, relative_path_problem
from briefing.messages import Message, msg

_SHA256 = re.compile(r"[0-9a-f]{64}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: WeasyPrint's PDF variants: pdf/a-3a, pdf/a-3b, pdf/ua-1, …
_PDF_VARIANT = re.compile(r"pdf/[a-z]{1,3}-[0-9][a-z]?")
#: a variant name as batch and edition write them: a unit code or a `safe_name`
VARIANT_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,119}")
#: the longest text field read back (paths, tool versions): a few hundred characters at most
MAX_TEXT = 1000


def usable_variant_name(name: object) -> bool:
    """Whether a variant name read back from a file (recipe, manifest) is one plain file name:
    it names the rebuilt outputs, and may not lead out of their folder."""
    return isinstance(name, str) and bool(VARIANT_NAME.fullmatch(name)) and ".." not in name


def _relative(value: str) -> str:
    problem = relative_path_problem(value)
    if problem is not None:
        raise ValueError(msg("record-path", "'{path}' {problem}", path=printable(value),
                             problem=problem))
    return value


def _sha256(value: str) -> str:
    if not _SHA256.fullmatch(value):
        raise ValueError(msg("record-sha256", "not a sha256 (64 hexadecimal digits)"))
    return value


def _text(value: str) -> str:
    if len(value) > MAX_TEXT or not value.isprintable():
        raise ValueError(msg("record-text", "'{value}' is not a short line of printable text",
                             value=printable(value[:60])))
    return value


def _variant(value: str) -> str:
    if not usable_variant_name(value):
        raise ValueError(msg("record-variant", "'{value}' is not a plain variant name",
                             value=printable(value[:60])))
    return value


def _pdf_variant(value: str | None) -> str | None:
    if value is not None and not _PDF_VARIANT.fullmatch(value):
        raise ValueError(msg("record-pdf-variant", "'{value}' is not a PDF variant (like "
                                                   "pdf/a-3a)", value=printable(value[:60])))
    return value


def _day(value: str | None) -> str | None:
    if value is not None and not _DAY.fullmatch(value):
        raise ValueError(msg("record-day", "'{value}' is not a YYYY-MM-DD date",
                             value=printable(value[:60])))
    return value


RelativePath = Annotated[str, AfterValidator(_relative)]
Sha256 = Annotated[str, AfterValidator(_sha256)]
Text = Annotated[str, AfterValidator(_text)]
VariantName = Annotated[str, AfterValidator(_variant)]
Day = Annotated[str | None, AfterValidator(_day)]
Role = Literal["content", "unit", "meeting"]
Format = Literal["docx", "pdf"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class BuildOptions(_Record):
    """The options that shape a variant's bytes (and an edition's list of variants)."""

    date: Day = None
    pdf_variant: Annotated[str | None, AfterValidator(_pdf_variant)] = None
    embed_sources: bool = False
    formats: Annotated[list[Format], Field(min_length=1)] = ["pdf"]
    variants: list[VariantName] | None = None
    #: the register's number of a `number: auto` variant (its recipe only)
    number: Text | None = None


class FileRecord(_Record):
    sha256: Sha256
    bytes: Annotated[int, Field(ge=0)]


class InputRecord(FileRecord):
    path: Text


class SignatureRecord(_Record):
    """A signature an edition's PDF was given as it was archived (`edition --sign`)."""

    file: RelativePath
    field: Text
    signer: Text
    time: Text
    #: the signed file (as the manifest's `files` lists it)
    sha256: Sha256
    #: the file as built, before the signature was appended (the reproducible bytes)
    unsigned_sha256: Sha256
    unsigned_bytes: Annotated[int, Field(ge=0)]


class VariantRecord(_Record):
    name: VariantName
    unit: Text | None = None
    sources: dict[Role, RelativePath]
    outputs: dict[Format, RelativePath]
    number: Text | None = None
    signatures: list[SignatureRecord] = []


class EditionRecord(_Record):
    name: Annotated[str, AfterValidator(_text)]
    date: Annotated[str, AfterValidator(_day)]
    revision: Annotated[int, Field(ge=1)]


class ManifestRecord(_Record):
    format: str
    edition: EditionRecord
    fingerprint: Sha256
    tools: dict[Text, Text]
    options: BuildOptions
    inputs: dict[Text, InputRecord]
    variants: list[VariantRecord]
    files: dict[RelativePath, FileRecord]


class SourceRecord(_Record):
    attachment: Text
    path: Text
    sha256: Sha256


class RecipeRecord(_Record):
    format: int
    variant: VariantName
    options: BuildOptions = BuildOptions()
    sources: dict[Role, SourceRecord]
    tools: dict[Text, Text] = {}


def problems_of(exc: ValidationError, limit: int = 5) -> list[Message]:
    """pydantic's errors as "variants[0].sources.content: '../x' climbs out …" lines."""
    from briefing.content.schema_problems import said

    lines = []
    for error in exc.errors()[:limit]:
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{printable(part)}"
                        for part in error["loc"]).lstrip(".") or "document"
        lines.append(msg("record-field", "{where}: {problem}", where=where, problem=said(error)))
    return lines


def check_record(model: type[_Record], data: Any) -> tuple[_Record | None, list[Message]]:
    """The validated record, or None and what is wrong with `data`."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, problems_of(exc)
