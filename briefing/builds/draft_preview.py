"""A document being written is a draft: what it lacks is shown as a marked blank, not refused.

The studio previews a content file after every change, and a clerk's document is incomplete
most of the time: the item "+ Thêm" just made is empty, a new section has no text yet, the
signer is not named. `build.py` refuses such a file (and a download or an edition still does);
the preview instead loads it in draft mode: every empty or missing value the schema requires
gets a visible placeholder ("[chỗ trống 2]"), numbered so the page that prints it can be found,
a section without text gets a placeholder paragraph, and the check's errors are returned
beside the pages instead of stopping them. What the writers cannot lay out at all (a file that
is not YAML, a value of the wrong kind) still raises `BriefingError`.

The placeholders are chosen from the schema's own errors (pydantic says which value is empty
or missing and where), so a new required field needs nothing here.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from briefing.content.loader import LoadedDocument, parse_document
from briefing.content.meta import missing_for_form
from briefing.content.schema import Document
from briefing.content.schema_problems import data_path, problem_of, split_text
from briefing.messages import Message, msg
from briefing.problems import BriefingError, Problem
from briefing.source.yaml_source import Path_, SourceMap, YamlDocument, load_yaml
from briefing.text.inline_markdown import FOOTNOTE_CALL

if TYPE_CHECKING:
    from briefing.builds.variants import VariantJob
    from briefing.tree.views import DocumentView
    from briefing.tree.vocabulary import Document as Tree
    from briefing.units.load import Overlay

#: rounds of filling: a missing mapping is filled in three (text, then a mapping, then its text)
_ROUNDS = 6
#: pydantic errors that say a required value is empty or absent
_EMPTY = {"missing", "string_too_short", "too_short"}
#: what a placeholder may have to become when its place wants a mapping or a list
_WANTS_MAPPING = {"model_type", "dict_type", "model_attributes_type"}
_WANTS_LIST = {"list_type"}
#: required values that are not text: a value that keeps the draft printable
_NOT_TEXT = {"kind": lambda n: "section", "form": lambda n: "booklet",
             "date": lambda n: str(dt.date.today().year), "id": lambda n: f"chua-dat-ten-{n}"}


def placeholder(n: int) -> Message:
    """The text printed where blank `n` of a draft stands."""
    return msg("draft-blank", "[blank {n}: to be written]", n=n)


#: printed where a draft leaves out a value written in a way it cannot print (its problem is
#: listed beside the pages)
UNPRINTABLE = msg("draft-unprintable", "[cannot be printed as written: see the problems]")


@dataclass(frozen=True)
class Blank:
    """A required value the draft lacks: where it is in the data, and its number."""

    path: Path_
    number: int

    @property
    def label(self) -> str:
        """The placeholder's words, as printed (in the language of the moment)."""
        return placeholder(self.number).text()


@dataclass
class Draft:
    """A document loaded as a draft, the blanks put in it, and (once checked) its problems."""

    loaded: LoadedDocument
    blanks: list[Blank] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the schema's problems of what the draft left out or replaced (listed with `problems`)
    refused: list[Problem] = field(default_factory=list)
    #: the data as laid out: the file's, with the placeholders in
    data: Any = None
    #: where each value of `data` is in the file (a variant's `loaded` maps the variant's)
    source: SourceMap | None = None
    #: `problems` are already `check`'s (made from the check the save ran): not checked again
    checked: bool = False

    @property
    def complete(self) -> bool:
        return not self.blanks and not self.refused and not any(
            p.severity == "error" for p in self.problems)


