"""The typed tree: made once by the renderer, checked when made, visited alike by every writer.

Markup outside the vocabulary is refused as the template's error (never a traceback); every
writer visits every node class, checked when the writer class is defined; the masthead is laid
out once for both writers.
"""

from __future__ import annotations

import importlib
import shutil

import pytest

from briefing import TEMPLATES_DIR
from briefing.problems import BriefingError
from briefing.tree.base import Node, node_classes
from briefing.tree.builder import Refused, build_document
from briefing.tree.visitor import SKIP_CHILDREN, IncompleteWriter, Visitor
from briefing.tree.vocabulary import (
    Block,
    Document,
    Emphasis,
    Footnote,
    LineBreak,
    Paragraph,
    Section,
    Text,
)
from tests.conftest import PROGRAMME, tree_of

WRITERS = [("briefing.writers.docx.writer", "DocxWriter"),
           ("briefing.writers.pdf.html", "HtmlWriter"),
           ("briefing.writers.markdown", "MarkdownWriter")]


# -- made once, typed -------------------------------------------------------------------------

def test_markup_becomes_typed_nodes() -> None:
    tree = tree_of('<body><section id="a" kind="section" level="2"><number>1.1.</number>'
                   '<title>Tiêu <em>đề</em></title><p>Câu<fn n="3" id="x"><p>ghi</p></fn> '
                   'tiếp<br/>dòng</p></section></body>')
    (section,) = tree.body.blocks
    assert isinstance(section, Section)
    assert (section.id, section.level, section.number) == ("a", 2, "1.1.")
    assert section.title == [Text(text="Tiêu "), Emphasis(content=[Text(text="đề")])]
    (paragraph,) = section.body
    assert isinstance(paragraph, Paragraph) and paragraph.kind is None
    call, rest, line_break, last = paragraph.content[1:]
    assert isinstance(call, Footnote) and (call.number, call.id) == (3, "x")
    assert (rest, last) == (Text(text=" tiếp"), Text(text="dòng"))
    assert isinstance(line_break, LineBreak)


def test_every_tag_names_one_class_and_every_class_a_visit_method() -> None:
    classes = node_classes()
    tags = [c.tag for c in classes if c.tag]
    assert len(tags) == len(set(tags)) >= 30
    assert len({c.method for c in classes}) == len(classes)
    assert Text in classes and Block not in classes and Node not in classes


@pytest.mark.parametrize(("markup", "message"), [
    ('<body><marquee/></body>', "<marquee> is not an element of <body>"),
    ('<body><p>a<u>b</u></p></body>', "<u> is not inline content"),
    ('<body><p colour="red">a</p></body>', "<p> has no attribute 'colour'"),
    ('<body><p kind="banner">a</p></body>', 'kind="banner"'),
    ('<body><section id="a" kind="s" level="two"><number/><title/></section></body>',
     "not a number"),
    ('<body><section id="a" kind="s"><number/><title/></section></body>',
     "<section> needs the attribute 'level'"),
    ('<body><section id="a" kind="s" level="1"><title/></section></body>',
     "<section> needs a <number>"),
    ('<body><section id="a" kind="s" level="1"><title/><number/></section></body>',
     "<number> is out of place in <section>"),
    ('<body><p>a</p><title-block><doc-type/></title-block></body>',
     "<title-block> is out of place in <body>"),
    ('<body>loose text</body>', "text is not allowed directly in <body>"),
    ('<body/><body/>', "<document> holds one <body>, not two"),
    ('<appendix/>', "<appendix> is not an element of <document>"),
    ('<mark>a<em>b</em></mark><body/>', "<mark> holds text only"),
])
def test_markup_outside_the_vocabulary_is_refused(markup: str, message: str) -> None:
    with pytest.raises(Refused, match=message.replace("(", r"\(")):
        tree_of(markup)


def test_a_document_needs_its_body_and_info() -> None:
    with pytest.raises(Refused, match="<document> needs a <body>"):
        tree_of("")
    with pytest.raises(Refused, match="needs a <info>"):
        build_document('<document form="official" profile="p" lang="vi"><body/></document>')
    with pytest.raises(Refused, match="starts with <document>"):
        build_document("<body/>")


def test_a_template_that_leaves_the_vocabulary_is_named_in_one_line(tmp_path) -> None:
    """A template's mistake is the template's error at its file, not a traceback."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    body = templates / "_body.xml.j2"
    body.write_text(body.read_text(encoding="utf-8").replace(
        "<intertitle{{ id_attr(item) }}>", "<subtitle{{ id_attr(item) }}>").replace(
        "</intertitle>", "</subtitle>").replace(
        '<p>{{ item.markup }}</p>', '<p align="left">{{ item.markup }}</p>'), encoding="utf-8")
    from briefing.content.loader import load_document
    from briefing.tree.prepare import prepare
    from briefing.tree.render import render_tree

    with pytest.raises(BriefingError) as raised:
        render_tree(prepare(load_document(PROGRAMME)), templates)
    (problem,) = raised.value.problems
    assert problem.position.file == str(templates / "official.xml.j2")
    assert "outside the tree's vocabulary" in problem.message
    assert "<p> has no attribute 'align'" in problem.message


# -- visited alike ----------------------------------------------------------------------------

@pytest.mark.parametrize(("module", "name"), WRITERS)
def test_every_writer_visits_every_node_class(module: str, name: str) -> None:
    writer = getattr(importlib.import_module(module), name)
    for cls in node_classes():
        visit = getattr(writer, "visit_" + cls.method, None)
        parents = writer.handled_by_parent.get(cls, ())
        assert visit is not None or (parents and all(
            hasattr(writer, "visit_" + parent.method) for parent in parents)), cls.__name__


def test_a_writer_that_forgets_a_node_fails_when_defined() -> None:
    with pytest.raises(IncompleteWriter, match="visit_paragraph"):
        class Forgetful(Visitor):
            def visit_document(self, node: Node) -> None: ...


def test_walking_visits_then_departs_and_can_skip_children() -> None:
    events: list[str] = []

    class Recorder(Visitor, partial=True):
        def visit_document(self, node: Node) -> None:
            events.append("document")

        def visit_body(self, node: Node) -> None:
            events.append("body")

        def depart_body(self, node: Node) -> None:
            events.append("/body")

        def visit_info(self, node: Node) -> object:
            return SKIP_CHILDREN

        def visit_paragraph(self, node: Node) -> object:
            events.append("p")
            return SKIP_CHILDREN

    Recorder().walk(tree_of("<body><p>a<em>b</em></p><p>c</p></body>"))
    assert events == ["document", "body", "p", "p", "/body"]


def test_a_node_left_to_its_parent_must_not_be_walked() -> None:
    from briefing.tree.vocabulary import Row
    from briefing.writers.markdown import MarkdownWriter

    with pytest.raises(TypeError, match="SKIP_CHILDREN"):
        MarkdownWriter().walk(Row())


def test_the_document_root_is_typed() -> None:
    assert isinstance(tree_of("<body/>"), Document)
