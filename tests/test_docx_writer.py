"""The DOCX writer, checked on the XML of real outputs (zipfile + lxml).

Expected values come from the profile, the semantic tree and the content files, never from the
writer's own modules, so a wrong writer cannot agree with itself: texts are recomputed from the
tree, footnotes from the YAML definitions, widths from the font files.
"""

from __future__ import annotations

import copy
import functools
import io
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from briefing import PROJECT_ROOT
from briefing.content.loader import load_document
from briefing.content.schema import footnote_paragraphs
from briefing.profile.model import Profile, load_profile
from briefing.text.inline_markdown import plain_text
from briefing.tree.base import Node, iter_nodes
from briefing.tree.plain_text import inline_text
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
from briefing.tree.vocabulary import (
    Document,
    Emphasis,
    Figure,
    Footnote,
    Inline,
    Intertitle,
    ItemList,
    Numbered,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    TitleBlock,
    Turn,
)
from briefing.writers.docx import write_docx
from tests.conftest import tree_of

CONTENT = PROJECT_ROOT / "content"
BRIEFING = CONTENT / "briefing-foreign-affairs.yaml"
PROGRAMME = CONTENT / "coordination-programme-2024.yaml"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
#: documents of other shapes: numbered paragraphs, article and interview constructs, figures
REPORT = FIXTURES / "report-six-months.yaml"
ARTICLE = FIXTURES / "article-year-review.yaml"
INTERVIEW = FIXTURES / "interview.yaml"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W_NS, "r": R_NS,
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "dcterms": "http://purl.org/dc/terms/"}
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


# -- building and opening ------------------------------------------------------------------


@dataclass
class Docx:
    source: Path | None
    tree: Document
    profile: Profile
    data: bytes

    @functools.cached_property
    def zip(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO(self.data))

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    @functools.cached_property
    def document(self) -> etree._Element:
        return self.xml("word/document.xml")

    @functools.cached_property
    def styles(self) -> etree._Element:
        return self.xml("word/styles.xml")

    @functools.cached_property
    def body(self) -> etree._Element:
        return self.document.find(w("body"))

    def style(self, style_id: str) -> etree._Element:
        found = self.styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
        assert found, f"style {style_id} is not defined"
        return found[0]

    def related(self, rel_type_suffix: str, *, source: str = "word/_rels/document.xml.rels"
                ) -> dict[str, str]:
        rels = self.xml(source)
        return {rel.get("Id"): rel.get("Target")
                for rel in rels.findall("rel:Relationship", NS)
                if rel.get("Type").endswith("/" + rel_type_suffix)}

    def story(self, reference: etree._Element) -> etree._Element:
        target = self.related("header" if reference.tag == w("headerReference")
                              else "footer")[reference.get(f"{{{R_NS}}}id")]
        return self.xml("word/" + target)


@functools.cache
def build(source: Path) -> Docx:
    view = prepare(load_document(source))
    tree = render_tree(view)
    return Docx(source, tree, view.profile, write_docx(tree, view.profile, media=view.media))


def build_tree(tree: Document, profile: Profile | None = None) -> Docx:
    profile = profile or load_profile("party")
    return Docx(None, tree, profile, write_docx(tree, profile))


@pytest.fixture(params=[BRIEFING, PROGRAMME], ids=["briefing", "programme"])
def built(request: pytest.FixtureRequest) -> Docx:
    return build(request.param)


@pytest.fixture(params=[BRIEFING, PROGRAMME, REPORT, ARTICLE, INTERVIEW],
                ids=["briefing", "programme", "report", "article", "interview"])
def any_shape(request: pytest.FixtureRequest) -> Docx:
    """The embedded documents and the documents of other shapes (numbered paragraphs,
    articles, interviews, tables, figures)."""
    return build(request.param)


@pytest.fixture
def briefing() -> Docx:
    return build(BRIEFING)


@pytest.fixture
def programme() -> Docx:
    return build(PROGRAMME)


# -- reading text ----------------------------------------------------------------------------


def text_of(p: etree._Element) -> str:
    """What a reader sees of a w:p (tabs and breaks as characters)."""
    parts = []
    for element in p.iter(w("t"), w("tab"), w("br")):
        parts.append(element.text or "" if element.tag == w("t")
                     else "\t" if element.tag == w("tab") else "\n")
    return "".join(parts)


def style_of(p: etree._Element) -> str | None:
    style = p.find("w:pPr/w:pStyle", NS)
    return style.get(w("val")) if style is not None else None




def tree_text(content: str | list[Inline] | None) -> str:
    """The text of a tree field as the DOCX shows it: a computed line break is a line break."""
    if isinstance(content, str):
        return content
    return inline_text(content, breaks="\n")


