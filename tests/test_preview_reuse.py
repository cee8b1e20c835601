"""The preview of a saved text builds from what the save's `check` loaded, instead of loading
and checking the same text again: the draft so made must be the one the preview would have
made itself (no blank, the same problems), and the pages it gives the pages `build.py` writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_studio_draft import client  # noqa: F401

import briefing.validation
from briefing.builds.draft_preview import checked_draft, load_draft
from briefing.content.loader import load_document
from briefing.preview.pages import PdfPages, squeezed
from briefing.preview.rendering import render
from briefing.source.yaml_source import load_yaml
from briefing.validation import check_file, check_loaded

ROOT = Path(__file__).resolve().parents[1]
PROGRAMME = "coordination-programme-2024.yaml"


@pytest.mark.parametrize("path", sorted((ROOT / "content").glob("*.yaml")), ids=lambda p: p.name)
def test_a_checked_text_is_the_draft_the_preview_would_load(path: Path):
    report = check_file(path)
    if report.yaml is None or report.loaded is None:
        pytest.skip("not a briefing that loads")
    draft = checked_draft(report.loaded, report.yaml.data, report.problems)
    if any(p.severity == "error" for p in report.problems):
        assert draft is None  # errors: the preview loads it as a draft itself
        return
    assert draft is not None and draft.checked and draft.complete
    own = load_draft(load_yaml(path), path)
    assert own.blanks == []
    assert [str(p) for p in draft.problems] == [str(p) for p in check_loaded(own.loaded)]


@pytest.fixture
def studio_client(client):  # noqa: F811
    """The draft tests' studio (a copy of content/, no preview started by a save)."""
    studio = client.app.state.studio
    return client, studio, studio.root


def test_the_preview_after_a_save_is_not_checked_again(studio_client, monkeypatch):
    web, studio, root = studio_client
    version = web.get(f"/api/state/{PROGRAMME}").json()["version"]
    edited = "Chương trình phối hợp được sửa trong xưởng soạn thảo."
    answer = web.post(f"/api/change/{PROGRAMME}", json={
        "version": version, "op": "set_meta", "args": {"field": "subject", "value": edited}})
    assert answer.status_code == 200, answer.text
    checks: list[object] = []
    real = briefing.validation.check_loaded
    monkeypatch.setattr(briefing.validation, "check_loaded",
                        lambda *a, **k: checks.append(a) or real(*a, **k))
    preview = web.get(f"/api/preview/{PROGRAMME}").json()
    assert preview["status"] == "ok" and checks == []
    pages = studio.previewer.get(preview["key"]).pages
    written = PdfPages(render(load_document(root / "content" / PROGRAMME), ("pdf",))[0]["pdf"])
    assert pages.count == written.count
    assert [pages.text(i) for i in range(pages.count)] == \
        [written.text(i) for i in range(written.count)]
    assert any(squeezed(edited).casefold() in squeezed(written.text(i)).casefold()
               for i in range(written.count))
    # taken once: the same text built again (its layout let go of) is loaded afresh
    text = (root / "content" / PROGRAMME).read_text(encoding="utf-8")
    assert studio.previewer.take_checked(str(root / "content" / PROGRAMME), text) is None


def test_the_page_being_edited_is_drawn_with_the_save(studio_client):
    """The save names the edited text, the page shown last and the width (`preview` of its
    body): the preview it starts draws that page at once, and the page's request for the
    picture finds it drawn."""
    from briefing.studio.routes.editor import PreviewHint, _prefetch

    web, studio, _ = studio_client
    state = web.get(f"/api/state/{PROGRAMME}").json()
    answer = web.post(f"/api/change/{PROGRAMME}", json={
        "version": state["version"], "op": "set_meta",
        "args": {"field": "subject", "value": "chương trình phối hợp năm 2024"},
        "preview": {"focus": "Ban Tuyên giáo Thành ủy xây dựng Chương trình", "near": 0,
                    "w": 700}})
    assert answer.status_code == 200, answer.text
    hint = PreviewHint.of({"focus": "Ban Tuyên giáo Thành ủy xây dựng Chương trình",
                           "near": 0, "w": 700})
    assert hint is not None and PreviewHint.of({"focus": 3}) is None
    assert len(studio.previewer.images) == 0
    _prefetch(studio, PROGRAMME, hint)  # what the save starts in a thread (off in tests)
    assert len(studio.previewer.images) == 1
    preview = web.get(f"/api/preview/{PROGRAMME}?focus=Ban+Tuy%C3%AAn+gi%C3%A1o+Th%C3%A0nh"
                         "+%E1%BB%A7y+x%C3%A2y+d%E1%BB%B1ng+Ch%C6%B0%C6%A1ng+tr%C3%ACnh").json()
    assert preview["page"] is not None
    picture = web.get(f"/preview/{preview['key']}/{preview['page']}.png?w=700")
    assert picture.status_code == 200 and len(studio.previewer.images) == 1
