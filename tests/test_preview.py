"""The live preview's parts on their own: page images and the page of a paragraph (from the
real PDF, and from the layout whose pages are drawn one by one, which must show the same
pages), and the resident builder's cache and skipping of superseded builds."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from briefing.content.loader import load_document
from briefing.preview.outputs import LoadedVariant
from briefing.preview.pages import Expired, LaidOutPages, Pages, PdfPages
from briefing.preview.rendering import render
from briefing.preview.resident import Previewer, render_pages
from briefing.problems import BriefingError, Position, Problem
from briefing.source.yaml_source import load_yaml

ROOT = Path(__file__).resolve().parents[1]
PROGRAMME = ROOT / "content" / "coordination-programme-2024.yaml"


@pytest.fixture(scope="module")
def pdf_pages() -> PdfPages:
    outputs, warnings = render(load_document(PROGRAMME), ("pdf",))
    assert warnings == []
    return PdfPages(outputs["pdf"])


@pytest.fixture(scope="module")
def laid_out_pages() -> Pages:
    pages, warnings = render_pages(LoadedVariant(load_document(PROGRAMME)))
    assert warnings == [] and isinstance(pages, LaidOutPages)
    return pages


@pytest.fixture(params=["pdf", "laid-out"])
def pages(request, pdf_pages, laid_out_pages) -> Pages:
    return pdf_pages if request.param == "pdf" else laid_out_pages


def test_pages_drawn_one_by_one_are_the_pages_of_the_pdf(pdf_pages, laid_out_pages):
    """What the preview shows (each page written alone) is what `build.py` writes: same
    pages, same text on each, same picture."""
    assert laid_out_pages.count == pdf_pages.count
    for i in range(pdf_pages.count):
        assert laid_out_pages.text(i) == pdf_pages.text(i), f"page {i + 1}"
        w, h = pdf_pages.sizes[i]
        lw, lh = laid_out_pages.sizes[i]
        assert abs(h / w - lh / lw) < 1e-3
    for i in (0, pdf_pages.count - 1):
        drawn = Image.open(io.BytesIO(laid_out_pages.image(i, 500))).convert("L")
        written = Image.open(io.BytesIO(pdf_pages.image(i, 500))).convert("L")
        assert drawn.size == written.size
        differing = sum(ImageChops.difference(drawn, written).histogram()[41:])
        assert differing < drawn.width * drawn.height * 0.001, f"page {i + 1}: {differing} px"


def paragraphs(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [p for key, v in value.items() if key not in ("id", "kind", "style")
                for p in paragraphs(v)]
    if isinstance(value, list):
        return [p for v in value for p in paragraphs(v)]
    return []


def test_page_images(pages):
    assert pages.count >= 2
    image = Image.open(io.BytesIO(pages.image(0, 600)))
    assert image.width == 600 and image.height > 800  # A4 upright
    assert pages.image(0, 600) is pages.image(0, 600)  # drawn once
    with pytest.raises(IndexError):
        pages.image(pages.count)


def test_every_long_paragraph_is_found_on_a_page_that_prints_it(pages):
    data = load_yaml(PROGRAMME).data
    found = 0
    every = paragraphs(data["blocks"])
    for text in every:
        if len(text) < 80 or "[^" in text[:80] or "*" in text[:80]:
            continue
        page = pages.page_of(text)
        assert page is not None, text[:60]
        assert text.split()[0] in pages.text(page)
        from_the_end = pages.page_of(text, near=pages.count - 1)
        assert text.split()[0] in pages.text(from_the_end)
        if sum(text[:60] in other for other in every) == 1:  # said once: one answer
            assert from_the_end == page
        found += 1
    assert found >= 5
    assert pages.page_of("Không có câu này trong tài liệu nào cả.") is None
    assert pages.page_of("ab") is None


def blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_builds_are_cached_and_superseded_ones_skipped():
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def render(loaded):
        calls.append(loaded)
        if loaded == "v1":
            started.set()
            release.wait(10)
        if loaded == "bad":
            raise BriefingError(Problem(Position("x.yaml", 1, 1), "broken"))
        return PdfPages(blank_pdf()), []

    arrived = {key: threading.Event() for key in ("k1", "k2", "k3", "k4")}

    class Requests(dict):
        """The previewer's newest request per slot, telling the test when one arrives."""

        def __setitem__(self, slot: str, key: str) -> None:
            super().__setitem__(slot, key)
            arrived[key].set()

    previewer = Previewer(render=render)
    previewer._latest = Requests()
    results = {}
    first = threading.Thread(target=lambda: results.setdefault(
        "v1", previewer.build("doc", "k1", lambda: "v1")))
    first.start()
    assert started.wait(60), "the first build never started"
    waiting = []
    for key in ("k2", "k3"):  # asked for while v1 builds, one after the other
        thread = threading.Thread(target=lambda k=key: results.setdefault(
            k, previewer.build("doc", k, lambda k=k: k.replace("k", "v"))))
        thread.start()
        waiting.append(thread)
        # asked for, now waiting for the build lock (the wait is a hang guard, not a timing)
        assert arrived[key].wait(60), f"the request for {key} never arrived"
    release.set()
    for thread in (first, *waiting):
        thread.join(60)
        assert not thread.is_alive(), "a build never finished"
    assert results["k2"] is None  # superseded by k3 while v1 was building: never built
    assert results["k3"].ok and calls == ["v1", "v3"]
    assert previewer.build("doc", "k3", lambda: "never") is results["k3"]  # cached
    broken = previewer.build("doc", "k4", lambda: "bad")
    assert not broken.ok and broken.problems[0].message == "broken"
    assert previewer.last_good("doc") is results["k3"]


