"""Every problem the studio lists names its place as the page prints it — the section by its
computed number and title, a paragraph counted under the heading it follows, an appendix by
its number and title — in Vietnamese and in English, never a YAML path, a line of the file,
a footnote's id or a server's folder; a unit whose rule names a section the briefing no longer
has is previewed anyway, the rule listed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing.builds.draft_preview import draft_tree, load_draft
from briefing.editing.field_findings import clerks_lines
from briefing.editing.places import place_of
from briefing.messages.language import speaking
from briefing.problems import BriefingError
from briefing.source.yaml_source import load_yaml
from tests.test_bad_inputs import CASES, huge_figure  # noqa: F401 (its fixture)

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = ROOT / "content" / "briefing-foreign-affairs.yaml"
#: what a clerk must never read in a problem
INTERNALS = re.compile(r"blocks\[|body\[|\[\d+\]|\bmeta\.\w|\bline \d|(ở |\()dòng \d|/tmp/|"
                       r"/work/|\.yaml:\d|Traceback|\[\^|colspan|rowspan|under '|`")
#: the corpus's files whose problems can only be written in the file (never by the studio's
#: editing): a body written as one text, a list in a table's cell, a table's header_rows
ONLY_IN_THE_FILE = {"body-is-text", "table-cell-is-a-list", "table-header-rows-too-many"}


def _places(data, paths):
    return [str(place_of(data, path)) for path in paths]


def test_a_paragraph_is_counted_under_the_heading_it_follows():
    data = {"meta": {}, "blocks": [
        "Mở đầu.", "Tiếp.", {"id": "a", "title": "Mục một", "body": [
            "Đoạn.", {"id": "b", "title": "Mục con", "body": ["x"]}, "Sau mục con."]},
        "Sau mục một."]}
    with speaking("vi"):
        places = _places(data, [("blocks", 1), ("blocks", 3), ("blocks", 2, "body", 2),
                                ("blocks", 2, "body", 1, "body", 0)])
    assert places == ["Phần nội dung, đoạn 2", "sau Mục I «Mục một», đoạn 1",
                      "sau Mục 1.1 «Mục con», đoạn 1", "Mục 1.1 «Mục con», đoạn 1"]
    with speaking("en"):
        assert _places(data, [("blocks", 3)]) == ["after Section I «Mục một», paragraph 1"]


def test_an_appendix_is_named_by_its_number_and_title():
    data = load_yaml(BOOKLET).data
    with speaking("vi"):
        place = str(place_of(data, ("appendices", 1, "body", 0)))
    assert place == "Phụ lục II «Một số số liệu về thành tựu đối ngoại», đoạn 1"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_corpus_problems_are_said_in_the_clerks_words(lang):
    said: dict[str, list[str]] = {}
    for case in CASES:
        if case.severity != "error" or case.path.stem in ONLY_IN_THE_FILE:
            continue
        try:
            draft = load_draft(load_yaml(case.path), case.path)
            draft_tree(draft)
        except BriefingError:
            continue  # not a briefing: no draft (its problem is listed as check says it)
        errors = [p for p in draft.problems if p.severity == "error"]
        with speaking(lang):
            said[case.path.stem] = clerks_lines(case.path.name, case.path.read_text("utf-8"),
                                                errors)
    assert len(said) >= 70
    wrong = {stem: line for stem, lines in said.items() for line in lines
             if INTERNALS.search(line)}
    assert not wrong, wrong


def test_a_units_rule_for_a_section_gone_is_listed_not_a_frozen_preview(tmp_path):
    from starlette.testclient import TestClient

    from briefing.studio.app import create_app
    from briefing.studio.context import Studio

    shutil.copytree(ROOT / "content", tmp_path / "content")
    unit = tmp_path / "content" / "units" / "quan-1.yaml"
    unit.write_text(unit.read_text("utf-8").replace("    - forecast\n", "    - du-bao-cu\n"),
                    encoding="utf-8")
    studio = Studio(tmp_path, prefetch=False)
    client = TestClient(create_app(tmp_path, studio, allowed_hosts={"testserver"}),
                        base_url="http://testserver")
    client.get(f"/?token={studio.secrets.token}", follow_redirects=False)
    answer = client.get(f"/api/preview/{BOOKLET.name}?unit=quan-1.yaml").json()
    assert answer["status"] == "ok" and answer["pages"] > 10
    texts = [m["text"] for m in answer["marks"]]
    assert any(t.startswith("quan-1.yaml: ") and "du-bao-cu" in t
               and "trong briefing-foreign-affairs.yaml" in t for t in texts), texts
    assert not any(INTERNALS.search(t) for t in texts + answer["warnings"]), texts
    refused = client.post(f"/download/pdf/{BOOKLET.name}?unit=quan-1.yaml",
                          headers={"X-CSRF-Token": studio.secrets.csrf})
    assert refused.status_code == 422 and "du-bao-cu" in refused.json()["error"]
    assert str(tmp_path) not in refused.json()["error"]
