#!/usr/bin/env python3
"""Benchmark: building the default briefing vs a pandoc baseline measured in the same run.

Not a test: it prints wall times (median of --runs), peak RSS, and the ratios the project
targets: our DOCX alone vs `pandoc md -> docx` of the same text (target <= 1.0), and our
DOCX + PDF together vs pandoc md -> docx plus pandoc md -> HTML -> WeasyPrint (target <= 0.8).
Every command runs as a fresh process, imports included, as a clerk would run it.

    python bench/bench_build.py [--runs 5] [--content content/briefing-foreign-affairs.yaml]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_once(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"failed: {' '.join(command)}\n{error}")
    return seconds, usage.ru_maxrss // 1024


def measure(commands: list[list[str]], runs: int) -> tuple[float, int]:
    """Median wall time of running `commands` one after the other, and the peak RSS."""
    times, peaks = [], []
    for _ in range(runs):
        total, peak = 0.0, 0
        for command in commands:
            seconds, rss = run_once(command)
            total += seconds
            peak = max(peak, rss)
        times.append(total)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


PHASES = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
from briefing.content.loader import load_document
from briefing.pipeline import validated
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
mark("import core (pydantic, jinja2, markdown-it, yaml)")
loaded = load_document(sys.argv[1]); mark("load YAML + schema")
validated(loaded); mark("validate")
view = prepare(loaded); tree = render_tree(view); mark("numbering + Jinja -> tree")
from briefing.writers.docx import write_docx; mark("import python-docx writer")
write_docx(tree, view.profile); mark("write DOCX")
import weasyprint; from briefing.writers.pdf import write_pdf; mark("import WeasyPrint")
from briefing.writers.pdf import pagination
rounds = []
original = pagination.misplaced_breaks
def counted(document, forced):
    rounds.append(1); return original(document, forced)
pagination.misplaced_breaks = counted
write_pdf(tree, view.profile); mark("write PDF (layouts: %d)" % len(rounds))
print(json.dumps([(b[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])]))
"""


def phases(content: Path) -> list[tuple[str, float]]:
    """Where one cold process spends its time, phase by phase."""
    import json

    out = subprocess.run([sys.executable, "-c", PHASES, str(content)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return [(name, seconds) for name, seconds in json.loads(out)]


def export_markdown(content: Path, target: Path) -> None:
    from briefing.content.loader import load_document
    from briefing.tree.prepare import prepare
    from briefing.tree.render import render_tree
    from briefing.writers.markdown import write_markdown

    view = prepare(load_document(content))
    target.write_text(write_markdown(render_tree(view)), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--content", type=Path,
                        default=ROOT / "content" / "briefing-foreign-affairs.yaml")
    args = parser.parse_args()
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    markdown = work / "briefing.md"
    export_markdown(args.content, markdown)

    ours = {
        fmt: [[python, "build.py", str(args.content), "--format", fmt, "--out", str(work)]]
        for fmt in ("docx", "pdf", "all")
    }
    rows: list[tuple[str, float, int]] = []
    for fmt, commands in ours.items():
        seconds, rss = measure(commands, args.runs)
        rows.append((f"ours {fmt}", seconds, rss))

    pandoc = shutil.which("pandoc")
    baseline: dict[str, float] = {}
    if pandoc:
        html = work / "pandoc.html"
        docx_cmd = [[pandoc, str(markdown), "-o", str(work / "pandoc.docx")]]
        pdf_cmds = [[pandoc, str(markdown), "-s", "--metadata", "lang=vi", "-o", str(html)],
                    [python, "-m", "weasyprint", str(html), str(work / "pandoc.pdf")]]
        for name, commands in (("pandoc md->docx", docx_cmd),
                               ("pandoc md->html->weasyprint", pdf_cmds),
                               ("pandoc both", docx_cmd + pdf_cmds)):
            seconds, rss = measure(commands, args.runs)
            baseline[name] = seconds
            rows.append((name, seconds, rss))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"content: {args.content.relative_to(ROOT)}, median of {args.runs} runs\n")
    print(f"{'what':32} {'seconds':>8} {'peak RSS':>10}")
    for name, seconds, rss in rows:
        print(f"{name:32} {seconds:8.3f} {rss:7d} MiB")
    if baseline:
        times = {name: seconds for name, seconds, _ in rows}
        docx_ratio = times["ours docx"] / baseline["pandoc md->docx"]
        both_ratio = times["ours all"] / baseline["pandoc both"]
        print(f"\nratio ours docx / pandoc md->docx          = {docx_ratio:.2f}  (target <= 1.00)")
        print(f"ratio ours docx+pdf / pandoc docx+html+pdf = {both_ratio:.2f}  (target <= 0.80)")
    else:
        print("\npandoc is not installed: no baseline (apt-get install pandoc)")
    print("\nwhere the time goes (one cold process, both writers in turn):")
    for name, seconds in phases(args.content):
        print(f"  {name:50} {seconds:6.3f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
