"""Benchmark: from the end of typing to the updated preview, in the studio, in a real browser.

    python bench/bench_studio.py [--runs 12] [--file briefing-foreign-affairs.yaml]

Starts `build.py studio` on a free port of 127.0.0.1 in a temporary copy of the content,
opens the document in Debian's Chromium (Playwright, `/usr/bin/chromium`), and for each run
types a few words at the end of a paragraph (a different one each time), then waits for the
preview to show the new build: the time is taken in the page, from the last keystroke to two
frames after the new picture of the edited page was put in (`studio:preview-updated`). It
includes the save debounce, the save, `check`, the PDF build and drawing the page.

Paired baseline, in the same run, interleaved with the studio runs: what a clerk did before —
save the file and run `python build.py FILE --format pdf` (a cold process), timed from the
start of the command to its end. Prints p50 and p95 of both and their ratio. A benchmark, not
a test: it prints, it asserts nothing.

Start (`--starts N`, 0 to skip): from launching `build.py studio` to the first page served —
the documents list, with the token, read to its end over HTTP — paired, interleaved, with
the smallest cold command of the same interpreter (`build.py --help`) as the baseline; then
to the end of the list's badges (the page's next request). `--against DIR` times another
checkout's start (say, main's) in the same runs, interleaved: an A/B on the same load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 12 runs is the largest but none)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def start_studio(project: Path, root: Path = ROOT) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, str(root / "build.py"), "studio", "--port", "0", "--no-browser",
         "--project", str(project)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, cwd=root, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("Studio: "):
        process.kill()
        raise SystemExit(f"the studio did not start: {line!r}")
    return process, line.split(" ", 1)[1].strip()


def paragraph_ids(page) -> list[str]:
    """Body paragraphs long enough to be found on their page, in document order."""
    return page.evaluate("""() => [...document.querySelectorAll('#doc textarea.para')]
        .filter(t => /^\\["blocks"/.test(t.dataset.path) && t.value.length > 200)
        .map(t => t.id)""")


def studio_run(page, field_id: str, words: str) -> float:
    """Seconds from the last keystroke to the preview showing the edit."""
    field = page.locator(f"#{field_id}-rt")  # the paragraph's formatted-text editor
    field.scroll_into_view_if_needed()
    field.click()
    field.press("Control+End")
    page.evaluate("window.__updates = []")
    field.type(words, delay=25)
    typed_at = page.evaluate("window.studioLastInput")
    page.wait_for_function(
        "(t) => window.__updates.some(u => u.at > t && u.started >= t)", arg=typed_at,
        timeout=120_000)
    done_at = page.evaluate("(t) => window.__updates.find(u => u.at > t && u.started >= t).at",
                            typed_at)
    return (done_at - typed_at) / 1000


def cli_run(project: Path, name: str, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "build.py"), str(project / "content" / name),
                    "--format", "pdf", "--out", str(out)], check=True, capture_output=True)
    return time.perf_counter() - started


def first_page(project: Path, root: Path = ROOT) -> tuple[float, float | None]:
    """Seconds from launching the studio (of the checkout `root`) to the end of its first page
    (the documents list), and to the end of the list's badges (`/api/documents/checks`, the
    page's next request; None where the list is served with its badges)."""
    import http.cookiejar
    import urllib.error
    import urllib.request

    started = time.perf_counter()
    process, url = start_studio(project, root)
    try:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with opener.open(url, timeout=60) as answer:  # the token, then the list itself
            answer.read()
            assert answer.status == 200
        listed = time.perf_counter() - started
        try:
            with opener.open(url.split("/?", 1)[0] + "/api/documents/checks",
                             timeout=120) as answer:
                answer.read()
        except urllib.error.HTTPError:  # an older studio: its list came with its badges
            return listed, None
        return listed, time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)


def help_run(root: Path = ROOT) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(root / "build.py"), "--help"], check=True,
                   capture_output=True, cwd=root)
    return time.perf_counter() - started


