"""Import never refuses what it can show, and keeps the source's text in order.

- Every real Word file of the corpus (Nghị định 30/2020/NĐ-CP and its appendices,
  ../shared/corpus/nd30-2020/) imports into content that `build.py check` passes, with the
  decree's legal structure: 38 articles in 7 chapters and 5 divisions, khoản restarting in
  each article.
- The refusals of issue 18 import now: four plain lines with numbered children, a bullet after
  them, a numbered line followed only by fill-in lines, a closing table of multi-paragraph and
  blank cells.
- Over generated sources of every kind (hypothesis): exit 0 and the importer's own order
  check finds nothing (`importing/order.py`).
- The degrade gate: a construct `check` refuses becomes plain text at its place.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.importing.degrade import degrade, texts_of
from briefing.importing.guesses import Notebook
from briefing.messages import msg
from briefing.validation import ERROR, check_file
from tests.import_scores import corpus_folder
from tests.importing import imported, loaded
from tests.sources.kinds import KINDS
from tests.sources.renderings import documents, render

SHARED = os.environ.get("BRIEFING_SHARED")
CORPUS = Path(SHARED) / "corpus" / "nd30-2020" if SHARED else corpus_folder()
FILES = sorted(CORPUS.glob("d0*.docx")) if CORPUS and CORPUS.is_dir() else []


def _checked(result, folder: Path) -> list:
    """The errors `build.py check` finds in each imported document."""
    errors = []
    for document in result.documents:
        path = folder / f"{document.name}.yaml"
        path.write_text(document.yaml, encoding="utf-8")
        for relative, data in document.media.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(data)
        errors += [p for p in check_file(path).problems if p.severity == ERROR]
    return errors


@pytest.mark.skipif(not FILES, reason="../shared/corpus/nd30-2020 is not beside the checkout")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_every_corpus_file_imports_and_checks(path: Path, tmp_path: Path) -> None:
    result = imported(path)
    assert _checked(result, tmp_path) == []
    assert not [n for n in result.notes if n.message.code == "degraded-document"]


@pytest.mark.skipif(not FILES, reason="../shared/corpus/nd30-2020 is not beside the checkout")
def test_the_decree_comes_in_as_chapters_articles_and_clauses() -> None:
    document = loaded(imported(FILES[0])).document
    data = document.model_dump(mode="json", exclude_none=True)
    text = repr(data)
    assert text.count("'article':") == 38
    assert text.count("'chapter':") == 7 and text.count("'division':") == 5
    assert text.count("'clause':") == 116
    assert data["basis"][0].startswith("Căn cứ Luật Tổ chức Chính phủ")
    assert data["meta"]["number"] == "30/2020/NĐ-CP"


@pytest.mark.parametrize("source", [
    "1. Câu.\n1.1. Câu một.\n1.2. Câu hai.\n2. Đoạn dẫn cụ thể:\n",
    "1. Câu.\n1.1. Câu một.\n1.2. Câu hai.\n2. Đoạn dẫn cụ thể:\n- gạch đầu dòng\n",
    "1. Tên dự án:\n......................................................................\n"
    "2. Địa điểm:\n............................................................................\n",
], ids=["children", "children-then-bullet", "fill-in-lines"])
def test_the_four_line_refusals_import(source: str, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(source, encoding="utf-8")
    result = imported(path)
    assert _checked(result, tmp_path) == []
    assert not [n for n in result.notes if n.message.code == "import-order"]


GRID = """Danh mục viết tắt

