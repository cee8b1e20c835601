"""Benchmark: the studio's work for one typed edit, before WeasyPrint — this checkout against
another (say, main's), paired and interleaved.

    python bench/bench_typing_path.py --against /work/main [--pairs 7] [--edits 12]

What a save of the studio runs for one edit of a paragraph (`studio/routes/editor.py`):
the minimal-diff YAML write (`DocumentStore.change_many`, "set_text"), `check` of the saved
text (`check_text`), and the preview's tree and HTML built from what that check loaded
(`checked_draft`, `draft_tree`, `pdf_request`) — everything but WeasyPrint's layout.

Each run is a child process of one checkout (its code first on `sys.path`) that copies the
booklet, makes a few edits to warm up (imports, the first parse: the studio pays them once),
then times `--edits` edits, each to another paragraph of the middle of the document, and
prints the median of each step (wall and CPU seconds). Runs of A (this checkout) and B
(`--against`) alternate (A B, B A, …): each pair gives a ratio A/B of the edit's median
time, and the median ratio is reported — on a shared machine the ratio is what compares, the
absolute times move with the load. A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("save", "check", "tree", "html", "edit")


def _paragraphs(data: object) -> list[tuple]:
    """Paths of the long paragraphs under `blocks`, in document order."""
    found: list[tuple] = []

    def walk(value: object, path: tuple) -> None:
        if isinstance(value, str) and len(value) > 200 and path[:1] == ("blocks",):
            found.append(path)
        elif isinstance(value, dict):
            for key, child in value.items():
                walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, (*path, index))

    walk(data, ())
    return found


def child(root: Path, edits: int, warm: int = 3) -> dict[str, list[float]]:
    """Run in the checkout at `root`: the wall and CPU seconds of each step, each edit."""
    sys.path.insert(0, str(root))
    from briefing.builds.draft_preview import checked_draft, draft_tree
    from briefing.editing.field_findings import check_text
    from briefing.editing.store import DocumentStore
    from briefing.source.yaml_source import load_yaml
    from briefing.writers.pdf import pdf_request

    folder = Path(tempfile.mkdtemp(prefix="bench-typing-"))
    try:
        shutil.copy(root / "content" / "briefing-foreign-affairs.yaml", folder / "b.yaml")
        store = DocumentStore(folder)
        snapshot = store.read("b.yaml")
        places = _paragraphs(load_yaml("b.yaml", snapshot.text).data)
        middle = places[len(places) // 3: 2 * len(places) // 3]
        times: dict[str, list[float]] = {f"{step} {clock}": [] for step in STEPS
                                         for clock in ("wall", "cpu")}
        for n in range(warm + edits):
            path = middle[n % len(middle)]
            value: object = load_yaml("b.yaml", snapshot.text).data
            for key in path:
                value = value[key]  # type: ignore[index]
            marks = [(time.perf_counter(), time.process_time())]
            snapshot = store.change("b.yaml", snapshot.version, "set_text", {
                "path": list(path), "value": f"{value} thêm {n}"}).snapshot
            marks.append((time.perf_counter(), time.process_time()))
            report = check_text(store.path("b.yaml"), snapshot.text).report
            marks.append((time.perf_counter(), time.process_time()))
            assert report is not None and report.yaml is not None
            draft = checked_draft(report.loaded, report.yaml.data, report.problems)
            assert draft is not None, "the edit made the booklet fail its check"
            view, tree = draft_tree(draft)
            marks.append((time.perf_counter(), time.process_time()))
            pdf_request(tree, view.profile, media=view.media)
            marks.append((time.perf_counter(), time.process_time()))
            if n < warm:
                continue
            for step, (before, after) in zip(STEPS, pairwise(marks), strict=False):
                times[f"{step} wall"].append(after[0] - before[0])
                times[f"{step} cpu"].append(after[1] - before[1])
            times["edit wall"].append(marks[-1][0] - marks[0][0])
            times["edit cpu"].append(marks[-1][1] - marks[0][1])
        return times
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(root: Path, edits: int) -> dict[str, float]:
    """One child run of the checkout at `root`: the median of each step."""
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(root),
                          "--edits", str(edits)], capture_output=True, text=True, cwd=root,
                         check=False)
    if out.returncode != 0:
        raise SystemExit(f"the run of {root} failed:\n{out.stderr}")
    return {key: statistics.median(values) for key, values in json.loads(out.stdout).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=False, help="the other checkout (B)")
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=12, help="timed edits in each run")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child.resolve(), args.edits)))
        return 0
    sides = {"A": ROOT} | ({"B": args.against.resolve()} if args.against else {})
    found: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    for index in range(args.pairs):
        order = list(sides) if index % 2 == 0 else list(reversed(sides))
        for side in order:
            found[side].append(run(sides[side], args.edits))
    for side, root in sides.items():
        print(f"{side}: {root}")
    header = "| per edit (median of runs) | " + " | ".join(sides) + (" | A/B |" if "B" in sides
                                                                     else " |")
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for key in (f"{step} {clock}" for clock in ("wall", "cpu") for step in STEPS):
        medians = [statistics.median(r[key] for r in found[side]) for side in sides]
        cells = [f"{m * 1000:.1f} ms" for m in medians]
        if "B" in sides:
            ratios = [a[key] / b[key] for a, b in zip(found["A"], found["B"], strict=True)]
            cells.append(f"{statistics.median(ratios):.2f}")
        print(f"| {key} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
