"""Messages keyed by code, in Vietnamese and English: the catalogue against the source, the
language a command speaks, and the clerk's own text carried over unchanged.

The source words every message once, in English, where it is raised (`msg(code, english)`);
Babel's extractor finds them; `vi.po` words each (code, English) in Vietnamese. Rewording a
message without its Vietnamese, or leaving a Vietnamese wording of a message that is gone,
fails here.
"""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys

import pytest

from briefing import PROJECT_ROOT
from briefing.editing.field_findings import check_text
from briefing.messages import extract, msg, msgn
from briefing.messages.language import from_locale, speaking
from briefing.problems import ERROR, Position, Problem
from briefing.validation import check_file

CORPUS = PROJECT_ROOT / "tests" / "bad_inputs"
CODE = r"[a-z][a-z0-9_-]*"


@pytest.fixture(scope="module")
def template():
    return extract.template()


# -- the catalogue is complete, and follows the source ----------------------------------------

def test_every_message_has_a_vietnamese_and_an_english_wording(template):
    codes = {m.context for m in template if m.id}
    assert len(codes) > 300 and all(m.context for m in template if m.id)
    assert all((m.id if isinstance(m.id, str) else m.id[0]).strip() for m in template if m.id)
    assert extract.untranslated(template, "vi") == []


def test_no_vietnamese_wording_outlives_its_message(template):
    assert extract.stale(template, "vi") == []


def test_the_committed_catalogues_are_those_of_the_source():
    """`messages.pot` and `vi.po` as `python -m briefing.messages.extract` writes them."""
    assert extract.main(["--check"]) == 0


def test_rewording_a_message_is_caught(template):
    """A message reworded in the source is a new (code, English): without its Vietnamese
    it is untranslated, and the old wording is stale."""
    from babel.messages.catalog import Catalog

    reworded = Catalog(locale=None)
    for message in template:
        if message.id and message.context == "footnote-undefined":
            reworded.add("footnote [^{id}] has no definition", context=message.context)
        elif message.id:
            reworded.add(message.id, context=message.context)
    assert extract.untranslated(reworded, "vi") == [
        ("footnote-undefined", "footnote [^{id}] has no definition")]
    assert extract.stale(reworded, "vi") == [
        ("footnote-undefined", "footnote [^{id}] is not defined")]


def test_the_vietnamese_keeps_every_field_of_the_english():
    from babel.messages.pofile import read_po

    with extract.catalogue_path("vi").open("rb") as handle:
        catalogue = read_po(handle, locale="vi")
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        strings = [message.string] if isinstance(message.string, str) else message.string
        for wording in strings:
            if _fields(wording) != _fields(english):
                wrong.append((message.context, english, wording))
    assert wrong == []


def _fields(template: str) -> set[tuple[str, str]]:
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(template)
            if name is not None}


def test_every_message_is_written_where_it_is_raised_with_a_literal_code_and_wording():
    """The extractor reads calls, not values: a code or an English wording held in a variable
    would never reach the catalogue."""
    bad = []
    for path in sorted((PROJECT_ROOT / "briefing").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("msg", "msgn")):
                continue
            literal = 3 if node.func.id == "msgn" else 2
            args = node.args[:literal]
            if len(args) < literal or not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args) \
                    or not re.fullmatch(CODE, args[0].value):
                bad.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert bad == []


#: what raises or records a message: the message (and a hint) must come from the catalogue
_RECORDERS = {"Problem": (1,), "at": (1,), "EditError": (0,), "TextIssue": (2, 3),
              "GridProblem": (1, 2), "MediaError": (0, 1), "guess": (0,), "fix": (0,),
              "dropped": (0,), "add": (1,), "report": (1,), "refuse": (1, 2), "_problem": (1,),
              "failure": (1,), "_denied": (1,), "NotBuilt": (0,), "ValueError": (0,)}


def test_no_message_is_a_plain_string():
    """A check, a note or a refusal made with an English string would escape the catalogue;
    the source always hands a `msg(...)` (the modules below raise no user messages)."""
    internal = {"writers", "spans.py", "warm.py", "forked.py"}
    bad = []
    for path in sorted((PROJECT_ROOT / "briefing").rglob("*.py")):
        if internal & set(path.parts) or path.name in internal:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            for index in _RECORDERS.get(name, ()):
                said = node.args[index] if index < len(node.args) else None
                said = said or next((k.value for k in node.keywords
                                     if k.arg in ("message", "hint") and index > 0), None)
                if isinstance(said, ast.JoinedStr) or (
                        isinstance(said, ast.Constant) and isinstance(said.value, str)
                        and " " in said.value):
                    bad.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert bad == []


# -- worded in the language asked for ---------------------------------------------------------

def test_the_language_comes_from_the_locale_as_gettext_reads_it():
    assert from_locale({}) == "en"
    assert from_locale({"LANG": "vi_VN.UTF-8"}) == "vi"
    assert from_locale({"LANG": "en_US.UTF-8"}) == "en"
    assert from_locale({"LANG": "C.UTF-8"}) == "en"
    assert from_locale({"LC_MESSAGES": "vi_VN", "LANG": "en_GB.UTF-8"}) == "vi"
    assert from_locale({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "vi_VN"}) == "en"
    assert from_locale({"LANGUAGE": "vi:en", "LC_ALL": "C.UTF-8"}) == "vi"
    assert from_locale({"LANGUAGE": "", "LANG": "vi"}) == "vi"


