"""`.batch-state.json`: what the last batch into a folder built, so unchanged variants are
skipped. The file lives in an output folder anyone may edit, so it is read as untrusted input:
size-capped, parsed, every field checked; a file that fails any check is ignored with a warning
(everything is rebuilt, and the file rewritten), never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing.inputs import MB, NotPlainFile, parse_json, printable, read_input
from briefing.messages import msg, reason
from briefing.problems import WARNING, BriefingError, Position, Problem

STATE = ".batch-state.json"
#: a state of thousands of variants is a few hundred kB
STATE_LIMIT = 16 * MB
_SHA256 = re.compile(r"[0-9a-f]{64}")
_FORMATS = ("docx", "pdf")
_STATE_FILE = msg("what-state-file", "batch state file")


@dataclass(frozen=True)
class StateEntry:
    """One variant as last built: the fingerprint of its inputs, the sha256 of each output."""

    fingerprint: str
    outputs: dict[str, str]


def load_state(path: Path, warn: Callable[[Problem], None] | None = None
               ) -> dict[str, StateEntry]:
    """The entries of the state file at `path`; none if it is absent; none, and a warning
    through `warn`, if it is anything but a state file we wrote."""
    if not path.exists() and not path.is_symlink():
        return {}
    try:  # not through a link: it could make us read (and describe) another file
        data = read_input(path, limit=STATE_LIMIT, what=_STATE_FILE, follow_links=False)
        return parse_state(data)
    except NotPlainFile:
        why = msg("state-not-plain", "it is not a plain file (a link, a folder, a FIFO…)")
    except BriefingError as error:
        why = error.problems[0].message
    except ValueError as error:
        why = reason(error)
    if warn is not None:
        warn(Problem(Position(printable(path)), msg(
            "state-ignored", "batch state ignored: {why}", why=why), WARNING, msg(
            "state-ignored-hint", "every variant is rebuilt and the file written anew")))
    return {}


def parse_state(raw: bytes) -> dict[str, StateEntry]:
    """Checked entries by variant name; ValueError says what is wrong."""
    data = parse_json(raw, _STATE_FILE)
    if not isinstance(data, dict):
        raise ValueError(msg("state-shape", "not a mapping of variants"))
    entries = {}
    for name, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str) \
                or not isinstance(entry.get("outputs"), dict):
            raise ValueError(msg("state-shape", "variant '{name}' has no fingerprint and "
                                                "outputs", name=printable(name)))
        outputs = entry["outputs"]
        for fmt, digest in outputs.items():
            if fmt not in _FORMATS or not isinstance(digest, str) \
                    or not _SHA256.fullmatch(digest):
                raise ValueError(msg("state-shape", "variant '{name}': output '{format}' is not "
                                     "a format with its sha256", name=printable(name),
                                     format=printable(fmt)))
        entries[name] = StateEntry(entry["fingerprint"], dict(outputs))
    return entries


def dump_state(entries: dict[str, StateEntry]) -> bytes:
    data = {name: {"fingerprint": e.fingerprint, "outputs": e.outputs}
            for name, e in entries.items()}
    return json.dumps(data, indent=2, sort_keys=True).encode("utf-8")
