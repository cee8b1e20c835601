"""What makes builds fast, checked by counting work (layout passes, processes, values), never
by timing: one layout pass for footnotes, the break cache, the resident builder, the engine
process of a cold build, WeasyPrint's library look-ups answered without probing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.content.loader import load_document
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
from briefing.writers.pdf import note_split, pagination, pdf_request, render_pdf, write_pdf
from briefing.writers.pdf.engine import FOOTNOTES_IN_ONE_PASS, weasyprint
from briefing.writers.pdf.pagination import BreakCache, misplaced_breaks, render_with_notes_in_place
from tests.conftest import BRIEFING, PROGRAMME
from tests.pdf_reading import read_pages

# -- the cause: WeasyPrint moves a note off its call's page for widows and orphans ------------

#: a 10-line page: paragraph 1 (8 lines, a note of one line) leaves room for one line of
#: paragraph 2, whose orphans (2) forbid a lone line; WeasyPrint 70 then moves the note to the
#: next page to fit a second line there, although the note's policy is `line`
SQUEEZED = """<style>
@page { size: 100px 101px; margin: 0; @footnote { margin: 0; padding: 0 } }
html { font-size: 8px; line-height: 10px } body, p { margin: 0 }
p { orphans: 2; widows: 2 }
.fn::footnote-call { vertical-align: baseline; line-height: 10px }
.fn { float: footnote; footnote-policy: POLICY; line-height: 10px }
</style>
<p data-b="1">a<span class="fn" data-n="1">note</span><br>LINES_A</p>
<p data-b="2">LINES_B</p>"""


def squeezed(policy: str = "line") -> str:
    lines = "<br>".join(f"a{i}" for i in range(7)), "<br>".join(f"b{i}" for i in range(6))
    return (SQUEEZED.replace("POLICY", policy).replace("LINES_A", lines[0])
            .replace("LINES_B", lines[1]))


def note_pages(document) -> tuple[list[int], list[int]]:
    """Pages (from 0) holding the call and the body of note 1."""
    calls, notes = [], []
    for number, page in enumerate(document.pages):
        for child in page._page_box.children:
            found = any(b.element is not None and b.element.get("data-n") == "1"
                        for b in child.descendants())
            if found:
                (notes if type(child).__name__ == "FootnoteAreaBox" else calls).append(number)
    return calls, notes


@pytest.fixture
def unpatched():
    """WeasyPrint as shipped, for the length of one test."""
    note_split.remove()
    yield
    assert note_split.apply()


def test_the_fix_is_applied_to_the_weasyprint_it_was_written_for():
    assert weasyprint.__version__ in note_split.KNOWN
    assert FOOTNOTES_IN_ONE_PASS and note_split.supported()


def test_weasyprint_alone_moves_the_note_off_its_calls_page(unpatched):
    document = weasyprint.HTML(string=squeezed()).render()
    assert note_pages(document) == ([0], [1])
    assert misplaced_breaks(document, set()) == {"2"}


def test_with_the_fix_the_note_stays_and_the_paragraph_moves():
    document = weasyprint.HTML(string=squeezed()).render()
    assert note_pages(document) == ([0], [0])
    assert misplaced_breaks(document, set()) == set()
    texts = [[b.text for b in page._page_box.descendants() if getattr(b, "text", None)]
             for page in document.pages]
    assert "b0" in texts[1] and "b0" not in texts[0]  # orphans kept: paragraph 2 moved whole


def test_the_fix_leaves_footnote_policy_auto_alone():
    """`auto` lets the engine move a note: WeasyPrint's behaviour is kept for it."""
    document = weasyprint.HTML(string=squeezed("auto")).render()
    assert note_pages(document) == ([0], [1])


def test_the_fix_refuses_source_it_does_not_know(unpatched, monkeypatch):
    known = dict(note_split.KNOWN[weasyprint.__version__])
    known["weasyprint.layout.block._linebox_layout"] = "0" * 64
    monkeypatch.setitem(note_split.KNOWN, weasyprint.__version__, known)
    assert not note_split.apply() and not note_split.supported()


# -- layout passes ----------------------------------------------------------------------------

