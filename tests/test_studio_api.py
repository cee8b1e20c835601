"""The studio's HTTP API through Starlette's test client: every route, the token, CSRF, the
Host check, traversal attempts, conflicts, uploads of bad files, and what the pages show.

Each test works on a temporary copy of the project's content (never on content/ itself).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from briefing.studio.app import create_app
from briefing.studio.security import COOKIE, Secrets

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = "briefing-foreign-affairs.yaml"
PROGRAMME = "coordination-programme-2024.yaml"
FOOTNOTE_PARAGRAPH = ["blocks", 0, "body", 0, "body", 1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def app(project: Path):
    from briefing.studio.context import Studio

    studio = Studio(project, prefetch=False)  # previews are built when a test asks for one
    return create_app(project, studio, allowed_hosts={"testserver"})


@pytest.fixture
def client(app) -> TestClient:
    """A client that opened the printed address: it holds the cookie and the CSRF token."""
    client = TestClient(app, base_url="http://testserver")
    studio = app.state.studio
    answer = client.get(f"/?token={studio.secrets.token}", follow_redirects=False)
    assert answer.status_code == 303
    client.headers["X-CSRF-Token"] = studio.secrets.csrf
    return client


def version(client: TestClient, name: str = BOOKLET) -> str:
    return client.get(f"/api/state/{name}").json()["version"]


def change(client: TestClient, op: str, name: str = BOOKLET, current: str | None = None,
           **args):
    return client.post(f"/api/change/{name}", json={"version": current or version(client, name),
                                                   "op": op, "args": args})


# -- the token, CSRF, Host ------------------------------------------------------------------------
GETS = ["/", f"/edit/{BOOKLET}", f"/api/state/{BOOKLET}", f"/api/preview/{BOOKLET}",
        "/preview/abc/0.png", f"/units/{BOOKLET}", "/editions",
        "/api/editions/diff?old=a&new=b", "/editions/zip/a@r1", "/static/studio.css"]
POSTS = ["/api/documents/new", "/api/documents/import", f"/api/documents/duplicate/{BOOKLET}",
         f"/api/documents/delete/{BOOKLET}", "/api/bin/restore/x", f"/api/change/{BOOKLET}",
         f"/api/undo/{BOOKLET}", f"/api/fix-all/{BOOKLET}", f"/api/raw/{BOOKLET}",
         "/api/units/new", "/api/editions/new", "/api/editions/verify",
         f"/download/pdf/{BOOKLET}"]


@pytest.mark.parametrize("url", GETS)
def test_every_page_needs_the_token(app, url):
    anonymous = TestClient(app)
    assert anonymous.get(url).status_code == 401
    anonymous.cookies.set(app.state.studio.secrets.cookie, "guessed")
    assert anonymous.get(url).status_code == 403


@pytest.mark.parametrize("url", POSTS)
def test_every_change_needs_the_token_and_csrf(app, client, url):
    assert TestClient(app).post(url, json={}).status_code == 401
    bare = TestClient(app)
    bare.cookies.set(app.state.studio.secrets.cookie, app.state.studio.secrets.token)
    assert bare.post(url, json={}).status_code == 403  # no CSRF header
    assert bare.post(url, json={}, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    other_site = {"Origin": "http://evil.example"}
    assert client.post(url, json={}, headers=other_site).status_code == 403
    assert client.post(url, json={}, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert Path(app.state.studio.content / BOOKLET).is_file()  # nothing happened


def test_each_start_has_its_own_cookie():
    first, second = Secrets(), Secrets()
    assert first.cookie.startswith(COOKIE) and first.cookie != second.cookie
    assert first.token != second.token and first.csrf != second.csrf


def test_wrong_token_in_the_address_is_refused(app):
    assert TestClient(app).get("/?token=nope", follow_redirects=False).status_code == 403


def test_token_becomes_a_strict_httponly_cookie(app):
    answer = TestClient(app).get(f"/?token={app.state.studio.secrets.token}",
                                 follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie


def test_other_host_names_are_refused(client):
    assert client.get("/", headers={"Host": "attacker.example:8765"}).status_code == 403


def test_hosts_for_names_ipv6_in_brackets():
    from briefing.studio.security import hosts_for

    assert hosts_for("::1", 8765) == {"[::1]:8765", "localhost:8765"}
    assert hosts_for("127.0.0.1", 8765) == {"127.0.0.1:8765", "localhost:8765"}
    assert hosts_for("fe80::1", 80) == {"[fe80::1]:80", "[fe80::1]"}
    assert hosts_for("Studio.LAN", 8765) == {"studio.lan:8765"}


def test_an_ipv6_studio_answers_its_own_host_and_origin(project):
    from briefing.studio.context import Studio
    from briefing.studio.security import hosts_for

    studio = Studio(project, prefetch=False)
    app = create_app(project, studio, allowed_hosts=hosts_for("::1", 8765))
    client = TestClient(app, base_url="http://[::1]:8765")
    assert client.get(f"/?token={studio.secrets.token}", follow_redirects=False).status_code == 303
    client.headers["X-CSRF-Token"] = studio.secrets.csrf
    assert client.get("/").status_code == 200
    own = client.post("/api/documents/new", json={"form": "official", "subject": "Về IPv6"},
                      headers={"Origin": "http://[::1]:8765"})
    assert own.status_code == 200
    for origin in ("http://[::2]:8765", "http://[::1]:9999", "null"):
        answer = client.post("/api/documents/new", json={}, headers={"Origin": origin})
        assert answer.status_code == 403, origin
    assert client.get("/", headers={"Host": "[::2]:8765"}).status_code == 403


def test_security_headers(client):
    answer = client.get("/")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_pages_reference_nothing_outside(client):
    for url in ("/", f"/edit/{BOOKLET}", f"/units/{BOOKLET}", "/editions"):
        html = client.get(url).text
        assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", html)
    assert client.get("/static/vendor/htmx.min.js").status_code == 200


# -- documents ------------------------------------------------------------------------------------
def test_documents_list(client):
    html = client.get("/").text
    assert "Về thành tựu đối ngoại của Việt Nam" in html
    assert BOOKLET in html and PROGRAMME in html
    assert "Tài liệu thông tin nội bộ" in html and "Văn bản của Đảng" in html
    # the badges come with the page's second request: `check` is the slow part of a list
    checks = client.get("/api/documents/checks").json()["checks"]
    assert set(checks) == {BOOKLET, PROGRAMME}
    assert "Hợp lệ" in checks[BOOKLET] and "Hợp lệ" in checks[PROGRAMME]
    form = client.get("/api/documents/new-form").json()["form"]
    assert 'id="new-type"' in form and "Công văn" in form and 'name="signer.name"' in form


#: what the documents list is served without (imported by the page's next requests or the
#: warm-up): the start's seconds were spent importing these
NOT_FOR_THE_LIST = ("pydantic", "ruamel", "weasyprint", "briefing.validation",
                    "briefing.content", "briefing.editing.operations", "briefing.units",
                    "briefing.importing", "briefing.preview", "briefing.profile.model")

LIST_ALONE = """
import sys, warnings
from pathlib import Path
warnings.simplefilter("ignore")
from starlette.testclient import TestClient
from briefing.studio.app import create_app
app = create_app(Path(sys.argv[1]))
answer = TestClient(app).get("/?token=" + app.state.studio.secrets.token)
assert answer.status_code == 200 and "data-name=" in answer.text, answer.text[:200]
print(" ".join(sorted(sys.modules)))
"""


def test_the_list_is_served_before_the_heavy_modules_are_imported(project):
    """The first page of `build.py studio` needs none of the editing layer, `check`, the
    profile model nor the preview: a fresh interpreter serves it with none of them loaded."""
    import subprocess
    import sys

    loaded = subprocess.run([sys.executable, "-c", LIST_ALONE, str(project)], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    assert [m for m in loaded if m.startswith(NOT_FOR_THE_LIST)] == []


def test_new_duplicate_delete_restore(client, project):
    answer = client.post("/api/documents/new", json={"form": "official", "subject":
                                                     "Về tổ chức hội nghị", "date": "2024-05-02"})
    assert answer.status_code == 200
    name = answer.json()["name"]
    assert name == "ve-to-chuc-hoi-nghi.yaml" and (project / "content" / name).is_file()
    assert client.get(answer.json()["url"]).status_code == 200
    assert client.post("/api/documents/new", json={"form": "poster"}).status_code == 400
    copy = client.post(f"/api/documents/duplicate/{name}").json()["name"]
    assert (project / "content" / copy).read_bytes() == (project / "content" / name).read_bytes()
    assert client.post(f"/api/documents/delete/{copy}", json={}).status_code == 200
    assert not (project / "content" / copy).exists()
    key = client.post(f"/api/documents/delete/{name}", json={}).json()["bin"]
    assert "Thùng rác (2)" in client.get("/").text
    restored = client.post(f"/api/bin/restore/{key}").json()["name"]
    assert restored == name and (project / "content" / name).is_file()


def test_delete_with_an_old_version_is_a_conflict(client):
    answer = client.post(f"/api/documents/delete/{BOOKLET}", json={"version": "old"})
    assert answer.status_code == 409


# -- the editor -----------------------------------------------------------------------------------
def test_editor_shows_every_field(client):
    html = client.get(f"/edit/{BOOKLET}").text
    assert "data-path='[\"meta\", \"issuer\", \"name\"]'" in html
    assert "Bối cảnh, tình hình trong nửa đầu nhiệm kỳ" in html
    assert "data-path='[\"footnotes\", \"wto-unctad\"]'" in html
    assert 'name="csrf-token"' in html


def test_content_is_never_markup(client):
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)>{{ 7*7 }}'
    assert change(client, "set_text", path=["blocks", 0, "title"], value=evil).status_code == 200
    html = client.get(f"/edit/{BOOKLET}").text
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "{{ 7*7 }}" in html


def test_change_answers_version_findings_and_fields(client, project):
    before = version(client)
    answer = change(client, "set_text", current=before, path=["meta", "issue"], value="Số 04")
    data = answer.json()
    assert answer.status_code == 200 and data["version"] != before
    assert data["check"] == {"errors": 0, "warnings": 0, "loaded": True, "findings": []}
    assert "doc" not in data  # typing in a field does not redraw the page
    assert "issue: Số 04\n" in (project / "content" / BOOKLET).read_text(encoding="utf-8")
    added = change(client, "add_section", parent=["blocks"], title="Mục mới").json()
    assert "doc" in added and "Mục mới" in added["doc"] and "Mục mới" in added["outline"]
    assert added["focus"][0] == "blocks"


def test_several_fields_saved_as_one_change(client, project):
    answer = client.post(f"/api/change/{BOOKLET}", json={"version": version(client), "ops": [
        {"op": "set_meta", "args": {"field": "issue", "value": "Số 05"}},
        {"op": "set_meta", "args": {"field": "place", "value": "Hà Nội"}}]})
    assert answer.status_code == 200
    text = (project / "content" / BOOKLET).read_text(encoding="utf-8")
    assert "issue: Số 05" in text and "place: Hà Nội" in text


def test_two_tabs_get_a_conflict_not_a_lost_update(client, project):
    tab_a = tab_b = version(client)
    assert change(client, "set_meta", current=tab_a, field="issue", value="Số A").status_code == 200
    answer = change(client, "set_meta", current=tab_b, field="issue", value="Số B")
    assert answer.status_code == 409
    data = answer.json()
    assert data["conflict"] is True and "thay đổi ở nơi khác" in data["error"]
    assert data["version"] == version(client)
    assert "issue: Số A" in (project / "content" / BOOKLET).read_text(encoding="utf-8")


def test_findings_at_the_field_and_a_fix_button(client):
    text = client.get(f"/api/state/{BOOKLET}").json()
    assert text["check"]["errors"] == 0
    paragraph = "Trong  03 năm qua , tình hình."
    data = change(client, "set_text", path=[*FOOTNOTE_PARAGRAPH[:-1], 0],
                  value=paragraph).json()
    fixable = [f for f in data["check"]["findings"] if f["fix"]]
    assert fixable and all(f["path"] == [*FOOTNOTE_PARAGRAPH[:-1], 0] for f in fixable)
    fixed = change(client, "apply_fix", fix=fixable[0]["fix"]).json()
    assert len([f for f in fixed["check"]["findings"] if f["fix"]]) == len(fixable) - 1
    all_fixed = client.post(f"/api/fix-all/{BOOKLET}", json={"version": fixed["version"]})
    assert all_fixed.json()["check"]["warnings"] == 0


def test_broken_footnote_call_is_reported_at_its_paragraph(client, project):
    original = json.loads(json.dumps(FOOTNOTE_PARAGRAPH))
    text = (project / "content" / BOOKLET).read_text(encoding="utf-8")
    assert "[^us-china-russia]" in text
    state = client.get(f"/api/state/{BOOKLET}?fields=1").json()
    assert "us-china-russia" in state["doc"]
    from briefing.source.yaml_source import load_yaml

    value = load_yaml(BOOKLET, text).data["blocks"][0]["body"][0]["body"][1]
    data = change(client, "set_text", path=original,
                  value=value.replace("[^us-china-russia]", "[^us-china-rusia]")).json()
    errors = [f for f in data["check"]["findings"] if f["severity"] == "error"]
    assert [f["path"] for f in errors] == [original]
    assert "us-china-rusia" in errors[0]["message"] and "did you mean" in errors[0]["hint_en"]
    # shown in Vietnamese beside the field, the English of the command line kept beside
    assert errors[0]["message"] == "chú thích [^us-china-rusia] chưa được định nghĩa"
    assert errors[0]["hint"] == 'có phải là "us-china-russia"?'


def test_undo(client, project):
    original = (project / "content" / BOOKLET).read_bytes()
    data = change(client, "set_meta", field="issue", value="Số 9").json()
    assert data["can_undo"] is True
    undone = client.post(f"/api/undo/{BOOKLET}", json={"version": data["version"]})
    assert undone.status_code == 200 and "doc" in undone.json()
    assert (project / "content" / BOOKLET).read_bytes() == original
    again = client.post(f"/api/undo/{BOOKLET}", json={"version": undone.json()["version"]})
    assert again.status_code == 400 and "hoàn tác" in again.json()["error"]


def test_bad_requests_get_messages(client):
    assert client.post(f"/api/change/{BOOKLET}", content=b"not json",
                       headers={"Content-Type": "application/json"}).status_code == 400
    assert change(client, "explode").status_code == 400
    assert change(client, "set_text", path=["blocks", 99, "title"], value="x").status_code == 400
    answer = change(client, "indent", path=["blocks", 0])
    assert answer.status_code == 400 and "phía trên" in answer.json()["error"]


def test_broken_yaml_opens_as_text_and_can_be_repaired(client, project):
    (project / "content" / "broken.yaml").write_text("meta:\n  form: [booklet\n", "utf-8")
    html = client.get("/edit/broken.yaml").text
    assert "lỗi cú pháp" in html and "YAML sai cú pháp" in html
    fixed = (project / "content" / PROGRAMME).read_text(encoding="utf-8")
    answer = client.post("/api/raw/broken.yaml", json={"version": version(client, "broken.yaml"),
                                                       "text": fixed})
    assert answer.status_code == 200 and answer.json()["check"]["errors"] == 0


# -- paths ----------------------------------------------------------------------------------------
TRAVERSALS = ["..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "../pyproject.toml",
              "units%2F..%2F..%2Fx.yaml", ".bin%2Fx.yaml", "x.yml", "link.yaml"]


@pytest.mark.parametrize("name", TRAVERSALS)
def test_paths_outside_content_are_refused(client, project, name):
    outside = project / "secret.yaml"
    outside.write_text("meta: {}\n", encoding="utf-8")
    (project / "content" / "link.yaml").symlink_to(outside)
    for url in (f"/edit/{name}", f"/api/state/{name}", f"/api/preview/{name}",
                f"/units/{name}"):
        answer = client.get(url)
        assert answer.status_code in (400, 404), url
        assert "meta: {}" not in answer.text
    answer = client.post(f"/download/pdf/{name}")
    assert answer.status_code in (400, 404) and "meta: {}" not in answer.text
    answer = client.post(f"/api/change/{name}", json={"version": "x", "op": "set_meta",
                                                      "args": {"field": "place", "value": "x"}})
    assert answer.status_code in (400, 404)
    assert outside.read_text(encoding="utf-8") == "meta: {}\n"


def test_variant_files_are_confined_too(client):
    for query in ("unit=..%2F..%2Fpyproject.toml", "unit=%2Fetc%2Fpasswd",
                  "meeting=..%2Fbriefing-foreign-affairs.yaml", "unit=nope.yaml"):
        assert client.get(f"/api/preview/{BOOKLET}?{query}").status_code == 400


# -- uploads --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("filename", "data", "message"), [
    ("notes.exe", b"MZ", "Chỉ nhập được"),
    ("report.docx", b"this is not a zip", "không phải là tệp Word"),
    ("report.docx", b"PK\x03\x04garbage", "không phải là tệp Word"),
    ("notes.md", b"", "rỗng"),
])
def test_bad_uploads_are_refused(client, project, filename, data, message):
    before = sorted(p.name for p in (project / "content").iterdir())
    answer = client.post("/api/documents/import", files={"file": (filename, data)})
    assert answer.status_code == 400 and message in answer.json()["error"]
    assert sorted(p.name for p in (project / "content").iterdir()) == before


def test_import_a_word_file(client, project):
    """A DOCX our own writer made, imported through the importer into a new document."""
    docx = client.post(f"/download/docx/{PROGRAMME}").content
    answer = client.post("/api/documents/import", files={"file": ("Chương trình.docx", docx)})
    assert answer.status_code == 200, answer.text
    name = answer.json()["name"]
    assert name.endswith(".yaml") and (project / "content" / name).is_file()
    state = client.get(f"/api/state/{name}").json()
    assert state["check"]["errors"] == 0
    html = client.get(answer.json()["url"]).text
    assert "Lê Hồng Sơn" in html and "CHƯƠNG TRÌNH" in html
    assert (project / "content" / name).read_text(encoding="utf-8").startswith(
        "# Nhập từ Chuong-trinh.docx")


def test_oversize_upload_is_refused_before_reading(client):
    answer = client.post("/api/documents/import",
                         files={"file": ("big.txt", b"a" * (11 * 1024 * 1024))})
    assert answer.status_code == 413


def test_zip_that_is_not_word_is_refused(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "x")
    answer = client.post("/api/documents/import",
                         files={"file": ("x.docx", buffer.getvalue())})
    assert answer.status_code == 400


# -- preview and downloads (these build PDFs: a few seconds each) ---------------------------------
def test_preview_pages_and_focus(client):
    answer = client.get(f"/api/preview/{BOOKLET}?focus=" + quote("Trong 03 năm qua, tình hình"))
    data = answer.json()
    assert data["status"] == "ok" and data["pages"] >= 10 and data["page"] is not None
    assert data["page"] > 0  # the cover is page 0; the paragraph is further on
    image = client.get(f"/preview/{data['key']}/{data['page']}.png?w=600")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert client.get(f"/preview/{data['key']}/999.png").status_code == 404
    again = client.get(f"/api/preview/{BOOKLET}").json()
    assert again["key"] == data["key"]  # same version: the build is reused
    value = "Đoạn văn có lỗi[^khong-co]."  # a call whose note is not written yet: a draft
    change(client, "set_text", path=["blocks", 0, "body", 0, "body", 0], value=value)
    draft = client.get(f"/api/preview/{BOOKLET}").json()
    assert draft["status"] == "ok" and draft["key"] != data["key"]
    assert [m["place"] for m in draft["marks"]] == ["chú thích 1"]
    value = "Đoạn văn *chưa đóng [^us-china-russia] và gọi lại [^us-china-russia]."
    change(client, "set_text", path=["blocks", 0, "body", 0, "body", 0], value=value)
    broken = client.get(f"/api/preview/{BOOKLET}").json()  # a note called twice: a draft too
    assert broken["status"] == "ok" and broken["key"] != draft["key"]
    twice = [m["text"] for m in broken["marks"] if "đã được gọi ở chỗ trước" in m["text"]]
    assert twice and not any("/tmp" in t or ".yaml:" in t or "dòng" in t for t in twice), twice


def test_download_docx_and_pdf(client, project):
    opened = client.get(f"/download/docx/{PROGRAMME}")  # a GET writes nothing: a page says how
    assert opened.status_code == 200 and "Tải DOCX" in opened.text and "Method" not in opened.text
    assert not (project / "output").exists()
    docx = client.post(f"/download/docx/{PROGRAMME}")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert 'filename="coordination-programme-2024.docx"' in docx.headers["content-disposition"]
    pdf = client.post(f"/download/pdf/{PROGRAMME}")
    assert pdf.content.startswith(b"%PDF")
    assert (project / "output" / "coordination-programme-2024.docx").is_file()
    assert "chưa tạo" not in client.get("/").text.split(PROGRAMME)[1].split("</tr>")[0]
    assert client.post(f"/download/odt/{PROGRAMME}").status_code == 404


def test_download_refused_while_the_document_has_errors(client):
    change(client, "set_text", path=["blocks", 0, "title"], value="x[^nope]", name=PROGRAMME)
    answer = client.post(f"/download/pdf/{PROGRAMME}")
    assert answer.status_code == 422 and "còn lỗi" in answer.json()["error"]


# -- units ----------------------------------------------------------------------------------------
def test_units_page_and_unit_edits(client, project):
    html = client.get(f"/units/{BOOKLET}?unit=quan-1.yaml").text
    assert "Đảng bộ Quận 1" in html and 'data-id="forecast"' in html
    assert not re.search(r'data-id="forecast"[^>]*\bchecked', html)  # unticked
    assert re.search(r'data-id="lessons"[^>]*\bchecked', html)
    unit = "units/quan-1.yaml"
    answer = change(client, "set_unit_field", name=unit, field="unit.name",
                    value="Đảng bộ Quận Một")
    assert answer.status_code == 200 and answer.json()["check"]["errors"] == 0
    change(client, "keep_section", name=unit, id="forecast", kept=True)
    change(client, "keep_section", name=unit, id="lessons", kept=False)
    text = (project / "content" / unit).read_text(encoding="utf-8")
    assert "name: Đảng bộ Quận Một" in text and "- lessons" in text and "- forecast" not in text
    assert text.startswith("# Bản của Ban Tuyên giáo Quận ủy Quận 1")  # comments kept
    bad = change(client, "set_unit_field", name=unit, field="unit.code", value="Quận 1")
    assert bad.status_code == 400
    created = client.post("/api/units/new", json={"code": "quan-3", "name": "Đảng bộ Quận 3"})
    assert created.json() == {"name": "units/quan-3.yaml", "file": "quan-3.yaml"}
    assert client.post("/api/units/new", json={"code": "quan-3", "name": "x"}).status_code == 400


def test_unit_variant_preview_and_download(client, project):
    data = client.get(f"/api/preview/{BOOKLET}?unit=quan-1.yaml").json()
    assert data["status"] == "ok"
    base = client.get(f"/api/preview/{BOOKLET}").json()
    assert data["key"] != base["key"]
    docx = client.post(f"/download/docx/{BOOKLET}?unit=quan-1.yaml")
    assert docx.status_code == 200 and 'filename="quan-1.docx"' in \
        docx.headers["content-disposition"]
    assert (project / "output" / "briefing-foreign-affairs" / "quan-1.pdf").is_file()


def test_a_variant_is_checked_with_its_unit_file_as_batch_checks_it(client, project):
    """A character the font cannot draw in the unit file: batch refuses the variant, and so
    does the studio's download (no PDF with blanks where the name was); the preview, a
    draft, marks it (errors stop only what leaves the studio)."""
    unit = project / "content" / "units" / "quan-1.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("Trần Minh Tâm", "Trần 漢字"),
                    encoding="utf-8")
    data = client.get(f"/api/preview/{BOOKLET}?unit=quan-1.yaml").json()
    assert data["status"] == "ok"
    assert any(m["kind"] == "error" and m["text"].startswith("quan-1.yaml: ")
               and "bản PDF sẽ để trống" in m["text"] for m in data["marks"]), data["marks"]
    answer = client.post(f"/download/pdf/{BOOKLET}?unit=quan-1.yaml")
    assert answer.status_code == 422 and "bản PDF sẽ để trống" in answer.json()["error"]
    assert not (project / "output" / "briefing-foreign-affairs" / "quan-1.pdf").exists()


# -- editions (builds every unit: the slowest test) ---------------------------------------------
def test_editions_create_list_verify_diff_zip(client, project):
    answer = client.post("/api/editions/new", json={"content": BOOKLET, "date": "2024-03-15",
                                                    "name": "2024-03-so-03"})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["label"] == "2024-03-so-03@r1" and data["created"] is True
    again = client.post("/api/editions/new", json={"content": BOOKLET, "date": "2024-03-15",
                                                   "name": "2024-03-so-03"}).json()
    assert again["created"] is False
    html = client.get("/editions").text
    assert "2024-03-so-03" in html and "quan-1" in html and "15/03/2024" in html
    assert "Về thành tựu đối ngoại" in html and BOOKLET in html  # the document it archives
    assert "briefing-foreign-affairs" in data["variants"]  # the briefing itself is archived
    verified = client.post("/api/editions/verify", json={"label": "2024-03-so-03@r1"}).json()
    assert verified["ok"] is True and verified["files"] > 3
    fragment = client.post("/api/editions/verify", data={"label": "2024-03-so-03"},
                           headers={"HX-Request": "true"})
    assert "nguyên vẹn" in fragment.text
    diff = client.get("/api/editions/diff?old=2024-03-so-03@r1/quan-1&new=2024-03-so-03@r1/"
                      "dang-uy-so-gd-dt")
    assert diff.status_code == 200 and "So sánh" in diff.text and "<mark>" in diff.text
    assert 'class="side-by-side"' in diff.text  # side by side, the changed words marked
    zipped = client.get("/editions/zip/2024-03-so-03@r1")
    assert zipped.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    assert "2024-03-so-03-r1/manifest.json" in names
    # a damaged archive is reported
    pdf = next((project / "output" / "editions" / "2024-03-so-03" / "r1").glob("*.pdf"))
    pdf.chmod(0o644)
    pdf.write_bytes(pdf.read_bytes()[:-10])
    damaged = client.post("/api/editions/verify", json={"label": "2024-03-so-03@r1"}).json()
    assert damaged["ok"] is False and "bị cắt cụt" in damaged["problems"][0]["text"]
    bad = client.post("/api/editions/new", json={"content": BOOKLET, "date": "2024-02-30"})
    assert bad.status_code == 400 and "không có trên lịch" in bad.json()["error"]
    assert client.get("/editions/zip/..%2F..%2Fx").status_code in (400, 404)


def test_a_new_edition_never_reads_a_unit_linked_out_of_content(client, project, tmp_path):
    """`ln -s /outside/unit.yaml content/units/link-out.yaml`: the edition is refused with a
    message naming the link, nothing is built from the outside file, nothing of it is served."""
    outside = tmp_path / "outside"
    outside.mkdir()
    text = (project / "content" / "units" / "quan-1.yaml").read_text(encoding="utf-8")
    secret = text.replace("code: quan-1", "code: ngoai").replace(
        "name: Đảng bộ Quận 1", "name: TOP-SECRET outside unit")
    assert secret != text
    (outside / "unit.yaml").write_text(secret, encoding="utf-8")
    for other in ("dang-uy-so-gd-dt.yaml", "chi-bo-thpt-le-quy-don.yaml"):  # a faster refusal
        (project / "content" / "units" / other).unlink()
    link = project / "content" / "units" / "link-out.yaml"
    link.symlink_to(outside / "unit.yaml")
    answer = client.post("/api/editions/new", json={"content": BOOKLET, "date": "2024-03-15",
                                                    "name": "link-out"})
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]
    assert "link-out.yaml" in message and "dẫn ra ngoài" in message and "liên kết" in message
    assert "TOP-SECRET" not in message and str(project) not in message  # no server path
    assert not (project / "output" / "editions" / "link-out" / "r1").exists()
    zipped = client.get("/editions/zip/link-out@r1")
    assert zipped.status_code == 400 and b"TOP-SECRET" not in zipped.content
    archived = [p for p in (project / "output").rglob("*") if p.is_file()] \
        if (project / "output").exists() else []
    assert not any(b"TOP-SECRET" in p.read_bytes() for p in archived)


def test_server_error_is_a_message(app, client, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(app.state.studio.store, "change_many", boom)
    quiet = TestClient(app, raise_server_exceptions=False)
    quiet.cookies = client.cookies
    quiet.headers["X-CSRF-Token"] = app.state.studio.secrets.csrf
    answer = quiet.post(f"/api/change/{BOOKLET}", json={"version": "x", "op": "set_text"})
    assert answer.status_code == 500 and "Lỗi máy chủ" in answer.text


# -- imports of same-named files ------------------------------------------------------------------
def _with_other_picture(docx: bytes) -> tuple[bytes, bytes]:
    """The same Word file with another photograph in it; and that photograph."""
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 30, 30)).save(picture, "JPEG")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("word/media/"):
                data = picture.getvalue()
            target.writestr(item, data)
    return out.getvalue(), picture.getvalue()


def _picture_of(project: Path, name: str) -> tuple[str, bytes]:
    text = (project / "content" / name).read_text(encoding="utf-8")
    figure = re.search(r"figure: (media/\S+)", text).group(1)
    return figure, (project / "content" / figure).read_bytes()


def test_a_second_import_of_a_same_named_file_shows_its_own_pictures(client, project, tmp_path):
    from tests.importing import build_docx

    first = build_docx(ROOT / "tests" / "fixtures" / "interview.yaml", tmp_path).read_bytes()
    photo = (ROOT / "tests" / "fixtures" / "media" / "hoi-nghi-ngoai-giao.jpg").read_bytes()
    second, other_photo = _with_other_picture(first)

    def upload(data: bytes) -> str:
        answer = client.post("/api/documents/import", files={"file": ("Báo cáo.docx", data)})
        assert answer.status_code == 200, answer.text
        return answer.json()["name"]

    one, two = upload(first), upload(second)
    assert (one, two) == ("bao-cao.yaml", "bao-cao-2.yaml")
    assert _picture_of(project, one) == ("media/bao-cao-1.jpg", photo)
    assert _picture_of(project, two) == ("media/bao-cao-2-1.jpg", other_photo)
    # the first one deleted, its pictures stay (the bin may give it back): a third import of
    # that name gets names of its own, never the pictures left behind
    client.post(f"/api/documents/delete/{one}", json={})
    three = upload(second)
    assert three == "bao-cao-3.yaml"
    assert _picture_of(project, three) == ("media/bao-cao-3-1.jpg", other_photo)
    assert (project / "content" / "media" / "bao-cao-1.jpg").read_bytes() == photo


# -- refusals are messages, never a 500 -----------------------------------------------------------
def test_undo_back_to_a_broken_file_answers_its_repair_page(client, project):
    broken = "meta:\n  form: [booklet\n"
    (project / "content" / "broken.yaml").write_text(broken, "utf-8")
    fixed = (project / "content" / PROGRAMME).read_text(encoding="utf-8")
    repaired = client.post("/api/raw/broken.yaml", json={"version": version(client, "broken.yaml"),
                                                          "text": fixed}).json()
    assert repaired["can_undo"] is True
    answer = client.post("/api/undo/broken.yaml", json={"version": repaired["version"]})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["broken"] is True and data["url"] == "/edit/broken.yaml"
    assert "lỗi cú pháp" in data["message"] and "doc" not in data
    assert (project / "content" / "broken.yaml").read_text(encoding="utf-8") == broken
    assert "lỗi cú pháp" in client.get(data["url"]).text  # the page to repair it as text


def test_fields_of_a_broken_file_are_a_message(client, project):
    (project / "content" / "broken.yaml").write_text("meta:\n  form: [booklet\n", "utf-8")
    answer = client.get("/api/state/broken.yaml?fields=1")
    assert answer.status_code == 200
    assert answer.json()["broken"] is True and "vẫn còn trong ô" in answer.json()["message"]


def test_refusals_are_json_for_scripts_and_a_page_for_pages(client, project):
    answer = client.post("/api/editions/verify", json={"label": "khong-co@r1"})
    assert answer.status_code == 400 and answer.json()["error"]
    page = client.get("/editions/zip/khong-co@r1")
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert "Không thực hiện được" in page.text and "Về danh sách tài liệu" in page.text


# -- output/ as build.py guards it ----------------------------------------------------------------
def test_a_link_planted_in_output_is_refused_not_written_through(client, project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "output").mkdir()
    (project / "output" / "briefing-foreign-affairs").symlink_to(elsewhere)
    answer = client.post(f"/download/pdf/{BOOKLET}?unit=quan-1.yaml")
    assert answer.status_code == 400 and "link" in answer.json()["error"]
    (project / "output" / "editions").symlink_to(elsewhere)
    answer = client.post("/api/editions/new", json={"content": BOOKLET, "date": "2024-03-15"})
    assert answer.status_code == 400 and "link" in answer.json()["error"]
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("planted", ["output", "output/editions"])
def test_the_studio_does_not_start_on_a_link_out_of_output(project, tmp_path_factory, planted):
    from briefing.problems import BriefingError
    from briefing.studio.context import Studio

    elsewhere = tmp_path_factory.mktemp("elsewhere")  # outside the project
    (project / "output").mkdir()
    link = project / planted
    if link.exists():
        link.rmdir()
    link.symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(BriefingError, match="link"):
        Studio(project, prefetch=False)
