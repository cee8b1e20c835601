"""Content is data: it cannot read local files into the PDF, inject markup into the PDF or the
DOCX, run template code, or write outside the output folder; a failed build leaves the
previous output as it was.
"""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from jinja2.sandbox import SecurityError
from markupsafe import Markup

import briefing.writers.pdf as pdf_writer
from briefing import PROJECT_ROOT
from briefing.atomic import safe_name, write_atomic
from briefing.builds.pipeline import build_file
from briefing.cli import main
from briefing.problems import BriefingError
from briefing.profile.model import FONTS_DIR
from briefing.text.inline_markdown import parse_inline, to_tree_markup
from briefing.tree.render import environment
from briefing.validation import validate_file
from briefing.writers.pdf.fetcher import FetchRefused, RestrictedFetcher, allowed_path

SECRET = Path("/etc/passwd")
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

HOSTILE = """meta:
  form: official
  issuer:
    name: BAN TUYÊN GIÁO
  number: 12-HD/BTGTU
  place: Hà Nội
  date: 2024-03-05
  type: HƯỚNG DẪN
  subject: '<img src="file:///etc/passwd"> <style>@import url("file:///etc/passwd");</style>'
  signer:
    name: '<script>alert("signer")</script>'
footnotes:
  n: '<link rel="stylesheet" href="file:///etc/passwd"> url(file:///etc/passwd)'
blocks:
  - id: a
    kind: context
    title: '<img src="file:///etc/passwd">Tiêu đề<script>alert(1)</script>'
    body:
      - '<w:p><w:r><w:t>INJECTED</w:t></w:r></w:p> đoạn[^n]'
      - '<style>body { background: url(file:///etc/passwd) }</style>'
      - '![x](file:///etc/passwd) [y](http://127.0.0.1:9/) <http://127.0.0.1:9/>'
      - '&lt;b&gt; &#60;i&#62; {{ 7+7 }} {% raw %} ${7+7}'
      - ']]></w:t></w:r><w:r><w:t>CDATA'
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def _fetches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL WeasyPrint asks the fetcher for during the test."""
    urls: list[str] = []
    original = RestrictedFetcher.fetch

    def recording(self, url, headers=None):
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(RestrictedFetcher, "fetch", recording)
    return urls


def _secret_lines() -> list[str]:
    if not SECRET.is_file():
        return ["root:x:0:0"]
    return [line for line in SECRET.read_text(errors="replace").splitlines() if len(line) > 8]


def test_hostile_content_is_only_warned_about(hostile):
    problems = validate_file(hostile)
    assert problems and {p.severity for p in problems} == {"warning"}
    assert any("raw HTML '<script>'" in p.message for p in problems)


def test_pdf_prints_markup_as_text_and_reads_no_file(hostile, tmp_path, monkeypatch):
    urls = _fetches(monkeypatch)
    out = tmp_path / "out"
    assert main(["build", str(hostile), "--format", "pdf", "--out", str(out)]) == 0
    pdf = out / "hostile.pdf"
    for url in urls:
        assert url.startswith("data:") or allowed_path(url) \
            .is_relative_to(FONTS_DIR.resolve()), url
    with pdfplumber.open(pdf) as document:
        text = re.sub(r"\s+", " ", "\n".join(page.extract_text() or ""
                                               for page in document.pages))
        images = sum(len(page.images) for page in document.pages)
    for literal in ('<img src="file:///etc/passwd">Tiêu đề<script>alert(1)</script>',
                    "<w:p><w:r><w:t>INJECTED</w:t></w:r></w:p>",
                    "<style>body { background: url(file:///etc/passwd) }</style>",
                    "![x](file:///etc/passwd)", "{{ 7+7 }} {% raw %} ${7+7}", "&lt;b&gt;",
                    '<script>alert("signer")</script>', "]]></w:t></w:r><w:r><w:t>CDATA"):
        assert literal in text, literal
    assert "14" not in text
    assert images == 0
    data = pdf.read_bytes()
    for line in _secret_lines():
        assert line not in text and line.encode() not in data