def expected_blocks(nodes: list[Node], marker: str | None = None) -> list[tuple[str, str]]:
    """(style id, text) of every paragraph the body of the tree must give, in order."""
    out: list[tuple[str, str]] = []
    for node in nodes:
        if marker is not None and not isinstance(node, Paragraph):
            out.append(("BodyText", marker))
            marker = None
        if isinstance(node, Paragraph) and node.kind:
            prefix = f"{marker} " if marker else ""
            out.append((FURNITURE[node.kind], prefix + inline_text(node.content)))
        elif isinstance(node, Paragraph):
            prefix = f"{marker} " if marker else ""
            out.append(("BodyText", prefix + inline_text(node.content)))
        elif isinstance(node, Section):
            out.append((f"Heading{min(node.level, 6)}",
                        f"{node.number} {inline_text(node.title)}"))
            out.extend(expected_blocks(node.body))
        elif isinstance(node, ItemList):
            for item in node.items:
                out.extend(expected_blocks(item.body, item.marker))
        elif isinstance(node, TitleBlock):
            out.append(("DocumentType", node.doc_type))
            if node.subject is not None:
                out.append(("Subject", tree_text(node.subject)))
        else:
            out.extend(expected_construct(node))
        marker = None
    return out


#: paragraph kinds -> the style the DOCX gives them
FURNITURE = {"standfirst": "Standfirst", "dateline": "Dateline", "byline": "Byline",
             "credit": "Credit", "note": "NoteLine", "salutation": "Salutation"}


def expected_construct(node: Node) -> list[tuple[str, str]]:
    """(style id, text) of the top-level paragraphs of the other body constructs."""
    if isinstance(node, Numbered):
        return [("BodyText", (f"{node.number} " if i == 0 else "") + inline_text(p.content))
                for i, p in enumerate(node.paragraphs)]
    if isinstance(node, Intertitle):
        return [("Intertitle", inline_text(node.content))]
    if isinstance(node, Quote):
        return [("Quote", inline_text(p.content)) for p in node.paragraphs] + (
            [("Attribution", inline_text(node.attribution))]
            if node.attribution is not None else [])
    if isinstance(node, Turn):
        style = "Question" if node.role == "question" else "Answer"
        return [(style, (node.label if i == 0 else "") + inline_text(p.content))
                for i, p in enumerate(node.paragraphs)]
    if isinstance(node, Table | Figure):
        style = "Caption" if isinstance(node, Table) else "FigureCaption"
        out = ([(style, node.label + inline_text(node.caption))]
               if node.caption is not None else [])
        extra, extra_style = ((node.note, "NoteLine") if isinstance(node, Table)
                              else (node.credit, "Credit"))
        if extra is not None:
            out.append((extra_style, inline_text(extra)))
        return out
    raise AssertionError(f"unexpected body node {type(node).__name__}")


def expected_appendices(tree: Document) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for appendix in tree.appendices.appendices if tree.appendices else []:
        out.append(("AppendixLabel", appendix.label))
        out.append(("AppendixTitle", inline_text(appendix.title)))
        if appendix.subtitle is not None:
            out.append(("AppendixSubtitle", inline_text(appendix.subtitle)))
        out.extend(expected_blocks(appendix.body))
    return out


def expected_top_level(tree: Document) -> list[tuple[str, str]]:
    """(style, text) of the non-empty paragraphs outside tables, headers and footers."""
    out: list[tuple[str, str]] = []
    cover = tree.cover
    if cover is not None:
        issuer = cover.issuer
        out.extend((style, text) for style, text in (
            ("MastheadSuperior", issuer.superior), ("MastheadIssuer", issuer.name),
            ("MastheadStar", issuer.star), ("MastheadNumber", issuer.number),
            ("CoverTitle", cover.title), ("CoverSubject", tree_text(cover.subject)),
            ("CoverIssue", cover.issue), ("CoverMeeting", cover.meeting),
            ("Mark", cover.mark.text if cover.mark else None)) if text)
    if tree.mark is not None:
        out.append(("Mark", tree.mark.text))
    out.extend(expected_blocks(list(tree.body.children())))
    out.extend(expected_appendices(tree))
    return out


def top_level_paragraphs(doc: Docx) -> list[etree._Element]:
    return doc.body.findall(w("p"))


# -- page -----------------------------------------------------------------------------------