class _Recorded(PdfPages):
    """A blank one-page preview that remembers being released."""

    def __init__(self) -> None:
        super().__init__(blank_pdf())
        self.released = False

    def release(self) -> None:
        self.released = True

    @property
    def expired(self) -> bool:
        return self.released


def test_a_version_come_back_to_is_built_again_if_its_layout_was_let_go():
    """Undo, or a draft's blank filled then emptied: the same key as an older build, whose
    layout went when a newer build came; shown as it was, its undrawn pages would be 404s."""
    made: dict[str, _Recorded] = {}
    calls = []

    def render(loaded):
        calls.append(loaded)
        made[loaded] = _Recorded()
        return made[loaded], []

    previewer = Previewer(render=render)
    first = previewer.build("doc", "k1", lambda: "v1")
    previewer.build("doc", "k2", lambda: "v2")
    assert first.pages.released
    again = previewer.build("doc", "k1", lambda: "v1")
    assert again is not first and not again.pages.released and calls == ["v1", "v2", "v1"]
    assert previewer.build("doc", "k1", lambda: "v1") is again  # and then kept


def test_only_the_newest_and_the_last_good_build_keep_their_layout():
    """Every kept layout lengthens each full pass of the cycle collector: superseded builds
    let go of theirs (keeping the pictures they drew)."""
    made: dict[str, _Recorded] = {}

    def render(loaded):
        if loaded == "bad":
            raise BriefingError(Problem(Position("x.yaml", 1, 1), "broken"))
        made[loaded] = _Recorded()
        return made[loaded], []

    previewer = Previewer(render=render)
    previewer.build("doc", "k1", lambda: "v1")
    previewer.build("unit", "u1", lambda: "u1")
    previewer.build("doc", "k2", lambda: "v2")
    assert made["v1"].released and not made["v2"].released
    assert not made["u1"].released  # another slot's newest build
    previewer.build("doc", "k3", lambda: "bad")  # the last good one stays whole
    assert not made["v2"].released


def test_a_released_layout_serves_the_pages_it_drew_and_no_other():
    pages, _ = render_pages(LoadedVariant(load_document(PROGRAMME)))
    drawn = pages.image(0, 400)
    printed = next(t for t in paragraphs(load_yaml(PROGRAMME).data["blocks"]) if len(t) > 80
                   and "*" not in t[:80] and "[^" not in t[:80])
    pages.release()
    assert pages.image(0, 400) == drawn
    with pytest.raises(Expired):
        pages.image(1, 400)
    assert pages.page_of(printed) is None  # its texts went with the layout: no page, no error


def test_the_idle_collector_runs_one_pass_after_the_last_build_unless_one_runs():
    from briefing.preview.collector import IdleCollector

    busy = [False]
    collector = IdleCollector(busy=lambda: busy[0], delay=0.01)
    collector.soon()
    first = collector._timer
    collector.soon()  # a second build before the pass: one pass, after the last
    first.join(30)
    collector._timer.join(30)
    assert collector.passes == 1
    busy[0] = True  # a build under way: its own end schedules the next pass
    collector.soon()
    collector._timer.join(30)
    assert collector.passes == 1