class Renders:
    """Counts WeasyPrint layouts (`HTML.render` calls)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.count = 0
        original = weasyprint.HTML.render

        def counted(html, *args, **kwargs):
            self.count += 1
            return original(html, *args, **kwargs)

        monkeypatch.setattr(weasyprint.HTML, "render", counted)


def test_the_fallback_needs_one_extra_pass_and_the_cache_none(unpatched):
    """Without the fix: the check forces a break before paragraph 2 (2 passes); the same
    document again starts from that break (1 pass); the note is on its call's page both
    times."""
    cache = BreakCache()
    html = weasyprint.HTML(string=squeezed())
    key = cache.key(squeezed())

    def render(extra_css: str):
        sheets = [weasyprint.CSS(string=extra_css)] if extra_css else []
        return html.render(stylesheets=sheets)

    first = render_with_notes_in_place(render, key, cache)
    again = render_with_notes_in_place(render, key, cache)
    assert (first.passes, again.passes) == (2, 1)
    for laid in (first, again):
        assert note_pages(laid.document) == ([0], [0])


@pytest.mark.parametrize("source", [BRIEFING, PROGRAMME], ids=["booklet", "programme"])
def test_real_documents_take_one_layout_pass(monkeypatch, source, tmp_path):
    view = prepare(load_document(source))
    tree = render_tree(view)
    renders = Renders(monkeypatch)
    pagination.BREAKS.clear()
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(write_pdf(tree, view.profile))
    assert renders.count == 1
    write_pdf(tree, view.profile)  # unchanged: the cached breaks hold
    assert renders.count == 2
    for page in read_pages(pdf):  # and the notes are where they belong
        assert set(page.calls) <= set(page.markers), page.number


# -- resident builder -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def warm():
    from briefing.builds.warm import WarmBuilder

    return WarmBuilder()


def test_warm_builds_equal_the_command_line_byte_for_byte(warm, tmp_path):
    subprocess.run([sys.executable, "build.py", str(BRIEFING), "--out", str(tmp_path)],
                   cwd=PROJECT_ROOT, check=True, capture_output=True, timeout=600)
    first = warm.build(BRIEFING)
    second = warm.build(BRIEFING)
    for fmt in ("docx", "pdf"):
        expected = (tmp_path / f"{BRIEFING.stem}.{fmt}").read_bytes()
        assert first.outputs[fmt] == expected == second.outputs[fmt], fmt


def test_warm_build_of_an_edited_buffer(warm, monkeypatch, tmp_path):
    text = BRIEFING.read_text(encoding="utf-8")
    edited = text.replace("Trong 03 năm qua", "Trong ba năm qua", 1)
    assert edited != text
    renders = Renders(monkeypatch)
    rendered = warm.build(BRIEFING, ("pdf",), text=edited)
    assert renders.count == 1
    written = warm.write(rendered, tmp_path)
    assert written == [tmp_path / f"{BRIEFING.stem}.pdf"]
    assert "Trong ba năm qua" in " ".join(p.body for p in read_pages(written[0]))


def test_warm_build_reports_bad_input_like_the_command_line(warm):
    from briefing.problems import BriefingError

    with pytest.raises(BriefingError) as caught:
        warm.build(BRIEFING, ("docx",), text="meta:\n  form: oficial\n")
    assert str(caught.value.problems[0]).startswith(f"{BRIEFING}:2:9: error:")


# -- cold start -------------------------------------------------------------------------------

PROCESSES_STARTED = """
import subprocess, sys
started = []
original = subprocess.Popen.__init__
def counting(self, args, *rest, **kwargs):
    started.append(args)
    original(self, args, *rest, **kwargs)
