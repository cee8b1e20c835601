"""Workers die with their parent: `kill -9` of a `batch` or an `edition` leaves no forkserver,
resource tracker or worker behind, and the caller's pipe on its stdout reaches its end (a
script reading it does not hang).

The command runs in a session of its own, so every process it starts (the forkserver, the
resource tracker, the workers) is found by its process group. Waits are bounded polls: the
test says whether the processes leave, never how fast.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT

CONTENT = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
#: generous bounds for a loaded machine; a process that outlives them stayed for good
START_BOUND, EXIT_BOUND = 300.0, 120.0

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="process groups are read from /proc (Linux)")


def group_members(group: int) -> dict[int, tuple[int, str]]:
    """Live processes of the process group `group`: pid -> (parent pid, command line)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                "utf-8", "replace")
        except OSError:  # gone meanwhile
            continue
        state, parent, pgrp = stat.rpartition(")")[2].split()[:3]
        if int(pgrp) == group and state != "Z":  # a zombie holds nothing open
            found[int(entry.name)] = (int(parent), command)
    return found


def workers(group: int) -> list[int]:
    """The pool's workers: children of the group's forkserver (or of the command itself)."""
    members = group_members(group)
    servers = {pid for pid, (_, command) in members.items() if "forkserver" in command}
    return [pid for pid, (parent, command) in members.items()
            if parent in servers or (parent == group and "resource_tracker" not in command
                                     and "forkserver" not in command)]


def poll(condition: Callable[[], bool], bound: float) -> bool:
    """Whether `condition` holds within about `bound` seconds of polls (a wait, counted in
    polls: no clock is read, so a loaded machine only waits longer between them)."""
    for _ in range(int(bound / 0.2)):
        if condition():
            return True
        time.sleep(0.2)
    return condition()


COMMANDS = {
    "batch": ["batch", str(CONTENT), "--jobs", "2", "--no-progress", "--force"],
    "edition": ["edition", str(CONTENT), "--date", "2024-03-15", "--name", "killed", "--jobs",
                "2", "--no-progress"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_kill_9_of_the_command_leaves_no_process_and_closes_its_stdout(name, tmp_path):
    where = ["--out", str(tmp_path / "out")] if name == "batch" else \
        ["--archive", str(tmp_path / "archive")]
    process = subprocess.Popen([sys.executable, str(PROJECT_ROOT / "build.py"),
                                *COMMANDS[name], *where],
                               cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    group = process.pid
    ended = threading.Event()

    def read_to_the_end() -> None:
        assert process.stdout is not None
        process.stdout.read()
        ended.set()

    reader = threading.Thread(target=read_to_the_end, daemon=True)
    reader.start()
    try:
        assert poll(lambda: bool(workers(group)) or process.poll() is not None, START_BOUND)
        assert process.poll() is None, "the command ended before its workers could be seen"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert poll(lambda: not group_members(group), EXIT_BOUND), (
            f"left running after kill -9 of {name}: "
            + "; ".join(f"{pid} {command[:70]}" for pid, (_, command)
                        in group_members(group).items()))
        assert ended.wait(EXIT_BOUND), "the caller's stdout never reached its end"
    finally:
        for pid in group_members(group):  # what this test started, by id
            os.kill(pid, signal.SIGKILL)
        reader.join(EXIT_BOUND)
