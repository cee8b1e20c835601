"""The studio against a colleague's odd files, a read-only or full disk, names sent in two
Unicode forms and hostile preview requests: every page still works, every refusal is a
sentence naming the document, no update is lost, the preview cache stays bounded.

Fixtures (a temporary copy of the content, a client holding the token) are test_studio_api's.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
import threading
import unicodedata
from pathlib import Path
from urllib.parse import quote

import pytest
from markupsafe import escape
from test_studio_api import BOOKLET, app, client, project, version  # noqa: F401

from briefing.editing import store as store_module

NFC_NAME = unicodedata.normalize("NFC", "báo-cáo-quý.yaml")
NFD_NAME = unicodedata.normalize("NFD", NFC_NAME)


def _odd_files(content: Path, outside: Path, booklet: bytes) -> dict[str, str]:
    """Make each kind of file the studio cannot open; returns name -> what the page says."""
    for name in ("bao-cao: quy 1.yaml", "a*b.yaml", 'c"d.yaml', "tab\there.yaml"):
        (content / name).write_bytes(booklet)
    (content / NFD_NAME).write_bytes(booklet)
    (content / "latin1.yaml").write_bytes("meta:\n  subject: Báo cáo\n".encode("latin-1"))
    (content / "huge.yaml").write_bytes(b"# " + b"x" * 2_100_000 + b"\n")
    (outside / "secret.yaml").write_bytes(booklet)
    (content / "link-out.yaml").symlink_to(outside / "secret.yaml")
    return {"bao-cao: quy 1.yaml": "ký tự", "a*b.yaml": "ký tự", 'c"d.yaml': "ký tự",
            "tab<U+0009>here.yaml": "ký tự", NFD_NAME: "NFD", "latin1.yaml": "UTF-8",
            "huge.yaml": "2", "link-out.yaml": "ngoài"}


def test_every_file_is_listed_and_an_odd_one_says_why(client, project, tmp_path):  # noqa: F811
    outside = tmp_path / "outside"
    outside.mkdir()
    expected = _odd_files(project / "content", outside,
                          (project / "content" / BOOKLET).read_bytes())
    answer = client.get("/")
    assert answer.status_code == 200
    page = answer.text
    assert 'href="/edit/briefing-foreign-affairs.yaml"' in page  # the rest still works
    for name, reason in expected.items():
        shown = str(escape(name))
        assert shown in page, name
        row = page[page.index(shown):page.index("</tr>", page.index(shown))]
        assert reason in row and "Không mở được" in row, (name, row)
    assert "secret" not in page


def test_an_odd_unit_file_never_takes_the_units_page_down(client, project, tmp_path):  # noqa: F811
    units = project / "content" / "units"
    outside = tmp_path / "outside"
    outside.mkdir()
    expected = _odd_files(units, outside, (units / "quan-1.yaml").read_bytes())
    answer = client.get(f"/units/{BOOKLET}")
    assert answer.status_code == 200
    for name in expected:
        assert str(escape(f"units/{name}")) in answer.text, name
    assert 'value="quan-1.yaml"' in answer.text  # the good units are still there


def test_the_lock_of_a_file_is_keyed_by_its_nfc_name(app):  # noqa: F811
    store = app.state.studio.store
    assert store.lock(NFD_NAME) is store.lock(NFC_NAME)


def test_saves_by_nfc_and_nfd_names_never_lose_an_update(client, project, monkeypatch):  # noqa: F811
    """Both saves read the same version; each waits (up to a moment) for the other before
    writing. With one lock per file the second waits for the first and finds its version
    gone: one save, one conflict. Keyed by the name as sent, both wrote: one edit lost."""
    shutil.copy(project / "content" / BOOKLET, project / "content" / NFC_NAME)
    current = version(client, quote(NFC_NAME))
    meeting = threading.Barrier(2, timeout=1.0)
    real_write = store_module.write_atomic

    def write_after_the_other(path, data):
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()
        real_write(path, data)

    monkeypatch.setattr(store_module, "write_atomic", write_after_the_other)
    answers: dict[str, int] = {}

    def save(name: str, subject: str) -> None:
        answers[subject] = client.post(f"/api/change/{quote(name)}", json={
            "version": current, "op": "set_meta",
            "args": {"field": "subject", "value": subject}}).status_code

    threads = [threading.Thread(target=save, args=(n, s))
               for n, s in ((NFC_NAME, "Chủ đề một"), (NFD_NAME, "Chủ đề hai"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers.values()) == [200, 409], answers
    saved = (project / "content" / NFC_NAME).read_text(encoding="utf-8")
    winner = next(subject for subject, status in answers.items() if status == 200)
    assert winner in saved
    assert sorted(os.listdir(project / "content")).count(NFC_NAME) == 1


# -- a read-only content folder: a sentence naming the document, never a server error ----------
@pytest.fixture(params=["simulated", "mounted"])
def read_only(request, project, monkeypatch):  # noqa: F811
    """content/ read-only: a read-only bind mount where this machine allows one (root, as
    CI), and always a simulation (every create, rename and link under it: EROFS)."""
    content = str(project / "content")
    if request.param == "mounted":
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("a read-only bind mount needs root and mount(8)")
        if subprocess.run(["mount", "--bind", content, content]).returncode != 0:
            pytest.skip("this machine does not allow a bind mount")
        subprocess.run(["mount", "-o", "remount,ro,bind", content], check=True)
        yield
        subprocess.run(["umount", content], check=True)
        return

    def refuse(real, *paths_at):
        def refused(*args, **kwargs):
            for at in paths_at:
                if os.fspath(args[at]).startswith(content):
                    raise OSError(errno.EROFS, "Read-only file system", os.fspath(args[at]))
            return real(*args, **kwargs)
        return refused

    real_open = os.open

    def open_(path, flags, *rest, **kwargs):
        if flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR) and os.fspath(path).startswith(content):
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))
        return real_open(path, flags, *rest, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    for name, at in (("mkdir", (0,)), ("replace", (0, 1)), ("rename", (0, 1)), ("link", (1,))):
        monkeypatch.setattr(os, name, refuse(getattr(os, name), *at))
    yield


def _said(answer) -> str:
    assert answer.status_code not in (200, 500), answer.status_code
    assert "Lỗi máy chủ" not in answer.text
    text = answer.json()["error"]
    assert ".part" not in text and "Read-only file system" in text and "chỉ đọc" in text, text
    return text


def test_a_read_only_folder_is_said_of_the_document_never_a_server_error(client, read_only):  # noqa: F811
    current = version(client)
    assert BOOKLET in _said(client.post(f"/api/documents/delete/{BOOKLET}",
                                        json={"version": current}))
    assert BOOKLET in _said(client.post(f"/api/change/{BOOKLET}", json={
        "version": current, "op": "set_meta", "args": {"field": "subject", "value": "Mới"}}))
    assert "ban-sao" in _said(client.post(f"/api/documents/duplicate/{BOOKLET}"))
    assert "tai-lieu-moi" in _said(client.post("/api/documents/new", json={
        "form": "booklet", "subject": "Tài liệu mới"}))
    _said(client.post("/api/documents/import", files={
        "file": ("bao-cao.md", "# Báo cáo\n\nMột đoạn.\n".encode(), "text/markdown")}))


# -- the studio's own origin: its address over http, the only scheme it serves ------------------
@pytest.mark.parametrize("origin", ["https://testserver", "HTTPS://testserver",
                                    "ws://testserver", "http://testserver.evil"])
def test_an_origin_over_another_scheme_is_refused(client, origin):  # noqa: F811
    answer = client.post("/api/documents/new", json={"form": "booklet", "subject": "Về"},
                         headers={"Origin": origin})
    assert answer.status_code == 403, origin


def test_the_own_origin_over_http_is_accepted(client):  # noqa: F811
    answer = client.post("/api/documents/new", json={"form": "booklet", "subject": "Về"},
                         headers={"Origin": "http://testserver"})
    assert answer.status_code == 200


# -- the preview's pictures: the widths the page asks for, a bound in bytes ---------------------
def test_preview_widths_are_the_pages_and_the_cache_is_bounded(client, app):  # noqa: F811
    """Every page at every width from 1 to 3,000 px: at most 15 widths drawn per page, and the
    pictures kept never pass the cache's bound."""
    from briefing.preview.image_cache import MAX_WIDTH, allowed_width

    images = app.state.studio.previewer.images
    images.limit = 1_500_000
    data = client.get("/api/preview/coordination-programme-2024.yaml").json()
    assert data["status"] == "ok"
    sizes = set()
    for index in range(min(2, data["pages"])):
        for width in range(1, 3000, 37):
            answer = client.get(f"/preview/{data['key']}/{index}.png?w={width}")
            assert answer.status_code == 200
            sizes.add(allowed_width(width))
            assert images.size <= images.limit
    assert len(sizes) <= 15 and max(sizes) == MAX_WIDTH
    assert 0 < len(images) < 2 * len(sizes)