def test_docx_prints_markup_as_text(hostile, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(hostile), "--format", "docx", "--out", str(out)]) == 0
    with zipfile.ZipFile(out / "hostile.docx") as package:
        names = package.namelist()
        document = ET.fromstring(package.read("word/document.xml"))
        rels = b"".join(package.read(n) for n in names if n.endswith(".rels"))
        everything = b"".join(package.read(n) for n in names)
    texts = [t.text or "" for t in document.iter(f"{W_NS}t")]
    joined = "".join(texts)
    assert "<w:p><w:r><w:t>INJECTED</w:t></w:r></w:p>" in joined
    assert "]]></w:t></w:r><w:r><w:t>CDATA" in joined
    assert "INJECTED" not in texts  # no run of its own: the fragment did not become XML
    assert '<img src="file:///etc/passwd">Tiêu đề<script>alert(1)</script>' in joined
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W_NS}t"))
                  for p in document.iter(f"{W_NS}p")]
    assert sum("INJECTED" in p for p in paragraphs) == 1
    assert b"TargetMode=\"External\"" not in rels and b"file:///" not in rels
    assert not any(n.startswith("word/media/") for n in names)
    for line in _secret_lines():
        assert line.encode() not in everything


def test_semantic_tree_escapes_content(hostile):
    from briefing.content.loader import load_document
    from briefing.tree.plain_text import every_text
    from briefing.tree.prepare import prepare
    from briefing.tree.render import render_tree

    tree = render_tree(prepare(load_document(hostile)))  # markup outside the vocabulary fails
    text = "".join(every_text(tree))
    assert "<w:p><w:r><w:t>INJECTED</w:t></w:r></w:p>" in text


# -- the pieces that make it so -------------------------------------------------------------

def test_markdown_has_no_html_links_or_images():
    for source in ("<b>x</b>", "<img src=x>", "[y](http://x)", "![x](file:///etc/passwd)",
                   "<http://x>", "&lt;b&gt;", "<!-- c -->"):
        spans = parse_inline(source)
        assert "".join(s.text for s in spans) == source, source
    markup = to_tree_markup("<w:p>*a*</w:p>", lambda note_id: Markup(""))
    assert str(markup) == "&lt;w:p&gt;<em>a</em>&lt;/w:p&gt;"


def test_templates_are_sandboxed_and_autoescaped():
    env = environment()
    assert env.is_safe_attribute is not None and env.autoescape
    assert env.from_string("{{ x }}").render(x="<w:p>&") == "&lt;w:p&gt;&amp;"
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}").render()
    with pytest.raises(SecurityError):
        env.from_string("{{ x.append(1) }}").render(x=[])
    for name in ("booklet.xml.j2", "official.xml.j2", "_body.xml.j2"):
        assert env.get_template(name).environment is env


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "file:///etc/passwd#fonts", "http://127.0.0.1:9/x.ttf",
    "https://example.com/font.ttf", "ftp://example.com/x",
    FONTS_DIR.as_uri() + "/../../../../etc/passwd",
    FONTS_DIR.as_uri() + "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    FONTS_DIR.as_uri() + "/no-such-font.ttf", FONTS_DIR.as_uri() + "/",
])
def test_fetcher_refuses_everything_but_fonts(url):
    with pytest.raises(FetchRefused):
        allowed_path(url)
    with pytest.raises(Exception):  # noqa: B017 - WeasyPrint wraps the refusal
        RestrictedFetcher().fetch(url)


def test_fetcher_serves_fonts_and_data_urls():
    font = next(FONTS_DIR.rglob("*.ttf"))
    assert RestrictedFetcher().fetch(font.as_uri()).read() == font.read_bytes()
    assert RestrictedFetcher().fetch("data:text/plain,hello").read() == b"hello"


def test_fetcher_does_not_follow_symlinks_out(tmp_path):
    root = tmp_path / "fonts"
    root.mkdir()
    (root / "evil.ttf").symlink_to(SECRET)
    with pytest.raises(FetchRefused):
        allowed_path((root / "evil.ttf").as_uri(), root)


# -- where outputs go -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "etc-passwd"), ("/abs/path", "abs-path"), ("..", "document"),
    ("", "document"), ("\x00\x1f", "document"), ("Báo cáo Đảng ủy 2024", "Bao-cao-Dang-uy-2024"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("a" * 300, "a" * 120), ("-rf", "rf"),
    ("x/../../y", "x-.-.-y"), ("a -- b", "a-b"),
])
def test_safe_name(name, expected):
    result = safe_name(name)
    assert result == expected
    assert "/" not in result and "\\" not in result and not result.startswith(".")