def test_page_is_a4_with_profile_margins(built: Docx) -> None:
    page = built.profile.page
    sect = built.body.find(w("sectPr"))
    size = sect.find(w("pgSz"))
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert (int(size.get(w("w"))), int(size.get(w("h")))) == tuple(twips(v) for v in page.size)
    margins = sect.find(w("pgMar"))
    assert {side: margins.get(w(side)) for side in ("top", "bottom", "left", "right")} == {
        "top": "1134", "bottom": "1134", "left": "1701", "right": "850"}
    for side in ("top", "bottom", "left", "right"):
        assert int(margins.get(w(side))) == twips(page.margins[side])
    assert int(margins.get(w("header"))) == twips(page.header_distance)
    assert sect.find(w("pgSz")).get(w("orient")) in (None, "portrait")


def test_page_number_field_in_header_and_none_on_page_one(built: Docx) -> None:
    sect = built.body.find(w("sectPr"))
    assert sect.find(w("titlePg")) is not None
    refs = {ref.get(w("type")): ref for ref in sect.findall(w("headerReference"))}
    assert set(refs) == {"default", "first"}

    default = built.story(refs["default"])
    instructions = "".join(t.text for t in default.iter(w("instrText")))
    simple = [f.get(w("instr")) for f in default.iter(w("fldSimple"))]
    assert instructions.strip() == "PAGE" or [s.strip() for s in simple] == ["PAGE"]
    if instructions:
        kinds = [c.get(w("fldCharType")) for c in default.iter(w("fldChar"))]
        assert kinds == ["begin", "separate", "end"]
    (p,) = default.findall(w("p"))
    header_style = built.style(style_of(p))
    assert header_style.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert header_style.find("w:rPr/w:sz", NS).get(w("val")) == str(
        round(built.profile.page.number.size * 2))

    first = built.story(refs["first"])
    assert not list(first.iter(w("fldChar"))) and not list(first.iter(w("fldSimple")))
    assert all(text_of(p) == "" for p in first.iter(w("p")))


# -- fonts, language, styles -------------------------------------------------------------------


def test_profile_font_everywhere_and_no_theme_fonts(built: Docx) -> None:
    family = built.profile.font.family
    assert family == "Times New Roman"
    defaults = built.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert {k.split("}")[1]: v for k, v in defaults.attrib.items()} == {
        "ascii": family, "hAnsi": family, "eastAsia": family, "cs": family}
    for name in built.zip.namelist():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        for fonts in built.xml(name).iter(w("rFonts")):
            attrs = {k.split("}")[1]: v for k, v in fonts.attrib.items()}
            assert not any(k.endswith("Theme") or k == "cstheme" for k in attrs), (name, attrs)
            assert set(attrs.values()) == {family}, (name, attrs)
    for style in built.styles.xpath("w:style[@w:type='paragraph']", namespaces=NS):
        fonts = style.find("w:rPr/w:rFonts", NS)
        if style.find("w:basedOn", NS) is None or style.find("w:rPr", NS) is not None:
            assert fonts is not None, style.get(w("styleId"))
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                assert fonts.get(w(slot)) == family
    theme = built.xml("word/theme/theme1.xml")
    latin = [e.get("typeface") for e in theme.iterfind(".//a:fontScheme/*/a:latin", NS)]
    assert latin == [family, family]


def effective_font(doc: Docx, run: etree._Element, p: etree._Element) -> str:
    """Resolve the ascii font of a run: direct, character style, paragraph style, defaults."""
    def from_style(style_id: str | None) -> str | None:
        while style_id:
            style = doc.style(style_id)
            fonts = style.find("w:rPr/w:rFonts", NS)
            if fonts is not None:
                return fonts.get(w("ascii"))
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None
        return None

    direct = run.find("w:rPr/w:rFonts", NS)
    if direct is not None:
        return direct.get(w("ascii"))
    rstyle = run.find("w:rPr/w:rStyle", NS)
    for found in (from_style(rstyle.get(w("val")) if rstyle is not None else None),
                  from_style(style_of(p) or "Normal")):
        if found:
            return found
    return doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS).get(w("ascii"))


def test_every_run_resolves_to_the_profile_font(built: Docx) -> None:
    parts = [built.document, built.xml("word/footnotes.xml")]
    runs = 0
    for part in parts:
        for p in part.iter(w("p")):
            for run in p.iter(w("r")):
                runs += 1
                assert effective_font(built, run, p) == built.profile.font.family
    assert runs > 100