def test_the_image_cache_lets_the_least_recently_shown_go_first():
    from briefing.preview.image_cache import ImageCache, allowed_width

    cache = ImageCache(limit=10)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    assert cache.get("a") == b"1234"  # a was shown again: b is the older
    cache.put("c", b"1234")
    assert cache.get("b") is None and cache.get("a") and cache.get("c") and cache.size == 8
    assert [allowed_width(w) for w in (1, 200, 201, 899, 900, 1601, 10**9)] == \
        [200, 200, 300, 900, 900, 1600, 1600]


# -- valid but implausible values: warnings the studio shows as check does ---------------------
def test_a_pasted_paragraph_in_a_title_is_a_warning_at_its_field(client, project):  # noqa: F811
    path = ["blocks", 0, "title"]
    answer = client.post(f"/api/change/{BOOKLET}", json={
        "version": version(client), "op": "set_text",
        "args": {"path": path, "value": "Tình hình trong nước " * 100}}).json()
    found = [f for f in answer["check"]["findings"] if f["code"] == "title-too-long"]
    assert [f["path"] for f in found] == [path] and found[0]["severity"] == "warning"
    assert "tiêu đề dài 2099 ký tự" in found[0]["message"]


def test_a_meeting_dated_years_from_its_briefing_is_a_warning(client, project):  # noqa: F811
    meeting = next((project / "content" / "meetings").glob("*.yaml"))
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("date: 2024-", "date: 2204-"),
                       encoding="utf-8")
    data = client.get(f"/api/preview/{BOOKLET}?meeting={quote(meeting.name)}").json()
    assert data["status"] == "ok"
    assert any("2204" in w and "180" in w for w in data["warnings"]), data["warnings"]
    alone = client.get(f"/api/state/meetings/{quote(meeting.name)}").json()
    assert "2204" in json.dumps(alone["check"], ensure_ascii=False)