def test_build_writes_only_inside_the_output_folder(tmp_path):
    source = tmp_path / "src" / "Báo cáo; rm -rf ~.yaml"
    source.parent.mkdir()
    source.write_text((PROJECT_ROOT / "content" / "coordination-programme-2024.yaml")
                      .read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    before = {p for p in tmp_path.rglob("*")}
    written = build_file(source, out, ("pdf",))
    after = {p for p in tmp_path.rglob("*")}
    assert written == [out / "Bao-cao-rm-rf.pdf"]
    assert after - before == {tmp_path / "deep", out, out / "Bao-cao-rm-rf.pdf"}
    assert stat.S_IMODE(written[0].stat().st_mode) == 0o666 & ~_umask()


def test_profile_name_cannot_climb_out(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text(HOSTILE.replace("  form: official", "  form: official\n"
                                    "  profile: ../../../etc/passwd"), encoding="utf-8")
    problems = validate_file(path)
    assert any("invalid profile name" in p.message and p.position.line == 3 for p in problems)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- a failed build leaves the previous output intact ---------------------------------------

def test_failed_render_keeps_previous_output(tmp_path, monkeypatch):
    source = PROJECT_ROOT / "content" / "coordination-programme-2024.yaml"
    out = tmp_path / "out"
    target = out / "coordination-programme-2024.pdf"
    out.mkdir()
    target.write_bytes(b"previous build")

    def broken(*args, **kwargs):
        raise RuntimeError("renderer crashed half way")

    monkeypatch.setattr(pdf_writer, "write_pdf", broken)
    with pytest.raises(RuntimeError):
        build_file(source, out, ("pdf",))
    assert target.read_bytes() == b"previous build"
    assert sorted(p.name for p in out.iterdir()) == [target.name]


def test_failed_write_keeps_previous_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(BriefingError, match="cannot write: No space left on device"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]
    monkeypatch.undo()
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # permissions kept


def test_both_formats_are_replaced_together_or_not_at_all(tmp_path):
    """A folder in the way of the PDF: the old DOCX is not replaced either, no temp files."""
    from tests.conftest import PROGRAMME

    out = tmp_path / "out"
    out.mkdir()
    docx = out / f"{PROGRAMME.stem}.docx"
    docx.write_bytes(b"old docx")
    (out / f"{PROGRAMME.stem}.pdf").mkdir()
    with pytest.raises(BriefingError, match="cannot write"):
        build_file(PROGRAMME, out)
    assert docx.read_bytes() == b"old docx"
    assert sorted(p.name for p in out.iterdir()) == sorted([docx.name, f"{PROGRAMME.stem}.pdf"])


#: `write_new` on a file system without hard links, killed (os._exit) in the middle of the
#: Nth write of the file's bytes; then the name holds nothing, or the whole file
_KILLED_WRITE = """
import errno, os, sys
from pathlib import Path
from briefing import atomic

target, kill_at, renames = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]


def no_hard_links(*args, **kwargs):
    raise OSError(errno.EPERM, "Operation not permitted")


os.link = no_hard_links
if renames == "no-exclusive-rename":
    atomic._rename_exclusive = lambda source, target: False
writes, fdopen = [0], os.fdopen


class Dying:
    def __init__(self, stream):
        self.stream = stream

    def write(self, data):
        writes[0] += 1
        if writes[0] == kill_at:  # half of it on disk, then killed
            self.stream.write(data[:len(data) // 2])
            self.stream.flush()
            os._exit(9)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.stream.__exit__(*exc)


os.fdopen = lambda *args, **kwargs: Dying(fdopen(*args, **kwargs))
atomic.write_new(target, b"x" * 100_000)
"""


@pytest.mark.parametrize("renames", ["exclusive-rename", "no-exclusive-rename"])
@pytest.mark.parametrize("kill_at", [1, 2, 3])
def test_write_new_without_hard_links_never_leaves_half_a_file(tmp_path, kill_at, renames):
    """The fallback for file systems without hard links (FAT, some shares) used to write the
    bytes straight into the new name: a reader, or a kill, could see half of them there."""
    import subprocess
    import sys

    target = tmp_path / "new.yaml"
    subprocess.run([sys.executable, "-c", _KILLED_WRITE, str(target), str(kill_at), renames],
                   cwd=PROJECT_ROOT, check=False, timeout=120)
    assert not target.exists() or target.read_bytes() == b"x" * 100_000
