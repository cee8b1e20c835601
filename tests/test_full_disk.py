"""A variant's DOCX and PDF are committed together or not at all (README: "the DOCX and PDF of a
build are replaced together"), in `batch`, `edition` and the studio's downloads, whatever fails.

Two kinds of full disk: a real one, a 2 MB tmpfs (where the machine lets the tests mount one, as
CI does: root on Debian), and a simulated one, an ENOSPC raised by every file written after the
first, which always runs.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT, atomic
from briefing.cli import main

CONTENT = "briefing-foreign-affairs.yaml"
SUBJECT = "Về thành tựu đối ngoại của Việt Nam"
NEW_SUBJECT = "Về một chủ đề mới hoàn toàn khác"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the booklet and of one unit (the subject changes between two batches)."""
    folder = tmp_path / "content"
    (folder / "units").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "content" / CONTENT, folder)
    shutil.copy(PROJECT_ROOT / "content" / "units" / "quan-1.yaml", folder / "units")
    return folder


def command(*argv: str | Path) -> tuple[int, str]:
    """Run build.py in this process (so that a patched write applies): exit code, stderr."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, err.getvalue()


def batch(content: Path, out: Path) -> tuple[int, str]:
    return command("batch", content / CONTENT, "--units", content / "units", "--out", out,
                   "--jobs", "1", "--no-progress")


def change_subject(content: Path) -> None:
    path = content / CONTENT
    text = path.read_text(encoding="utf-8")
    assert SUBJECT in text
    path.write_text(text.replace(SUBJECT, NEW_SUBJECT, 1), encoding="utf-8")


def pair(out: Path, name: str = "quan-1") -> dict[str, str | None]:
    """The sha256 of the variant's DOCX and of its PDF (None: absent)."""
    return {fmt: hashlib.sha256((out / f"{name}.{fmt}").read_bytes()).hexdigest()
            if (out / f"{name}.{fmt}").exists() else None for fmt in ("docx", "pdf")}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.part"))


class FullDisk:
    """`atomic._stage` (every file written goes through it) on a disk that fills up: with
    `after` set, the writes after that many fail with ENOSPC."""

    def __init__(self) -> None:
        self.after: int | None = None
        self.writes = 0
        self._stage = atomic._stage

    def __call__(self, path: Path, data: bytes, *args: object) -> Path:
        self.writes += 1
        if self.after is not None and self.writes > self.after:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._stage(path, data, *args)

    def fill(self, after: int = 1) -> None:
        self.after, self.writes = after, 0


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    full = FullDisk()
    monkeypatch.setattr(atomic, "_stage", full)
    return full


# -- simulated: always runs -------------------------------------------------------------------
def test_batch_on_a_full_disk_keeps_the_previous_pair(content, tmp_path, disk):
    out = tmp_path / "out"
    assert batch(content, out)[0] == 0
    before = pair(out)
    change_subject(content)
    disk.fill(after=1)  # the DOCX fits, the PDF does not
    code, err = batch(content, out)
    assert code == 2 and "FAILED quan-1" in err and "No space left on device" in err
    assert pair(out) == before  # the old DOCX and the old PDF, both whole
    assert leftovers(out) == []
    disk.after = None  # space again: the next batch builds the new pair
    assert batch(content, out)[0] == 0
    assert pair(out)["docx"] != before["docx"] and pair(out)["pdf"] != before["pdf"]


def test_batch_on_a_full_disk_into_an_empty_folder_leaves_no_lone_docx(content, tmp_path,
                                                                      disk):
    out = tmp_path / "out"
    disk.fill(after=1)
    code, err = batch(content, out)
    assert code == 2 and "No space left on device" in err
    assert pair(out) == {"docx": None, "pdf": None}
    assert leftovers(out) == []


def test_edition_on_a_full_disk_leaves_the_archived_revision_alone(content, tmp_path, disk):
    archive = tmp_path / "archive"
    edition = ("edition", content / CONTENT, "--units", content / "units", "--date",
               "2024-03-15", "--name", "full", "--jobs", "1", "--no-progress", "--archive",
               archive)
    assert command(*edition)[0] == 0
    r1 = archive / "full" / "r1"
    before = pair(r1)
    change_subject(content)
    disk.fill(after=1)
    code, err = command(*edition, "--new-revision")
    assert code == 2 and "No space left on device" in err
    assert sorted(p.name for p in (archive / "full").iterdir()) == [".lock", ".stamps.json",
                                                                   "r1"]
    assert pair(r1) == before
    assert command("archive", "verify", "full", "--archive", archive)[0] == 0


def test_studio_download_on_a_full_disk_keeps_the_previous_pair(content, tmp_path, disk):
    from starlette.testclient import TestClient

    from briefing.studio.app import create_app
    from briefing.studio.context import Studio

    studio = Studio(tmp_path, prefetch=False)
    client = TestClient(create_app(tmp_path, studio, allowed_hosts={"testserver"}),
                        base_url="http://testserver")
    assert client.get(f"/?token={studio.secrets.token}", follow_redirects=False).status_code \
        == 303
    client.headers["X-CSRF-Token"] = studio.secrets.csrf
    url = f"/download/pdf/{CONTENT}?unit=quan-1.yaml"
    assert client.post(url).status_code == 200
    out = tmp_path / "output" / "briefing-foreign-affairs"
    before = pair(out)
    change_subject(content)
    disk.fill(after=1)
    answer = client.post(url)
    said = answer.json()["error"]  # the disk is full, not "the document has errors"
    assert answer.status_code == 507 and "No space left on device" in said
    assert "đầy" in said and "còn lỗi" not in said and ".part" not in said
    assert pair(out) == before
    assert leftovers(tmp_path / "output") == []


# -- a real full disk: a 2 MB tmpfs -----------------------------------------------------------
@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A small tmpfs mounted on `folder`; the test is skipped, with the reason, where this
    machine does not allow it (not root, no mount in a container)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root and mount(8) (CI runs this as root)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of `folder` until about `leave` bytes are free."""
    info = os.statvfs(folder)
    free = info.f_bavail * info.f_frsize
    with open(folder / "filler", "wb") as stream:
        stream.write(b"\0" * max(0, free - leave))


def free_bytes(folder: Path) -> int:
    info = os.statvfs(folder)
    return info.f_bavail * info.f_frsize


def test_batch_on_a_real_full_disk_keeps_the_previous_pair(content, tmp_path):
    with tmpfs(tmp_path / "small") as out:
        assert batch(content, out)[0] == 0
        before = pair(out)
        change_subject(content)
        sizes = {fmt: (out / f"quan-1.{fmt}").stat().st_size for fmt in ("docx", "pdf")}
        fill(out, sizes["docx"] + 40_000)  # room for the new DOCX, not for the new PDF
        assert sizes["docx"] < free_bytes(out) < sizes["docx"] + sizes["pdf"]
        code, err = batch(content, out)
        assert code == 2 and "No space left on device" in err
        assert pair(out) == before
        assert leftovers(out) == []
        (out / "filler").unlink()
        for name in ("quan-1.docx", "quan-1.pdf"):
            (out / name).unlink()
        fill(out, sizes["docx"] + 40_000)
        code, err = batch(content, out)  # an empty folder: no DOCX without its PDF
        assert code == 2 and pair(out) == {"docx": None, "pdf": None}
        assert leftovers(out) == []