def test_language_is_the_profile_language(built: Docx) -> None:
    lang = built.profile.lang
    defaults = built.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert defaults.get(w("val")) == lang == "vi-VN"
    for name in ("word/document.xml", "word/styles.xml", "word/footnotes.xml"):
        for element in built.xml(name).iter(w("lang")):
            assert element.get(w("val")) == lang
    settings = built.xml("word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(w("val")) == lang
    core = built.xml("docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}language") == lang


def test_body_text_style_from_profile(built: Docx) -> None:
    body = built.profile.body
    style = built.style("BodyText")
    assert style.find("w:name", NS).get(w("val")) == "Body Text"
    spacing = style.find("w:pPr/w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("360", "exact")
    assert int(spacing.get(w("line"))) == round(body.line_height * 20)
    assert int(spacing.get(w("after"))) == round(body.space_after * 20)
    assert int(style.find("w:pPr/w:ind", NS).get(w("firstLine"))) == twips(
        body.first_line_indent)
    assert style.find("w:pPr/w:jc", NS).get(w("val")) == "both"
    assert int(style.find("w:rPr/w:sz", NS).get(w("val"))) == round(body.size * 2)


def test_heading_styles_are_words_builtins_restyled_from_profile(built: Docx) -> None:
    for level in range(1, 7):
        look = built.profile.heading(level)
        style = built.style(f"Heading{level}")
        assert style.find("w:name", NS).get(w("val")) == f"heading {level}"
        assert style.find("w:pPr/w:outlineLvl", NS).get(w("val")) == str(level - 1)
        assert int(style.find("w:rPr/w:sz", NS).get(w("val"))) == round(look.size * 2)
        bold = style.find("w:rPr/w:b", NS)
        italic = style.find("w:rPr/w:i", NS)
        assert (bold.get(w("val"), "1") != "0") is look.bold
        assert (italic.get(w("val"), "1") != "0") is look.italic
        assert int(style.find("w:pPr/w:spacing", NS).get(w("before"))) == round(
            look.space_before * 20)
        assert style.find("w:pPr/w:keepNext", NS) is not None
        assert style.find("w:rPr/w:color", NS) is None


def test_footnote_styles(built: Docx) -> None:
    note = built.profile.footnote
    text = built.style("FootnoteText")
    assert text.find("w:name", NS).get(w("val")) == "footnote text"
    assert int(text.find("w:rPr/w:sz", NS).get(w("val"))) == round(note.size * 2)
    spacing = text.find("w:pPr/w:spacing", NS)
    assert int(spacing.get(w("line"))) == round(note.line_height * 20)
    assert spacing.get(w("lineRule")) == "exact"
    reference = built.style("FootnoteReference")
    assert reference.get(w("type")) == "character"
    assert reference.find("w:name", NS).get(w("val")) == "footnote reference"
    assert reference.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"


def test_named_styles_for_every_part_of_the_layout(built: Docx) -> None:
    names = {s.find("w:name", NS).get(w("val")) for s in built.styles.iter(w("style"))}
    for name in ("Normal", "Body Text", "Masthead", "Masthead Superior", "Masthead Issuer",
                 "Masthead Number", "Party Name", "Place Date", "Document Type", "Subject",
                 "Cover Title", "Cover Subject", "Cover Issue", "Cover Foot", "Mark",
                 "Recipients", "Recipients Label", "Signature", "Signature Authority",
                 "Signature Title", "Signature Name", "header"):
        assert name in names
    # the template's theme-coloured styles are gone
    assert "Light Shading Accent 1" not in names and "Title" not in names


def test_every_paragraph_has_a_defined_style(built: Docx) -> None:
    defined = set(built.styles.xpath("w:style/@w:styleId", namespaces=NS))
    paragraphs = list(built.document.iter(w("p")))
    notes = built.xml("word/footnotes.xml")
    paragraphs += [p for note in notes.findall(w("footnote")) if note.get(w("type")) is None
                   for p in note.findall(w("p"))]
    assert len(paragraphs) > 50
    for p in paragraphs:
        assert style_of(p) in defined, etree.tostring(p, encoding="unicode")[:200]


# -- body text ------------------------------------------------------------------------------


def test_paragraph_texts_and_styles_equal_the_tree(any_shape: Docx) -> None:
    built = any_shape
    got = [(style_of(p), text_of(p)) for p in top_level_paragraphs(built) if text_of(p)]
    expected = expected_top_level(built.tree)
    assert len(got) == len(expected)
    for (got_style, got_text), (want_style, want_text) in zip(got, expected, strict=True):
        assert got_text == want_text
        assert got_style == want_style, want_text[:60]
        assert unicodedata.is_normalized("NFC", got_text)


def test_heading_and_list_prefixes(programme: Docx, briefing: Docx) -> None:
    texts = [text_of(p) for p in top_level_paragraphs(programme)]
    assert "I. Công tác khoa giáo" in texts
    assert any(t.startswith("(1) Tổng kết 10 năm thực hiện Chỉ thị số 37-CT/TW") for t in texts)
    assert any(t.startswith("- Chỉ thị số 29-CT/TW ngày 05 tháng 01 năm 2024") for t in texts)
    briefing_texts = [text_of(p) for p in top_level_paragraphs(briefing)]
    assert any(t.startswith("Thứ nhất, ") for t in briefing_texts)
    run_in = [t for t in briefing_texts if "(i) Tiếp tục củng cố vững chắc" in t]
    assert run_in and "(ii) " in run_in[0]


def test_emphasis_runs(programme: Docx, briefing: Docx) -> None:
    def runs_with(doc: Docx, bold: bool, italic: bool) -> list[str]:
        out = []
        for run in doc.body.iter(w("r")):
            b = run.find("w:rPr/w:b", NS) is not None
            i = run.find("w:rPr/w:i", NS) is not None
            if (b, i) == (bold, italic):
                out.append("".join(t.text for t in run.iter(w("t"))))
        return out

    def first(tree: Document, outer: type, inner: type | None = None) -> list[Inline]:
        for p in iter_nodes(tree.body):
            for node in p.content if isinstance(p, Paragraph) else ():
                if isinstance(node, outer):
                    if inner is None:
                        return node.content
                    found = [n for n in node.content if isinstance(n, inner)]
                    if found:
                        return found[0].content
        raise AssertionError("no such emphasis")

    assert inline_text(first(briefing.tree, Emphasis)) in runs_with(briefing, False, True)
    both = first(programme.tree, Strong, Emphasis)
    assert inline_text(both) in runs_with(programme, True, True)
    assert "Thách thức lớn nhất là " in runs_with(briefing, False, False)


def test_text_is_written_exactly() -> None:
    tree = tree_of(
        '<body><p>  hai  dấu cách &lt;w:t&gt; &amp; “ngoặc” \'x\' -- ... </p>'
        '<list type="enum" style="x"><item marker="a)"><list type="bullet" style="b">'
        '<item marker="-"><p>lồng</p></item></list><p>tiếp</p></item></list></body>')
    doc = build_tree(tree)
    texts = [text_of(p) for p in top_level_paragraphs(doc)]
    assert texts == ["  hai  dấu cách <w:t> & “ngoặc” 'x' -- ... ", "a)", "- lồng", "tiếp"]
    first_t = top_level_paragraphs(doc)[0].find(".//w:t", NS)
    assert first_t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


# -- footnotes ------------------------------------------------------------------------------


def footnotes(doc: Docx) -> etree._Element:
    return doc.xml("word/footnotes.xml")


def note_entries(doc: Docx) -> dict[int, etree._Element]:
    return {int(n.get(w("id"))): n for n in footnotes(doc).findall(w("footnote"))}


@pytest.mark.parametrize(("source", "count"), [(BRIEFING, 12), (PROGRAMME, 5)],
                         ids=["briefing", "programme"])
def test_real_footnotes_part(source: Path, count: int) -> None:
    doc = build(source)
    assert list(doc.related("footnotes").values()) == ["footnotes.xml"]
    types = doc.xml("[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType")
                 for o in types.findall("ct:Override", NS)}
    assert overrides["/word/footnotes.xml"] == FOOTNOTES_CT

    entries = note_entries(doc)
    assert entries[-1].get(w("type")) == "separator"
    assert entries[-1].find(".//w:separator", NS) is not None
    assert entries[0].get(w("type")) == "continuationSeparator"
    assert entries[0].find(".//w:continuationSeparator", NS) is not None
    notes = sorted(i for i in entries if i >= 1)
    assert notes == list(range(1, count + 1))
    assert len([n for n in iter_nodes(doc.tree) if isinstance(n, Footnote)]) == count

    references = list(doc.document.iter(w("footnoteReference")))
    assert [int(r.get(w("id"))) for r in references] == list(range(1, count + 1))
    for reference in references:
        run = reference.getparent()
        assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"

    settings = doc.xml("word/settings.xml")
    assert [int(f.get(w("id"))) for f in settings.findall("w:footnotePr/w:footnote", NS)] == [
        -1, 0]


def test_footnote_texts_equal_the_source_definitions(built: Docx) -> None:
    definitions = load_document(built.source).document.footnotes
    entries = note_entries(built)
    for fn in iter_nodes(built.tree):
        if not isinstance(fn, Footnote):
            continue
        note = entries[fn.number]
        paragraphs = note.findall(w("p"))
        expected = [plain_text(text) for text in footnote_paragraphs(definitions[fn.id])]
        first_runs = paragraphs[0].findall(w("r"))
        assert first_runs[0].find(w("footnoteRef")) is not None
        assert first_runs[0].find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
        assert text_of(first_runs[1]) == " "
        got = [text_of(p) for p in paragraphs]
        assert got[0].startswith(" ")
        assert [got[0][1:], *got[1:]] == expected
        assert all(style_of(p) == "FootnoteText" for p in paragraphs)


def test_programme_has_a_two_paragraph_footnote(programme: Docx) -> None:
    sizes = [len(n.findall(w("p"))) for i, n in note_entries(programme).items() if i >= 1]
    assert sizes.count(2) == 1 and sizes.count(1) == 4


def test_footnote_with_emphasis_keeps_it() -> None:
    tree = tree_of(
        '<body><p>Câu<fn n="1" id="a"><p>Ghi <em>nghiêng</em> và <strong>đậm</strong></p></fn>.'
        '</p></body>', date="2024")
    doc = build_tree(tree)
    (note,) = [n for i, n in note_entries(doc).items() if i >= 1]
    italic = [text_of(r) for r in note.iter(w("r")) if r.find("w:rPr/w:i", NS) is not None]
    bold = [text_of(r) for r in note.iter(w("r")) if r.find("w:rPr/w:b", NS) is not None]
    assert (italic, bold) == (["nghiêng"], ["đậm"])
    assert [text_of(p) for p in top_level_paragraphs(doc)] == ["Câu."]


# -- official form: masthead, title block, closing -------------------------------------------


def cell_texts(cell: etree._Element) -> list[str]:
    return [text_of(p) for p in cell.findall(w("p"))]


def table_cells(table: etree._Element) -> list[list[etree._Element]]:
    return [row.findall(w("tc")) for row in table.findall(w("tr"))]


def measured_mm(text: str, profile: Profile, face: str, size: float) -> float:
    font = TTFont(str(profile.font.path(face)))
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    units = sum(hmtx[cmap[ord(ch)]][0] for ch in text)
    return units / font["head"].unitsPerEm * size * 25.4 / 72


def test_masthead_table(programme: Docx) -> None:
    tree, profile = programme.tree, programme.profile
    hairline, table = programme.body[:2]
    # a hairline paragraph opens the document: LibreOffice would put a body line there
    spacing = hairline.find("w:pPr/w:spacing", NS)
    assert hairline.tag == w("p") and text_of(hairline) == ""
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("20", "exact")
    assert table.tag == w("tbl")
    borders = table.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(w("val")) for b in borders} == {"nil"} and len(borders) == 6
    cells = table_cells(table)
    masthead = tree.masthead
    issuer = masthead.issuer
    assert cell_texts(cells[0][0]) == [issuer.superior, issuer.name, issuer.star]
    assert cell_texts(cells[1][0]) == [issuer.number]
    assert cell_texts(cells[1][0])[0].startswith("Số ")
    assert cell_texts(cells[0][1]) == [*masthead.title_lines, ""]
    assert cell_texts(cells[0][1])[0] == profile.masthead.title_lines[0].text
    assert cell_texts(cells[1][1]) == [masthead.place_date]
    assert [style_of(p) for p in cells[0][0].findall(w("p"))] == [
        "MastheadSuperior", "MastheadIssuer", "MastheadStar"]
    assert style_of(cells[1][1].find(w("p"))) == "PlaceDate"
    date_style = programme.style("PlaceDate")
    assert date_style.find("w:rPr/w:i", NS) is not None
    party_style = programme.style("PartyName")
    assert party_style.find("w:rPr/w:b", NS) is not None
    assert party_style.find("w:rPr/w:sz", NS).get(w("val")) == str(
        round(profile.masthead.title_lines[0].size * 2))

    widths = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert abs(sum(widths) - twips(profile.text_width_mm)) <= 1
    # the place-and-date line fits its column (it would wrap in the profile's 46 %)
    date_mm = measured_mm(masthead.place_date, profile, "italic",
                          profile.masthead.place_date.size)
    assert widths[1] >= twips(date_mm)
    # ... and the issuer name and number still fit theirs
    for text, face, size in ((issuer.name, "bold", profile.masthead.issuer.size),
                             (issuer.number, "regular",
                              profile.masthead.number.size)):
        assert widths[0] >= twips(measured_mm(text, profile, face, size))

    rule = cells[0][1].findall(w("p"))[1]
    assert style_of(rule) == "PartyRule"
    assert programme.style("PartyRule").find("w:pPr/w:pBdr/w:bottom", NS).get(
        w("val")) == "single"
    indent = rule.find("w:pPr/w:ind", NS)
    rule_mm = (widths[1] - int(indent.get(w("left"))) - int(indent.get(w("right")))) * 25.4 / 1440
    name_mm = measured_mm(profile.masthead.title_lines[0].text, profile, "bold",
                          profile.masthead.title_lines[0].size)
    assert abs(rule_mm - name_mm) < 0.5


