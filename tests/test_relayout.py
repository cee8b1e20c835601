"""The studio's preview lays out again only the pages an edit changed
(briefing/writers/pdf/relayout.py): after every kind of edit, every box of every page is where
a layout from scratch puts it, and a word typed mid-document lays out a few pages only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.builds.warm import WarmBuilder
from briefing.content.loader import parse_document
from briefing.source.yaml_source import load_yaml
from briefing.writers.pdf import relayout

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = ROOT / "content" / "briefing-foreign-affairs.yaml"


def _boxes(document) -> list[list[tuple]]:
    """Every box of every page: its kind, text, place and size (what is drawn)."""
    def size(value):
        return round(value, 2) if isinstance(value, (int, float)) else value

    return [[(type(box).__name__, getattr(box, "text", None), size(box.position_x),
              size(box.position_y), size(box.width), size(box.height))
             for box in page._page_box.descendants()] for page in document.pages]


@pytest.fixture(scope="module")
def builder() -> WarmBuilder:
    return WarmBuilder(profiles=("party",), formats=("pdf",))


def _lay_out(builder: WarmBuilder, text: str, previous=None, *, from_previous: bool = True):
    loaded = parse_document(load_yaml(BOOKLET, text), BOOKLET)
    if not from_previous:
        return builder.lay_out(loaded)[0]
    with relayout.starting_from(previous):
        return builder.lay_out(loaded)[0]


def _body_lines(text: str) -> list[int]:
    """The lines of the booklet's paragraphs (list items of its sections), in order."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("blocks:"))
    end = next(i for i, line in enumerate(lines) if line.startswith("appendices:"))
    return [i for i in range(start, end) if lines[i].lstrip().startswith("- ")
            and len(lines[i]) > 200]


def _at(fraction: float, change: Callable[[str], str | None]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        lines = text.split("\n")
        body = _body_lines(text)
        index = body[min(len(body) - 1, int(fraction * len(body)))]
        changed = change(lines[index])
        lines[index:index + 1] = [] if changed is None else changed.split("\n")
        return "\n".join(lines)
    return edit


def _insert(words: str) -> Callable[[str], str]:
    def change(line: str) -> str:
        cut = line.index(" ", 60)
        return line[:cut] + " " + words + line[cut:]
    return change


def _footnote(text: str) -> str:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("  us-china-russia:"))
    lines[index] += " Nội dung bổ sung cho chú thích này được viết thêm." * 4
    return "\n".join(lines)


def _title(text: str) -> str:
    return text.replace("  subject: Về thành tựu", "  subject: Về những thành tựu", 1)


def _two_places(text: str) -> str:
    return _at(0.85, _insert("rất"))(_at(0.35, _insert("và"))(text))


EDITS: list[tuple[str, Callable[[str], str]]] = [
    ("a word mid-document", _at(0.5, _insert("thêm"))),
    ("a word in the first paragraph", _at(0.0, _insert("đầu"))),
    ("a long sentence: the breaks after it move", _at(0.4, _insert("một câu rất dài " * 30))),
    ("a paragraph deleted", _at(0.6, lambda line: None)),
    ("a paragraph split in two", _at(0.3, lambda line: line + "\n" + line)),
    ("a footnote made longer", _footnote),
    ("two places far apart (replace all)", _two_places),
    ("the last paragraph", _at(1.0, _insert("cuối"))),
    ("the title on the first page", _title),
]


def test_every_kind_of_edit_lays_out_the_pages_a_whole_layout_does(builder):
    text = BOOKLET.read_text(encoding="utf-8")
    previous = _lay_out(builder, text, None)
    assert relayout.memory_of(previous) is not None
    made = {}
    for name, edit in EDITS:
        text = edit(text)
        document = _lay_out(builder, text, previous)
        whole = _lay_out(builder, text, from_previous=False)
        assert _boxes(document) == _boxes(whole), name
        memory = relayout.memory_of(document)
        assert memory is not None and len(memory.page_maker) == len(document.pages) + 1
        made[name] = memory.made
        previous = document
    pages = len(previous.pages)
    assert len(made["a word mid-document"]) <= 4 < pages
    assert made["a word mid-document"].start > 0
    assert len(made["a word in the first paragraph"]) <= 4
    assert made["the title on the first page"] == range(0, pages)


