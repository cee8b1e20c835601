"""Who may talk to the studio: the person who started it, from this machine.

- a random token per start, given once in the printed address (`?token=…`), then kept in an
  HttpOnly, SameSite=Strict cookie; every request without it gets 401 (a wrong one 403);
- every change (POST, PUT, PATCH, DELETE) carries the per-start CSRF token in the
  `X-CSRF-Token` header, and its Origin, when the browser sends one, is the studio's own
  (its address, over http: the only scheme it serves);
- the Host header must name the studio's own address (a DNS-rebinding page cannot reach it);
- answers say `no-store` and forbid framing, sniffing and any script not from the studio.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from briefing import messages
from briefing.messages import msg

COOKIE = "briefing_studio"  # the prefix: each start names its cookie anew
CSRF_HEADER = "x-csrf-token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
#: nothing from outside: scripts, styles, images, fonts and fetches from the studio only
POLICY = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@dataclass
class Secrets:
    """The tokens of one start of the studio."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    #: cookies do not tell ports apart: two studios on one machine (or a restart) must not
    #: overwrite each other's cookie, so each start has a cookie name of its own
    cookie: str = field(default_factory=lambda: f"{COOKIE}_{secrets.token_hex(4)}")


def hosts_for(host: str, port: int) -> set[str]:
    """The Host header values the studio answers to (lower case): `name:port`, an IPv6
    address in brackets as browsers send it (`[::1]:8765`), the bare name on port 80."""
    names = {host, "127.0.0.1", "localhost"} if host in ("127.0.0.1", "localhost") else \
        {host, "localhost"} if host == "::1" else {host}
    names = {f"[{name}]" if ":" in name else name for name in (n.lower() for n in names)}
    out = {f"{name}:{port}" for name in names}
    if port == 80:
        out |= names
    return out


def authority(origin: str) -> str:
    """The `host:port` of an Origin header (`http://[::1]:8765` -> `[::1]:8765`), lower case,
    to compare with `hosts_for`."""
    return urlsplit(origin).netloc.lower() if "://" in origin else origin.lower()


def own_origin(origin: str, hosts: set[str]) -> bool:
    """Whether an Origin header is the studio's own: its address, and `http`, the only scheme
    it serves (`https://127.0.0.1:PORT` is another origin: some other server's page)."""
    return origin.lower().startswith("http://") and authority(origin) in hosts


class Guard:
    """ASGI middleware applying the rules above to every HTTP request."""

    def __init__(self, app: ASGIApp, secrets_: Secrets, allowed_hosts: set[str] | None):
        self.app = app
        self.secrets = secrets_
        self.allowed_hosts = allowed_hosts  # None: not checked (the test client)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _secured(refusal)(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in _SECURITY_HEADERS if name not in present]
            await send(message)

        await self.app(scope, receive, send_secured)

    def _refusal(self, scope: Scope, headers: Headers) -> Response | None:
        host = headers.get("host", "").lower()
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            return PlainTextResponse(str(msg("studio-host", "The address is not valid.")),
                                     status_code=403)
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get("token")
        if given is not None:
            if not secrets.compare_digest(given, self.secrets.token):
                return _denied(403, msg("studio-token", "The access code is wrong."))
            rest = urlencode({k: v for k, v in query.items() if k != "token"})
            response = RedirectResponse(scope["path"] + ("?" + rest if rest else ""), 303)
            response.set_cookie(self.secrets.cookie, self.secrets.token, httponly=True,
                                samesite="strict", path="/")
            return response
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:
            cookie = SimpleCookie()
        held = cookie.get(self.secrets.cookie)
        if held is None:
            return _denied(401, msg("studio-token-missing", "An access code is needed: open the "
                                    "full address (with ?token=…) printed when the Studio "
                                    "started."))
        if not secrets.compare_digest(held.value, self.secrets.token):
            return _denied(403, msg("studio-token-expired", "The access code is wrong or has "
                                    "expired (the Studio was restarted): open the new address "
                                    "it printed."))
        if scope["method"] in UNSAFE:
            csrf = headers.get(CSRF_HEADER, "")
            if not secrets.compare_digest(csrf, self.secrets.csrf):
                return _denied(403, msg("studio-csrf", "The request is refused (the "
                                        "anti-forgery code is missing). Reload the page."))
            origin = headers.get("origin")
            if origin is not None and self.allowed_hosts is not None and \
                    not own_origin(origin, self.allowed_hosts):
                return _denied(403, _CROSS_SITE)
            if headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
                return _denied(403, _CROSS_SITE)
        return None


_SECURITY_HEADERS = [
    (b"content-security-policy", POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


_CROSS_SITE = msg("studio-cross-site", "A request from another site is refused.")


def _denied(status: int, message: messages.Message) -> Response:
    return PlainTextResponse(str(message), status_code=status)


def _secured(response: Response) -> Response:
    for name, value in _SECURITY_HEADERS:
        response.headers[name.decode()] = value.decode()
    return response
