"""Turn pydantic validation errors into one-line problems at the YAML position of the value.

Pydantic reports every error of a document in one go; we keep that (a clerk fixes all of them
in one pass) and rephrase each in the words of the content format, with a did-you-mean hint
for near misses (unknown keys, unknown block kinds).
"""

from __future__ import annotations

import difflib
import sys
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from briefing.messages import Message, msg
from briefing.problems import Problem
from briefing.source.yaml_source import SourceMap

#: What a choice field is called in messages: "unknown block kind 'achievments'".
CHOICE_NAMES = {"kind": msg("choice-block-kind", "block kind"),
                "form": msg("choice-document-form", "document form")}
_VALUE = msg("choice-value", "value")

_MAPPING = msg("mapping_type", "{field}: expected a mapping ('key: value' lines), found {found}")
_EMPTY = msg("too_short", "{field}: must not be empty")
_WHOLE = msg("int_type", "{field}: expected a whole number, found {found}")
_BOOL = msg("bool_type", "{field}: expected true or false, found {found}")
#: Friendlier wording for pydantic's error types; {field} and {found} are filled in.
MESSAGES = {
    "string_type": msg("string_type", "{field}: expected text, found {found}"),
    "list_type": msg("list_type",
                     "{field}: expected a list (lines starting with '- '), found {found}"),
    "dict_type": _MAPPING, "model_type": _MAPPING, "model_attributes_type": _MAPPING,
    "too_short": _EMPTY, "string_too_short": _EMPTY,
    "int_parsing": _WHOLE, "int_type": _WHOLE,
    "bool_parsing": _BOOL, "bool_type": _BOOL,
}


def visible(text: Any, limit: int = 60) -> str:
    """User text fit for a one-line message: invisible and line-breaking characters spelled
    out as <U+200B>, long text cut."""
    out = []
    for char in str(text):
        if char == " " or (char.isprintable() and char not in "\u00a0\u202f\u2007\u3000"):
            out.append(char)
        else:
            out.append(f"<U+{ord(char):04X}>")
    shown = "".join(out)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> Message:
    """`did you mean "achievements"?` for a near miss, else the list of choices."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    if close:
        return meant(close[0])
    return msg("expected-one-of", "expected one of: {choices}", choices=tuple(choices))


def meant(word: str) -> Message:
    """The hint for a near miss: `did you mean "achievements"?`."""
    return msg("did-you-mean", 'did you mean "{word}"?', word=word)


def _dotted(loc: tuple[Any, ...]) -> str | Message:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + visible(item, 40))
    return "".join(parts) or _DOCUMENT


_DOCUMENT = msg("field-document", "document")


def _data_path(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's union tags (function-after[...], 'section', …) so the path fits the data."""
    return tuple(p for p in loc if isinstance(p, int) or not _is_tag(p))


_TAGS = {"paragraph", "section", "bullets-list", "enumeration", "paragraphs", "text", "str",
         "constrained-str", "list[constrained-str]", "numbered-paragraph", "intertitle", "table",
         "figure", "quote", "question", "answer", "standfirst", "dateline", "byline", "credit",
         "note-line", "salutation", "cell", "cell-text", "legal-part", "legal-chapter",
         "legal-division", "legal-subdivision", "legal-article", "legal-clause", "loose-points"}


def _is_tag(part: str) -> bool:
    return part in _TAGS or "[" in part or part.startswith("function-")


def _found(value: Any) -> Message | str:
    """How a wrong value looks to the user: "a list", "nothing", "'abc'"."""
    if value is None:
        return msg("found-nothing", "nothing")
    if isinstance(value, list):
        return msg("found-list", "a list")
    if isinstance(value, dict):
        return msg("found-mapping", "a mapping")
    return f"'{visible(value, 40)}'"


def problems_from_validation(exc: ValidationError, source: SourceMap,
                             model: type[BaseModel] | None = None) -> list[Problem]:
    """One problem per place; `model` (the validated class) makes locations exact and enables
    did-you-mean hints for unknown keys."""
    errors = exc.errors()
    unknown = _unknown_keys(errors, model)
    deeper = _union_losers(errors, model)
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for error in errors:
        raw_loc = tuple(error["loc"])
        kind = error["type"]
        if kind in ("extra_forbidden", "unknown_key"):
            problems.append(_unknown_key_problem(error, raw_loc, source, model))
            continue
        loc = data_path(model, raw_loc)
        if loc in seen or (kind in _TYPE_ERRORS and loc in deeper):
            continue  # a union reports each alternative; one line per place is enough
        seen.add(loc)
        if kind == "missing" and str(loc[-1]) in unknown.get(loc[:-1], set()):
            continue  # "unknown key 'titel' (did you mean "title"?)" already says it
        problems.append(_problem(error, loc, source, model))
    return problems