@settings(max_examples=4, deadline=None)
@given(fraction=st.floats(0.05, 1.0), words=st.sampled_from(["và", "thêm nữa", "x " * 40]))
def test_a_word_anywhere_lays_out_what_a_whole_layout_does(builder, fraction, words):
    text = BOOKLET.read_text(encoding="utf-8")
    previous = _lay_out(builder, text, None)
    text = _at(fraction, _insert(words.strip()))(text)
    assert _boxes(_lay_out(builder, text, previous)) == _boxes(
        _lay_out(builder, text, from_previous=False))


def test_kept_pages_are_the_previous_documents_own(builder):
    text = BOOKLET.read_text(encoding="utf-8")
    previous = _lay_out(builder, text, None)
    document = _lay_out(builder, _at(0.5, _insert("thêm"))(text), previous)
    made = relayout.memory_of(document).made
    kept = [i for i in range(len(document.pages)) if i not in made]
    assert kept and all(document.pages[i] is previous.pages[i] for i in kept)
    assert all(document.pages[i] is not previous.pages[i] for i in made)


@pytest.mark.parametrize("rule", [
    "@page { @bottom-right { content: counter(page) ' / ' counter(pages) } }",
    "a::after { content: target-counter(attr(href), page) }",
    "h1 { string-set: chapter content() }",
    ".x { position: fixed }",
])
def test_page_based_lookups_lay_the_whole_document_out(rule):
    assert not relayout.supported(rule)
    assert relayout.supported("p { color: black }") == relayout.engine_known()


@given(st.text(max_size=40), st.text(max_size=10), st.text(max_size=10), st.text(max_size=40))
def test_common_prefix_and_suffix_are_the_longest(head, one, other, tail):
    a, b = head + one + tail, head + other + tail
    prefix = relayout.common_prefix(a, b)
    assert a[:prefix] == b[:prefix] and (prefix == min(len(a), len(b))
                                         or a[prefix] != b[prefix])
    suffix = relayout.common_suffix(a, b, min(len(a), len(b)) - prefix)
    assert a[len(a) - suffix:] == b[len(b) - suffix:]
    assert prefix + suffix <= min(len(a), len(b))
    assert suffix == min(len(a), len(b)) - prefix or a[len(a) - suffix - 1] != b[
        len(b) - suffix - 1]


def test_the_previewer_starts_each_build_from_the_slots_last_layout():
    from briefing.preview.outputs import LoadedVariant
    from briefing.preview.resident import Previewer

    text = BOOKLET.read_text(encoding="utf-8")
    edited = _at(0.5, _insert("thêm"))(text)
    previewer = Previewer()

    def load(source: str):
        return lambda: LoadedVariant(parse_document(load_yaml(BOOKLET, source), BOOKLET))

    first = previewer.build("booklet", "v1", load(text))
    pictures = [first.pages.image(i, 400) for i in range(first.pages.count)]
    second = previewer.build("booklet", "v2", load(edited))
    assert first.ok and second.ok
    made = relayout.memory_of(second.pages.layout()).made
    assert 0 < len(made) < second.pages.count
    kept = next(i for i in range(second.pages.count) if i not in made)
    picture = pictures[kept]
    drawn = previewer.images.size
    assert second.pages.image(kept, 400) == picture  # the picture drawn for the first build
    assert previewer.images.size == drawn
    other = previewer.build("another", "v1", load(edited))  # another slot: a whole layout
    assert relayout.memory_of(other.pages.layout()).made == range(0, other.pages.count)


def test_a_change_in_a_blocks_own_tag_is_a_change_of_that_block():
    memory = relayout.Memory(
        html='<p data-b="1">a</p><p class="x" data-b="2">b</p><p data-b="3">c</p>', css="",
        page_maker=[None] * 5, carried=[False] * 5, block_pages={1: 1, 2: 2, 3: 3}, blocks=3,
        made=range(0, 4))
    span = relayout.edited_span(memory, memory.html.replace('class="x"', 'class="y"'))
    assert span is not None and span.last_changed == 3  # block 2 changed: kept after page 3
    span = relayout.edited_span(memory, memory.html.replace(">b<", ">bb<"))
    assert span is not None and span.last_changed == 3
    span = relayout.edited_span(memory, memory.html.replace(">a<", ">aa<"))
    assert span is not None and (span.first, span.last_changed) == (0, 2)
