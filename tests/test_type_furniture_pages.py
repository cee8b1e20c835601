"""Every document type through LibreOffice: our DOCX of each type fixture (tests/fixtures/types,
a copy without the body constructs another change prints, and Party copies of the state types
the Party profile has too: tests/type_furniture_cases.py)
converts, shows the furniture its type prints, and paginates as our PDF does — the same page
count, every page starting with the same line (measured: all of them, in every fixture).
"""

from __future__ import annotations

import re

import pypdf
import pytest

from tests.page_agreement import SOFFICE, Agreement, Case, compare_all
from tests.type_furniture_cases import NAMES, case_path

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed here; CI installs "
    "libreoffice-writer-nogui, so this runs there")

#: what LibreOffice's rendering of our DOCX must show, per fixture
FURNITURE = {
    "state-cong-van": ["V/v tổ chức tuyên truyền", "Kính gửi:", "- Phòng Giáo dục", "./."],
    "party-cong-van": ["V/v đẩy mạnh tuyên truyền", "Kính gửi:", "K/T TRƯỞNG BAN"],
    "state-to-trinh": ["Kính gửi: Ủy ban nhân dân tỉnh", "TỜ TRÌNH"],
    "state-quyet-dinh": ["GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Căn cứ Luật", "QUYẾT ĐỊNH:"],
    "party-quyet-dinh": ["BAN THƯỜNG VỤ TỈNH ỦY", "- Căn cứ Điều lệ", "QUYẾT ĐỊNH:"],
    "state-quyet-dinh-quy-che": ["QUY CHẾ", "(Ban hành kèm theo Quyết định số 15/QĐ-UBND"],
    "state-bien-ban": ["THƯ KÝ", "CHỦ TỌA", "Nơi nhận:"],
    "party-as-bien-ban": ["ĐẢNG CỘNG SẢN VIỆT NAM", "THƯ KÝ", "CHỦ TỌA", "Nơi nhận:"],
    "party-as-to-trinh": ["Kính gửi: Ủy ban nhân dân tỉnh", "K/T GIÁM ĐỐC"],
}


@pytest.fixture(scope="module")
def agreements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Agreement, str]]:
    """Each fixture built, converted by LibreOffice and compared once, two at a time; with the
    text of LibreOffice's PDF."""
    copies = tmp_path_factory.mktemp("copies")
    workdir = tmp_path_factory.mktemp("type-pages")
    cases = [Case(case_path(name, copies)) for name in NAMES]
    results = compare_all(cases, workdir, workers=2)
    out = {}
    for index, (name, agreement) in enumerate(zip(NAMES, results, strict=True)):
        converted = workdir / f"case-{index}" / "lo" / f"{name}.pdf"
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(converted).pages)
        out[name] = (agreement, re.sub(r"[ \t]+", " ", text))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_each_type_paginates_in_libreoffice_as_in_our_pdf(name: str, agreements):
    agreement, _ = agreements[name]
    assert len(agreement.ours) == len(agreement.theirs), agreement.report()
    assert agreement.start_share == 1.0, agreement.report()
    assert agreement.line_share >= 0.95, agreement.line_diff()
    assert agreement.misplaced_notes() == [], agreement.report()


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_libreoffice_shows_the_furniture_of_the_type(name: str, agreements):
    _, text = agreements[name]
    for shown in FURNITURE[name]:
        assert shown in text, (shown, text[:2000])
