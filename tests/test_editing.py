"""The studio's editing operations, on their own (no web): each one changes the file as a
person expects, keeps comments and untouched lines byte for byte, and leaves a file that our
loader reads and `check` passes where the input passed."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from briefing.editing import document_files as documents
from briefing.editing import document_rows
from briefing.editing.field_findings import check_text
from briefing.editing.refusals import Conflict, EditError
from briefing.editing.store import DocumentStore, check_name
from briefing.messages.language import speaking
from briefing.source.yaml_source import load_yaml

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = "briefing-foreign-affairs.yaml"
PROGRAMME = "coordination-programme-2024.yaml"


@pytest.fixture(autouse=True)
def in_vietnamese():
    """The refusals of editing are the studio's words, which a clerk reads in Vietnamese."""
    with speaking("vi"):
        yield


@pytest.fixture
def store(tmp_path: Path) -> DocumentStore:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return DocumentStore(tmp_path / "content")


def change(store: DocumentStore, name: str, operation: str, **args):
    snapshot = store.read(name)
    return store.change(name, snapshot.version, operation, args)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def data(store: DocumentStore, name: str):
    return load_yaml(name, store.read(name).text).data


def test_set_text_changes_one_line_and_keeps_comments(store):
    before = store.read(BOOKLET).text
    result = change(store, BOOKLET, "set_text", path=["blocks", 0, "title"],
                    value="Bối cảnh  mới ")
    after = result.snapshot.text
    assert changed_lines(before, after) == [
        "-    title: Bối cảnh, tình hình trong nửa đầu nhiệm kỳ thực hiện Nghị quyết Đại hội "
        "lần thứ XIII của Đảng",
        "+    title: Bối cảnh  mới"]
    assert after.startswith("# Tài liệu thông tin nội bộ số 03")
    # the author's nested list layout (`- - item`) elsewhere in the file is untouched
    assert "              - - tiếp tục đẩy mạnh" in after


def test_edits_keep_the_file_clean_for_check(store):
    assert check_text("x.yaml", store.read(BOOKLET).text).errors == 0
    change(store, BOOKLET, "set_text", path=["blocks", 0, "body", 0, "body", 0],
           value="Đoạn văn *mới* có chú thích[^wto-unctad-2].")
    change(store, BOOKLET, "add_footnote", id="wto-unctad-2", value="Ghi chú: mới.")
    result = check_text("x.yaml", store.read(BOOKLET).text)
    assert result.errors == 0, [f.problem for f in result.findings]


def test_quoted_paragraph_stays_quoted(store):
    path = ["blocks", 1, "body", 1, "body", 2, "body", 1]
    assert store.read(BOOKLET).text.count('- "*Trên biên giới đất liền*') == 1
    change(store, BOOKLET, "set_text", path=path, value="*Trên biên giới*: ngắn gọn.")
    assert '- "*Trên biên giới*: ngắn gọn."' in store.read(BOOKLET).text
    assert data(store, BOOKLET)["blocks"][1]["body"][1]["body"][2]["body"][1] == \
        "*Trên biên giới*: ngắn gọn."


def test_text_that_needs_quotes_gets_them(store):
    path = ["blocks", 0, "body", 0, "body", 0]
    for value in ("*Nghiêng* ở đầu", "Có dấu: hai chấm", "- bắt đầu bằng gạch", "null", "'x'"):
        change(store, BOOKLET, "set_text", path=path, value=value)
        assert data(store, BOOKLET)["blocks"][0]["body"][0]["body"][0] == value


