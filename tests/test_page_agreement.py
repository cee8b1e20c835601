"""The same pages in both formats: Word-side pagination (LibreOffice rendering our DOCX) against
our PDF, for every embedded document, every unit variant of the booklet and the meeting handout.

A meeting that says "page 5" must mean the same page whether a clerk printed the DOCX or the PDF:
at least 80 % of the pages must start with the same line (measured, and held: all of them),
every note must start on the page of its call in both, and the masthead or cover and the
notes must stand in the same place. The measured shares are printed
(`tests/page_agreement.py` prints the page by page comparison:
`python -m tests.page_agreement --help`).
"""

from __future__ import annotations

import pytest

from tests.page_agreement import SOFFICE, Agreement, Case, all_cases, compare_all

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed here; CI installs "
    "libreoffice-writer-nogui, so this runs there")

CASES = all_cases()
#: The issue's bar is 80 %; every document measured here reaches 100 %, and the test holds
#: what was measured, so a change that moves one page start shows at once.
MIN_START_SHARE = 1.0


@pytest.fixture(scope="module")
def agreements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Agreement]:
    """Every case built and converted once, two at a time (each LibreOffice run with a
    profile of its own)."""
    results = compare_all(CASES, tmp_path_factory.mktemp("page-agreement"), workers=2)
    return {result.name: result for result in results}


def test_every_embedded_document_and_variant_is_measured() -> None:
    names = {case.name for case in CASES}
    assert {"briefing-foreign-affairs", "coordination-programme-2024"} <= names
    assert sum(case.unit is not None for case in CASES) >= 3
    assert any(case.meeting is not None for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_pages_start_with_the_same_line(case: Case, agreements, capsys) -> None:
    agreement = agreements[case.name]
    with capsys.disabled():
        print(f"\n{agreement.summary()}")
    assert len(agreement.ours) == len(agreement.theirs), agreement.report()
    assert agreement.start_share >= MIN_START_SHARE, agreement.report()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_note_starts_on_its_calls_page_in_both(case: Case, agreements) -> None:
    agreement = agreements[case.name]
    ours, theirs = agreement.notes_ours, agreement.notes_theirs
    assert ours and set(ours) == set(theirs), (sorted(ours), sorted(theirs))
    assert agreement.misplaced_notes() == [], agreement.report()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_masthead_cover_and_notes_stand_in_the_same_place(case: Case, agreements) -> None:
    """First page (masthead or cover) and every note line: same text, same baseline and left
    edge within 1.5 pt (so a note's number is flush, or indented, in both)."""
    assert agreements[case.name].displaced_lines(1.5) == []
