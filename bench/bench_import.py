#!/usr/bin/env python3
"""Benchmark: importing the 15-page default briefing as a Word file.

Not a test. Builds the DOCX of content/briefing-foreign-affairs.yaml (15 pages, 12 real
footnotes), then times, interleaved run by run so a busy machine weighs on both alike:

- `build.py import FILE.docx` as a fresh process (imports included), as a clerk runs it;
- `pandoc FILE.docx -t markdown` on the same file, the baseline of reading a DOCX;
- `import_file()` in a warm process (the studio's call), and its phases.

It prints medians, the ratio to pandoc, and the target: import of a 15-page DOCX <= 1 s.

    python bench/bench_import.py [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 1.0


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--content", type=Path,
                        default=ROOT / "content" / "briefing-foreign-affairs.yaml")
    args = parser.parse_args()

    from briefing.builds.pipeline import render_loaded
    from briefing.content.loader import load_document
    from briefing.importing import import_file

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx = work / f"{args.content.stem}.docx"
        docx.write_bytes(render_loaded(load_document(args.content), ("docx",)).outputs["docx"])
        ours = [sys.executable, "build.py", "import", str(docx), "-o", str(work / "out.yaml"),
                "--force", "-q"]
        pandoc = shutil.which("pandoc")
        baseline = [pandoc, str(docx), "-t", "markdown", "-o", str(work / "out.md")] \
            if pandoc else None
        wall(ours)  # warm the file cache
        times: dict[str, list[float]] = {"ours": [], "pandoc": [], "warm": []}
        import_file(docx)
        for _ in range(args.runs):
            times["ours"].append(wall(ours))
            if baseline:
                times["pandoc"].append(wall(baseline))
            started = time.perf_counter()
            import_file(docx)
            times["warm"].append(time.perf_counter() - started)

        median = {name: statistics.median(values) for name, values in times.items() if values}
        print(f"import of {docx.name} ({docx.stat().st_size:,} bytes, 15 pages), "
              f"median of {args.runs} interleaved runs")
        print(f"  build.py import (fresh process)   {median['ours']:.3f} s")
        print(f"  import_file() in a warm process   {median['warm']:.3f} s")
        if "pandoc" in median:
            print(f"  pandoc docx -> markdown (baseline) {median['pandoc']:.3f} s")
            print(f"  ratio ours / pandoc               {median['ours'] / median['pandoc']:.2f}")
        verdict = "met" if median["ours"] <= TARGET_SECONDS else "NOT met"
        print(f"target: import of a 15-page DOCX <= {TARGET_SECONDS:.1f} s: "
              f"{median['ours']:.2f} s, {verdict}")


if __name__ == "__main__":
    main()