def test_outline_add_rename_move_indent_outdent_delete(store):
    ids = [b["id"] for b in data(store, BOOKLET)["blocks"]]
    n = len(ids)
    result = change(store, BOOKLET, "add_section", parent=["blocks"], title="Liên hệ thực tiễn")
    assert result.outcome.focus == ("blocks", n)
    blocks = data(store, BOOKLET)["blocks"]
    assert blocks[n] == {"id": "lien-he-thuc-tien", "kind": "section",
                         "title": "Liên hệ thực tiễn", "body": []}
    # empty section: `check` says so, at the section
    findings = check_text("x.yaml", store.read(BOOKLET).text).findings
    assert any(f.path[:2] == ("blocks", n) and f.problem.severity == "error" for f in findings)
    change(store, BOOKLET, "insert_item", list=["blocks", n, "body"], kind="paragraph",
           text="Nội dung.")
    change(store, BOOKLET, "rename", path=["blocks", n], title="Liên hệ tại Quận 1")
    change(store, BOOKLET, "move", path=["blocks", n], delta=-1)
    assert data(store, BOOKLET)["blocks"][n - 1]["title"] == "Liên hệ tại Quận 1"
    result = change(store, BOOKLET, "indent", path=["blocks", n - 1])
    above = data(store, BOOKLET)["blocks"][n - 2]
    assert result.outcome.focus == ("blocks", n - 2, "body", len(above["body"]) - 1)
    assert above["body"][-1]["title"] == "Liên hệ tại Quận 1"
    assert len(data(store, BOOKLET)["blocks"]) == n
    result = change(store, BOOKLET, "outdent", path=list(result.outcome.focus))
    assert result.outcome.focus == ("blocks", n - 1)
    assert data(store, BOOKLET)["blocks"][n - 1]["kind"] == "section"
    change(store, BOOKLET, "delete", path=["blocks", n - 1])
    assert [b["id"] for b in data(store, BOOKLET)["blocks"]] == ids
    assert check_text("x.yaml", store.read(BOOKLET).text).errors == 0


def test_outline_refusals(store):
    with pytest.raises(EditError, match="phía trên"):
        change(store, BOOKLET, "indent", path=["blocks", 0])
    with pytest.raises(EditError, match="cấp cao nhất"):
        change(store, BOOKLET, "outdent", path=["blocks", 0])
    with pytest.raises(EditError, match="di chuyển"):
        change(store, BOOKLET, "move", path=["blocks", 0], delta=-1)
    with pytest.raises(EditError, match="trống"):
        change(store, BOOKLET, "rename", path=["blocks", 0], title="  ")
    with pytest.raises(EditError):
        change(store, BOOKLET, "set_text", path=["blocks", 99], value="x")
    with pytest.raises(EditError):
        change(store, BOOKLET, "set_text", path="blocks", value="x")
    with pytest.raises(EditError):
        change(store, BOOKLET, "no_such_operation")


def test_insert_footnote_at_the_cursor(store):
    path = ["blocks", 0, "body", 0, "body", 0]
    result = change(store, BOOKLET, "insert_footnote", path=path, offset=8,
                    text="Theo Tổng cục Thống kê.")
    identifier = result.outcome.info["footnote"]
    document = data(store, BOOKLET)
    assert document["blocks"][0]["body"][0]["body"][0].startswith(f"Trong 03[^{identifier}] năm")
    assert document["footnotes"][identifier] == "Theo Tổng cục Thống kê."
    assert check_text("x.yaml", store.read(BOOKLET).text).errors == 0
    change(store, BOOKLET, "set_footnote", id=identifier, value="Theo TCTK.")
    assert data(store, BOOKLET)["footnotes"][identifier] == "Theo TCTK."
    result = change(store, BOOKLET, "delete_footnote", id=identifier)
    assert result.outcome.info == {"calls_removed": 1}
    assert f"[^{identifier}]" not in store.read(BOOKLET).text


def test_broken_footnote_call_is_reported_at_its_paragraph(store):
    path = ("blocks", 0, "body", 0, "body", 1)
    text = data(store, BOOKLET)["blocks"][0]["body"][0]["body"][1]
    change(store, BOOKLET, "set_text", path=list(path),
           value=text.replace("[^us-china-russia]", "[^us-china-rusia]"))
    findings = check_text("x.yaml", store.read(BOOKLET).text).findings
    errors = [f for f in findings if f.problem.severity == "error"]
    assert any(f.path == path and "us-china-rusia" in f.problem.message for f in errors)