def test_masthead_keeps_the_profile_split_when_lines_fit() -> None:
    tree = tree_of(
        '<masthead><issuer><superior>TỈNH ỦY HÀ TĨNH</superior><name>BAN TUYÊN GIÁO</name>'
        '<star>*</star><number>Số 12-HD/BTGTU</number></issuer>'
        '<title-line>ĐẢNG CỘNG SẢN VIỆT NAM</title-line>'
        '<place-date>Hà Tĩnh, ngày 05 tháng 3 năm 2024</place-date></masthead>'
        '<body><p>x</p></body>')
    doc = build_tree(tree)
    profile = doc.profile
    widths = [int(c.get(w("w"))) for c in doc.body[1].findall("w:tblGrid/w:gridCol", NS)]
    share = profile.masthead.columns[0] / sum(profile.masthead.columns)
    assert abs(widths[0] - twips(profile.text_width_mm * share)) <= 1
    assert abs(sum(widths) - twips(profile.text_width_mm)) <= 1


def test_title_block_and_rule(built: Docx) -> None:
    profile = built.profile
    paragraphs = top_level_paragraphs(built)
    styles = [style_of(p) for p in paragraphs]
    at = styles.index("DocumentType")
    block = built.tree.body.title_block
    assert text_of(paragraphs[at]) == block.doc_type
    assert (styles[at + 1], text_of(paragraphs[at + 1])) == (
        "Subject", tree_text(block.subject))
    assert (styles[at + 2], text_of(paragraphs[at + 2])) == ("TitleRule", "")
    rule = built.style("TitleRule")
    assert rule.find("w:pPr/w:pBdr/w:bottom", NS).get(w("val")) == "single"
    ind = rule.find("w:pPr/w:ind", NS)
    length = twips(profile.text_width_mm) - int(ind.get(w("left"))) - int(ind.get(w("right")))
    assert abs(length - twips(profile.title_block.rule)) <= 2
    doc_type = built.style("DocumentType")
    assert doc_type.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert doc_type.find("w:rPr/w:sz", NS).get(w("val")) == str(
        round(profile.title_block.type.size * 2))
    assert doc_type.find("w:rPr/w:b", NS) is not None