def starts(runs: int, against: Path | None = None) -> None:
    """Start -> first page, paired with a cold `build.py --help` (and, `against` another
    checkout, with its start too), the order rotated each run."""
    firsts: list[float] = []
    badges: list[float] = []
    helps: list[float] = []
    others: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-studio-start-") as scratch:
        project = Path(scratch)
        shutil.copytree(ROOT / "content", project / "content")
        measures = ["this", "help"] + (["other"] if against else [])
        for run in range(runs):
            for which in measures[run % len(measures):] + measures[:run % len(measures)]:
                if which == "this":
                    listed, checked = first_page(project)
                    firsts.append(listed)
                    badges += [checked] if checked is not None else []
                elif which == "help":
                    helps.append(help_run())
                else:
                    assert against is not None
                    others.append(first_page(project, against)[0])
            print(f"start {run + 1:2d}: first page {firsts[-1]:5.2f} s"
                  + (f" (badges {badges[-1]:5.2f} s)" if badges else "")
                  + f"   build.py --help {helps[-1]:5.2f} s"
                  + (f"   {against}: first page {others[-1]:5.2f} s" if others else ""),
                  flush=True)
    p50, p95 = statistics.median(firsts), percentile(firsts, 0.95)
    h50 = statistics.median(helps)
    print(f"command start -> first page served: p50 {p50:.2f} s, p95 {p95:.2f} s "
          f"(target <= 1.5 s); cold build.py --help p50 {h50:.2f} s, ratio {p50 / h50:.2f}")
    if badges:
        print(f"command start -> the list's badges: p50 {statistics.median(badges):.2f} s, "
              f"p95 {percentile(badges, 0.95):.2f} s")
    if others:
        o50 = statistics.median(others)
        print(f"{against}: first page p50 {o50:.2f} s, p95 {percentile(others, 0.95):.2f} s, "
              f"ratio to --help {o50 / h50:.2f}; this / that p50 {p50 / o50:.2f}")


def typing_runs(args: argparse.Namespace) -> tuple[list[float], list[float]]:
    """The studio's runs (typing -> the edited page's new picture) and, interleaved, the
    baseline's (save + a cold `build.py FILE --format pdf`)."""
    from playwright.sync_api import sync_playwright

    studio_times: list[float] = []
    cli_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-studio-") as scratch:
        project = Path(scratch)
        shutil.copytree(ROOT / "content", project / "content")
        if Path(args.file).is_file():
            shutil.copy(args.file, project / "content" / Path(args.file).name)
            args.file = Path(args.file).name
        process, url = start_studio(project)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run"])
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(url)
                page.goto(url.split("/?")[0] + "/edit/" + args.file)
                page.evaluate("""() => { window.__updates = [];
                    document.addEventListener('studio:preview-updated',
                        e => window.__updates.push(e.detail)); }""")
                page.wait_for_selector("#pages figure[data-shown]", timeout=120_000)
                fields = paragraph_ids(page)
                studio_run(page, fields[0], " Khởi động.")  # untimed: first build
                for run in range(args.runs):
                    seconds = studio_run(page, fields[(run + 1) % len(fields)],
                                         f" Thêm {run}.")
                    studio_times.append(seconds)
                    line = f"run {run + 1:2d}: studio {seconds:5.2f} s"
                    if not args.no_baseline:
                        cli_times.append(cli_run(project, args.file, project / "out"))
                        line += f"   save + build.py --format pdf {cli_times[-1]:5.2f} s"
                    print(line, flush=True)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    return studio_times, cli_times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--file", default="briefing-foreign-affairs.yaml",
                        help="a file of content/, or the path of another content file "
                             "(copied into the scratch project's content/)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the CLI runs")
    parser.add_argument("--starts", type=int, default=6,
                        help="studio starts timed to the first page (0: none)")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="another checkout (say, main's worktree) whose starts are timed "
                             "in the same runs, interleaved")
    args = parser.parse_args()
    if args.starts:
        starts(args.starts, args.against)
    if not args.runs:
        return 0
    studio_times, cli_times = typing_runs(args)
    print()
    print(f"{args.file}, {args.runs} runs, {os.cpu_count()} cores")
    p50, p95 = statistics.median(studio_times), percentile(studio_times, 0.95)
    print(f"typing -> updated preview (studio): p50 {p50:.2f} s, p95 {p95:.2f} s "
          f"(target p50 <= 1.0 s, p95 <= 1.5 s)")
    if cli_times:
        c50, c95 = statistics.median(cli_times), percentile(cli_times, 0.95)
        print(f"save + cold build.py --format pdf:    p50 {c50:.2f} s, p95 {c95:.2f} s")
        print(f"ratio studio / cold build: p50 {p50 / c50:.2f}, p95 {p95 / c95:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
