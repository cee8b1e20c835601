#!/usr/bin/env python3
"""Benchmark: importing Word files, and how the import grows with the size of the source.

Not a test. Three parts, each timed in CPU seconds of this process (what the import costs,
whatever else runs on the machine) and wall seconds:

1. Word files in a warm process (the studio's call, `import_file()`), median of --runs:
   the 15-page default briefing as our DOCX, and the 20-page decree ND 30/2020 as published in
   Word (`../shared/corpus/nd30-2020/d01_nd30-2020.docx` when it is beside the checkout, or
   under $BRIEFING_SHARED), with
   the reader alone beside the whole import. Target: a 20-page Word file in <= 1 s.
2. `build.py import FILE.docx` as a fresh process, as a clerk runs it, paired with
   `pandoc FILE.docx -t markdown` (the baseline of reading a DOCX), interleaved A B, B A, ….
3. The curve: a report of N sections (a numbered heading, a paragraph, two "- " items) as
   Markdown (A) and as the same text (B), imported at each size, A and B interleaved run by
   run; seconds per 1,000 sections at each size show whether the import is linear.
4. Headings: a Markdown file of N bare headings (the report's 50,000-heading shape), at
   5,000 … 50,000: seconds per 1,000 headings, and the size at which the limits refuse it.

    python bench/bench_import.py [--runs 5] [--sizes 250,500,1000,2000,4000] [--no-fresh]
                                 [--headings 5000,10000,20000,50000] [--only-headings]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import BRIEFING, PYTHON, paired  # noqa: E402

SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))
DECREE = SHARED / "corpus" / "nd30-2020" / "d01_nd30-2020.docx"
TARGET_SECONDS = 1.0


def timed(call: Callable[[], object]) -> tuple[float, float, str]:
    """(wall, cpu, outcome) of one call; a refusal is an outcome, not a failure."""
    from briefing.problems import BriefingError

    wall, cpu = time.perf_counter(), time.process_time()
    try:
        call()
        outcome = "imported"
    except BriefingError as exc:
        outcome = "refused: " + str(exc).split(": error: ", 1)[-1][:60]
    return time.perf_counter() - wall, time.process_time() - cpu, outcome


def median_run(call: Callable[[], object], runs: int) -> tuple[float, float, str]:
    timed(call)  # warm: imports, caches
    results = [timed(call) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            results[-1][2])


def word_files(docx: Path, runs: int) -> None:
    from briefing.importing import import_file
    from briefing.importing.guesses import Notebook
    from briefing.readers.docx.parse import read_docx

    files = [(docx, "15 pages, our DOCX")]
    if DECREE.is_file():
        files.append((DECREE, "20 pages, the decree as published"))
    print(f"1. Word files in a warm process (median of {runs} runs; CPU s / wall s)")
    for path, what in files:
        data = path.read_bytes()
        read = median_run(lambda d=data, p=path: read_docx(d, p, Notebook()), runs)
        whole = median_run(lambda p=path: import_file(p), runs)
        print(f"   {path.name} ({what}, {len(data):,} bytes)")
        print(f"     reader alone        {read[1]:.3f} / {read[0]:.3f}")
        print(f"     import_file()       {whole[1]:.3f} / {whole[0]:.3f}   {whole[2]}")
        if path == DECREE:
            verdict = "met" if whole[1] <= TARGET_SECONDS else "NOT met"
            print(f"   target: a 20-page Word file in <= {TARGET_SECONDS:.1f} s in a resident "
                  f"process: {whole[1]:.2f} s CPU, {verdict}")


def fresh(docx: Path, work: Path, runs: int) -> None:
    pandoc = shutil.which("pandoc")
    ours = [PYTHON, "build.py", "import", str(docx), "-o", str(work / "out.yaml"), "--force",
            "-q"]
    print(f"2. a fresh process, {runs} interleaved pairs (median wall s)")
    if pandoc is None:
        print("   pandoc is not installed: no baseline")
        return
    baseline = [pandoc, str(docx), "-t", "markdown", "-o", str(work / "out.md")]
    result = paired([ours], [baseline], runs)
    a = statistics.median(r.seconds for r in result.a)
    b = statistics.median(r.seconds for r in result.b)
    print(f"   build.py import {docx.name}      {a:.3f}")
    print(f"   pandoc docx -> markdown (baseline)   {b:.3f}   ratio {a / b:.2f}")


def report(sections: int, markdown: bool) -> str:
    out = []
    for n in range(1, sections + 1):
        heading = f"## {n}. Nhiệm vụ trọng tâm số {n}" if markdown else \
            f"{n}. Nhiệm vụ trọng tâm số {n}"
        out += [heading, "", f"Các cấp ủy tiếp tục quán triệt và triển khai nhiệm vụ {n} "
                             "một cách nghiêm túc, hiệu quả.", "",
                f"- Tuyên truyền sâu rộng trong cán bộ, đảng viên về nhiệm vụ {n};",
                f"- Kiểm tra, đôn đốc việc thực hiện nhiệm vụ {n}.", ""]
    return "\n".join(out)


def curve(sizes: list[int], runs: int, work: Path) -> None:
    from briefing.importing import import_file

    print(f"3. the curve: N sections as Markdown (A) and as text (B), {runs} interleaved runs "
          "each (median CPU s)")
    print(f"   {'N':>6} {'bytes':>9} {'A s':>8} {'B s':>8} {'A s/1000':>9} {'B s/1000':>9}")
    per_unit: dict[str, list[float]] = {"A": [], "B": []}
    for size in sizes:
        files = {}
        for name, markdown in (("A", True), ("B", False)):
            files[name] = work / f"report-{size}.{'md' if markdown else 'txt'}"
            files[name].write_text(report(size, markdown), encoding="utf-8")
        times: dict[str, list[float]] = {"A": [], "B": []}
        order = ["A", "B"]
        for index in range(runs + 1):
            for name in order if index % 2 == 0 else order[::-1]:
                result = timed(lambda path=files[name]: import_file(path))
                if index:  # the first round warms up
                    times[name].append(result[1])
        a, b = statistics.median(times["A"]), statistics.median(times["B"])
        per_unit["A"].append(1000 * a / size)
        per_unit["B"].append(1000 * b / size)
        print(f"   {size:>6} {files['A'].stat().st_size:>9,} {a:>8.3f} {b:>8.3f} "
              f"{1000 * a / size:>9.3f} {1000 * b / size:>9.3f}")
    for name in ("A", "B"):
        values = per_unit[name]
        print(f"   {name}: seconds per 1,000 sections, largest size / smallest: "
              f"{values[-1] / values[0]:.2f} (1.00 is linear)")


def headings(sizes: list[int], runs: int, work: Path) -> None:
    """Part 4: a Markdown file of N bare headings (each with one short line under it), the
    shape of the report's 50,000-heading file: CPU seconds per 1,000 headings at each size,
    and where the limits refuse it (before the work)."""
    from briefing.importing import import_file

    print(f"4. headings: N '# Mục n' headings, each with a line under it (median CPU s of "
          f"{runs})")
    for size in sizes:
        path = work / f"headings-{size}.md"
        path.write_text("".join(f"# Mục {n}\n\nDòng {n}.\n\n" for n in range(size)),
                        encoding="utf-8")
        results = [timed(lambda path=path: import_file(path)) for _ in range(runs)]
        cpu = statistics.median(r[1] for r in results)
        print(f"   {size:>6} {path.stat().st_size:>10,} bytes {cpu:>8.2f} s "
              f"{1000 * cpu / size:>7.3f} s/1000   {results[0][2]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="250,500,1000,2000,4000")
    parser.add_argument("--no-fresh", action="store_true", help="skip part 2")
    parser.add_argument("--headings", default="5000,10000,20000,50000",
                        help="sizes of part 4 ('' to skip)")
    parser.add_argument("--only-headings", action="store_true", help="run part 4 alone")
    args = parser.parse_args()
    if args.only_headings:
        with tempfile.TemporaryDirectory() as folder:
            headings([int(s) for s in args.headings.split(",")], args.runs, Path(folder))
        return

    from briefing.builds.pipeline import render_loaded
    from briefing.content.loader import load_document

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx = work / f"{BRIEFING.stem}.docx"
        docx.write_bytes(render_loaded(load_document(BRIEFING), ("docx",)).outputs["docx"])
        word_files(docx, args.runs)
        if not args.no_fresh:
            fresh(docx, work, args.runs)
        curve([int(s) for s in args.sizes.split(",")], args.runs, work)
        if args.headings:
            headings([int(s) for s in args.headings.split(",")], args.runs, work)


if __name__ == "__main__":
    main()
