"""The studio's formatted-text editor (briefing/studio/static/richtext.js) against the content's
own parser (briefing/text/inline_markdown.py), in Debian's Chromium: what the editor writes
reads back as the text the clerk sees, and a paragraph loaded and saved unchanged is the same
bytes. Properties over generated styled text (hypothesis) and over every paragraph of the
shipped content, covering each inline construct: bold, italic, both, footnote calls, fill-in
blanks ({blank}, {blank:40}, {fill}), escapes."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_studio_e2e import BROWSER_ARGS, CHROMIUM, playwright_api, pytestmark  # noqa: F401

from briefing.text.inline_markdown import Span, parse_inline

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "briefing" / "studio" / "static"


@pytest.fixture(scope="module")
def editor_js():
    """A blank page with the vendored bundle and richtext.js loaded (no server, no network)."""
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page = browser.new_page()
        page.set_content("<!doctype html><html lang='vi'><body></body></html>")
        page.add_script_tag(path=str(STATIC / "vendor" / "prosemirror.bundle.js"))
        for script in ("richmarkdown.js", "richpaste.js", "richtext.js"):
            page.add_script_tag(path=str(STATIC / script))
        yield page
        browser.close()


def as_js(span: Span) -> dict[str, Any]:
    return asdict(span)


def from_js(item: dict[str, Any]) -> Span:
    return Span(item["text"], item["bold"], item["italic"], item["footnote"],
                item.get("blank", False), item.get("width"), item.get("fill", False))


WRITE = """(cases) => cases.map((spans) => {
  const md = RichText.spansToMarkdown(spans);
  const doc = RichText.fromMarkdown(md);
  return {md, canonical: RichText.canonicalSpans(spans), again: RichText.toMarkdown(doc)};
})"""
ROUND = "(texts) => texts.map((t) => RichText.toMarkdown(RichText.fromMarkdown(t)))"

# -- generated styled text ----------------------------------------------------------------------
TEXT = st.lists(st.sampled_from([*"aăđếỹ01 .,;:()“”*_\\[]^{}-–\u00a0\t\n",
                                 "blank", "fill", "[^a]", "{blank}", "{fill}", "😀"]),
                min_size=1, max_size=6).map("".join)
STYLED = st.builds(lambda t, b, i: Span(t, b, i), TEXT, st.booleans(), st.booleans())
CALL = st.sampled_from(["a", "chu-thich-2", "x_y"]).map(lambda i: Span(i, footnote=True))
BLANK = st.builds(
    lambda b, i, kind: Span("…", b, i, blank=True, width=40.0 if kind == "w" else None,
                            fill=kind == "f"),
    st.booleans(), st.booleans(), st.sampled_from(["d", "w", "f"]))
PARAGRAPH = st.lists(st.one_of(STYLED, STYLED, STYLED, CALL, BLANK), max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.lists(PARAGRAPH, min_size=20, max_size=20))
def test_what_the_editor_writes_reads_back_as_shown(editor_js, paragraphs):
    """Styled text -> Markdown: the parser reads exactly the (canonical) styled text the editor
    shows, and loading that Markdown into an editor and writing it again gives the same bytes."""
    answers = editor_js.evaluate(WRITE, [[as_js(s) for s in spans] for spans in paragraphs])
    for spans, answer in zip(paragraphs, answers, strict=True):
        shown = tuple(from_js(item) for item in answer["canonical"])
        assert parse_inline(answer["md"]) == shown, (spans, answer["md"])
        assert answer["again"] == answer["md"], (spans, answer["md"])


def test_every_inline_construct_round_trips_byte_for_byte(editor_js):
    examples = [
        "plain", "**bold**", "*italic*", "***both***", "**Điều 5. *Quyền* và nghĩa vụ**",
        "a[^note] b", "**a[^1] b**", "Ngày {blank} tháng {blank:40} năm {fill}",
        "Họ tên: {blank:40mm}", "**{blank}** và *{fill}*", r"\{blank} là chữ", "{{ unit.name }}",
        r"x_y *z*", r"C:\dir\\\*.txt", r"\[^1] không phải chú thích", "snake_case",
        "“*đạt được*”[^gs-speech-32].",
    ]
    assert editor_js.evaluate(ROUND, examples) == examples


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_the_shipped_content_loads_and_saves_unchanged(editor_js):
    """Every string of content/*.yaml (paragraphs, items, cells, notes) through the editor:
    the meaning is kept, and an unchanged paragraph is saved as the same bytes."""
    from briefing.source.yaml_source import load_yaml

    texts = []
    for path in sorted((ROOT / "content").glob("*.yaml")):
        data = load_yaml(path.name, path.read_text("utf-8")).data
        texts += [s for key in ("preamble", "blocks", "appendices", "conclusion", "footnotes")
                  for s in _strings(data.get(key)) if s.strip() == s]
    assert len(texts) > 200
    written = editor_js.evaluate(ROUND, texts)
    changed = [(t, w) for t, w in zip(texts, written, strict=True) if t != w]
    assert all(parse_inline(w) == parse_inline(t) for t, w in changed), changed[:3]
    assert changed == [], json.dumps(changed[:3], ensure_ascii=False)