def test_meta_form_fields(store):
    change(store, PROGRAMME, "set_meta", field="date", value="2024-03-15")
    change(store, PROGRAMME, "set_meta", field="signer.name", value="Nguyễn Văn B")
    change(store, PROGRAMME, "set_meta", field="recipients", value="Lưu.\n\nVăn phòng,")
    text = store.read(PROGRAMME).text
    assert "  date: 2024-03-15\n" in text
    meta = data(store, PROGRAMME)["meta"]
    assert meta["signer"]["name"] == "Nguyễn Văn B"
    assert meta["recipients"] == ["Lưu.", "Văn phòng,"]
    change(store, PROGRAMME, "set_meta", field="circulation", value="")
    assert "circulation" not in data(store, PROGRAMME)["meta"]
    with pytest.raises(EditError):
        change(store, PROGRAMME, "set_meta", field="__class__", value="x")


def test_apply_a_safe_fix_of_check(store):
    path = ["blocks", 0, "body", 0, "body", 0]
    change(store, BOOKLET, "set_text", path=path, value="Trong  03 năm qua , tình hình.")
    findings = check_text("x.yaml", store.read(BOOKLET).text).findings
    fixes = [f for f in findings if f.fix is not None and list(f.path) == path]
    assert len(fixes) >= 2
    for _ in range(len(fixes)):
        current = [f for f in check_text("x.yaml", store.read(BOOKLET).text).findings
                   if f.fix is not None and list(f.path) == path]
        if not current:
            break
        change(store, BOOKLET, "apply_fix", fix=current[0].as_json()["fix"])
    assert data(store, BOOKLET)["blocks"][0]["body"][0]["body"][0] == \
        "Trong 03 năm qua, tình hình."
    with pytest.raises(EditError, match="đã được sửa"):
        change(store, BOOKLET, "apply_fix", fix={"path": path, "start": 0, "end": 1,
                                                 "text": "X"})


def test_conflict_and_undo(store):
    first = store.read(BOOKLET)
    second_tab = first.version
    one = store.change(BOOKLET, first.version, "set_text", {"path": ["meta", "issue"],
                                                            "value": "Số 04"})
    with pytest.raises(Conflict) as raised:
        store.change(BOOKLET, second_tab, "set_text", {"path": ["meta", "issue"],
                                                       "value": "Số 05"})
    assert raised.value.current_version == one.snapshot.version
    assert data(store, BOOKLET)["meta"]["issue"] == "Số 04"
    two = store.change(BOOKLET, one.snapshot.version, "set_text",
                       {"path": ["meta", "issue"], "value": "Số 06"})
    assert store.can_undo(BOOKLET, two.snapshot.version)
    assert store.undo(BOOKLET, two.snapshot.version).version == one.snapshot.version
    assert store.undo(BOOKLET, one.snapshot.version).text == first.text
    with pytest.raises(EditError, match="hoàn tác"):
        store.undo(BOOKLET, first.version)


def test_undo_refused_after_an_outside_change(store):
    first = store.read(BOOKLET)
    one = store.change(BOOKLET, first.version, "set_meta", {"field": "issue", "value": "Số 9"})
    store.path(BOOKLET).write_text(one.snapshot.text + "\n", encoding="utf-8")
    with pytest.raises(Conflict):
        store.undo(BOOKLET, one.snapshot.version)


@pytest.mark.parametrize("name", ["../x.yaml", "/etc/passwd", "a/b.yaml", ".bin/x.yaml",
                                  "x.yml", "units/../../x.yaml", "", "x\x00.yaml", 3])
def test_names_outside_content_are_refused(store, name):
    with pytest.raises(EditError):
        store.read(name)


