"""Servers and clients for the tests.

``LiveServer`` is ``securebase serve`` in a subprocess on a free port: for websockets, several
workers, Redis fan-out, crashes and restarts, and the browser. ``InProcessSite``
(``tests/support/inprocess.py``) serves everything else in this process, much faster. Both offer
``url``, ``client()`` and ``set_role()``, so a test reads the same against either.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]

# Generous limits so the suite's many sign-ups from 127.0.0.1 are not throttled;
# tests that check throttling start their own server with tight limits.
TEST_ENV = {
    "SECUREBASE_REGISTER_RATE": "10000/minute",
    "SECUREBASE_LOGIN_ADDRESS_RATE": "10000/minute",
    "SECUREBASE_POST_RATE": "10000/minute",
    "SECUREBASE_CHAT_RATE": "10000/minute",
    "SECUREBASE_REPORT_RATE": "10000/minute",
    "SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS": "0",
    "SECUREBASE_LOG_LEVEL": "warning",
    # Many tests read threads signed out to check what the public would see; members-only
    # tests start their own server with SECUREBASE_PUBLIC_READ="" (the default, off).
    "SECUREBASE_PUBLIC_READ": "1",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unique(prefix: str = "m") -> str:
    return f"{prefix}_{secrets.token_hex(5)}"


class OneShot:
    """``server.get(path, ...)`` and friends: one request on a fresh client, like ``httpx.get``."""

    def client(self, **kwargs: Any) -> httpx.Client:
        raise NotImplementedError

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        client_args = {k: kwargs.pop(k) for k in ("timeout", "follow_redirects", "cookies") if k in kwargs}
        with self.client(**client_args) as c:
            return c.request(method, path, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)


@dataclass
class LiveServer(OneShot):
    """`securebase serve` in a subprocess. Same data dir + DB can be restarted."""

    data_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    workers: int = 1
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    log_level: str = "warning"  # the server's --log-level (info: uvicorn and the access log too)
    template: Path | None = None  # a migrated data folder to copy a fresh SQLite database from

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> LiveServer:
        env = {**os.environ, **TEST_ENV, "SECUREBASE_DATA_DIR": str(self.data_dir), **self.env}
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fresh_db = self.data_dir / "securebase.sqlite3"
        if self.template is not None and "DATABASE_URL" not in env and not fresh_db.exists():
            # Migrating a new SQLite file costs seconds; the template is the same schema, seeded.
            shutil.copyfile(self.template / "securebase.sqlite3", fresh_db)
        self.log_path = self.data_dir / f"server-{self.port}.log"
        with open(self.log_path, "ab") as log:  # the server keeps its own copy of the file
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "serve", "--port", str(self.port),
                 "--workers", str(self.workers), "--log-level", self.log_level],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not become ready:\n{self.log()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.proc = None

    def kill(self) -> None:
        """Stop abruptly, as a crash would."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        self.proc = None

    def client(self, **kwargs: Any) -> httpx.Client:
        kwargs.setdefault("timeout", 20)
        return httpx.Client(base_url=self.url, **kwargs)

    def async_client(self, **kwargs: Any) -> httpx.AsyncClient:
        kwargs.setdefault("timeout", 20)
        return httpx.AsyncClient(base_url=self.url, **kwargs)

    @property
    def database_url(self) -> str:
        from server.settings import Settings

        return Settings.from_env({**os.environ, **TEST_ENV, "SECUREBASE_DATA_DIR": str(self.data_dir),
                                  **self.env}).database_url

    def run_action(self, make: Callable[[], Coroutine[Any, Any, T]]) -> T:
        """Run an action coroutine against this server's database (see tests/support/actions.py)."""
        from tests.support.actions import on_database

        return on_database(self.database_url, make)

    def set_role(self, handle: str, role: str) -> None:
        from tests.support.actions import set_role_action

        self.run_action(lambda: set_role_action(handle, role))

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:] if self.log_path and self.log_path.exists() else ""


class Site(Protocol):
    url: str

    def client(self, **kwargs: Any) -> httpx.Client: ...

    def set_role(self, handle: str, role: str) -> None: ...


def client_for(target: str | Site, **kwargs: Any) -> httpx.Client:
    """A client for a server object (in process or not) or a URL (the in-process site's own
    URL reaches that site: it has no socket)."""
    if isinstance(target, str):
        from tests.support import inprocess

        site = inprocess.running()
        if site is not None and target.rstrip("/") == site.url:
            return site.client(**kwargs)
        kwargs.setdefault("timeout", 20)
        return httpx.Client(base_url=target, **kwargs)
    return target.client(**kwargs)


def client_request(target: str | Site, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request, like ``httpx.get(url + path)``, to a server object or URL."""
    client_args = {k: kwargs.pop(k) for k in ("timeout", "follow_redirects", "cookies") if k in kwargs}
    with client_for(target, **client_args) as c:
        return c.request(method.upper(), path, **kwargs)


def register(target: str | Site, handle: str | None = None, password: str = "a calm long password", *,
             agree: bool = True) -> dict:
    """Register and sign in over the API, and agree to the community guidelines (unless ``agree``
    is False); returns {handle, token, user, headers}."""
    handle = handle or unique()
    with client_for(target) as c:
        r = c.post("/api/auth/register", json={"handle": handle, "password": password})
        assert r.status_code == 201, r.text
        r = c.post("/api/auth/login", json={"handle": handle, "password": password})
        assert r.status_code == 200, r.text
        data = r.json()
        headers = {"Authorization": f"Bearer {data['token']}"}
        if agree:  # members agree to the community guidelines before posting (the welcome page)
            r = c.post("/api/me/guidelines", json={"agree": True}, headers=headers)
            assert r.status_code == 200, r.text
            data["user"] = r.json()["user"]
    return {"handle": handle, "password": password, "token": data["token"], "user": data["user"],
            "headers": headers}


def set_role(server: Site, handle: str, role: str) -> None:
    """Change a member's role through the accounts action (no CLI subprocess, no SQL)."""
    server.set_role(handle, role)