def test_closing_band(programme: Docx) -> None:
    closing = programme.tree.closing
    table = programme.body.findall(w("tbl"))[-1]
    assert programme.body.index(table) == len(programme.body) - 2  # then only w:sectPr
    (left, right), = table_cells(table)
    recipients = closing.recipients
    assert cell_texts(left) == [recipients.label, *recipients.items]
    assert cell_texts(left)[0] == "Nơi nhận:"
    signature, = closing.signatures
    space = programme.profile.closing.signature_space
    assert cell_texts(right) == [signature.authority, signature.title] + [""] * space + [
        signature.name]
    assert [style_of(p) for p in left.findall(w("p"))][:2] == ["RecipientsLabel", "Recipients"]
    assert programme.style("Recipients").find("w:pPr/w:jc", NS).get(w("val")) == "left"
    assert programme.style("Recipients").find("w:pPr/w:ind", NS).get(w("firstLine")) == "0"
    assert programme.style("Recipients").find("w:rPr/w:sz", NS).get(w("val")) == str(
        round(programme.profile.closing.item.size * 2))
    assert programme.style("RecipientsLabel").find("w:rPr/w:u", NS).get(w("val")) == "single"
    for style_id in ("SignatureAuthority", "SignatureTitle", "SignatureName"):
        style = programme.style(style_id)
        jc = style.find("w:pPr/w:jc", NS)
        assert (jc.get(w("val")) if jc is not None else "center") == "center"
    assert programme.style("Signature").find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert programme.style("SignatureName").find("w:rPr/w:b", NS) is not None
    assert programme.style("SignatureAuthority").find("w:rPr/w:b", NS) is not None


