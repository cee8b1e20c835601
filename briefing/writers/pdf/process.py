"""The PDF engine in a second process, started first thing by a cold `build.py`.

A cold PDF build spends ~0.25 s importing WeasyPrint and, independently, ~0.25 s importing
pydantic, Jinja and markdown-it and reading and checking the content. On two cores these
overlap: `start()` forks a child before the content side is imported; the child imports
WeasyPrint (`briefing.writers.pdf.render_pdf`'s half only) and waits; the parent sends it a
`PdfRequest` (HTML + CSS text) when its tree is ready and writes the DOCX meanwhile. The child
serves every PDF of the command (one per content file) and is ended when the command is done
(or leaves by itself when the parent exits).

On one core, without fork, or if the child is gone, the PDF is rendered in this process:
the same function, the same bytes.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

_HEADER = struct.Struct("!Q")


def _send(fd: int, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> Any:
    """The next message, or raise EOFError when the other side has closed its end."""
    header = _read_exactly(fd, _HEADER.size)
    return pickle.loads(_read_exactly(fd, _HEADER.unpack(header)[0]))


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class Stylesheet:
    """A message with no answer: the stylesheet the next request will use, sent as soon as
    the profile is known, so that the engine parses it (and loads the fonts it names) while
    the content is still being checked."""

    css: str


def _serve(requests: int, answers: int) -> None:
    """The child: import the engine, then render requests until the parent goes away."""
    from briefing.writers.pdf import render_pdf
    from briefing.writers.pdf.resources import print_setup

    while True:
        try:
            request = _receive(requests)
        except EOFError:
            return
        if isinstance(request, Stylesheet):
            with suppress(Exception):  # only a head start: the request parses it otherwise
                print_setup(request.css)
            continue
        try:
            answer: tuple[bool, Any] = (True, render_pdf(request))
        except Exception as exc:  # re-raised in the parent, like an in-process failure
            answer = (False, exc)
        try:
            _send(answers, answer)
        except (pickle.PicklingError, TypeError, AttributeError):
            _send(answers, (False, RuntimeError(repr(answer[1]))))


class EngineProcess:
    """A forked child that renders `PdfRequest`s; `submit` returns at once."""

    def __init__(self) -> None:
        parent_requests, child_requests = os.pipe()[::-1]  # (write end, read end)
        child_answers, parent_answers = os.pipe()[::-1]
        pid = os.fork()
        if pid == 0:  # child: never returns into the parent's code
            status = 0
            try:
                os.close(parent_requests)
                os.close(parent_answers)
                _serve(child_requests, child_answers)
            except BaseException:  # Ctrl-C, a broken pipe: leave quietly, the parent reports
                status = 1
            finally:
                os._exit(status)
        os.close(child_requests)
        os.close(child_answers)
        self.pid = pid
        self._requests, self._answers = parent_requests, parent_answers
        self._last: _Sender | None = None

    def expect(self, css: str) -> None:
        """Tell the engine the stylesheet to prepare (see `Stylesheet`)."""
        self._send(Stylesheet(css))

    def submit(self, request: Any) -> Pending:
        """Send `request` from a thread: a pipe holds 64 KiB, the HTML is larger, and the
        child may still be loading WeasyPrint; meanwhile this process writes the DOCX."""
        return Pending(self, request, self._send(request))

    def _send(self, message: Any) -> _Sender:
        """Messages leave in order, one whole message at a time."""
        self._last = _Sender(self._requests, message, after=self._last)
        self._last.start()
        return self._last

    def _answer(self) -> tuple[bool, Any]:
        return _receive(self._answers)

    def close(self) -> None:
        """End the child and reap it. It holds nothing worth waiting for (the parent writes
        every file), and a build that stops on bad input must not wait for WeasyPrint to
        finish loading."""
        for fd in (self._requests, self._answers):
            with suppress(OSError):
                os.close(fd)
        with suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        with suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class _Sender(threading.Thread):
    def __init__(self, fd: int, message: Any, after: _Sender | None = None):
        super().__init__(name="pdf-request", daemon=True)
        self.fd, self.message, self.after, self.failed = fd, message, after, False

    def run(self) -> None:
        if self.after is not None:
            self.after.join()
            self.after = None  # else each sender holds every earlier request, HTML and all
        try:
            _send(self.fd, self.message)
        except OSError:  # the child is gone: `Pending.result` renders here
            self.failed = True
        self.message = None  # sent (or not): `Pending` keeps its own request


class Pending:
    """The PDF of one submitted request."""

    def __init__(self, engine: EngineProcess, request: Any, sender: _Sender):
        self._engine, self._request, self._sender = engine, request, sender

    def result(self) -> bytes:
        self._sender.join()
        try:
            if self._sender.failed:
                raise EOFError
            ok, value = self._engine._answer()
        except (EOFError, OSError):  # the child is gone: render here, same function
            stop()
            from briefing.writers.pdf import render_pdf

            return render_pdf(self._request)
        if not ok:
            raise value
        return value


_running: list[EngineProcess] = []


def available() -> bool:
    """Worth a second process: fork exists and this process may use two cores or more."""
    if not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        cores = os.cpu_count() or 1
    return cores >= 2


def start() -> EngineProcess | None:
    """Start the engine process (once); call it before importing the content side."""
    if not _running and available():
        sys.stdout.flush()  # nothing buffered may be written twice
        sys.stderr.flush()
        _running.append(EngineProcess())
    return running()


def running() -> EngineProcess | None:
    return _running[0] if _running else None


def stop() -> None:
    while _running:
        _running.pop().close()
