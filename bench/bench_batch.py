#!/usr/bin/env python3
"""Benchmark: a batch of unit variants with 2 workers vs 1, and unchanged batches and editions.

Not a test: it prints a table (measured, target, met) and asserts nothing. Every run is a
fresh `build.py` process, as a clerk runs it. The variants are copies of the repository's unit
files under new codes (each a real variant: its own header, dropped and added sections,
renumbering). Rows:
- `build.py batch --jobs 1` vs `--jobs 2` (both `--force`), interleaved pairs: the speed-up
  per pair, and the CPU seconds per variant of each (from the processes' resource usage, so a
  busy machine shows as a lower speed-up at the same CPU cost); outputs must be identical;
- an unchanged batch and an unchanged edition run again (nothing to build).

    python bench/bench_batch.py [--variants 20] [--pairs 7]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.common import BRIEFING, PYTHON, ROOT, Row, machine, median_of, paired, run, table

UNITS = ROOT / "content" / "units"


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


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def rows(variants: int, pairs: int, work: Path) -> list[Row]:
    units = work / "units"
    units.mkdir()
    make_units(units, variants)
    batch = [PYTHON, "build.py", "batch", BRIEFING, "--units", units, "--no-progress"]
    one, two = work / "one", work / "two"
    result = paired([[*batch, "--jobs", "1", "--force", "--out", one]],
                    [[*batch, "--jobs", "2", "--force", "--out", two]], pairs)
    same = digests(one) == digests(two)
    speedup = result.ratio  # per pair: time with 1 worker / time with 2
    cpu_one = result.median_cpu("a") / variants
    cpu_two = result.median_cpu("b") / variants
    found = [Row(f"batch of {variants} variants (DOCX + PDF), 2 workers vs 1",
                 f"**{speedup:.2f}×** ({result.median('a'):.1f} s → {result.median('b'):.1f} s);"
                 f" CPU per variant {cpu_one:.2f} s (1 worker), {cpu_two:.2f} s (2 workers);"
                 f" outputs identical: {'yes' if same else 'NO'}",
                 "≥ 1.7×", speedup >= 1.7 and same)]

    noop_batch = median_of([[*batch, "--out", two]], pairs)
    archive = work / "archive"
    edition = [PYTHON, "build.py", "edition", BRIEFING, "--units", units, "--date",
               "2024-03-15", "--archive", archive, "--no-progress"]
    run([edition])  # the edition itself (not timed)
    noop_edition = median_of([edition], pairs)
    batch_s = statistics.median(r.seconds for r in noop_batch)
    edition_s = statistics.median(r.seconds for r in noop_edition)
    found.append(Row(f"no-op edition or batch ({variants} variants, nothing changed)",
                     f"**{edition_s:.2f} s / {batch_s:.2f} s**", "≤ 0.3 s",
                     max(edition_s, batch_s) <= 0.3))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=20)
    parser.add_argument("--idle-wait", type=float, default=0, metavar="SECONDS",
                        help="before each pair, wait up to SECONDS for the CPUs to be idle")
    parser.add_argument("--pairs", type=int, default=7)
    args = parser.parse_args()
    common.IDLE_WAIT = args.idle_wait
    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        found = rows(args.variants, args.pairs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(machine())
    print(f"\n{BRIEFING.name}, median of {args.pairs} interleaved pairs\n")
    print(table(found))
    print(f"\n{common.busy_summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
