"""Benchmark: a batch of unit variants built serially, then by the parallel batch runner.

    python bench/bench_batch.py [--variants 20] [--jobs N] [--format pdf|all]

The variants are copies of the repository's unit files under new codes (so every variant is
a real one: its own header, dropped and added sections, renumbering). The serial run builds
them one after another in this process, after one untimed warm-up build; the parallel run
includes starting the worker pool and warming its workers, as `build.py batch` does. The two
runs must give byte-identical files; the speed-up is the ratio of the two times, measured in
the same run on the same machine. A benchmark, not a test: it prints, it asserts nothing else.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing import PROJECT_ROOT
from briefing.batch import VariantJob, default_workers, run_job, run_jobs
from briefing.units.selection import select

CONTENT = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
UNITS = PROJECT_ROOT / "content" / "units"


def make_units(folder: Path, count: int) -> None:
    """`count` unit files: the repository's units in turn, each under a code of its own."""
    sources = sorted(UNITS.glob("*.yaml"))
    for i in range(count):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8")
        suffix = f"-{i + 1:02d}"
        text = re.sub(r"(?m)^  code: (\S+)$", lambda m, s=suffix: f"  code: {m.group(1)}{s}",
                      text, count=1)
        (folder / f"{source.stem}-{i + 1:02d}.yaml").write_text(text, encoding="utf-8")


def docx_available() -> bool:
    try:
        from briefing.writers.docx import write_docx  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=0, help="workers (default: one per core)")
    parser.add_argument("--format", choices=("pdf", "all"), default="all")
    args = parser.parse_args()
    formats = ("docx", "pdf") if args.format == "all" and docx_available() else ("pdf",)
    workers = args.jobs or default_workers()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as scratch:
        root = Path(scratch)
        (root / "units").mkdir()
        make_units(root / "units", args.variants)
        selection = select(CONTENT, [root / "units"])
        assert not selection.problems, selection.problems
        jobs = [VariantJob(name=c.name, content=selection.content, unit=c.file, formats=formats,
                           out_dir=str(root / "serial")) for c in selection.units]

        run_job(replace(jobs[0], out_dir=str(root / "warm-up")))  # imports, fonts, caches
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        serial = run_jobs(jobs, workers=1)
        serial_s = time.perf_counter() - started

        parallel_jobs = [replace(j, out_dir=str(root / "parallel")) for j in jobs]
        started = time.perf_counter()
        parallel = run_jobs(parallel_jobs, workers=workers)
        parallel_s = time.perf_counter() - started

    failed = [r for r in serial + parallel if not r.ok]
    if failed:
        for result in failed:
            print(result.name, *result.problems, sep="\n  ", file=sys.stderr)
        return 1
    same = ({r.name: {f: o.sha256 for f, o in r.outputs.items()} for r in serial}
            == {r.name: {f: o.sha256 for f, o in r.outputs.items()} for r in parallel})
    n = len(jobs)
    print(f"batch of {n} unit variants ({' + '.join(f.upper() for f in formats)}) of "
          f"{CONTENT.name}")
    print(f"  serial, in-process (warm)      {serial_s:7.2f} s   "
          f"{serial_s / n * 1000:6.0f} ms/variant")
    print(f"  parallel, {workers} workers (cold pool) {parallel_s:7.2f} s   "
          f"{parallel_s / n * 1000:6.0f} ms/variant")
    print(f"  speed-up                       {serial_s / parallel_s:7.2f}x  "
          f"(ideal {workers}x on {workers} cores)")
    print(f"  outputs byte-identical serial vs parallel: {'yes' if same else 'NO'}")
    print(f"  load average (1 min) before the runs: {load_before:.2f} "
          "(other work on the cores lowers the speed-up)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
