"""Tagged PDFs: the structure tree a screen reader follows, read back from the real PDF.

Tags present, headings tagged H1…H6 with their numbers, lists as L/LI, footnotes as Note with
their number as Lbl, reading order of the tree equal to the source order, page numbers marked
as artifacts and nothing else left untagged; catalog entries for accessibility (Lang,
DisplayDocTitle, MarkInfo) and the PDF/UA-1 identification.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from briefing import PROJECT_ROOT
from briefing.cli import main
from briefing.tree.base import nodes_of
from briefing.tree.plain_text import body_paragraphs, footnotes, heading_text, inline_text
from briefing.tree.vocabulary import Appendix, Footnote, Intertitle, ItemList, Paragraph, Section
from tests.pdf_structure import Element, Structure, read_structure


@pytest.fixture(scope="module")
def structures(briefing_pdf, programme_pdf) -> dict[str, Structure]:
    return {"briefing": read_structure(briefing_pdf.pdf),
            "programme": read_structure(programme_pdf.pdf)}


@pytest.fixture(params=["briefing", "programme"])
def case(request, structures):
    built = request.getfixturevalue(f"{request.param}_pdf")
    return built, structures[request.param]


def bare(text: str) -> str:
    """Text without any white space: joins of marked-content pieces may add or drop spaces."""
    return re.sub(r"\s+", "", text)


def test_catalog_says_tagged_vietnamese_and_shows_the_title(case):
    built, _ = case
    reader = pypdf.PdfReader(built.pdf)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "vi"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    title = built.tree.info.title
    assert title and reader.metadata.title == title
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp and title in xmp


def test_headings_are_tagged_by_level_with_their_numbers(case):
    built, structure = case
    expected = []
    for section in nodes_of(built.tree, Section):
        expected.append((f"H{min(section.level, 6)}", bare(heading_text(section))))
    found = [(e.type, bare(e.text)) for e in structure.all() if re.fullmatch(r"H[1-6]", e.type)]
    assert len(expected) > 5
    # each section heading, in order and at its level (a heading never breaks across pages);
    # the others are intertitles and appendix titles, headings too
    position = 0
    for kind, want in expected:
        position = next(k for k in range(position, len(found))
                        if found[k][0] == kind and found[k][1].startswith(want[:40])) + 1
    others = [bare(inline_text(n.content)) for n in nodes_of(built.tree, Intertitle)]
    others += [bare(inline_text(n.title)) for n in nodes_of(built.tree, Appendix)]
    assert len(found) == len(expected) + len(others)
    known = [want[:40] for _, want in expected] + [other[:40] for other in others]
    assert all(any(text.startswith(k) for k in known) for _, text in found)


def _body_text(structure: Structure) -> str:
    """The document's text in tree order, notes and footnote calls left out."""
    parts: list[str] = []

    def visit(element: Element) -> None:
        if element.type == "Note":
            return
        if element.type == "NonStruct" and element.text.isdigit():
            return  # a footnote call: its number
        if not element.children:
            parts.append(element.text)
        for child in element.children:
            visit(child)

    for top in structure.root:
        visit(top)
    return bare(" ".join(parts))


def test_reading_order_is_the_source_order(case):
    built, structure = case
    text = _body_text(structure)
    paragraphs = [bare(p) for p in body_paragraphs(built.tree.body.children())]
    assert len(paragraphs) > 20
    position = 0
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        assert found >= 0, f"not found in reading order: {paragraph[:80]!r}"
        position = found + len(paragraph)


def test_paragraphs_are_tagged_as_paragraphs(case):
    built, structure = case
    tagged = [bare(e.text) for e in structure.all("P")]
    body = built.tree.body
    in_notes = {id(p) for fn in nodes_of(body, Footnote) for p in fn.paragraphs}
    paragraphs = [inline_text(p.content) for p in nodes_of(body, Paragraph)
                  if id(p) not in in_notes]
    assert len(paragraphs) > 20
    for paragraph in paragraphs:
        opening = bare(paragraph)[:30]
        assert any(opening in text for text in tagged), paragraph[:60]


