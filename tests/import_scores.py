"""How well today's importer reads documents: `python -m tests.import_scores`.

Generates `--count` documents of each kind and format from `--seed`, imports and builds each
with the real command line, and prints per shape: the share that exits 0, the share whose
text comes back whole and in order, the structure score (paragraphs found with their printed
marker and role) and the meta score, the share the import alone exits 0 for (`imp0`) and how
many builds refused only what the writers cannot print yet (`unprn`); then the worst cases
with their first divergence; then the real corpus files (exit codes and order only).
`--keep DIR` keeps the sources made.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from briefing import PROJECT_ROOT
from tests.import_scoring import Score, score_corpus, score_generated
from tests.sources.renderings import FORMATS, render, seeded, shapes

CORPUS_PLACES = (PROJECT_ROOT.parent / "shared" / "corpus" / "nd30-2020",
                 PROJECT_ROOT.parent.parent / "shared" / "corpus" / "nd30-2020")


def corpus_folder() -> Path | None:
    """../shared/corpus/nd30-2020 beside the checkout (or beside the worktrees' folder)."""
    return next((p for p in CORPUS_PLACES if p.is_dir()), None)


def _percent(value: float | None) -> str:
    return "   –" if value is None else f"{100 * value:4.0f}"


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def table(scores: list[Score]) -> list[str]:
    """One line per shape: count, exit 0 %, order %, structure %, meta %, and how many
    documents had text moved (left out in one place, printed in another)."""
    groups: dict[str, list[Score]] = defaultdict(list)
    for score in scores:
        groups[score.shape].append(score)
    lines = [f"{'shape':24} {'n':>3} {'exit0':>5} {'order':>5} {'struct':>6} {'meta':>5} "
             f"{'moved':>5} {'imp0':>5} {'unprn':>5}"]
    for shape, group in [*groups.items(), ("ALL", scores)]:
        metas = [s.meta_share or 0.0 for s in group if s.meta_share is not None or
                 not s.exit_ok]
        moved = sum(1 for s in group if s.order and s.order.moved)
        lines.append(
            f"{shape:24} {len(group):3} {_percent(_mean([s.exit_ok for s in group])):>5} "
            f"{_percent(_mean([s.order_ok for s in group])):>5} "
            f"{_percent(_mean([s.structure_share for s in group])):>6} "
            f"{_percent(_mean(metas)):>5} {moved:5} "
            f"{_percent(_mean([s.import_rc == 0 for s in group])):>5} "
            f"{sum(s.unprinted for s in group):5}")
    return lines


def refusals(scores: list[Score]) -> list[str]:
    """The refusals, grouped by message (positions and indexes left out)."""
    counts: dict[str, list[str]] = defaultdict(list)
    for s in scores:
        if not s.exit_ok:
            message = re.sub(r"^\S+?:\d+:\d+: |\[\d+\]", "", s.error)
            counts[message[:150]].append(s.shape)
    return [f"{len(shapes_):4} × {message}  ({', '.join(sorted(set(shapes_)))})"
            for message, shapes_ in sorted(counts.items(), key=lambda kv: -len(kv[1]))]


def _case(s: Score) -> list[str]:
    out = [f"- {s.shape} {s.name}: order {'ok' if s.order_ok else 'BROKEN'}, "
           f"structure {_percent(s.structure_share)}%"]
    if s.order and not s.order.ok:
        out.append(f"    {s.order.missing} words left out, {s.order.extra} added, "
                   f"{s.order.moved} moved; first: {s.order.divergence[:300]}")
    if s.structure and s.structure.mismatches:
        out.append(f"    structure ({len(s.structure.mismatches)} off): "
                   f"{'; '.join(s.structure.mismatches[:2])[:240]}")
    wrong = [f"{k}: {e!r} -> {g!r}" for k, (e, g, ok) in s.meta.items() if not ok]
    if wrong:
        out.append(f"    meta: {'; '.join(wrong)[:300]}")
    return out


def worst(scores: list[Score], count: int) -> list[str]:
    """The imports that went through but read worst: order broken first, then structure;
    at most two of a shape."""
    ranked = sorted((s for s in scores if s.exit_ok), key=lambda s: (s.order_ok,
                                                                      s.structure_share))
    out: list[str] = []
    per_shape: dict[str, int] = defaultdict(int)
    for s in ranked:
        if sum(per_shape.values()) >= count or per_shape[s.shape] >= 2:
            continue
        per_shape[s.shape] += 1
        out += _case(s)
    return out


def generated(seed: int, count: int, formats: tuple[str, ...], kinds: set[str] | None,
              folder: Path, jobs: int) -> list[Score]:
    """Make, keep and score `count` documents of every shape."""
    tasks = []
    for kind, fmt in shapes(formats):
        if kinds and kind not in kinds:
            continue
        for n in range(count):
            rendering = render(seeded(kind, seed * 1000 + n), fmt)
            name = f"{kind}-{fmt}-{seed}-{n}{Path(rendering.name).suffix}"
            path = folder / "sources" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(rendering.data)
            tasks.append((path, rendering, f"{kind}/{fmt}"))

    def one(task):
        path, rendering, shape = task
        return score_generated(path, rendering.reading, rendering.meta,
                               folder / "work" / path.stem, shape)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, tasks))


def corpus(folder: Path, jobs: int) -> list[str]:
    source = corpus_folder()
    if source is None:
        return ["corpus: ../shared/corpus/nd30-2020 not found beside the checkout"]
    files = sorted(source.glob("*.docx"))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        scores = list(pool.map(lambda f: score_corpus(f, folder / "corpus" / f.stem), files))
    lines = [f"{'corpus file':28} {'exit':>6} order  first divergence / error"]
    for s in scores:
        detail = s.error or (s.order.divergence if s.order and not s.order.ok else "")
        lines.append(f"{s.name:28} {s.import_rc:>3}/{s.build_rc:<2} "
                     f"{'ok   ' if s.order_ok else 'BROKE'}  {detail[:150]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.import_scores", description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--kinds", default="", help="only these kinds (comma-separated)")
    parser.add_argument("--keep", type=Path, help="keep the sources and imports here")
    parser.add_argument("--worst", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-corpus", action="store_true")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="import-scores-"))
    formats = tuple(f for f in args.formats.split(",") if f)
    try:
        scores = generated(args.seed, args.count, formats,
                           set(filter(None, args.kinds.split(","))) or None, folder, args.jobs)
        print("\n".join(table(scores)))
        print("\nrefused (exit ≠ 0):")
        print("\n".join(refusals(scores)) or "    none")
        print("\nworst imports (exit 0):")
        print("\n".join(worst(scores, args.worst)) or "    none")
        if not args.no_corpus:
            print()
            print("\n".join(corpus(folder, args.jobs)))
        if args.keep:
            print(f"\nsources and imports kept in {folder}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
