"""`build.py studio [--port N] [--no-browser] [--host H]`: the briefing studio in a browser.

Serves the studio on 127.0.0.1 (this machine only) with a new random token, prints the
address to open, and opens the browser. Another address needs an explicit `--host`, with a
warning: anyone who can reach it and learns the token can edit the content.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import webbrowser
from pathlib import Path

from briefing import PROJECT_ROOT
from briefing.cli import EXIT_OK
from briefing.messages import msg
from briefing.messages.language import VIETNAMESE, chosen
from briefing.problems import BriefingError

HELP = "edit, check, preview and publish in a browser (local server)"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py studio", description="Briefing Studio: the documents, the editor with "
        "live checks and preview, units and editions, in a browser on this machine.")
    parser.add_argument("--port", type=int, default=8765,
                        help="port on 127.0.0.1 (default 8765; 0 picks a free one)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--host", default="127.0.0.1",
                        help="listen on another address (NOT recommended: other machines "
                             "could reach the studio)")
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, metavar="DIR",
                        help="the project folder holding content/ and output/ (default: this one)")
    return parser


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        hint = msg("studio-port-hint", "another program (or another studio) uses it: try "
                                       "--port 0") if exc.errno in (98, 48, 10048) else None
        raise BriefingError.at(f"{host}:{port}", msg("studio-listen", "cannot listen: {reason}",
                                                     reason=exc.strerror or str(exc)),
                               hint=hint) from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    import uvicorn

    from briefing.studio.app import create_app
    from briefing.studio.security import hosts_for

    project = args.project.resolve()
    if not (project / "content").is_dir():
        raise BriefingError.at(project, msg("studio-no-content", "no content/ folder here"),
                               hint=msg("studio-no-content-hint", "run the studio from the "
                                        "project, or give --project DIR"))
    if args.host not in LOOPBACK:
        print(msg("studio-host-warning", "WARNING: listening on {host}, not on this machine "
                  "only: anyone who can reach this address and learns the token can read and "
                  "change the content.", host=args.host), file=sys.stderr)
    sock = bind(args.host, args.port)
    port = sock.getsockname()[1]
    app = create_app(project, allowed_hosts=hosts_for(args.host, port),
                     language=chosen() or VIETNAMESE, warm=True)
    token = app.state.studio.secrets.token
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown_host}:{port}/?token={token}"
    print(f"Studio: {url}", flush=True)
    print(msg("studio-stop", "(Ctrl+C to stop)"), file=sys.stderr, flush=True)
    app.state.warming.later()  # unless the list's badges start it before
    if not args.no_browser:
        threading.Timer(0.5, lambda: webbrowser.open(url)).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off"))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return EXIT_OK
