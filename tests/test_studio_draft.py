"""A document being written is a draft: the preview keeps following it, with a marked blank
where a required value is empty, and lists each problem with its place and page; downloads
still refuse it, in the clerk's words (no YAML path, no line number, no server path)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from briefing.builds.draft_preview import load_draft
from briefing.editing.places import place_of
from briefing.messages.language import speaking
from briefing.source.yaml_source import load_yaml
from briefing.studio.app import create_app

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = "briefing-foreign-affairs.yaml"
OFFICIAL = """\
meta:
  form: official
  profile: party
  issuer:
    superior: THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH
    name: BAN TUYÊN GIÁO
  number: 12-HD/BTGTU
  place: Thành phố Hồ Chí Minh
  date: 2024-01-05
  type: HƯỚNG DẪN
  subject: về công tác tuyên truyền
  signer:
    authority: K/T TRƯỞNG BAN
    title: PHÓ TRƯỞNG BAN
    name: Nguyễn Văn A
  recipients:
    - Lưu.
blocks:
  - id: noi-dung
    kind: section
    title: Nội dung chính
    body:
      - Nội dung đoạn văn đầu tiên.
"""
#: what must never reach a clerk: a YAML path, a line number, a file position, English hints
INTERNALS = re.compile(r"blocks\[|body\[|\bmeta\.|dòng \d|\.yaml:\d|/tmp/|write |remove ")


def _draft(text: str):
    with speaking("vi"):
        return load_draft(load_yaml("x.yaml", text), Path("x.yaml"))


def test_empty_values_become_numbered_blanks():
    text = OFFICIAL.replace("    name: Nguyễn Văn A\n", "").replace(
        "      - Nội dung đoạn văn đầu tiên.\n",
        "      - Đoạn một.\n      - bullets:\n          - ''\n"
        "  - id: moi\n    kind: section\n    title: Mục mới\n")
    draft = _draft(text)
    paths = {blank.path: blank for blank in draft.blanks}
    assert set(paths) == {("blocks", 1, "body", 0), ("meta", "signer", "name"),
                          ("blocks", 0, "body", 1, "bullets", 0)}
    assert sorted(b.number for b in draft.blanks) == [1, 2, 3]
    assert draft.loaded.document.meta.signer.name.startswith("[")
    assert not draft.complete


def test_a_complete_document_is_no_draft():
    draft = _draft((ROOT / "content" / BOOKLET).read_text("utf-8"))
    assert draft.blanks == []


def test_a_missing_mapping_is_filled_field_by_field():
    text = OFFICIAL.replace("  signer:\n    authority: K/T TRƯỞNG BAN\n    title: PHÓ TRƯỞNG "
                            "BAN\n    name: Nguyễn Văn A\n", "")
    draft = _draft(text)
    assert [b.path for b in draft.blanks] == [("meta", "signer", "name")]


def test_places_are_named_as_printed():
    data = load_yaml(ROOT / "content" / BOOKLET).data
    with speaking("vi"):
        paragraph = str(place_of(data, ("blocks", 1, "body", 0)))
        nested = str(place_of(data, ("blocks", 0, "body", 0, "body", 1)))
        signer = str(place_of(data, ("meta", "signer", "name")))
    assert paragraph.startswith("Mục II «") and paragraph.endswith("đoạn 1")
    assert nested.startswith("Mục 1.1 «") and nested.endswith("đoạn 2")
    assert signer == "Thông tin chung, Họ tên người ký"


# -- through the studio -------------------------------------------------------------------------
@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    from briefing.studio.context import Studio

    shutil.copytree(ROOT / "content", tmp_path / "content")
    studio = Studio(tmp_path, prefetch=False)
    app = create_app(tmp_path, studio, allowed_hosts={"testserver"})
    client = TestClient(app, base_url="http://testserver")
    client.get(f"/?token={studio.secrets.token}", follow_redirects=False)
    client.headers["X-CSRF-Token"] = studio.secrets.csrf
    return client


def change(client: TestClient, op: str, name: str, **args):
    current = client.get(f"/api/state/{name}").json()["version"]
    answer = client.post(f"/api/change/{name}", json={"version": current, "op": op, "args": args})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_an_empty_item_and_a_new_section_keep_the_preview_going(client):
    change(client, "insert_item", BOOKLET, list=["blocks", 1, "body"], index=0,
           kind="bullets")
    change(client, "add_section", BOOKLET, parent=["blocks"], title="Mục mới thêm")
    answer = client.get(f"/api/preview/{BOOKLET}").json()
    assert answer["status"] == "ok" and answer["pages"] > 10
    marks = answer["marks"]
    blanks = [m for m in marks if m["kind"] == "blank"]
    assert len(blanks) == 2 and all(m["page"] is not None for m in blanks)
    assert any(m["place"].startswith("Mục II «") and "đoạn 1, ý 1" in m["place"]
               for m in blanks)
    assert any("«Mục mới thêm»" in m["place"] for m in blanks)
    for mark in marks:
        assert not INTERNALS.search(mark["text"]), mark["text"]
    page = client.get(f"/preview/{answer['key']}/{blanks[0]['page']}.png?w=400")
    assert page.status_code == 200


def test_a_draft_is_not_downloaded_and_the_refusal_says_where(client, tmp_path):
    change(client, "insert_item", BOOKLET, list=["blocks", 1, "body"], index=0,
           kind="bullets")
    answer = client.post(f"/download/pdf/{BOOKLET}")
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert "Mục II «" in error and not INTERNALS.search(error), error
    assert not (tmp_path / "output" / "briefing-foreign-affairs.pdf").exists()


def test_findings_name_the_place_not_the_path(client):
    answer = change(client, "insert_item", BOOKLET, list=["blocks", 1, "body"], index=0,
                    kind="bullets")
    findings = answer["check"]["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    assert errors and all(f["place"].startswith("Mục II «") for f in errors)
    for finding in findings:
        assert not INTERNALS.search(finding["message"] + finding["text"]), finding


def test_a_units_and_a_meetings_copy_of_a_draft_are_drafts_too(client):
    """The preview of a variant of an incomplete briefing is a draft as the briefing's is;
    a blank in a section the copy leaves out is not listed; the ticks still show the copy."""
    change(client, "insert_item", BOOKLET, list=["blocks", 1, "body"], index=0,
           kind="bullets")
    change(client, "add_section", BOOKLET, parent=["blocks"], title="Mục mới thêm")
    for query in ("unit=chi-bo-thpt-le-quy-don.yaml", "meeting=hoi-nghi-bao-cao-vien-2024-03.yaml"):
        answer = client.get(f"/api/preview/{BOOKLET}?{query}").json()
        assert answer["status"] == "ok", answer
        blanks = [m for m in answer["marks"] if m["kind"] == "blank"]
        assert [m["place"].split(" «")[0] for m in blanks] == ["Mục II"], blanks
        assert blanks[0]["page"] is not None
    html = client.get(f"/units/{BOOKLET}?unit=chi-bo-thpt-le-quy-don.yaml").text
    assert 'data-id="achievements"' in html and 'data-id="context"' in html
