"""The studio's pages but the documents list, imported after the list is served.

`build.py studio` answers its first page (the list) within a second or so by leaving out what
that page does not need: the editing layer, `check` with the content schema, pydantic, the
units, the preview's engine. `Deferred` answers every other address, importing those pages'
modules at the first request that needs them; `Warming` imports them beforehand, in the
background, once the list's badges or its new-document form have been served (or some
seconds after the start, should no page ask for them), then warms the preview's engine
(WeasyPrint, the fonts): nothing competes with the first page for the interpreter.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute, Router
from starlette.types import Receive, Scope, Send

#: seconds after the start when the warm-up begins if no list has asked for its badges by then
#: (no browser yet, another page opened first, an empty list): past the first page's time
WARM_AFTER = 10.0


class Deferred:
    """ASGI app: the routes `make` gives, imported (in the thread pool, never on the event
    loop) by the first request that needs them or by `router()`."""

    def __init__(self, make: Callable[[], Sequence[BaseRoute]]):
        self._make = make
        self._router: Router | None = None
        self._lock = threading.Lock()

    def router(self) -> Router:
        with self._lock:
            if self._router is None:
                self._router = Router(routes=list(self._make()))
            return self._router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        router = self._router or await run_in_threadpool(self.router)
        await router(scope, receive, send)


class Warming:
    """The warm-up, started once: `now` (the list's badges were served), or `later` (in
    `WARM_AFTER` seconds: the command, at start). Off (`enabled` False) in tests: nothing
    runs behind a test's back."""

    def __init__(self, deferred: Deferred, enabled: bool):
        self.deferred = deferred
        self.enabled = enabled
        self._started = False
        self._lock = threading.Lock()

    def now(self) -> None:
        with self._lock:
            if self._started or not self.enabled:
                return
            self._started = True
        threading.Thread(target=self._run, name="studio-warm-up", daemon=True).start()

    def later(self) -> None:
        if self.enabled and not self._started:
            timer = threading.Timer(WARM_AFTER, self.now)
            timer.daemon = True
            timer.start()

    def _run(self) -> None:
        self.deferred.router()
        from briefing.preview.rendering import warm_up

        warm_up()