# -- the review of an import: every guess at its field, placeholders not "valid" ----------------
REPORT = ("BAN TUYÊN GIÁO\n\nBÁO CÁO SƠ KẾT\n\n1. Tình hình chung\n\nĐoạn văn thứ nhất.\n\n"
          "3. Nhiệm vụ\n\n- Một việc.\n- Hai việc.\n")
SHARED = Path(os.environ.get("BRIEFING_SHARED", Path(__file__).resolve().parents[2] / "shared"))
TWO_DOCUMENTS = SHARED / "reference" / "program-and-briefing-2024.md"


def _badges(client, name: str) -> str:  # noqa: F811
    """The badges of the document's row, as the list's page asks for them once shown."""
    return client.get("/api/documents/checks").json()["checks"][name]


def test_an_import_shows_every_guess_at_its_field_until_seen(client, project):  # noqa: F811
    answer = client.post("/api/documents/import", files={
        "file": ("bao-cao.txt", REPORT.encode(), "text/plain")}).json()
    name = answer["name"]
    assert f'data-name="{name}"' in client.get("/").text
    assert "Hợp lệ" not in _badges(client, name)
    assert "chỗ nhập cần xem lại" in _badges(client, name)
    page = client.get(answer["url"]).text
    assert 'id="review"' in page and "/static/review.js" in page
    for path in (["meta", "place"], ["meta", "date"], ["meta", "signer", "name"], ["blocks", 1]):
        assert f"data-review-go='{json.dumps(path)}'" in page, path
    assert "nhảy cóc" in page  # the numbering the source skipped, at the section it skipped to
    line = int(page.split('data-review-seen="', 1)[1].split('"', 1)[0])
    current = version(client, name)
    client.post(f"/api/review/seen/{name}", json={"version": current, "line": line})
    assert page.count("data-review-seen=") - 1 == \
        client.get(answer["url"]).text.count("data-review-seen=")
    assert client.post(f"/api/review/seen/{name}", json={"version": current, "line": line}
                       ).status_code == 409  # made on an old version: refused, never applied
    client.post(f"/api/review/seen/{name}", json={"version": version(client, name),
                                                  "line": "all"})
    assert 'id="review"' not in client.get(answer["url"]).text
    assert "chỗ nhập cần xem lại" not in _badges(client, name)


