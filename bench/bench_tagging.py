"""Benchmark: what tagging costs — a tagged PDF (PDF/UA-1, structure tree, finisher) against
the same PDF untagged, paired and interleaved in one process.

    python bench/bench_tagging.py [--rounds 7] [FILE ...]

Each round writes every document twice, tagged and untagged, in alternating order (A B, then
B A, …), so drift on a loaded machine falls on both arms alike. The untagged arm is the same
`write_pdf` with WeasyPrint's tagging off and our finisher skipped. Two tables: the whole
`write_pdf` (HTML, layout, PDF), and the PDF-writing step alone on one laid-out document (where
all the cost of tagging is: the layout is the same in both arms). Printed: the median of each
arm, the ratio tagged/untagged, and the file sizes. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import briefing.writers.pdf as pdf_writer
from briefing import PROJECT_ROOT
from briefing.content.loader import load_document
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree

DEFAULT = [PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml",
           PROJECT_ROOT / "content" / "coordination-programme-2024.yaml"]


@contextmanager
def untagged():
    """write_pdf as it was before tagging: no variant, no tags, no finisher."""
    options, finisher = pdf_writer.pdf_options, pdf_writer.Finisher
    pdf_writer.pdf_options = lambda variant: {"pdf_variant": variant, "pdf_tags": False}
    pdf_writer.Finisher = lambda: None
    try:
        yield
    finally:
        pdf_writer.pdf_options, pdf_writer.Finisher = options, finisher


def timed(tree, profile, tagged: bool) -> tuple[float, int]:
    start = time.perf_counter()
    if tagged:
        data = pdf_writer.write_pdf(tree, profile)
    else:
        with untagged():
            data = pdf_writer.write_pdf(tree, profile)
    return time.perf_counter() - start, len(data)


def laid_out(tree, profile):
    """The document laid out once, as write_pdf lays it out (first pass)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from briefing.profile.model import FONTS_DIR
    from briefing.writers.pdf.fetcher import RestrictedFetcher
    from briefing.writers.pdf.html import to_html
    from briefing.writers.pdf.stylesheet import stylesheet

    fonts, fetcher = FontConfiguration(), RestrictedFetcher()
    html = HTML(string=to_html(tree, profile), base_url=FONTS_DIR.as_uri() + "/",
                url_fetcher=fetcher)
    css = CSS(string=stylesheet(profile), font_config=fonts, url_fetcher=fetcher)
    return html.render(font_config=fonts, stylesheets=[css])


def written(document, tagged: bool) -> tuple[float, int]:
    options = pdf_writer.pdf_options(None) if tagged else {}
    finisher = pdf_writer.Finisher() if tagged else None
    start = time.perf_counter()
    data = document.write_pdf(finisher=finisher, **options)
    return time.perf_counter() - start, len(data)


def paired(measure, rounds: int) -> tuple[float, float, int, int]:
    """Medians (untagged, tagged) and sizes of `measure(tagged)`, interleaved A B / B A."""
    measure(True)  # warm-up: imports, fonts
    measure(False)
    times: dict[bool, list[float]] = {True: [], False: []}
    sizes: dict[bool, int] = {}
    for round_ in range(rounds):
        for tagged in ((True, False) if round_ % 2 else (False, True)):
            seconds, size = measure(tagged)
            times[tagged].append(seconds)
            sizes[tagged] = size
    return (statistics.median(times[False]), statistics.median(times[True]), sizes[False],
            sizes[True])


def table(title: str, rows: list[tuple[str, float, float, int, int]]) -> None:
    print(f"\n{title}")
    print(f"{'document':36} {'untagged s':>10} {'tagged s':>9} {'ratio':>6} "
          f"{'untagged KB':>11} {'tagged KB':>9}")
    for name, plain, tagged, plain_size, tagged_size in rows:
        print(f"{name:36} {plain:10.3f} {tagged:9.3f} {tagged / plain:6.2f} "
              f"{plain_size / 1024:11.1f} {tagged_size / 1024:9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    whole, writing = [], []
    for path in args.files:
        view = prepare(load_document(path))
        tree = render_tree(view)
        whole.append((path.name, *paired(lambda tagged, t=tree, v=view: timed(t, v.profile,
                                                                              tagged),
                                         args.rounds)))
        document = laid_out(tree, view.profile)
        writing.append((path.name, *paired(lambda tagged, d=document: written(d, tagged),
                                           args.rounds)))
    table(f"whole write_pdf (HTML, layout, PDF), median of {args.rounds}", whole)
    table(f"PDF writing only (one layout, tags + finisher vs none), median of {args.rounds}",
          writing)

if __name__ == "__main__":
    main()