# -- booklet form: cover -----------------------------------------------------------------------


def test_cover_is_page_one_and_body_starts_on_page_two(briefing: Docx) -> None:
    paragraphs = top_level_paragraphs(briefing)
    breaks = [i for i, p in enumerate(paragraphs)
              if p.find("w:pPr/w:pageBreakBefore", NS) is not None
              or p.find(".//w:br[@w:type='page']", NS) is not None]
    # the body starts page 2; each appendix (PHỤ LỤC I, II) starts a page of its own
    appendices = briefing.tree.appendices.appendices
    assert len(breaks) == 1 + len(appendices) == 3
    assert [text_of(paragraphs[i]) for i in breaks[1:]] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert {style_of(paragraphs[i]) for i in breaks[1:]} == {"AppendixLabel"}
    first_body = paragraphs[breaks[0]]
    assert style_of(first_body) == "DocumentType"
    cover_styles = [style_of(p) for p in paragraphs[:breaks[0]]]
    assert cover_styles == ["MastheadSuperior", "MastheadIssuer", "MastheadStar",
                            "CoverTitle", "CoverSubject", "CoverIssue", "Mark"]
    assert text_of(paragraphs[3]) == briefing.tree.cover.title
    mark = briefing.style("Mark").find("w:pPr/w:pBdr", NS)
    assert {edge.tag.split("}")[1] for edge in mark} == {"top", "left", "bottom", "right"}


