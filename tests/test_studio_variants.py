"""Units and meetings in the studio: the page starts on the briefing itself; a meeting is
created and edited; the ticks show what each copy keeps; downloads are named by variant."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from briefing.studio.app import create_app

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = "briefing-foreign-affairs.yaml"
MEETING = "hoi-nghi-bao-cao-vien-2024-03.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def client(project: Path) -> TestClient:
    from briefing.studio.context import Studio

    studio = Studio(project, prefetch=False)
    client = TestClient(create_app(project, studio, allowed_hosts={"testserver"}),
                        base_url="http://testserver")
    client.get(f"/?token={studio.secrets.token}", follow_redirects=False)
    client.headers["X-CSRF-Token"] = studio.secrets.csrf
    return client


def change(client: TestClient, name: str, op: str, **args):
    current = client.get(f"/api/state/{name}").json()["version"]
    answer = client.post(f"/api/change/{name}", json={"version": current, "op": op, "args": args})
    assert answer.status_code == 200, answer.text
    return answer.json()


def kept_ids(html: str) -> set[str]:
    import re

    return {m.group(1) for m in re.finditer(
        r'<input type="checkbox" class="keep" data-id="([^"]+)"[^>]*\bchecked\b', html)}


def test_the_page_starts_on_the_briefing_itself(client):
    html = client.get(f"/units/{BOOKLET}").text
    assert 'id="unit-edit"' not in html and "Tài liệu chung giữ mọi mục" in html
    assert '<option value="" selected>— Tài liệu chung' in html


def test_a_meeting_is_created_edited_and_its_ticks_show_what_it_keeps(client, project):
    made = client.post("/api/meetings/new", json={"name": "Hội nghị báo cáo viên tháng "
                                                  "4/2024 của Thành ủy", "date": "18/04/2024"})
    assert made.status_code == 200, made.text
    file = made.json()["file"]
    assert file == "hoi-nghi-bao-cao-vien-thang-4-2024-cua.yaml"  # whole words
    text = (project / "content" / "meetings" / file).read_text(encoding="utf-8")
    assert "date: 2024-04-18" in text
    change(client, f"meetings/{file}", "set_unit_field", field="meeting.place",
           value="Hội trường A")
    change(client, f"meetings/{file}", "set_unit_field", field="meeting.date", value="19/04/2024")
    html = client.get(f"/units/{BOOKLET}?meeting={file}").text
    assert 'value="Hội trường A"' in html and 'value="19/04/2024"' in html
    everything = kept_ids(html)
    assert "forecast" in everything  # a new meeting keeps the whole briefing
    change(client, f"meetings/{file}", "keep_section", id="forecast", kept=False,
           kind="section")
    after = kept_ids(client.get(f"/units/{BOOKLET}?meeting={file}").text)
    assert after == everything - {"forecast"}


def test_an_existing_meetings_ticks_follow_its_include_rules(client):
    html = client.get(f"/units/{BOOKLET}?meeting={MEETING}").text
    kept = kept_ids(html)
    assert "context" in kept and "directions" not in kept  # include: kind:context … only
    both = client.get(f"/units/{BOOKLET}?unit=quan-1.yaml&meeting={MEETING}").text
    assert "không có trong bản này" in both and "có trong bản này" in both


def test_downloads_are_named_by_variant(client, project):
    answer = client.post(f"/download/pdf/{BOOKLET}?unit=quan-1.yaml&meeting={MEETING}")
    assert answer.status_code == 200, answer.text
    stem = "quan-1-hoi-nghi-bao-cao-vien-2024-03"
    assert f'filename="{stem}.pdf"' in answer.headers["content-disposition"]
    assert (project / "output" / "briefing-foreign-affairs" / f"{stem}.pdf").is_file()


def test_an_archived_edition_offers_its_next_revision(client, project):
    """Re-making an edition whose document changed: refused in the clerk's words, with the
    button that makes the next revision (no server path, no command-line option)."""
    for other in ("dang-uy-so-gd-dt.yaml", "chi-bo-thpt-le-quy-don.yaml", "quan-1.yaml"):
        (project / "content" / "units" / other).unlink()  # one copy: quicker
    first = client.post("/api/editions/new", json={"content": BOOKLET, "date": "15/03/2024",
                                                   "name": "so-03"})
    assert first.status_code == 200, first.text
    change(client, BOOKLET, "set_text", path=["blocks", 1, "body", 0],
           value="Một đoạn văn đã sửa sau khi lưu ấn bản.")
    again = client.post("/api/editions/new", json={"content": BOOKLET, "date": "15/03/2024",
                                                   "name": "so-03"})
    assert again.status_code == 400
    answer = again.json()
    assert answer["action"] == "Tạo bản sửa đổi r2" and answer["with"] == {"new_revision": True}
    assert "so-03@r1" in answer["error"] and "--new-revision" not in answer["error"]
    assert str(project) not in answer["error"] and "manifest" not in answer["error"]
    # what changed, in the clerk's words: the section by its number and title as printed
    assert "«II. THÀNH TỰU ĐỐI NGOẠI" in answer["error"].upper(), answer["error"]
    assert "đã sửa nội dung" in answer["error"]
    assert not re.search(r"\bcontent\b|\.yaml|unit:|template:", answer["error"]), answer["error"]
    second = client.post("/api/editions/new", json={"content": BOOKLET, "date": "15/03/2024",
                                                    "name": "so-03", "new_revision": True})
    assert second.json()["label"] == "so-03@r2"
    diff = client.get("/api/editions/diff?old=so-03@r1&new=so-03@r2").text
    assert "<mark>Một đoạn văn đã sửa sau khi lưu ấn bản.</mark>" in diff  # rewritten
    assert "<mark>[6] </mark>Nghị quyết" in diff  # a renumbered note: only its number marked