subprocess.Popen.__init__ = counting
{imports}
print(len(started))
"""


def processes_started(imports: str) -> int:
    script = PROCESSES_STARTED.format(imports=imports)
    out = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, check=True,
                         capture_output=True, text=True, timeout=300).stdout
    return int(out.split()[-1])


def test_weasyprint_is_imported_without_starting_any_process():
    """ctypes would run ldconfig, gcc and ld for each library name WeasyPrint tries."""
    assert processes_started("import briefing.writers.pdf.engine") == 0
    assert processes_started(textwrap.dedent(f"""
        from briefing.builds.pipeline import render_loaded
        from briefing.content.loader import load_document
        render_loaded(load_document({str(PROGRAMME)!r}), ("pdf",), parallel=False)
    """)) == 0
    assert processes_started("import weasyprint") > 0 or sys.platform != "linux" or not any(
        Path(d, tool).exists() for d in ("/sbin", "/usr/sbin", "/usr/bin")
        for tool in ("ldconfig", "gcc"))


def test_the_engine_side_imports_no_content_libraries():
    """The engine process must not wait for pydantic, Jinja or markdown-it."""
    script = textwrap.dedent("""
        import sys
        import briefing.writers.pdf.resources, briefing.writers.pdf.pagination
        print(" ".join(m for m in ("pydantic", "jinja2", "markdown_it", "yaml", "docx")
                       if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, check=True,
                         capture_output=True, text=True, timeout=300).stdout
    assert out.strip() == ""


def test_engine_process_renders_the_same_bytes_and_survives_a_dead_child(tmp_path):
    from briefing.writers.pdf import process

    view = prepare(load_document(PROGRAMME))
    request = pdf_request(render_tree(view), view.profile)
    expected = render_pdf(request)
    engine = process.start()
    assert engine is not None and process.running() is engine
    try:
        engine.expect(request.css)  # the stylesheet ahead, as a cold build sends it
        assert engine.submit(request).result() == expected
        import os
        import signal

        os.kill(engine.pid, signal.SIGKILL)
        os.waitpid(engine.pid, 0)
        assert engine.submit(request).result() == expected  # rendered here instead
        assert process.running() is None
    finally:
        process.stop()


# -- unchanged batches and editions -----------------------------------------------------------

RUN_AND_LIST_IMPORTS = """
import sys
from briefing.cli import main
code = main(sys.argv[1:])
heavy = [m for m in ("pydantic", "jinja2", "weasyprint", "docx", "markdown_it", "rich")
         if m in sys.modules]
print("exit", code, "heavy", " ".join(heavy) or "none")
"""


def run_listing_imports(*argv: str | Path) -> tuple[str, list[str]]:
    """Runs a command in a fresh interpreter: its output, and the heavy modules it imported."""
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST_IMPORTS, *map(str, argv)],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    *lines, last = (done.stdout.strip() or done.stderr).splitlines()
    words = last.split()
    assert words[:2] == ["exit", "0"], done.stdout + done.stderr
    return "\n".join(lines), [] if words[3:] == ["none"] else words[3:]


@pytest.fixture
def unit_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "quan-1.yaml").write_bytes((PROJECT_ROOT / "content/units/quan-1.yaml").read_bytes())
    return folder