def test_the_clerks_own_text_is_carried_over():
    problem = Problem(Position("x.yaml", 19, 30),
                      msg("footnote-undefined", "footnote [^{id}] is not defined", id="wt0"),
                      ERROR, msg("did-you-mean", 'did you mean "{word}"?', word="wto"))
    assert problem.text("vi") == ("x.yaml:19:30: lỗi: chú thích [^wt0] chưa được định nghĩa "
                                  "(có phải là \"wto\"?)")
    assert problem.text("en") == ("x.yaml:19:30: error: footnote [^wt0] is not defined "
                                  "(did you mean \"wto\"?)")
    fix = msg("fix-replace", "fix: {old} -> {new}", old="'hoà'", new="'hòa'")
    assert fix.text("vi") == "sửa: 'hoà' → 'hòa'"


def test_plural_wordings_are_chosen_by_the_count():
    one, two = (msgn("count-errors", "{n} error", "{n} errors", n) for n in (1, 2))
    assert (one.text("en"), two.text("en")) == ("1 error", "2 errors")
    assert (one.text("vi"), two.text("vi")) == ("1 lỗi", "2 lỗi")


def test_a_message_reads_as_the_string_it_words():
    with speaking("en"):
        message = msg("doubled-word", "'{word}' is written twice", word="thực")
        assert message == "'thực' is written twice" and "thực" in message
        assert message.startswith("'thực'") and f"{message}" == str(message)
    with speaking("vi"):
        assert str(message) == "'thực' bị lặp hai lần"


def test_every_problem_of_the_corpus_reads_in_vietnamese():
    """The bad-input corpus, worded in Vietnamese: no English template left (the clerk's
    text and the libraries' own words excepted, they are carried over)."""
    problems = [p for path in sorted(CORPUS.glob("*.yaml")) for p in check_file(path).problems]
    assert len(problems) > 100
    english = [p for p in problems if p.message.template("vi") == p.message.english
               and re.search(r"[a-z]", re.sub(r"\{[^}]*\}", "", p.message.english))]
    assert english == []


def test_the_studio_gets_vietnamese_with_the_english_beside():
    path = CORPUS / "footnote-undefined.yaml"
    with speaking("vi"):
        found = check_text(path, path.read_text(encoding="utf-8")).as_json()["findings"]
    undefined = next(f for f in found if f["code"] == "footnote-undefined")
    assert undefined["message"] == "chú thích [^wt0] chưa được định nghĩa"
    assert undefined["message_en"] == "footnote [^wt0] is not defined"
    assert undefined["hint"] == 'có phải là "wto"?'


# -- through the real command line --------------------------------------------------------------

def _check(*args: str, **environ: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")} | environ
    return subprocess.run([sys.executable, str(PROJECT_ROOT / "build.py"), "check", *args],
                          capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, timeout=300)


BAD = "tests/bad_inputs/footnote-undefined.yaml"


@pytest.mark.parametrize(("locale", "problem", "summary"), [
    ("vi_VN.UTF-8", 'lỗi: chú thích [^wt0] chưa được định nghĩa (có phải là "wto"?)',
     "đã kiểm tra 1 tệp: 1 lỗi, 1 cảnh báo"),
    ("en_US.UTF-8", 'error: footnote [^wt0] is not defined (did you mean "wto"?)',
     "checked 1 file: 1 error, 1 warning"),
])
def test_check_speaks_the_language_of_the_locale(locale, problem, summary):
    result = _check(BAD, LANG=locale)
    assert result.returncode == 2
    assert f"{BAD}:19:30: {problem}" in result.stderr.splitlines()
    assert result.stdout.startswith(summary)


def test_lang_overrides_the_locale_before_or_after_the_command():
    english = _check(BAD, "--lang", "en", LANG="vi_VN.UTF-8")
    assert "error: footnote [^wt0] is not defined" in english.stderr
    vietnamese = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "build.py"), "--lang=vi", "check", BAD],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300)
    assert "lỗi: chú thích [^wt0]" in vietnamese.stderr
    unknown = _check(BAD, "--lang", "fr")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "--lang: error: unknown language 'fr' (vi or en)"


def test_a_check_that_prints_nothing_never_reads_a_catalogue():
    """Messages are worded when shown: a quiet, clean run under a Vietnamese locale loads
    neither Babel nor a catalogue (an English one never does)."""
    probe = ("import sys; from briefing.cli import main; "
             "code = main(['check', '-q', 'content/briefing-foreign-affairs.yaml']); "
             "print(code, 'babel' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k != "LANGUAGE"} | {"LANG": "vi_VN.UTF-8"}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, cwd=PROJECT_ROOT, timeout=300)
    assert result.stdout.split() == ["0", "False"], result.stderr


def test_the_catalogue_is_compiled_again_when_its_wordings_change(tmp_path, monkeypatch):
    """The `.mo` Python's gettext reads is made from the `.po` at run time, and again as soon
    as the `.po` is newer: an edited wording is never hidden by an old compiled one."""

    from briefing.messages import catalogue

    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "briefing.po"

    def write(wording: str) -> None:
        po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
                      f'msgctxt "delete-it"\nmsgid "delete it"\nmsgstr "{wording}"\n',
                      encoding="utf-8")

    monkeypatch.setattr(catalogue, "LOCALE_DIR", tmp_path)
    catalogue.translations.cache_clear()
    write("hãy xóa nó")
    assert catalogue.wording("xx", "delete-it", "delete it") == "hãy xóa nó"
    assert (folder / "briefing.mo").is_file()
    write("xóa đi")
    later = (folder / "briefing.mo").stat().st_mtime + 10  # the .po newer than its .mo
    os.utime(po, (later, later))
    catalogue.translations.cache_clear()
    assert catalogue.wording("xx", "delete-it", "delete it") == "xóa đi"
    catalogue.translations.cache_clear()
