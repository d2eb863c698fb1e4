"""Each page under load: 10 concurrent users against gunicorn on 127.0.0.1, with wrk.

    python bench/load.py [--risks 10000] [--duration 10] [--connections 10] [--json FILE]

Uses the database in DATABASE_URL and builds the benchmark organisation there if it is
missing. Starts the production server the way ``make serve`` does behind a proxy
(``gunicorn -c gunicorn.conf.py riskreg.wsgi``, DJANGO_BEHIND_PROXY=1, on a free port of
127.0.0.1), signs SLT in by writing a session straight into the database, then has wrk keep
``--connections`` requests in flight (2 threads) at each page for ``--duration`` seconds,
sending the session cookie and ``X-Forwarded-Proto: https`` as the proxy would. Before that,
one request per worker at once (every worker serves the page once: templates loaded, what the
page keeps filled; "first" is the slowest of these, what a reader meets after a change), then
``--warmup`` seconds of wrk. Prints p50 / p95 / p99 latency and requests a second, and each
page's p95 as a ratio to the floor page's (the sign-in page, anonymous: ``harness.FLOOR``),
loaded first in the same run; any answer other than 200 stops the run. The server is stopped
afterwards whatever happens. Timings are for reading, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# A random key for this run, shared with the server: the session written below is checked
# against it (the session's auth hash is keyed by it).
os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)

import harness
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from riskreg.security import LAST_SEEN

ROOT = harness.ROOT
WRK = shutil.which("wrk") or "/usr/bin/wrk"
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
PROXY_HEADERS_LINES = [f"{k}: {v}" for k, v in PROXY_HEADERS.items()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session_cookie() -> str:
    """A signed-in session for the bench's SLT user, as ``login()`` would have written it."""
    user = harness.bench_user()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend that loads signed-in users (the first one, django-axes', only refuses).
    session[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if not path.startswith("axes.")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[LAST_SEEN] = int(time.time())
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


class ServerStopped(Exception):
    pass


class Server:
    """gunicorn as ``make serve`` runs it behind a proxy, on a free port, in its own process
    group so that stopping it stops its workers too."""

    def __init__(self, log_path: Path):
        self.port = free_port()
        self.log_path = log_path
        self.workers = worker_count()
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        env = {
            **os.environ,
            "DJANGO_BEHIND_PROXY": "1",
            "RISKREG_BIND": f"127.0.0.1:{self.port}",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        }
        gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
        if (ROOT / "gunicorn.conf.py").exists():
            # Without the control socket: gunicorn's default one is one path for every server
            # this user runs, so another gunicorn's control commands could reach this one.
            command = [gunicorn, "-c", "gunicorn.conf.py", "--no-control-socket", "riskreg.wsgi"]
        else:  # before gunicorn.conf.py existed: the same workers (2 x cores + 1) and bind
            workers = 2 * (os.cpu_count() or 1) + 1
            command = [
                gunicorn,
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--no-control-socket",
                "riskreg.wsgi",
            ]
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_up(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"gunicorn exited with {self.process.returncode}: see {self.log_path}"
                )
            request = urllib.request.Request(self.base + "/accounts/login/", headers=PROXY_HEADERS)
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer within {seconds:.0f} s: see {self.log_path}")

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group started above, no other
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def wrk(url: str, *, cookie: str, seconds: float, connections: int, check: bool = True) -> dict:
    """wrk's figures for ``url`` (``cookie`` empty: anonymous)."""
    headers = [*([f"Cookie: {cookie}"] if cookie else []), *PROXY_HEADERS_LINES]
    command = [
        WRK,
        f"--threads={min(2, connections)}",
        f"--connections={connections}",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=30s",
        f"--script={LUA}",
        *(arg for header in headers for arg in ("--header", header)),
        url,
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    lines = [line for line in run.stdout.splitlines() if line.startswith("BENCH ")]
    if run.returncode != 0 or not lines:
        raise SystemExit(f"wrk failed on {url}:\n{run.stdout}\n{run.stderr}")
    figures = json.loads(lines[-1].removeprefix("BENCH "))
    figures["rps"] = figures["requests"] / figures["seconds"]
    if not check:
        return figures
    errors = sum(
        figures[k] for k in ("not_ok", "connect_errors", "read_errors", "write_errors", "timeouts")
    )
    if figures["requests"] == 0:
        raise SystemExit(f"{url}: no request finished in {seconds:.0f} s; give it longer")
    if errors:
        raise SystemExit(f"{url}: {errors} requests failed or answered other than 200: {figures}")
    return figures


def worker_count() -> int:
    """How many workers gunicorn.conf.py starts here."""
    return int(runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"])


def first_requests(url: str, *, cookie: str, workers: int) -> float:
    """As many requests at once as there are workers, each answered before the next step, so
    that every worker has served the page once, however long its first time takes (the
    directorate collation builds its body on a worker's first request after a change: seconds
    at 100,000 risks, five workers at once on two cores). The slowest one's seconds."""
    headers = {**PROXY_HEADERS, **({"Cookie": cookie} if cookie else {})}

    def one(_: int) -> float:
        started = time.monotonic()
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
        return time.monotonic() - started

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return max(pool.map(one, range(workers)))


def load_page(server: Server, path: str, cookie: str, args) -> dict:
    url = server.base + path
    first = None
    try:
        if args.warmup > 0:
            # Every worker serves the page once (its first request loads and compiles what the
            # page needs, and fills what it keeps), then wrk warms up; failures here still
            # stop the run below.
            first = first_requests(url, cookie=cookie, workers=server.workers)
            wrk(url, cookie=cookie, seconds=args.warmup, connections=args.connections, check=False)
        figures = wrk(url, cookie=cookie, seconds=args.duration, connections=args.connections)
        figures["first_ms"] = None if first is None else first * 1000
    except SystemExit:
        if not server.running:
            raise ServerStopped from None
        raise
    if not server.running:
        raise ServerStopped
    return figures


def _ms(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=10_000)
    parser.add_argument("--duration", type=float, default=10, help="seconds a page")
    parser.add_argument("--warmup", type=float, default=5, help="seconds a page, not counted")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--json", help="write the figures here too")
    args = parser.parse_args()

    harness.ensure_data(args.risks)
    pages = harness.pages()
    cookie = session_cookie()
    vendor = connection.vendor
    connection.close()
    log_path = ROOT / "var" / f"bench-gunicorn-{vendor}.log"
    results = []
    print(
        f"\n{vendor}, {args.risks} risks, {args.connections} concurrent users, "
        f"{args.duration:.0f} s a page (gunicorn log: {log_path.relative_to(ROOT)})"
    )
    print(
        f"{'page':<38} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7} {'p95 ÷ floor':>12} "
        f"{'first':>7}"
    )
    with Server(log_path) as server:
        floor = load_page(server, harness.FLOOR_PATH, "", args)
        for name, path in [(harness.FLOOR, harness.FLOOR_PATH), *pages]:
            figures = floor if path == harness.FLOOR_PATH else load_page(server, path, cookie, args)
            if name != harness.FLOOR:
                results.append({"name": name, "path": path, "load": figures})
            print(
                f"{name:<38} {figures['p50']:>7.1f} {figures['p95']:>7.1f} "
                f"{figures['p99']:>7.1f} {figures['rps']:>7.1f} "
                f"{figures['p95'] / floor['p95']:>11.1f}x {_ms(figures['first_ms']):>7}"
            )
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"vendor": vendor, "floor": floor, "pages": results}, out, indent=1)


if __name__ == "__main__":
    sys.exit(main())
