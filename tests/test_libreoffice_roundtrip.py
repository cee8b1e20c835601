"""Our DOCX opens in LibreOffice, converts to PDF there, and paginates like our PDF."""

from __future__ import annotations

import shutil
import subprocess

import pypdf
import pytest

from briefing import PROJECT_ROOT
from briefing.builds.pipeline import render_loaded
from briefing.content.loader import load_document
from briefing.tree.base import nodes_of
from briefing.tree.plain_text import every_text
from briefing.tree.vocabulary import Table
from tests.conftest import BRIEFING, PROGRAMME

#: documents of other shapes: a report numbered 1.–7., an interview with a table and a figure
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
SHAPES = [FIXTURES / "report-six-months.yaml", FIXTURES / "interview.yaml"]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; "
                    "CI installs libreoffice-writer-nogui so this runs there")
@pytest.mark.parametrize("source", [BRIEFING, PROGRAMME, *SHAPES],
                         ids=["briefing", "programme", "report", "interview"])
def test_docx_converts_in_libreoffice_with_page_count_within_one(source, tmp_path):
    rendered = render_loaded(load_document(source), ("docx", "pdf"))
    docx = tmp_path / f"{source.stem}.docx"
    docx.write_bytes(rendered.outputs["docx"])
    profile_dir = tmp_path / "lo-profile"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(docx)],
        capture_output=True, text=True, timeout=240)
    converted = tmp_path / "lo" / f"{source.stem}.pdf"
    assert result.returncode == 0 and converted.is_file(), result.stderr
    ours = len(pypdf.PdfReader(__import__("io").BytesIO(rendered.outputs["pdf"])).pages)
    theirs = len(pypdf.PdfReader(converted).pages)
    assert abs(ours - theirs) <= 1, f"our PDF has {ours} pages, LibreOffice's {theirs}"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(converted).pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text or "TÀI LIỆU THÔNG TIN NỘI BỘ" in text
    for table in nodes_of(rendered.tree, Table):  # captions and every header cell survive
        if table.label:
            assert table.label.strip() in text
        for cell in (cell for row in table.header for cell in row.cells):
            assert "".join(every_text(cell)).strip() in text
