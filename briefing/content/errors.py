"""Turn pydantic validation errors into one-line problems at the YAML position of the value."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import ValidationError

from briefing.errors import Problem
from briefing.source.yaml_source import SourceMap


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """`did you mean "achievements"?` for a near miss, else the list of choices."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    return "expected one of: " + ", ".join(choices)


def _dotted(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "document"


def _data_path(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's union tags (function-after[...], 'section', …) so the path fits the data."""
    return tuple(p for p in loc if isinstance(p, int) or not _is_tag(p))


def _is_tag(part: str) -> bool:
    return (part in {"paragraph", "section", "bullets-list", "enumeration", "paragraphs", "text"}
            or "[" in part or part.startswith("function-"))


def problems_from_validation(exc: ValidationError, source: SourceMap) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for error in exc.errors():
        loc = _data_path(tuple(error["loc"]))
        if loc in seen:  # a union reports each alternative; one line per place is enough
            continue
        seen.add(loc)
        kind = error["type"]
        field = _dotted(loc)
        hint = ""
        ctx = error.get("ctx") or {}
        if kind == "unknown_key":
            key_loc = (*loc, ctx["key"])
            position = source.at(key_loc, key=True)
            message = f"{_dotted(loc)}: unknown key '{ctx['key']}'" if loc else error["msg"]
            hint = did_you_mean(str(ctx["key"]), ctx.get("known", []))
        elif kind == "missing":
            position = source.at(loc[:-1])
            message = f"{_dotted(loc[:-1])}: missing required field '{loc[-1]}'"
        else:
            position = source.at(loc)
            message = f"{field}: {_clean(error['msg'])}"
            if "expected" in ctx and kind in {"literal_error", "enum"}:
                expected = str(ctx["expected"]).replace(" or ", ",")
                choices = [c.strip(" '") for c in expected.split(",")]
                hint = did_you_mean(str(error.get("input")), [c for c in choices if c])
        problems.append(Problem(position, message, hint=hint, code=kind))
    return problems


def _clean(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message[0].lower() + message[1:] if message else message