def problem_of(error: Any, source: SourceMap, model: type[BaseModel] | None = None) -> Problem:
    """One pydantic error as `problems_from_validation` says it (a draft, which prints what it
    can, lists each error it leaves out one at a time)."""
    raw_loc = tuple(error["loc"])
    if error["type"] in ("extra_forbidden", "unknown_key"):
        return _unknown_key_problem(error, raw_loc, source, model)
    return _problem(error, data_path(model, raw_loc), source, model)


def _problem(error: Any, loc: tuple[Any, ...], source: SourceMap,
             model: type[BaseModel] | None) -> Problem:
    """One pydantic error in the words of the content format, at its place."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = _dotted(loc)
    if kind == "missing":
        choices = literal_choices(model, tuple(error["loc"]))
        return Problem(source.at(loc[:-1]),
                       msg("missing", "{parent}: missing required field '{name}'",
                           parent=_dotted(loc[:-1]), name=str(loc[-1])),
                       hint=msg("one-of", "one of: {choices}", choices=tuple(choices))
                       if choices else None)
    if kind == "form_requires":
        return Problem(source.at((*loc, "form")), said(error))
    position = source.at(loc)
    if kind in {"literal_error", "enum"} and "expected" in ctx:
        choices = [c.strip(" '") for c in str(ctx["expected"]).replace(" or ", ",").split(",")]
        what = CHOICE_NAMES.get(str(loc[-1]) if loc else "", _VALUE)
        return Problem(position, msg("unknown-choice", "{field}: unknown {what} '{value}'",
                                     field=field, what=what, value=visible(error.get("input"))),
                       hint=did_you_mean(str(error.get("input")), [c for c in choices if c]))
    if split_text(error.get("input")) is not None and kind in _SPLIT_TEXT_ERRORS:
        return _split_text_problem(position, field, error.get("input"))
    if kind in MESSAGES:
        return Problem(position, MESSAGES[kind].given(field=field,
                                                      found=_found(error.get("input"))))
    hint = _body_key_hint(error.get("input")) if kind == "body_item" else None
    return Problem(position, msg("field-problem", "{field}: {problem}", field=field,
                                 problem=said(error)), hint=hint)


def said(error: Any) -> Message | str:
    """What a validator said (a `Message` it raised, or carried in its error's context), else
    pydantic's own words (English)."""
    from briefing.content.schema import DISCRIMINATOR_MESSAGES

    ctx = error.get("ctx") or {}
    raised = ctx.get("error")
    if isinstance(raised, Exception) and raised.args and isinstance(raised.args[0], Message):
        return raised.args[0]
    if isinstance(ctx.get("message"), Message):
        return ctx["message"]
    if error["type"] in DISCRIMINATOR_MESSAGES:
        return DISCRIMINATOR_MESSAGES[error["type"]]
    return _clean(error["msg"])


#: Errors a text can get when YAML read it as a mapping ("… như sau:" at the end of a line).
_SPLIT_TEXT_ERRORS = {"body_item", "list_item", "string_type", "table_cell"}


def split_text(value: Any) -> str | None:
    """The text a mapping was meant to be, when YAML split a sentence at ': ' or a final ':'
    ("Nội dung: xem thêm" -> {"Nội dung": "xem thêm"}); None if it does not look so."""
    from briefing.content.schema import BODY_ITEM_KEYS

    if not isinstance(value, dict) or len(value) != 1:
        return None
    key, rest = next(iter(value.items()))
    if not isinstance(key, str) or key in {k for k, _ in BODY_ITEM_KEYS} or " " not in key:
        return None
    if rest is None:
        return key + ":"
    if isinstance(rest, str):
        return f"{key}: {rest}"
    return None


def _split_text_problem(position: Any, field: str, value: Any) -> Problem:
    text = split_text(value) or ""
    why = msg("split-ends-colon", "it ends with ':'") if text.endswith(":") else \
        msg("split-holds-colon", "it holds ': '")
    return Problem(position, msg("split-text", "{field}: this text was read as a 'key: value' "
                                 "pair because {why}", field=field, why=why),
                   hint=msg("split-text-hint", 'put the whole text in quotes: "{text}"',
                            text=visible(text, 50)))


def _body_key_hint(value: Any) -> Message | None:
    """'did you mean "table"?' for a body mapping whose key is a near miss."""
    from briefing.content.schema import BODY_ITEM_KEYS

    if not isinstance(value, dict):
        return None
    keys = [key for key, _ in BODY_ITEM_KEYS]
    for key in value:
        close = difflib.get_close_matches(str(key), keys, n=1, cutoff=0.6)
        if close:
            return meant(close[0])
    return None


#: Errors that only say "wrong type here"; a union may add them beside the real, deeper error.
_TYPE_ERRORS = {"string_type", "list_type", "dict_type", "model_type", "model_attributes_type"}


def _union_losers(errors: list[Any], model: type[BaseModel] | None) -> set[tuple[Any, ...]]:
    """Places that also have an error further down: the value matched a union member's type,
    so "expected text, found a list" about the other member only misleads."""
    paths = [data_path(model, tuple(error["loc"])) for error in errors]
    return {path[:n] for path in paths for n in range(len(path))}


def _unknown_keys(errors: list[Any], model: type[BaseModel] | None) -> dict[tuple, set[str]]:
    """For each mapping with an unknown key, the known keys those unknown ones resemble."""
    meant: dict[tuple, set[str]] = {}
    for error in errors:
        if error["type"] not in ("extra_forbidden", "unknown_key"):
            continue
        raw_loc = tuple(error["loc"])
        known = known_keys(model, raw_loc[:-1])
        close = difflib.get_close_matches(str(raw_loc[-1]), known, n=1, cutoff=0.6)
        meant.setdefault(data_path(model, raw_loc[:-1]), set()).update(close)
    return meant


def _unknown_key_problem(error: Any, raw_loc: tuple[Any, ...], source: SourceMap,
                         model: type[BaseModel] | None) -> Problem:
    key = raw_loc[-1]
    parent = data_path(model, raw_loc[:-1])
    known = known_keys(model, raw_loc[:-1])
    position = source.at((*parent, key), key=True)
    shown = visible(key)
    message = msg("unknown_key", "{parent}: unknown key '{key}'", parent=_dotted(parent),
                  key=shown) if parent else \
        msg("unknown_key", "unknown key '{key}'", key=shown)
    return Problem(position, message, hint=did_you_mean(str(key), known) if known else None)


def _clean(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message[0].lower() + message[1:] if message else message


# -- walking the model's annotations along an error location ----------------------------------

def data_path(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The path in the data that pydantic's `loc` names (its union tags removed)."""
    if model is None:
        return _data_path(loc)
    return _walk(model, loc)[0]


def literal_choices(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> list[str]:
    """The allowed values of the field at `loc` when it is a choice (a Literal)."""
    if model is None:
        return []
    bare, _ = _unwrap(_walk(model, loc)[1], model)
    for option in (bare, *_members(bare)):
        if typing.get_origin(option) is typing.Literal:
            return [str(value) for value in typing.get_args(option)]
    return []


def known_keys(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at `loc` (a pydantic error location)."""
    if model is None:
        return []
    found = _model_of(_walk(model, loc)[1], model)
    if found is None:
        return []
    return sorted(info.alias or name for name, info in found.model_fields.items())


def _walk(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], Any]:
    """(data path, annotation reached): a tag is only a tag where the model has a union."""
    path: list[Any] = []
    target: Any = model
    for part in loc:
        if target is None:  # lost track of the model: fall back on the names of tags
            if isinstance(part, int) or not _is_tag(part):
                path.append(part)
            continue
        bare, _ = _unwrap(target, model)
        if isinstance(part, str):
            members = _members(bare)
            if members:
                tagged = _tagged(members, part, model)
                if tagged is not None:
                    target = tagged
                    continue
                if _is_tag(part):
                    continue
            elif _is_model(bare) and part not in bare.model_fields and _is_tag(part):
                continue
        path.append(part)
        target = _step(target, part, model)
    return tuple(path), target


def _resolve(annotation: Any, home: type[BaseModel]) -> Any:
    if isinstance(annotation, str):
        annotation = typing.ForwardRef(annotation)
    if isinstance(annotation, typing.ForwardRef):
        namespace = vars(sys.modules[home.__module__])
        return namespace.get(annotation.__forward_arg__)
    return annotation


def _unwrap(annotation: Any, home: type[BaseModel]) -> tuple[Any, list[Any]]:
    """(the bare type, the metadata of any Annotated layers around it)."""
    metadata: list[Any] = []
    annotation = _resolve(annotation, home)
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        metadata.extend(args[1:])
        annotation = _resolve(args[0], home)
    if isinstance(annotation, FieldInfo):
        annotation = annotation.annotation
    return annotation, metadata


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _members(annotation: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(annotation)
    return ()


def _tagged(members: tuple[Any, ...], tag: str, home: type[BaseModel]) -> Any:
    for member in members:
        _, metadata = _unwrap(member, home)
        if any(getattr(m, "tag", None) == tag for m in metadata):
            return member
    return None


def _step(target: Any, part: Any, home: type[BaseModel]) -> Any:
    bare, _ = _unwrap(target, home)
    members = _members(bare)
    if members:  # an untagged union: the first member the path fits
        for member in members:
            stepped = _step(member, part, home)
            if stepped is not None:
                return stepped
        return None
    if _is_model(bare):
        field = bare.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field is not None else None
    origin = typing.get_origin(bare)
    args = typing.get_args(bare)
    if origin is list and isinstance(part, int) and args:
        return args[0]
    if origin is dict and isinstance(part, str) and len(args) == 2:
        return args[1]
    return None


def _model_of(target: Any, home: type[BaseModel]) -> type[BaseModel] | None:
    bare, _ = _unwrap(target, home)
    if _is_model(bare):
        return bare
    for member in _members(bare):
        found = _model_of(member, home)
        if found is not None:
            return found
    return None
