"""The studio is one process serving requests from threads: a request waiting for a file
never stops the others, builds never fork from it, renders never overlap, and a file created
while another thread works gets the usual permissions."""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from briefing.editing import document_files as documents
from briefing.studio.app import create_app
from briefing.studio.context import Studio

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = "briefing-foreign-affairs.yaml"
#: how long a test waits for something that should happen at once (a bug fails, never hangs)
PATIENCE = 60


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def app(project: Path):
    return create_app(project, Studio(project, prefetch=False), allowed_hosts={"testserver"})


def logged_in(client: TestClient, app) -> TestClient:
    secrets = app.state.studio.secrets
    assert client.get(f"/?token={secrets.token}", follow_redirects=False).status_code == 303
    client.headers["X-CSRF-Token"] = secrets.csrf
    return client


class Gate:
    """A lock stand-in: whoever takes it says so, then waits until the gate opens (or the
    patience runs out: then `timed_out` tells the test the wait was a hang)."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.timed_out = False

    def __enter__(self) -> Gate:
        self.reached.set()
        self.timed_out = not self.opened.wait(PATIENCE)
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _requests(app, client: TestClient) -> dict[str, tuple[str, str, dict]]:
    """Requests that take the file's lock, the store's naming lock, or create a file."""
    store = app.state.studio.store
    version = store.read(BOOKLET).version
    binned = documents.trash(store, documents.duplicate(store, BOOKLET)).key
    file_lock = {"version": version}
    return {
        "undo": ("file", f"/api/undo/{BOOKLET}", file_lock),
        "raw": ("file", f"/api/raw/{BOOKLET}", {"version": version, "text": "meta: {}\n"}),
        "change": ("file", f"/api/change/{BOOKLET}", {"version": version, "op": "set_meta",
                                                       "args": {"field": "place",
                                                                "value": "Huế"}}),
        "fix-all": ("file", f"/api/fix-all/{BOOKLET}", file_lock),
        "delete": ("file", f"/api/documents/delete/{BOOKLET}", file_lock),
        "new": ("naming", "/api/documents/new", {"form": "official", "subject": "Mới"}),
        "duplicate": ("naming", f"/api/documents/duplicate/{BOOKLET}", {}),
        "restore": ("naming", f"/api/bin/restore/{binned}", {}),
        "new unit": ("create", "/api/units/new", {"code": "quan-9", "name": "Quận 9"}),
    }


@pytest.mark.parametrize("request_name", ["undo", "raw", "change", "fix-all", "delete", "new",
                                          "duplicate", "restore", "new unit"])
def test_a_request_waiting_for_a_lock_does_not_stop_the_others(app, monkeypatch, request_name):
    store = app.state.studio.store
    with TestClient(app, base_url="http://testserver") as client:  # one event loop for all
        logged_in(client, app)
        which, url, body = _requests(app, client)[request_name]
        gate = Gate()
        if which == "file":
            monkeypatch.setattr(store, "lock", lambda name: gate)
        elif which == "naming":
            monkeypatch.setattr(store, "naming", gate)
        else:
            create = store.create

            def gated(name: str, data: bytes) -> None:
                with gate:
                    create(name, data)

            monkeypatch.setattr(store, "create", gated)
        answers = {}
        waiting = threading.Thread(target=lambda: answers.setdefault(
            "slow", client.post(url, json=body)))
        waiting.start()
        try:
            assert gate.reached.wait(PATIENCE), "the request never took its lock"
            other = client.get("/static/studio.css")  # while the first one waits
            waited_for_the_gate = gate.opened.is_set() or gate.timed_out
        finally:
            gate.opened.set()
            waiting.join(PATIENCE)
    assert other.status_code == 200
    assert not waited_for_the_gate, "the event loop was blocked by a request waiting for a lock"
    assert answers["slow"].status_code < 500


def test_editions_and_rebuilds_never_fork_and_hold_the_render_lock(app, project, monkeypatch):
    """One variant (no units): built in the studio's own process, where a fork would copy one
    thread and every lock the others held."""
    import briefing.builds.variants as batch
    from briefing.preview import rendering

    shutil.rmtree(project / "content" / "units")
    forks: list[int] = []

    def no_fork() -> int:
        forks.append(1)
        raise OSError("fork from the studio")

    held: list[bool] = []
    real_render = batch.render_formats

    def try_the_lock(probe: list[bool]) -> None:
        lock = rendering.rendering()
        taken = lock.acquire(blocking=False)
        if taken:
            lock.release()
        probe.append(taken)

    def render_formats(*args, **kwargs):
        probe: list[bool] = []
        thread = threading.Thread(target=try_the_lock, args=(probe,))
        thread.start()
        thread.join(PATIENCE)
        held.append(probe == [False])  # another thread cannot take it: this one holds it
        return real_render(*args, **kwargs)

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setattr(batch, "render_formats", render_formats)
    client = logged_in(TestClient(app), app)
    answer = client.post("/api/editions/new", json={"content": BOOKLET, "date": "2024-03-15",
                                                    "name": "so-03"})
    assert answer.status_code == 200, answer.text
    verified = client.post("/api/editions/verify", json={"label": "so-03@r1", "rebuild": True})
    assert verified.status_code == 200 and verified.json()["ok"] is True, verified.text
    assert verified.json()["rebuilt"] is True
    assert forks == [] and held == [True, True]


def test_a_new_file_gets_the_usual_permissions_without_touching_the_umask(tmp_path, monkeypatch):
    """Reading the umask means setting it to 0 for a moment: another thread creating a file in
    that moment would make it world-writable. It is read once, at import."""
    from briefing.atomic import write_atomic, write_new

    mask = os.umask(0o022)
    os.umask(mask)

    def flipped(value: int) -> int:
        raise AssertionError("os.umask called while the studio runs")

    monkeypatch.setattr(os, "umask", flipped)
    write_atomic(tmp_path / "a.yaml", b"a")
    write_new(tmp_path / "b.yaml", b"b")
    for name in ("a.yaml", "b.yaml"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~mask
    with pytest.raises(FileExistsError):
        write_new(tmp_path / "b.yaml", b"c")
    assert (tmp_path / "b.yaml").read_bytes() == b"b"


def test_the_warm_up_runs_once_whoever_asks_and_never_in_tests(monkeypatch):
    """The badges' request and the start's timer may both ask: the other pages are imported
    and the preview warmed once, in that order; a studio made for tests never warms up."""
    from briefing.studio.deferred import Deferred, Warming

    done: list[str] = []
    monkeypatch.setattr("briefing.preview.rendering.warm_up", lambda: done.append("preview"))
    warming = Warming(Deferred(lambda: done.append("pages") or []), enabled=True)
    asking = [threading.Thread(target=warming.now) for _ in range(4)]
    for thread in asking:
        thread.start()
    for thread in asking:
        thread.join(PATIENCE)
    for thread in [t for t in threading.enumerate() if t.name == "studio-warm-up"]:
        thread.join(PATIENCE)
    assert done == ["pages", "preview"]
    off = Warming(Deferred(lambda: done.append("never") or []), enabled=False)
    off.now()
    off.later()
    assert done == ["pages", "preview"] and not any(
        t.name == "studio-warm-up" for t in threading.enumerate())