def test_cover_foot_is_at_the_foot_of_page_one_only(briefing: Docx) -> None:
    foot = briefing.tree.cover.foot
    assert foot == "Thành phố Hồ Chí Minh, tháng 3 năm 2024"
    assert foot not in [text_of(p) for p in briefing.document.iter(w("p"))]
    sect = briefing.body.find(w("sectPr"))
    refs = {ref.get(w("type")): ref for ref in sect.findall(w("footerReference"))}
    assert set(refs) == {"first"}
    assert [text_of(p) for p in briefing.story(refs["first"]).iter(w("p"))] == [foot]


def test_official_form_has_no_cover_break(programme: Docx) -> None:
    assert not list(programme.document.iter(w("pageBreakBefore")))
    assert programme.body.find(w("sectPr")).find(w("footerReference")) is None


# -- package --------------------------------------------------------------------------------


def test_reproducible_bytes(built: Docx) -> None:
    again = write_docx(built.tree, built.profile)
    assert again == built.data
    infos = built.zip.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(2024, 3, 1, 0, 0, 0)}
    core = built.xml("docProps/core.xml")
    assert core.findtext("dcterms:created", namespaces=NS) == "2024-03-01T00:00:00Z"
    assert core.findtext("dcterms:modified", namespaces=NS) == "2024-03-01T00:00:00Z"
    assert "python-docx" not in built.zip.read("docProps/core.xml").decode()
    names = set(built.zip.namelist())
    assert not {n for n in names if "thumbnail" in n or n.startswith("customXml")
                or "stylesWithEffects" in n}
    settings = built.zip.read("word/settings.xml").decode()
    assert "rsid" not in settings and "docId" not in settings


def test_timestamps_follow_the_document_date(programme: Docx) -> None:
    tree = copy.deepcopy(programme.tree)
    tree.info.date = "2023-11-20"
    doc = build_tree(tree, programme.profile)
    assert {info.date_time for info in doc.zip.infolist()} == {(2023, 11, 20, 0, 0, 0)}
    assert doc.xml("docProps/core.xml").findtext("dcterms:created", namespaces=NS) == (
        "2023-11-20T00:00:00Z")
    assert doc.data != programme.data


def test_document_properties(built: Docx) -> None:
    core = built.xml("docProps/core.xml")
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert core.findtext(f"{dc}title") == built.tree.info.title
    assert core.findtext(f"{dc}creator") == built.tree.info.author
    app = built.zip.read("docProps/app.xml").decode()
    assert "Microsoft" not in app


# -- LibreOffice ----------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_both_documents_with_numbers_from_page_two(tmp_path: Path) -> None:
    import pdfplumber

    sources = {"briefing": BRIEFING, "programme": PROGRAMME}
    files = []
    for name, source in sources.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(build(source).data)
        files.append(str(path))
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *files],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for name in sources:
        with pdfplumber.open(tmp_path / "pdf" / f"{name}.pdf") as pdf:
            assert len(pdf.pages) >= 5
            first_lines = [(page.extract_text() or "").splitlines()[0] for page in pdf.pages]
            assert not first_lines[0].strip().isdigit()
            assert [line.strip() for line in first_lines[1:]] == [
                str(n) for n in range(2, len(pdf.pages) + 1)]
            page_one = pdf.pages[0].extract_text()
            if name == "briefing":
                assert "TÀI LIỆU THÔNG TIN NỘI BỘ" in page_one
                assert page_one.rstrip().endswith("Thành phố Hồ Chí Minh, tháng 3 năm 2024")
                assert "I. Bối cảnh" not in page_one
            else:
                assert "ĐẢNG CỘNG SẢN VIỆT NAM" in page_one