class _Filler:
    """Puts numbered placeholders into a copy of the data, where the schema wants a value."""

    def __init__(self, data: Any, source: SourceMap):
        self.data = copy.deepcopy(data)
        self.source = source
        self.blanks: list[Blank] = []
        self.filled: dict[Path_, Any] = {}
        #: the problems of the values mended (one per place)
        self.refused: dict[Path_, Problem] = {}

    def put(self, path: Path_, value: Any = None, *, blank: bool = True) -> bool:
        """Set `path` (its parent must exist); False where that cannot be done again."""
        parent = value_at(self.data, path[:-1])
        key = path[-1]
        if not isinstance(parent, dict | list) or (isinstance(parent, list)
                                                    and not 0 <= int(key) < len(parent)):
            return False
        if value is None:
            if path in self.filled and blank:
                return False
            number = len(self.blanks) + 1
            self.blanks.append(Blank(path, number))
            value = placeholder(number).text()
        parent[key] = value
        self.filled[path] = value
        return True

    def sections(self, value: Any, path: Path_ = ()) -> None:
        """A section without text gets a placeholder paragraph (a check error otherwise)."""
        if isinstance(value, dict):
            if "title" in value and path and path[-2:-1] != ("meta",) and not value.get("body"):
                value["body"] = [None]
                self.put((*path, "body", 0))
            for key, child in value.items():
                self.sections(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                self.sections(child, (*path, index))

    def footnotes(self) -> None:
        """A footnote called but not written yet gets a placeholder note (typing `[^` …
        before the note exists must not stop the preview)."""
        notes = self.data.setdefault("footnotes", {})
        if not isinstance(notes, dict):
            return
        for note_id in footnote_calls(self.data):
            if note_id not in notes:
                notes[note_id] = None
                self.put(("footnotes", note_id))

    def error(self, error: dict[str, Any]) -> bool:
        """Fill what one schema error says is lacking; False if it is not a lack."""
        kind, path = error["type"], data_path(Document, tuple(error["loc"]))
        given = self.filled.get(path)
        if kind == "form_requires":
            return self.form(path)
        if given is not None and kind in _WANTS_MAPPING:
            return self.put(path, {}, blank=False) and self._forget(path)
        if given is not None and kind in _WANTS_LIST:
            return self.put(path, [given], blank=False)
        if kind not in _EMPTY or not path:
            return self.mend(error, path)
        if kind == "missing" and str(path[-1]) in _NOT_TEXT:  # a stand-in, not a blank: said
            self.refused.setdefault(path, problem_of(error, self.source, Document))
            return self.put(path, _NOT_TEXT[str(path[-1])](len(self.blanks) + 1), blank=False)
        if kind == "too_short" and isinstance(error.get("input"), list):
            parent = value_at(self.data, path)
            parent.append(None)
            return self.put((*path, len(parent) - 1))
        return self.put(path)

    def mend(self, error: dict[str, Any], path: Path_) -> bool:
        """A value written in a way the schema refuses: the draft prints what it can instead
        (a text YAML split at ': ' joined again, a lone text as a list, the unprintable mark),
        or leaves the key out (a required one is then filled as a blank or a default); the
        error is kept as a problem of the draft. False where nothing can be done."""
        if not path or path in self.refused:
            return False
        parent, value = value_at(self.data, path[:-1]), error.get("input")
        self.refused[path] = problem_of(error, self.source, Document)
        if path == ("footnotes",) and isinstance(value, dict):  # the notes with a good id stay
            from briefing.text.inline_markdown import FOOTNOTE_ID

            kept = {k: v for k, v in value.items() if re.fullmatch(FOOTNOTE_ID, str(k))}
            return self.put(path, kept, blank=False)
        if error["type"] == "list_type" and isinstance(value, str):
            return self.put(path, [value], blank=False)
        if isinstance(parent, list) or error["type"] == "string_type":
            return self.put(path, split_text(value) or UNPRINTABLE.text(), blank=False)
        if isinstance(parent, dict) and path[-1] in parent:
            del parent[path[-1]]
            return True
        return False

    def _forget(self, path: Path_) -> bool:
        """A placeholder replaced by a mapping is no blank itself: its fields will be."""
        self.blanks = [b for b in self.blanks if b.path != path]
        return True

    def form(self, meta: Path_) -> bool:
        """What the document's form requires of its meta (`FORM_REQUIRES`)."""
        values = value_at(self.data, meta)
        if not isinstance(values, dict):
            return False
        done = False
        for name in missing_for_form(values.get("form"), values):
            if name == "signer":
                values["signer"] = {}
                done = self.put((*meta, "signer", "name")) or done
            else:
                done = self.put((*meta, name)) or done
        return done


def footnote_calls(data: Any) -> list[str]:
    """The footnote ids the text of a document calls, in the order they are printed."""
    order: dict[str, None] = {}

    def walk(value: Any) -> None:
        if isinstance(value, str):
            order.update(dict.fromkeys(FOOTNOTE_CALL.findall(value)))
        elif isinstance(value, dict):
            for key, child in value.items():
                if key not in ("footnotes", "meta"):
                    walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    if isinstance(data, dict):
        for part in ("basis", "preamble", "blocks", "conclusion", "appendices"):
            walk(data.get(part))
    return list(order)


def value_at(data: Any, path: Path_) -> Any:
    """The value at `path` of plain data, None where there is none."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _filled(data: dict[str, Any], source: SourceMap) -> tuple[_Filler, Document | None]:
    """A copy of `data` with a placeholder wherever the schema wants a value it lacks, and
    its model (None where a placeholder could not mend it: parsing says why)."""
    filler = _Filler(data, source)
    filler.sections(filler.data.get("blocks"), ("blocks",))
    filler.sections(filler.data.get("appendices"), ("appendices",))
    filler.footnotes()
    for _ in range(_ROUNDS):
        try:
            return filler, Document.model_validate(filler.data)
        except ValidationError as exc:
            if not [error for error in exc.errors() if filler.error(error)]:
                break
    return filler, None


def _fillable(data: Any) -> bool:
    """Whether placeholders can be put in `data`: a briefing's mapping (not a unit file)."""
    return isinstance(data, dict) and "unit" not in data and "meeting" not in data


def load_draft(document: YamlDocument, path: Path) -> Draft:
    """The content of `document` as a draft: placeholders where required values are empty or
    missing. Raises `BriefingError` (the schema's problems) for what a placeholder cannot mend."""
    if not _fillable(document.data):
        return Draft(parse_document(document, path), data=document.data)
    filler, model = _filled(document.data, document.source)
    if model is not None:
        loaded = LoadedDocument(model, document.source, path, document.text)
        return Draft(loaded, filler.blanks, data=filler.data,
                     refused=list(filler.refused.values()))
    return Draft(parse_document(YamlDocument(filler.data, document.source, document.text),
                                path), filler.blanks, data=filler.data)


def load_variant_draft(job: VariantJob) -> tuple[Draft, tuple[Overlay, ...]]:
    """A unit's or a meeting's copy of a briefing being written, as a draft, and the unit and
    meeting files its checks cover: the briefing's blanks are filled (numbered as in the
    briefing's own preview) before the unit and the meeting are applied, so an empty new item
    never stops the variant's preview (nor its ticks) either. The unit's and the meeting's
    own problems are listed with the draft's: their rules are followed as far as they can be
    (a section they name that the briefing no longer has is left aside), and a file that
    cannot be used at all leaves the briefing as it is."""
    from briefing.units.load import parse_meeting, parse_unit
    from briefing.units.variant import load_variant

    kept: list[Problem] = []
    unit = _usable(parse_unit, job.unit, kept)
    meeting = _usable(parse_meeting, job.meeting, kept)
    overlays = tuple(o for o in (unit, meeting) if o is not None)
    document = load_yaml(job.content.path, job.content.text)
    if not _fillable(document.data):  # what no placeholder mends: said as a build says it
        return Draft(load_variant(job.content, unit, meeting, name=job.name).loaded), overlays
    filler, _ = _filled(document.data, document.source)
    filled = YamlDocument(filler.data, document.source, document.text)
    try:
        loaded = load_variant(job.content, unit, meeting, name=job.name, base=filled,
                              kept=kept).loaded
    except BriefingError as error:  # a unit's section the schema refuses: the briefing alone
        loaded, overlays = parse_document(filled, Path(job.content.path)), ()
        kept += error.problems
    return Draft(loaded, filler.blanks, data=filler.data, source=document.source,
                 refused=[*filler.refused.values(), *kept]), overlays


def _usable(parse: Any, file: Any, kept: list[Problem]) -> Overlay | None:
    """The unit or meeting `file` parsed, or None (its problems kept) where it cannot be."""
    if file is None:
        return None
    try:
        return parse(file)
    except BriefingError as error:
        kept += error.problems
        return None


def checked_draft(loaded: LoadedDocument | None, data: Any,
                  problems: list[Problem]) -> Draft | None:
    """The draft of a text `check` found no error in (`loaded`, its `data` and its warnings, as
    `check_file` gave them), or None. Without errors it has no blank (every required value is
    there, every section has text, every footnote is defined) and its problems are those
    `check_loaded` would find again (`tests/test_preview_reuse.py`): the preview lays it out
    without loading or checking the text a second time."""
    if loaded is None or any(p.severity == "error" for p in problems):
        return None
    return Draft(loaded, problems=list(problems), data=data, checked=True)


def draft_tree(draft: Draft, overlays: Sequence[Overlay] = ()
               ) -> tuple[DocumentView, Tree]:
    """`check`'s problems of the draft (errors kept in `draft.problems`, not raised), its
    numbered view and tree: what the preview lays out. What a build refuses is printed with
    a stand-in (a figure's marked box, a table's cells as far as they could be read, "?" for
    a number that cannot be computed): `check` lists each of them."""
    from briefing.tree.prepare import prepare
    from briefing.tree.render import render_tree
    from briefing.validation import check_loaded

    if not draft.checked:
        draft.problems = [*draft.refused, *check_loaded(draft.loaded, overlays=overlays)]
    view = prepare(draft.loaded, draft=True)
    return view, render_tree(view)
