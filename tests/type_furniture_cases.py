"""The document-type fixtures as the furniture tests build them.

Where a fixture of tests/fixtures/types also uses a body construct another change prints
(legal structure, fill-in blanks), the tests here build a copy without it: each legal item
becomes a plain paragraph of its text (its body and points after it), each blank a written
word. Everything the type adds around the body (masthead, V/v, Kính gửi, Căn cứ, enactment,
closing, attached texts) is kept as the fixture has it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from briefing import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "types"
#: state types the Party profile has too, built from the state fixture made a Party document
PARTY_COPIES = {"state-bien-ban": "BB", "state-to-trinh": "TTr", "state-bao-cao": "BC",
                "state-thong-bao": "TB", "state-ke-hoach": "KH", "state-giay-moi": "GM"}
NAMES = sorted([*(path.stem for path in FIXTURES.glob("*.yaml")),
                *(f"party-as-{name.removeprefix('state-')}" for name in PARTY_COPIES)])
_AUTHORITIES = {"TM.": "T/M", "KT.": "K/T", "TL.": "T/L"}
_LEGAL = ("part", "chapter", "division", "subdivision", "article", "clause")
_BLANK = re.compile(r"\{(?:blank(?::\d+)?|fill)\}")


def _plain(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, str):
            out.append(_BLANK.sub("(ghi rõ)", item))
        elif isinstance(item, dict) and any(key in item for key in _LEGAL):
            title = next(item[key] for key in _LEGAL if key in item)
            out.append(title if isinstance(title, str) else " ".join(title))
            out += _plain(item.get("body", []))
            out += [str(point) for point in item.get("points", [])]
        else:
            out.append(item)
    return out


def without_body_constructs(data: dict[str, Any]) -> dict[str, Any]:
    for key in ("preamble", "blocks", "conclusion"):
        if key in data:
            data[key] = _plain(data[key])
    for appendix in data.get("appendices", []):
        appendix["body"] = _plain(appendix["body"])
    return data


def uses_body_constructs(path: Path) -> bool:
    text = path.read_text("utf-8")
    legal = re.compile(r"^\s*-?\s*(?:" + "|".join(_LEGAL) + "):", re.MULTILINE)
    return bool(_BLANK.search(text) or legal.search(text))


def as_party(data: dict[str, Any], symbol: str) -> dict[str, Any]:
    """A state fixture as a Party document of the same type: the Party's masthead, number
    and signing authorities."""
    meta = data["meta"]
    meta["profile"] = "party"
    meta.pop("numbering", None)
    meta["issuer"] = {"superior": "TỈNH ỦY HÀ TĨNH", "name": "BAN TUYÊN GIÁO"}
    meta["number"] = f"27-{symbol}/BTGTU"
    for signer in [meta.get("signer"), *(meta.get("signers") or [])]:
        if signer and signer.get("authority"):
            word, _, rest = signer["authority"].partition(" ")
            signer["authority"] = f"{_AUTHORITIES.get(word, word)} {rest}".strip()
    return data


@cache
def case_path(name: str, directory: Path) -> Path:
    """The fixture itself, or its copy without body constructs in `directory` (a Party copy
    of a state fixture: "party-as-bien-ban")."""
    state = f"state-{name.removeprefix('party-as-')}"
    source = FIXTURES / f"{state if name.startswith('party-as-') else name}.yaml"
    if not name.startswith("party-as-") and not uses_body_constructs(source):
        return source
    data = without_body_constructs(yaml.safe_load(source.read_text("utf-8")))
    if name.startswith("party-as-"):
        data = as_party(data, PARTY_COPIES[state])
    copy = directory / f"{name}.yaml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return copy
