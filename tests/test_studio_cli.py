"""`build.py studio` on the command line: the printed address, the loopback rule, clear errors."""

from __future__ import annotations

import re
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


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


def test_an_ipv6_address_is_served(tmp_path):
    """`--host ::1`: the browser sends `Host: [::1]:PORT`; the studio answers it."""
    import http.client
    from urllib.parse import urlsplit

    import pytest

    if not _ipv6_loopback():
        pytest.skip("this machine has no IPv6 loopback")
    process = studio("--port", "0", "--host", "::1")
    try:
        line = process.stdout.readline()
        assert line.startswith("Studio: http://[::1]:"), line
        address = urlsplit(line.split(" ", 1)[1].strip())
        connection = http.client.HTTPConnection("::1", address.port, timeout=30)
        connection.request("GET", f"/?{address.query}")  # Host: [::1]:PORT, as a browser sends
        answer = connection.getresponse()
        assert answer.status == 303, answer.read().decode()
        cookie = answer.getheader("set-cookie").split(";", 1)[0]
        answer.read()
        connection.request("GET", "/", headers={"Cookie": cookie})
        page = connection.getresponse().read().decode()
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        for origin, status in ((f"http://[::1]:{address.port}", 400), ("http://[::2]:80", 403)):
            connection.request("POST", "/api/documents/new", body="{}", headers={
                "Cookie": cookie, "Origin": origin, "Content-Type": "application/json",
                "X-CSRF-Token": csrf})
            answer = connection.getresponse()  # 400: no form chosen; 403: another site
            assert answer.status == status, answer.read().decode()
            answer.read()
    finally:
        stop(process)


def test_a_link_planted_at_output_is_a_clear_error(tmp_path):
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (project / "output").symlink_to(tmp_path / "elsewhere")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "studio", "--no-browser",
                             "--port", "0", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "leads outside" in result.stderr and len(result.stderr.strip().splitlines()) == 1
