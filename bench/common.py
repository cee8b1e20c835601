"""What every benchmark shares: running commands, paired A/B timing, the machine, the table.

Timing uses public tools only: wall time around `os.wait4` of a child process, whose resource
usage gives the CPU seconds (the child's and those of the processes it waited for) and the
peak RSS. A and B of a comparison run interleaved, in alternating order (A B, B A, A B …), so
that a machine getting busier or quieter during the run shifts both alike; each pair gives a
ratio, and the median ratio is reported.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BRIEFING = ROOT / "content" / "briefing-foreign-affairs.yaml"

Command = Sequence[str | Path]


@dataclass
class Run:
    seconds: float
    cpu: float  # user + system seconds of the child and its waited-for children
    peak_mib: int


def _become_subreaper() -> bool:
    """Adopt orphaned descendants (Linux `prctl(PR_SET_CHILD_SUBREAPER)`): a batch's worker
    processes hang below multiprocessing's fork server, which its parent never waits for;
    adopted and waited for here, their CPU time counts in RUSAGE_CHILDREN."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


SUBREAPER = sys.platform.startswith("linux") and _become_subreaper()


def _reap_all() -> None:
    """Wait for every remaining (adopted) descendant."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(commands: Sequence[Command], cwd: Path = ROOT) -> Run:
    """Run `commands` one after the other (a pipeline of steps): their summed wall time (until
    each command exits), their CPU time (every process they started) and peak RSS."""
    total = Run(0.0, 0.0, 0)
    for command in commands:
        cpu_before = _children_cpu()
        started = time.perf_counter()
        process = subprocess.Popen([str(c) for c in command], cwd=cwd,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        error = process.stderr.read().decode(errors="replace") if process.stderr else ""
        process.stderr.close() if process.stderr else None
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(map(str, command))}\n{error}")
        _reap_all()
        total.seconds += seconds
        total.cpu += (_children_cpu() - cpu_before if SUBREAPER
                      else usage.ru_utime + usage.ru_stime)
        total.peak_mib = max(total.peak_mib, usage.ru_maxrss // 1024)
    return total


@dataclass
class Paired:
    a: list[Run]
    b: list[Run]

    @property
    def ratios(self) -> list[float]:
        return [x.seconds / y.seconds for x, y in zip(self.a, self.b, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def median(self, side: str) -> float:
        return statistics.median(r.seconds for r in getattr(self, side))

    def median_cpu(self, side: str) -> float:
        return statistics.median(r.cpu for r in getattr(self, side))


def busy_fraction(seconds: float = 0.5) -> float:
    """How busy the CPUs were over `seconds` (Linux /proc/stat), 0.0 when unknown."""
    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return sum(fields), idle

    try:
        total1, idle1 = sample()
        time.sleep(seconds)
        total2, idle2 = sample()
    except (OSError, ValueError, IndexError):
        return 0.0
    return 1 - (idle2 - idle1) / max(1, total2 - total1)


#: set by --idle-wait: before each pair, wait up to this many seconds for a quiet machine
IDLE_WAIT = 0.0


#: how busy the CPUs were just before each measured run (reported with the table)
BUSY_BEFORE: list[float] = []


def wait_for_quiet(limit: float | None = None, busy: float = 0.1) -> None:
    """Wait (at most `limit` s) until other processes leave the CPUs nearly idle: a shared
    machine's load hits A and B alike in a pair, but it hides what parallel work gains."""
    deadline = time.monotonic() + (IDLE_WAIT if limit is None else limit)
    while True:
        found = busy_fraction(0.3)
        if found <= busy or time.monotonic() >= deadline:
            BUSY_BEFORE.append(found)
            return


def busy_summary() -> str:
    if not BUSY_BEFORE:
        return "CPU use by other processes before each run: not sampled"
    ordered = sorted(BUSY_BEFORE)
    return (f"CPU use by other processes before each run: median {statistics.median(ordered):.0%}"
            f", max {ordered[-1]:.0%} ({len(ordered)} runs)")


def compile_bytecode() -> None:
    """The project's .pyc files, as any machine has them after the first run. The warm-up
    run writes them too, unless PYTHONDONTWRITEBYTECODE is set (as on this project's
    machine): then every run would compile ~80 modules again (~0.08 s), which no user pays."""
    import compileall

    compileall.compile_dir(ROOT / "briefing", quiet=2)
    compileall.compile_file(ROOT / "build.py", quiet=2)


def paired(a: Sequence[Command], b: Sequence[Command], pairs: int, warm_up: bool = True
           ) -> Paired:
    """`pairs` runs of A and of B, interleaved in alternating order (A B, B A, …)."""
    compile_bytecode()
    if warm_up:  # disk cache, .pyc files: the first run of anything is not a measurement
        run(a)
        run(b)
    result = Paired([], [])
    for index in range(pairs):
        wait_for_quiet()
        if index % 2 == 0:
            result.a.append(run(a))
            result.b.append(run(b))
        else:
            result.b.append(run(b))
            result.a.append(run(a))
    return result


def median_of(commands: Sequence[Command], times: int) -> list[Run]:
    compile_bytecode()
    run(commands)  # warm-up
    found = []
    for _ in range(times):
        wait_for_quiet()
        found.append(run(commands))
    return found


def tool_version(command: Sequence[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return "absent"
    return out.stdout.strip().splitlines()[0] if out.stdout.strip() else "?"


def machine() -> str:
    """One paragraph on where and when this ran."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        memory = 0
    from importlib import metadata

    weasyprint = metadata.version("weasyprint")
    hb_subset = "with" if _has_hb_subset() else "WITHOUT"
    pandoc = tool_version(["pandoc", "--version"]) if shutil.which("pandoc") else "absent"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.machine()}, "
            f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; WeasyPrint {weasyprint} "
            f"{hb_subset} libharfbuzz-subset; {pandoc}; load average {load}")


def _has_hb_subset() -> bool:
    import ctypes

    try:
        ctypes.CDLL("libharfbuzz-subset.so.0")
    except OSError:
        return False
    return True


@dataclass
class Row:
    what: str
    measured: str
    target: str
    met: bool | None  # None: informative, no target

    def cells(self) -> list[str]:
        verdict = {True: "met", False: "**not met**", None: "—"}[self.met]
        return [self.what, self.measured, self.target, verdict]


def table(rows: Sequence[Row], title: str = "what") -> str:
    lines = [f"| {title} | measured | target | |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)