def test_symlink_out_of_content_is_refused(store, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("meta: {}\n", encoding="utf-8")
    (store.root / "link.yaml").symlink_to(secret)
    with pytest.raises(EditError, match="ngoài"):
        store.read("link.yaml")
    assert check_name("units/quan-1.yaml") == "units/quan-1.yaml"


@pytest.mark.parametrize("form", documents.FORMS)
def test_new_documents_leave_what_is_not_given_empty(store, form):
    """Nothing invented: what the clerk has not given is left to fill (a draft's blanks), and
    those are the only problems a new document has."""
    import datetime as dt

    name = documents.new_document(store, form, {"subject": "Về công tác tháng 4",
                                                "date": "02/04/2024",
                                                "issuer.name": "BAN TUYÊN GIÁO QUẬN ỦY"})
    assert name == "ve-cong-tac-thang-4.yaml"
    text = store.read(name).text
    assert "Nguyễn Văn A" not in text and "date: 2024-04-02" in text
    result = check_text(name, text)
    assert result.warnings == 0
    said = {f.as_json()["text"] for f in result.findings}
    blanks = {"Mục I «Nội dung chính», đoạn 1: không được để trống"}
    if form == "official":
        blanks.add("Thông tin chung: còn phải điền: Số, ký hiệu, Họ tên người ký")
    assert said == blanks
    assert data(store, name)["meta"]["form"] == form
    today = documents.new_document(store, form, {"subject": "Về công tác tháng 4"},
                                   today=dt.date(2026, 12, 7))
    assert today == "ve-cong-tac-thang-4-2.yaml"
    assert str(data(store, today)["meta"]["date"]) == "2026-12-07"


def test_a_new_document_of_a_type_asks_for_its_fields_only(store):
    import datetime as dt

    from briefing.editing.new_document import type_choices

    choices = {(c.profile, c.key): c for c in type_choices()}
    cong_van = choices[("state", "cong-van")]
    assert cong_van.label == "Công văn" and "addressees" in cong_van.fields
    assert "addressees" not in choices[("party", "huong-dan")].fields
    assert "number" not in choices[("party", "tai-lieu")].fields
    assert "subject" not in choices[("state", "giay-gioi-thieu")].fields
    name = documents.new_document(store, "", {"subject": "Về việc cử cán bộ dự tập huấn "
                                              "chuyển đổi số năm 2025 tại Hà Nội",
                                              "addressees": "Sở Nội vụ\nSở Tài chính"},
                                  profile="state", doc_type="cong-van",
                                  today=dt.date(2026, 12, 7))
    assert name == "ve-viec-cu-can-bo-du-tap-huan-chuyen-doi.yaml"  # whole words, 40 at most
    meta = data(store, name)["meta"]
    assert meta["type"] == "cong-van" and meta["profile"] == "state"
    assert list(meta["addressees"]) == ["Sở Nội vụ", "Sở Tài chính"]
    assert "issuer" not in meta  # the blank's issuer is a Party office: a State one is asked
    with pytest.raises(EditError):
        documents.new_document(store, "", {}, profile="state", doc_type="khong-co")


@pytest.mark.parametrize(("profile", "doc_type"), [("state", "quyet-dinh"),
                                                   ("party", "quy-che")])
def test_a_new_text_of_articles_starts_at_its_first_article(store, profile, doc_type):
    """A quyết định, a quy chế… is made of articles: no booklet section to delete first."""
    import datetime as dt

    name = documents.new_document(store, "", {"subject": "Ban hành Quy chế làm việc"},
                                  profile=profile, doc_type=doc_type,
                                  today=dt.date(2026, 12, 7))
    assert list(data(store, name)["blocks"]) == [{"article": "", "titled": "false"}]  # as read


def test_duplicate_bin_and_restore(store, tmp_path):
    copy = documents.duplicate(store, BOOKLET)
    assert store.read(copy).text == store.read(BOOKLET).text
    entry = documents.trash(store, copy)
    assert not store.path(copy).exists()
    assert [e.name for e in documents.bin_entries(store)] == [copy]
    assert copy not in documents.content_names(store)
    restored = documents.restore(store, entry.key)
    assert restored == copy and store.path(copy).exists()
    assert documents.bin_entries(store) == []


def test_list_documents(store, tmp_path):
    rows = {row.name: row for row in document_rows.list_documents(store, tmp_path / "output")[0]}
    assert set(rows) == {BOOKLET, PROGRAMME}
    assert rows[BOOKLET].form == "booklet" and rows[PROGRAMME].form == "official"
    assert rows[BOOKLET].last_build is None
    checks = documents.document_checks(store)
    assert set(checks) == set(rows) and checks[BOOKLET] == documents.Checks(0, 0, 0)


SAVER = """
import sys
from briefing.editing.store import DocumentStore
store = DocumentStore(sys.argv[1])
n = 0
while True:
    snapshot = store.read("briefing-foreign-affairs.yaml")
    store.change("briefing-foreign-affairs.yaml", snapshot.version, "set_meta",
                 {"field": "issue", "value": f"Số {n % 2} " + "x" * (n % 2) * 50000})
    n += 1
    if n == 3:
        print("saving", flush=True)
"""


def test_kill_9_during_saves_leaves_an_old_or_a_new_file(store):
    """A process saving in a loop is killed with SIGKILL: the file is always whole."""
    import signal
    import subprocess
    import sys

    for _ in range(3):
        process = subprocess.Popen([sys.executable, "-c", SAVER, str(store.root)],
                                   stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert process.stdout.readline() == "saving\n"  # several saves done, more under way
        process.send_signal(signal.SIGKILL)
        process.wait()
        issue = data(store, BOOKLET)["meta"]["issue"]  # loads: never a torn file
        assert issue in ("Số 0", "Số 1 " + "x" * 50000)
        leftovers = [p.name for p in store.root.iterdir() if p.name.endswith(".part")]
        for name in leftovers:  # a temporary file may be left; the document never is torn
            (store.root / name).unlink()


# -- new files never replace a file already there -------------------------------------------------
def test_restoring_twice_the_same_unit_keeps_both(store):
    """`units/x.yaml` binned twice (a new one made in between), a third one there, both binned
    ones restored: all three files are there, none written over another."""
    unit = "units/quan-1.yaml"
    versions = [store.read_bytes(unit)]
    versions += [versions[0].replace("Quận 1".encode(), f"Quận {n}".encode()) for n in (2, 3)]
    entries = []
    for data_ in versions[1:]:
        entries.append(documents.trash(store, unit))
        store.path(unit).write_bytes(data_)  # a new unit of that code
    restored = [documents.restore(store, entry.key) for entry in entries]
    assert restored == ["units/quan-1-khoi-phuc.yaml", "units/quan-1-khoi-phuc-2.yaml"]
    assert [store.read_bytes(name) for name in (*restored, unit)] == versions
    assert documents.bin_entries(store) == []


def test_free_names_are_looked_for_in_the_target_folder(store):
    (store.root / "units" / "tai-lieu.yaml").write_text("unit: {}\n", encoding="utf-8")
    assert documents.free_name(store, "tai-lieu") == "tai-lieu.yaml"
    assert documents.free_name(store, "tai-lieu", "units") == "units/tai-lieu-2.yaml"


def test_a_new_file_never_replaces_one_made_meanwhile(store, monkeypatch):
    """The name was free when chosen; another program made the file before it was written:
    refused, the other program's file kept."""
    real = documents.free_name

    def racing(store_, wanted, folder=""):
        name = real(store_, wanted, folder)
        store_.path(name).write_text("# theirs\n", encoding="utf-8")
        return name

    monkeypatch.setattr(documents, "free_name", racing)
    with pytest.raises(EditError, match="không ghi đè"):
        documents.duplicate(store, BOOKLET)
    assert store.path(BOOKLET.replace(".yaml", "-ban-sao.yaml")).read_text(
        encoding="utf-8") == "# theirs\n"


def test_new_unit_never_replaces_one_made_meanwhile(store, monkeypatch):
    from briefing.editing import unit_files

    path = store.path("units/quan-9.yaml")
    real = store.create

    def racing(name, data):
        path.write_text("# theirs\n", encoding="utf-8")
        return real(name, data)

    monkeypatch.setattr(store, "create", racing)
    with pytest.raises(EditError):
        unit_files.new_unit(store, "quan-9", "Đảng bộ Quận 9")
    assert path.read_text(encoding="utf-8") == "# theirs\n"


# -- a change is made on the bytes read, once -----------------------------------------------------
def test_an_outside_write_during_a_change_is_a_conflict_not_overwritten(store):
    first = store.read(BOOKLET)
    theirs = first.text.replace("issue:", "# edited elsewhere\nissue:", 1)

    def make(current):
        store.path(BOOKLET).write_text(theirs, encoding="utf-8")  # another program saves
        return current.text.replace("Số 03", "Số 04")

    with pytest.raises(Conflict):
        store.replace_text(BOOKLET, first.version, make)
    assert store.read(BOOKLET).text == theirs  # their save survives
    assert not store.can_undo(BOOKLET, store.read(BOOKLET).version)


# -- several operations in one change -------------------------------------------------------------
def test_a_fix_in_a_batch_is_checked_against_the_earlier_operations(store):
    path = ["blocks", 0, "body", 0, "body", 0]
    typed = "Trong  03 năm qua, tình hình."
    # typed and fixed in one save: the fix is one `check` offers for the typed text
    findings = check_text("x.yaml", store.read(BOOKLET).text.replace(
        data(store, BOOKLET)["blocks"][0]["body"][0]["body"][0], typed)).findings
    fix = next(f.as_json()["fix"] for f in findings if f.fix is not None and list(f.path) == path)
    current = store.read(BOOKLET)
    store.change_many(BOOKLET, current.version, [
        ("set_text", {"path": path, "value": typed}), ("apply_fix", {"fix": fix})])
    assert data(store, BOOKLET)["blocks"][0]["body"][0]["body"][0] == \
        "Trong 03 năm qua, tình hình."


def test_a_stale_fix_in_a_batch_is_refused_not_applied_at_old_offsets(store):
    path = ["blocks", 0, "body", 0, "body", 0]
    change(store, BOOKLET, "set_text", path=path, value="Trong  03 năm qua, tình hình.")
    fix = next(f.as_json()["fix"] for f in check_text("x.yaml", store.read(BOOKLET).text).findings
               if f.fix is not None and list(f.path) == path)
    before = store.read(BOOKLET)
    with pytest.raises(EditError, match="đã được sửa"):
        store.change_many(BOOKLET, before.version, [
            ("set_text", {"path": path, "value": "Hoàn toàn khác, không  có gì."}),
            ("apply_fix", {"fix": fix})])
    assert store.read(BOOKLET).text == before.text


def test_the_units_outline_is_every_section_a_unit_may_address():
    """The checkboxes of the units page: the sections the variant builder indexes, appendices
    included; a section excluded drops the sections inside it too."""
    from briefing.editing.unit_files import excluded, outline
    from briefing.units.apply import index_sections

    data = load_yaml(ROOT / "content" / "briefing-foreign-affairs.yaml").data
    entries = outline(data)
    assert [e.id for e in entries] == list(index_sections(data, set()))
    assert {"speech-32", "figures"} <= {e.id for e in entries}
    inside = [e.id for e in entries if "directions" in e.within]
    assert inside and set(inside) <= excluded({"sections": {"exclude": ["directions"]}}, entries)