def test_footnotes_are_notes_with_their_number_as_label(case):
    built, structure = case
    notes = structure.all("Note")
    expected = footnotes(built.tree)
    assert len(notes) == len(expected) > 0
    assert len({n.id for n in notes}) == len(notes) and all(n.id for n in notes)
    for note, (number, paragraphs) in zip(notes, expected, strict=True):
        (label,) = [e for e in note.walk() if e.type == "Lbl"]
        assert label.text == str(number) and note.text.startswith(f"{number} ")
        assert bare(paragraphs[0])[:60] in bare(note.text)


def test_lists_are_tagged_as_lists(briefing_pdf, structures):
    structure = structures["briefing"]
    lists = nodes_of(briefing_pdf.tree, ItemList)
    items = sum(len(list_.items) for list_ in lists)
    assert items > 10
    # an item that runs over a page break is one LI on each page
    tagged = [bare(li.text) for li in structure.all("LI")]
    assert structure.all("L") and len(tagged) >= items
    position = 0
    for list_ in lists:
        for item in list_.items:
            first = next(p for p in item.body if isinstance(p, Paragraph))
            opening = bare(f"{item.marker} {inline_text(first.content)}")[:30]
            position = next(k for k in range(position, len(tagged))
                            if tagged[k].startswith(opening)) + 1
    assert all(any(c.type == "LBody" for c in li.children) for li in structure.all("LI"))


def test_layout_bands_are_not_data_tables(programme_pdf, structures):
    """The masthead and the closing are two columns of layout, not tables of data."""
    structure = structures["programme"]
    assert structure.all("Table") == []
    text = bare(" ".join(e.text for e in structure.all("Div")))
    assert bare("BAN TUYÊN GIÁO") in text and bare("Nơi nhận") in text


def test_every_glyph_is_tagged_or_an_artifact(case):
    built, structure = case
    assert structure.untagged == []
    pages = len(pypdf.PdfReader(built.pdf).pages)
    numbers = {}
    for page, char in structure.artifacts:
        numbers[page] = numbers.get(page, "") + char
    assert numbers == {page: str(page) for page in range(2, pages + 1)}


# -- archived editions: PDF/A-3a with the sources embedded -------------------------------------

@pytest.fixture(scope="module")
def archived_pdf(tmp_path_factory) -> Path:
    """One unit variant as editions build it (PDF/A-3a, sources and recipe embedded)."""
    out = tmp_path_factory.mktemp("pdfa")
    code = main(["batch", str(PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"),
                 "--unit", "quan-1", "--pdfa", "--format", "pdf", "--out", str(out),
                 "--no-progress", "--jobs", "1"])
    assert code == 0
    return out / "quan-1.pdf"


def test_archive_is_tagged_pdfa_3a(archived_pdf):
    reader = pypdf.PdfReader(archived_pdf)
    root = reader.trailer["/Root"]
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) and root["/Lang"] == "vi"
    structure = read_structure(archived_pdf)
    assert structure.untagged == [] and len(structure.all("Note")) == 13


def test_archive_lists_each_attachment_once_described_and_typed(archived_pdf):
    reader = pypdf.PdfReader(archived_pdf)
    root = reader.trailer["/Root"]
    associated = [ref.idnum for ref in root["/AF"]]
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    filespecs = {names[k]: names[k + 1].get_object() for k in range(0, len(names), 2)}
    assert len(associated) == len(set(associated)) == len(filespecs) == 3
    assert set(associated) == {names[k + 1].idnum for k in range(0, len(names), 2)}
    types = {}
    for name, filespec in filespecs.items():
        assert str(filespec["/Desc"]).strip(), f"{name} has no description"
        assert filespec["/AFRelationship"] == "/Source"
        types[name] = filespec["/EF"]["/F"].get_object()["/Subtype"]
    assert types == {"briefing-build.json": "/application/json",
                     "content-briefing-foreign-affairs.yaml": "/application/yaml",
                     "unit-quan-1.yaml": "/application/yaml"}
    assert "content/briefing-foreign-affairs.yaml" in str(
        filespecs["content-briefing-foreign-affairs.yaml"]["/Desc"])