def test_an_unchanged_batch_is_known_before_any_heavy_import(tmp_path, unit_copy):
    out = tmp_path / "out"
    batch = ("batch", BRIEFING, "--units", unit_copy, "--format", "docx", "--out", out,
             "--no-progress")
    first, _ = run_listing_imports(*batch)
    assert "built quan-1" in first
    again, heavy = run_listing_imports(*batch)
    assert again.splitlines()[0] == "unchanged quan-1: skipped"
    assert "0 built, 1 skipped, 0 failed" in again and heavy == []
    (out / "quan-1.docx").write_bytes(b"edited by hand")  # an output changed: rebuilt
    rebuilt, heavy = run_listing_imports(*batch)
    assert "built quan-1" in rebuilt and "pydantic" in heavy
    unit = unit_copy / "quan-1.yaml"  # an input changed: rebuilt
    unit.write_text(unit.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    rebuilt, _ = run_listing_imports(*batch)
    assert "built quan-1" in rebuilt


def test_an_unchanged_edition_is_known_before_any_heavy_import(tmp_path, unit_copy):
    archive = tmp_path / "archive"
    edition = ("edition", BRIEFING, "--date", "2024-03-15", "--name", "small", "--units",
               unit_copy, "--format", "docx", "--jobs", "1", "--no-progress",
               "--archive", archive)
    first, _ = run_listing_imports(*edition)
    assert "edition small@r1:" in first
    again, heavy = run_listing_imports(*edition)
    assert "small@r1 is archived with these very inputs" in again and heavy == []
    (archive / "small" / ".stamps.json").unlink()  # no stamp: the full check says the same
    again, heavy = run_listing_imports(*edition)
    assert "small@r1 is archived with these very inputs" in again and "pydantic" in heavy
    assert (archive / "small" / ".stamps.json").is_file()
    unit = unit_copy / "quan-1.yaml"  # changed inputs: refused as before, nothing skipped
    unit.write_text(unit.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "build.py", *map(str, edition)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 2 and "is archived (small@r1) and is immutable" in done.stderr


def test_the_stamp_reads_the_unit_files_the_build_reads(unit_copy):
    from briefing.builds.stamps import unit_files as stamped
    from briefing.units.load import unit_files

    for paths in (None, [unit_copy], [unit_copy / "quan-1.yaml"]):
        assert stamped(paths) == unit_files(paths)


def test_simple_cffi_types_are_the_parsers_types():
    """Every type string WeasyPrint passes to ffi.new/cast, built without pycparser, equals
    what pycparser makes of it (briefing/writers/pdf/cffi_types.py)."""
    import re

    from briefing.writers.pdf.cffi_types import simple_type

    ffi = weasyprint.text.ffi.ffi
    source = Path(weasyprint.__file__).parent
    strings = set()
    for path in source.rglob("*.py"):
        for found in re.findall(r"ffi\.(?:new|cast)\(\s*f?'([^']+)'", path.read_text()):
            strings.add(re.sub(r"\{[^}]*\}", "7", found))
    assert len(strings) >= 8
    for cdecl in sorted(strings):
        fast = simple_type(ffi._parser, cdecl)
        assert fast is not None, cdecl
        assert fast == ffi._parser.parse_type_and_quals(cdecl)[0], cdecl
    assert simple_type(ffi._parser, "int (*)(void *)") is None  # left to the parser


def test_a_missing_harfbuzz_subset_is_said_once(monkeypatch, capsys):
    """Without libharfbuzz-subset, WeasyPrint subsets with fontTools (slower, same fonts):
    the build says so once per process, with the package to install, and carries on."""
    from briefing.writers.pdf import engine

    monkeypatch.setattr(engine.weasyprint.text.ffi, "harfbuzz_subset", None)
    monkeypatch.setattr(engine, "_said", set())
    engine.subsetting_note()
    engine.subsetting_note()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "apt-get install libharfbuzz-subset0" in lines[0]


def test_without_harfbuzz_subset_the_pdf_is_still_built_with_the_vendored_font(monkeypatch,
                                                                                tmp_path):
    import pypdf
    import weasyprint.pdf.fonts

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)  # fontTools subsets
    view = prepare(load_document(PROJECT_ROOT / "tests" / "fixtures" / "state-decision.yaml"))
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(write_pdf(render_tree(view), view.profile, media=view.media))
    fonts = set()
    for page in pypdf.PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("+Liberation-Serif" in name for name in fonts), fonts


def test_page_references_are_built_once_per_page_count_and_the_bytes_do_not_change():
    import pydyf

    from briefing.writers.pdf import engine, pydyf_patches

    assert engine.PAGE_REFERENCES_CACHED and pydyf.__version__ in pydyf_patches.KNOWN_SOURCES
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert pdf.page_references is first and len(first) == 3  # read again: not rebuilt
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 4  # a page added: rebuilt
    view = prepare(load_document(PROGRAMME))
    tree = render_tree(view)
    patched = write_pdf(tree, view.profile)
    pydyf_patches.remove()
    try:
        assert write_pdf(tree, view.profile) == patched
    finally:
        assert pydyf_patches.apply()


def test_a_variant_checked_by_the_parent_is_not_checked_again_by_its_worker(monkeypatch,
                                                                          tmp_path):
    """The batch's pre-flight runs `build.py check`'s checks on every variant; the worker that
    renders it then skips them (counted), while a rebuild from an archive still runs them."""
    from dataclasses import replace

    import briefing.builds.variants
    from briefing.units.selection import select

    checks = []
    original = briefing.builds.variants.validated
    monkeypatch.setattr(briefing.builds.variants, "validated",
                        lambda *args: checks.append(1) or original(*args))
    selection = select(BRIEFING, [PROJECT_ROOT / "content" / "units" / "quan-1.yaml"])
    job = briefing.builds.variants.VariantJob(name="quan-1", content=selection.content,
                                    unit=selection.units[0].file, formats=("docx",),
                                    out_dir=str(tmp_path))
    assert briefing.builds.variants.run_job(replace(job, checked=True)).ok and checks == []
    assert briefing.builds.variants.run_job(job).ok and checks == [1]


def test_an_edition_stamps_its_inputs_once_before_the_build_and_once_after(monkeypatch, tmp_path,
                                                                           unit_copy, capsys):
    """The stamp hashes every file an edition may read (templates, fonts, …): once to look
    for an unchanged edition, once after the build to see that nothing changed meanwhile —
    never a third time (it was computed twice before the build)."""
    import briefing.editions.stamp_file as stamp_file
    from briefing.cli import main

    stamped = []
    original = stamp_file.stamp
    monkeypatch.setattr(stamp_file, "stamp", lambda *args: stamped.append(1) or original(*args))
    edition = ["edition", str(BRIEFING), "--date", "2024-03-15", "--name", "once", "--units",
               str(unit_copy), "--format", "docx", "--jobs", "1", "--no-progress", "--archive",
               str(tmp_path / "archive")]
    assert main(edition) == 0 and len(stamped) == 2
    stamped.clear()
    assert main(edition) == 0 and len(stamped) == 1  # unchanged: known from the stamp
    assert "is archived with these very inputs" in capsys.readouterr().out
