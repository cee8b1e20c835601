"""Bytes of a text or Markdown file -> text: UTF-8 (with or without BOM), UTF-16 with BOM,
or a legacy Vietnamese encoding, converted and reported; anything else is refused."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.readers.text.legacy_encodings import NAMES, decode_legacy


@dataclass(frozen=True)
class Decoded:
    text: str
    #: None for Unicode input, else the legacy encoding that was converted
    legacy: str | None = None


def decode(raw: bytes, path: Path) -> Decoded:
    if raw.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(raw[3:], "utf-8", path))
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return Decoded(_strict(raw[2:], codec, path))
    if b"\0" in raw:
        raise BriefingError.at(path, msg("text-nul", "not a text file (it holds NUL bytes)"),
                               hint=msg("text-nul-hint", "give a .docx, .txt or .md file"))
    try:
        return Decoded(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        legacy = decode_legacy(raw)
        if legacy is not None:
            return Decoded(legacy.text, legacy.encoding)
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefingError.at(
            path, msg("text-encoding", "not UTF-8 text (byte 0x{byte:02X} on line {line}) and "
                      "not a Vietnamese legacy encoding this importer knows ({known})",
                      byte=raw[exc.start], line=line, known=tuple(NAMES.values())),
            hint=msg("text-encoding-hint", "save the file as UTF-8 (Unicode)")) from None


def _strict(raw: bytes, codec: str, path: Path) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise BriefingError.at(path, msg("text-damaged", "damaged {codec} text (byte {index})",
                                         codec=codec.upper(), index=exc.start),
                               hint=msg("text-damaged-hint", "save the file again as UTF-8")
                               ) from None