+-----+--------------------------------------+------------------------+
| TT  | Tên loại văn bản                     | Chữ viết tắt           |
+=====+======================================+========================+
| 1   | Nghị quyết (cá biệt)                 | NQ                     |
+-----+--------------------------------------+------------------------+
"""
LINK = ("Xem toàn văn tại https://vanban.chinhphu.vn/default.aspx?pageid=27160&docid=199"
        "555&tagid=6&type=1&classid=1&orggroupid=2&mode=detail&lang=vi_VN_full_text_view_"
        "document_search_result_page_number_one rồi đối chiếu.\n\nĐoạn sau.\n")
DRAWN = "Hết phần một. " + "=" * 90 + " Phần hai bắt đầu.\n\nĐoạn sau.\n"


@pytest.mark.parametrize("source", [GRID, LINK, DRAWN], ids=["grid-table", "link", "drawn"])
def test_runs_wider_than_a_line_import(source: str, tmp_path: Path) -> None:
    """A text table's borders, a pasted link, a line drawn inside a paragraph: runs wider
    than a line that `check` refuses in authored content come in, said where they were."""
    path = tmp_path / "x.txt"
    path.write_text(source, encoding="utf-8")
    result = imported(path)
    assert _checked(result, tmp_path) == []
    assert not [n for n in result.notes if n.message.code == "import-order"]
    words = [w for d in result.documents for w in d.yaml.split() if not w.startswith("#")]
    for word in ("Nghị", "quyết", "NQ", "https://vanban.chinhphu.vn/", "đối", "Phần", "hai"):
        assert word in words or word not in source


@given(st.text(st.sampled_from("ab/=-_.?[^]{}đ+\\"), min_size=1, max_size=400))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_long_runs_keep_every_letter_in_order_and_fit_a_line(text: str) -> None:
    from briefing.importing.long_runs import breakable

    out = breakable(text)
    letters = [c for c in text if c.isalnum()]
    assert [c for c in out if c.isalnum()] == letters
    assert all(len(run) < 40 or not any(c.isalnum() for c in run) or "[" in run or "{" in run
               for run in out.split())
    escapes = [text[i:i + 2] for i, c in enumerate(text) if c == "\\" and i + 1 < len(text)]
    assert all(escape in out for escape in escapes)


def test_numbered_children_are_kept_under_their_parent(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("1. Câu mở đầu.\n1.1. Câu một.\n1.2. Câu hai.\n2. Câu cuối.\n",
                    encoding="utf-8")
    blocks = loaded(imported(path)).document.model_dump(mode="json", exclude_none=True)[
        "blocks"]
    assert blocks[0]["numbered"] == "Câu mở đầu."
    assert [c["numbered"] for c in blocks[0]["body"]] == ["Câu một.", "Câu hai."]
    assert blocks[1]["numbered"] == "Câu cuối."


def test_a_construct_check_refuses_becomes_plain_text_at_its_place() -> None:
    data = {"meta": {}, "blocks": [
        {"id": "a", "kind": "section", "title": "Mục", "body": [
            "Trước.", {"numbered": ["Một.", "Hai."], "body": [{"numbered": "Con."}]}, "Sau."]}]}
    notes = Notebook("x")
    assert degrade(data, ("blocks", 0, "body", 1, "numbered", 0), msg("x", "refused"), notes)
    body = data["blocks"][0]["body"]
    assert texts_of(body) == ["Trước.", "Một.", "Hai.", "Con.", "Sau."]
    assert notes.notes and "refused" in str(notes.notes[0])


def test_a_table_cell_check_refuses_becomes_its_text() -> None:
    data = {"meta": {}, "blocks": [{"table": [["A", {"text": ["x", "y"], "colspan": 9}]]}]}
    assert degrade(data, ("blocks", 0, "table", 0, 1, "colspan"), msg("x", "no"), Notebook())
    assert data["blocks"][0]["table"] == [["A", "x y"]]


EXAMPLES = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@EXAMPLES
@given(st.sampled_from(sorted(KINDS)).flatmap(documents), st.sampled_from(["docx", "text"]))
def test_generated_sources_import_whole_and_in_order(doc, fmt: str) -> None:
    import tempfile

    rendering = render(doc, fmt)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / rendering.name
        path.write_bytes(rendering.data)
        result = imported(path)
        assert _checked(result, Path(folder)) == []
    assert [str(n) for n in result.notes if n.message.code == "import-order"] == []
