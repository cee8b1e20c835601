"""`build.py studio` on the command line: the printed address, the loopback rule, clear errors."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def studio(*args: str, project: Path | None = None) -> subprocess.Popen:
    command = [sys.executable, str(ROOT / "build.py"), "studio", "--no-browser", *args]
    if project is not None:
        command += ["--project", str(project)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)


def stop(process: subprocess.Popen) -> tuple[str, str]:
    process.terminate()
    try:
        return process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()


def test_prints_a_loopback_address_with_a_fresh_token():
    tokens = []
    for _ in range(2):
        process = studio("--port", "0")
        line = process.stdout.readline()
        stop(process)
        assert line.startswith("Studio: http://127.0.0.1:") and "/?token=" in line
        tokens.append(line.rsplit("=", 1)[1].strip())
    assert tokens[0] != tokens[1] and len(tokens[0]) >= 32


def test_another_address_only_with_a_warning():
    process = studio("--port", "0", "--host", "127.0.0.2")
    line = process.stdout.readline()
    _, err = stop(process)
    assert line.startswith("Studio: http://127.0.0.2:")
    assert "WARNING: listening on 127.0.0.2" in err


def test_port_in_use_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), "studio",
                                 "--no-browser", "--port", str(port)],
                                capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert f"127.0.0.1:{port}: error: cannot listen" in result.stderr
    assert "Traceback" not in result.stderr


def test_project_without_content_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "studio", "--no-browser",
                             "--project", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and "no content/ folder here" in result.stderr


def test_the_command_is_listed_with_its_help():
    from briefing.cli import COMMANDS

    assert COMMANDS["studio"] == "studio"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "studio", "--help"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0 and "127.0.0.1" in result.stdout
