"""One source -> one or more content documents: the middle of the importer, format-free.

Order of work: legacy encoding and NFC, clutter out, typed footnotes out, then split into
documents (head, body, closing — a source may hold a programme and the briefing it sends);
for each, join cut paragraphs, clean the text, build the body on the chosen ladder, resolve
footnotes, complete meta.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing.importing import cleanup, clutter, ladder, repair
from briefing.importing import text_footnotes as typed_notes
from briefing.importing.cited_numbers import profile_from_citations
from briefing.importing.closing import (
    ClosingReader,
    opens_with_title,
    signature_ends,
    starts_closing,
)
from briefing.importing.draft import Item
from briefing.importing.guesses import Notebook, guess_comment
from briefing.importing.head import (
    HeadReader,
    MetaDraft,
    head_lines,
    headline_only,
    starts_document,
)
from briefing.importing.legal_lines import LegalBuilder, is_legal
from briefing.importing.line_reading import Para, read_para
from briefing.importing.meta_defaults import complete
from briefing.importing.order import check_order
from briefing.importing.picture_places import mark_picture_places, read_as_caption
from briefing.importing.structure import BodyBuilder
from briefing.importing.table_cells import is_rule, table_item
from briefing.importing.text_tables import text_tables
from briefing.importing.web_shapes import drop_web_clutter
from briefing.messages import msg
from briefing.profile.model import Profile, load_profile
from briefing.readers.source import Block, Line, Picture, SourceDocument, Table
from briefing.readers.text.legacy_encodings import NAMES, convert, detect
from briefing.text.inline_markdown import FOOTNOTE_CALL, plain_text


@dataclass
class Part:
    """One document found in the source, before it is written."""

    meta: MetaDraft
    body: list[Block]
    notes: typed_notes.NoteSet = field(default_factory=typed_notes.NoteSet)
    data: dict[str, Any] = field(default_factory=dict)
    media: dict[str, bytes] = field(default_factory=dict)


def legacy_text(doc: SourceDocument, notes: Notebook) -> None:
    """Text typed with a legacy font inside a Unicode file (a .VnTime Word document)."""
    lines = [b for b in _all_lines(doc.blocks)]
    sample = "\n".join(line.text for line in lines)
    found = detect(sample)
    if found is None:
        return
    notes.fix(msg("import-legacy-text", "text typed in the legacy encoding {encoding} converted "
                                        "to Unicode", encoding=NAMES[found.encoding]),
              None, found.text[:60])
    for line in lines:
        line.text = convert(line.text, found.encoding)
    for key, paragraphs in doc.notes.items():
        doc.notes[key] = [convert(p, found.encoding) for p in paragraphs]


def _all_lines(blocks: list[Block]):
    for block in blocks:
        if isinstance(block, Line):
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    yield from cell.lines


def split(doc: SourceDocument, notes: Notebook) -> list[Part]:
    blocks = [*_furniture_first(doc), *doc.blocks]
    parts: list[Part] = []
    index = 0
    while index < len(blocks):
        meta = MetaDraft()
        head = HeadReader(meta, notes)
        while index < len(blocks) and _head_block(blocks[index], head):
            index += 1
        head.finish()
        start = index
        while index < len(blocks) and not starts_closing(blocks[index]) and not (
                index > start and starts_document(blocks[index])) and \
                not signature_ends(blocks, index):
            index += 1
        body = blocks[start:index]
        closing = ClosingReader(meta, notes)
        closing.opens_with_title = index < len(blocks) and opens_with_title(blocks[index])
        while index < len(blocks) and (not closing.done or closing.in_recipients or
                                       starts_closing(blocks[index])) \
                and _closing_block(blocks[index], closing):
            index += 1
        closing.finish()
        if index < len(blocks) and not starts_document(blocks[index]):
            body += blocks[index:]
            index = len(blocks)
        note_set = typed_notes.NoteSet(doc.notes, doc.note_where)
        body = typed_notes.take_notes(body, note_set, notes)
        parts.append(Part(meta, repair.join_cut_paragraphs(body, notes), note_set))
    return parts or [Part(MetaDraft(), [], typed_notes.NoteSet(doc.notes, doc.note_where))]


def certain_values(doc: SourceDocument) -> int:
    """How many values the content of `doc` holds at least, counted before the work: a table
    cell, and a line with letters that nothing joins to the line before (a heading, an item
    Word numbered, a named line, one after a blank line that starts with no small letter)."""
    count = 0
    for block in doc.blocks:
        if isinstance(block, Table):
            count += sum(len(row) for row in block.rows)
        elif isinstance(block, Line) and any(c.isalnum() for c in block.text) and (
                block.heading or block.label or block.role or block.box or
                (block.gap_before and not block.page_break and
                 not block.text.lstrip()[:1].islower())):
            count += 1
    return count


def volume(part: Part) -> tuple[int, int]:
    """(values, bytes) the part's content will hold at least: a value per paragraph and per
    table cell, and their text."""
    values = size = 0
    for block in part.body:
        lines = [block] if isinstance(block, Line) else list(_all_lines([block]))
        values += len(lines) if isinstance(block, Line) else \
            sum(len(row) for row in block.rows) if isinstance(block, Table) else 1
        size += sum(len(line.text.encode("utf-8")) for line in lines)
    return values, size


def _furniture_first(doc: SourceDocument) -> list[Block]:
    return list(doc.furniture)


def _head_block(block: Block, head: HeadReader) -> bool:
    if isinstance(block, Picture) or (isinstance(block, Table) and not block.borderless):
        return False
    lines = head_lines(block)
    if not lines:
        return False
    taken = [head.take(line) for line in lines]
    return all(taken)


def _closing_block(block: Block, closing: ClosingReader) -> bool:
    if isinstance(block, Picture):
        return False
    lines = head_lines(block)
    if not lines:
        return False
    return all([closing.take(line) for line in lines])


def build_part(part: Part, doc: SourceDocument, notes: Notebook, *, form: str | None,
               profile_name: str | None, stem: str) -> dict[str, Any]:
    profile = load_profile(profile_name or part.meta.get("profile") or
                           profile_from_citations(part.body, notes) or "party")
    body = text_tables(part.body, notes) if doc.kind == "text" else part.body
    paras: list[Any] = []
    figure_count = 0
    for block in body:
        if isinstance(block, Line) and is_rule(block.text):
            notes.dropped(msg("dropped-rule", "a rule drawn under a line (not text)"),
                          block.where, plain_text(block.text))
            continue
        if isinstance(block, Line):
            block.text = cleanup.clean(block.text, "paragraph", block.where, notes)
            paras.append(read_para(block))
            read_as_caption(paras[-1], notes, italic=doc.kind == "docx")
        elif isinstance(block, Table):
            paras.append(table_item(block, notes))
        elif isinstance(block, Picture):
            figure_count += 1
            name = f"media/{stem}-{figure_count}.{block.extension}"
            part.media[name] = block.data
            figure: dict[str, Any] = {"figure": name}
            if block.width_percent and block.width_percent < 100:
                figure["width"] = f"{block.width_percent}%"
            notes.guess(msg("import-picture", "a picture of the source, saved as {name}",
                            name=name), block.where)
            paras.append(figure)
    markers = [p.marker for p in paras if isinstance(p, Para) and p.marker is not None]
    chosen = ladder.choose(profile.numbering.ladders, profile.numbering.default,
                           profile.numbering.max_depth, markers)
    builder = _body(paras, chosen, profile, notes, headline_only(part.meta))
    texts = [plain_text(p.text) for p in paras if isinstance(p, Para)]
    meta = complete(part.meta, profile, chosen.name, notes, form=form, texts=texts)
    for key in ("subject", "title", "issue", "circulation", "meeting", "type"):
        if isinstance(meta.get(key), str):
            meta[key] = cleanup.clean(meta[key], "meta", "head", notes)
    data: dict[str, Any] = {"meta": meta}
    footnotes = _footnotes(part.notes, builder, notes)
    if footnotes:
        data["footnotes"] = footnotes
    if not builder.blocks:
        if builder.preamble:
            builder.blocks, builder.preamble = builder.preamble, []  # no headings: all blocks
        else:
            builder.blocks = _empty_block(builder, notes)
    if getattr(builder, "authority", None):
        _place_authority(data, builder, profile, meta.get("type"))
    if getattr(builder, "basis", None):
        _place_basis(data, builder, profile, meta.get("type"))
    if builder.preamble:
        data["preamble"] = builder.preamble
    data["blocks"] = builder.blocks
    if builder.conclusion:
        data["conclusion"] = builder.conclusion
    if builder.appendices:
        data["appendices"] = builder.appendices
    return data


def _place_basis(data: dict[str, Any], builder: BodyBuilder | LegalBuilder, profile: Profile,
                 meta_type: Any) -> None:
    """The Căn cứ lines into `basis` where the type prints them; else, and for an enactment
    line the type does not print, text at the head of the preamble, where they stood."""
    kind = profile.document_type(meta_type if isinstance(meta_type, str) else None)
    if kind is None or kind[1].basis:
        data["basis"] = builder.basis
    else:
        builder.preamble = [*builder.basis, *_unprinted_enactment(builder, None),
                            *builder.preamble]
    if kind is not None and kind[1].basis:
        builder.preamble = [*_unprinted_enactment(builder, kind[1].enactment),
                            *builder.preamble]


def _place_authority(data: dict[str, Any], builder: LegalBuilder, profile: Profile,
                     meta_type: Any) -> None:
    """The enacting authority's line into `meta.enacting_authority` where the type prints
    it (a quyết định); else text at the head of the preamble, where it stood."""
    kind = profile.document_type(meta_type if isinstance(meta_type, str) else None)
    assert builder.authority is not None
    if kind is not None and kind[1].authority_line:
        data["meta"]["enacting_authority"] = builder.authority
    else:
        builder.preamble = [builder.authority, *builder.preamble]


def _unprinted_enactment(builder: BodyBuilder | LegalBuilder, printed: str | None) -> list[str]:
    """The enactment lines read as furniture ("QUYẾT ĐỊNH:") that the type does not print
    itself: they stay text where they stood, so no word of the source is lost."""
    def key(text: str) -> str:
        return " ".join(plain_text(text).split()).rstrip(":").casefold()

    authority = getattr(builder, "authority", None)  # placed by `_place_authority`
    lines = [p.text for p in getattr(builder, "furniture", [])
             if plain_text(p.text).strip() != authority]
    return [line for line in lines if printed is None or key(line) != key(printed)]


def _body(paras: list[Any], chosen: ladder.Ladder, profile: Profile, notes: Notebook,
          article: bool) -> BodyBuilder | LegalBuilder:
    """The body built from the paragraphs: legal items where the source has articles, else
    sections on the chosen ladder; then the order invariant checked on the result."""
    builder: BodyBuilder | LegalBuilder
    if is_legal(paras):
        builder = LegalBuilder(notes)
        builder.build(paras)
        paras = [p for p in paras if p not in builder.furniture]
        built = [builder.basis, builder.preamble, builder.blocks]
    else:
        builder = BodyBuilder(chosen, profile.numbering.max_depth, notes,
                              profile.numbering.ladders)
        builder.article = article
        builder.build(paras)
        built = [builder.preamble, builder.blocks, builder.conclusion, builder.appendices]
    check_order(paras, built, notes, legal=isinstance(builder, LegalBuilder))
    if isinstance(builder, BodyBuilder):
        for holder in (builder.blocks, *(a["body"] for a in builder.appendices)):
            _no_empty_sections(holder)
    return builder


def _no_empty_sections(items: list[Any]) -> None:
    """A numbered heading nothing came under ("1. Tên dự án:" then only fill-in lines, then
    "2.") is a numbered paragraph: a section may not stand empty."""
    for index, item in enumerate(items):
        node = item.value if isinstance(item, Item) else item
        if not (isinstance(node, dict) and "title" in node and "body" in node):
            continue
        if node["body"]:
            _no_empty_sections(node["body"])
            continue
        numbered = {"numbered": node["title"]}
        if isinstance(item, Item):
            item.value = numbered
        else:
            items[index] = numbered


def _empty_block(builder: BodyBuilder, notes: Notebook) -> list:
    """A document without numbered headings: its text becomes one section."""
    body = builder.preamble or ["…"]
    builder.preamble = []
    notes.guess(msg("import-no-headings", "the source has no numbered headings: its text is one "
                                          "section; give it a title"))
    added = msg("import-no-headings-comment",
                "no headings in the source; this section and its title are added")
    return [Item({"id": "noi-dung", "kind": "section", "title": "Nội dung", "body": body},
                 [guess_comment(added)])]


def _footnotes(doc: typed_notes.NoteSet, builder: BodyBuilder, notes: Notebook
               ) -> dict[str, Any]:
    """The notes called in the body, in order; each called once, undefined calls dropped."""
    out: dict[str, Any] = {}
    used: set[str] = set()
    called = doc.called

    def visit(value: Any) -> Any:
        if isinstance(value, Item):
            value.value = visit(value.value)
            return value
        if isinstance(value, dict):
            return {k: visit(v) if k not in ("id", "kind", "style") else v
                    for k, v in value.items()}
        if isinstance(value, list):
            return [visit(v) for v in value]
        if isinstance(value, str):
            return FOOTNOTE_CALL.sub(call, value)
        return value

    def call(match: re.Match[str]) -> str:
        note_id = match.group(1)
        if note_id not in doc.notes:
            notes.guess(msg("import-call-undefined", "footnote call {id} has no note in the "
                                                     "source; the call is left out", id=note_id))
            return ""
        if note_id in used:
            notes.guess(msg("import-call-twice", "footnote {id} is called twice; the second call "
                                                 "gets a copy", id=note_id),
                        doc.note_where.get(note_id))
        used.add(note_id)
        new_id = str(len(out) + 1)  # numbered in order of call, as they print
        paragraphs = [cleanup.clean(p, "footnote", doc.note_where.get(note_id), notes)
                      for p in doc.notes[note_id] if p.strip()]
        out[new_id] = paragraphs[0] if len(paragraphs) == 1 else (paragraphs or ["…"])
        called.add(note_id)
        return f"[^{new_id}]"

    builder.preamble = visit(builder.preamble)
    builder.blocks = visit(builder.blocks)
    builder.conclusion = visit(builder.conclusion)
    builder.appendices = visit(builder.appendices)
    return out


def prepare_source(doc: SourceDocument, notes: Notebook) -> None:
    legacy_text(doc, notes)
    doc.blocks = clutter.drop_clutter(drop_web_clutter(doc.blocks, notes), notes)
    if doc.kind in ("text", "markdown"):
        doc.blocks = mark_picture_places(doc.blocks, notes)


def unused_notes(part: Part, data: dict[str, Any], notes: Notebook) -> None:
    del data
    for note_id, paragraphs in part.notes.notes.items():
        if note_id not in part.notes.called:
            notes.dropped(msg("import-note-unused", "footnote {id} is never called in the text",
                              id=note_id),
                          part.notes.note_where.get(note_id), " ".join(paragraphs)[:80])
