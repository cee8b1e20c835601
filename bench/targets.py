#!/usr/bin/env python3
"""The whole benchmark: every row of the speed targets in one table (bench_build + bench_batch).

    python bench/targets.py [--pairs 7] [--variants 20]

Takes several minutes (each pair is two fresh processes; the batch rows build 20 variants
2 x pairs times). Run it on a quiet machine: other work on the cores lowers the parallel rows.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_batch, bench_build, common
from bench.common import BRIEFING, machine, table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-wait", type=float, default=0, metavar="SECONDS",
                        help="before each pair, wait up to SECONDS for the CPUs to be idle")
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--variants", type=int, default=20)
    args = parser.parse_args()
    common.IDLE_WAIT = args.idle_wait
    before = machine()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        (work / "build").mkdir()
        (work / "batch").mkdir()
        booklet = bench_build.issue_booklet(BRIEFING, work / "build" / "booklet-15-pages.yaml")
        found = bench_build.rows(booklet, args.pairs, work / "build")
        found += bench_batch.rows(args.variants, args.pairs, work / "batch")
        found += bench_build.current_rows(BRIEFING, args.pairs, work / "build")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"started: {before}")
    print(f"ended:   {machine()}")
    print(f"\n{BRIEFING.name} without the appendices it gained after the targets were set "
          f"(15 pages, 12 notes), median of {args.pairs} interleaved pairs (A B, B A, …) or "
          "runs; the batch rows build unit variants of the whole booklet\n")
    print(table(found, "what (the embedded booklet, 15 pages, 12 notes)"))
    print(f"\n{common.busy_summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