@pytest.mark.skipif(not TWO_DOCUMENTS.is_file(), reason="../shared/reference is not beside "
                    "the checkout (set BRIEFING_SHARED)")
def test_a_file_of_several_documents_offers_a_choice(client):  # noqa: F811
    answer = client.post("/api/documents/import", files={
        "file": ("hai.md", TWO_DOCUMENTS.read_bytes(), "text/markdown")}).json()
    assert len(answer["names"]) == 2 and len(answer["urls"]) == 2
    page = client.get("/").text
    assert 'id="imported-dialog"' in page and all(n in page for n in answer["names"])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_odt_and_rtf_are_imported_where_libreoffice_is_installed(client, tmp_path):  # noqa: F811
    source = tmp_path / "bao-cao.txt"
    source.write_text(REPORT, encoding="utf-8")
    assert 'accept=".docx,.txt,.md,.markdown,.doc,.odt,.rtf"' in client.get("/").text
    for suffix in ("odt", "rtf"):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--headless", "--convert-to", suffix, "--outdir", str(tmp_path),
                        str(source)], capture_output=True, timeout=120, check=True)
        answer = client.post("/api/documents/import", files={
            "file": (f"bao-cao.{suffix}", (tmp_path / f"bao-cao.{suffix}").read_bytes())})
        assert answer.status_code == 200, answer.text
        assert "Tình hình chung" in client.get(answer.json()["url"]).text
    refused = client.post("/api/documents/import", files={"file": ("gia.odt", b"not a zip")})
    assert refused.status_code == 400 and ".odt" in refused.json()["error"]


# -- import limits: refused before the work, with the words check gives --------------------------
def test_a_huge_import_is_refused_at_once_with_the_words_of_check(client, project):  # noqa: F811
    """50,001 headings: more values than a content file may hold. Refused from a scan of the
    raw text (the import never starts), with check's message on the result, never "please
    report this"; nothing is written."""
    before = sorted(p.name for p in (project / "content").iterdir())
    source = "".join(f"# Mục {n}\n" for n in range(50_001)).encode()
    answer = client.post("/api/documents/import", files={"file": ("lon.md", source)})
    said = answer.json()["error"]
    assert answer.status_code == 400, said
    assert "không qua được bước kiểm tra: hơn 50,000 giá trị trong một tệp" in said, said
    assert "thành nhiều phần" in said and "please report" not in said
    assert sorted(p.name for p in (project / "content").iterdir()) == before


def test_a_source_that_would_make_too_many_values_is_refused_before_the_check(tmp_path):
    """13,000 Markdown headings pass the scan of the raw text (fewer than 50,000 lines that
    are values) but make some 52,000 values: refused when the content is made, before it is
    written out and checked, with the limit's words — never "please report this"."""
    from briefing.importing import import_file
    from briefing.problems import BriefingError

    source = tmp_path / "nhieu-muc.md"
    source.write_text("".join(f"# Mục {n}\n\nDòng {n}.\n\n" for n in range(13_000)),
                      encoding="utf-8")
    with pytest.raises(BriefingError) as refused:
        import_file(source)
    said = str(refused.value.problems[0])
    assert "more than 50,000 values in one file" in said and "report" not in said, said
    assert "the content made of it holds" in said
