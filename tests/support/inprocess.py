"""The site in this process: ``create_app`` + its lifespan, reached through httpx's ``ASGITransport``.

For API, page and action tests that need no real socket, no second process, no Redis fan-out
and no browser (those keep ``LiveServer``, a uvicorn subprocess). The tests are synchronous, so
the app lives on an event loop in a helper thread and ``client()`` gives an ordinary
``httpx.Client`` (cookies, redirects, headers as before) whose transport hands each request to
that loop.

Tortoise keeps one global fallback context per process (the lifespan initialises it with
``_enable_global_fallback`` so request tasks find it), hence one in-process site at a time:
``start`` refuses a second while one is running.
"""
from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import httpx
from asgi_lifespan import LifespanManager
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from tests.support import OneShot

T = TypeVar("T")
SQLITE_FILE = "securebase.sqlite3"  # Settings' default database in the data folder

_running: InProcessSite | None = None
_running_lock = threading.Lock()


def running() -> InProcessSite | None:
    """The in-process site now serving, if any."""
    return _running


class _LoopThread:
    """An asyncio event loop running forever in a daemon thread."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self.thread.start()

    def submit(self, coro: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def async_client(self, *, address: str = "127.0.0.1", **kwargs: Any) -> httpx.AsyncClient:
        kwargs.setdefault("timeout", 20)
        kwargs.setdefault("base_url", self.url)
        return httpx.AsyncClient(transport=_AsyncBridgeTransport(self, (address, 40000)), **kwargs)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        return self.submit(coro).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        if not self.thread.is_alive():
            self.loop.close()


class _BridgeTransport(httpx.BaseTransport):
    """A sync httpx transport that runs each request through ``ASGITransport`` on the site's loop.

    App exceptions come back as the 500 page uvicorn would send, so "no 5xx" assertions see them.
    """

    def __init__(self, site: InProcessSite, client_address: tuple[str, int]) -> None:
        self._site = site
        self._asgi = httpx.ASGITransport(app=site.app, raise_app_exceptions=False, client=client_address)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def send() -> httpx.Response:
            inner = httpx.Request(request.method, request.url, headers=request.headers, content=body,
                                  extensions=request.extensions)
            response = await self._asgi.handle_async_request(inner)
            # The raw bytes: the client decodes them by their content-encoding (gzip on the read API).
            content = b"".join([chunk async for chunk in response.aiter_raw()])
            return httpx.Response(response.status_code, headers=response.headers, content=content,
                                  extensions=response.extensions)

        timeout = (request.extensions.get("timeout") or {}).get("read") or 60.0
        return self._site.loop.run(send(), timeout=timeout)


class _AsyncBridgeTransport(httpx.AsyncBaseTransport):
    """The async twin of ``_BridgeTransport``, for tests that send requests concurrently from
    their own event loop."""

    def __init__(self, site: InProcessSite, client_address: tuple[str, int]) -> None:
        self._sync = _BridgeTransport(site, client_address)
        self._site = site

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        inner = httpx.Request(request.method, request.url, headers=request.headers, content=body,
                              extensions=request.extensions)
        return await asyncio.to_thread(self._sync.handle_request, inner)


class InProcessSite(OneShot):
    """A fresh site (migrated and seeded) served in this process; the same surface as ``LiveServer``
    where it makes sense: ``url``, ``client()``, ``set_role()``, ``start()``/``stop()``.
    """

    url = "http://securebase.test"

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None, *, light_hashing: bool = True) -> None:
        self.data_dir = data_dir
        self.env = dict(env or {})
        self.light_hashing = light_hashing
        self._saved_hashing: tuple[Any, str] | None = None
        self.app: Any = None
        self.loop = _LoopThread("in-process-site")
        self._stop: asyncio.Event | None = None
        self._served: Future[None] | None = None

    def settings(self) -> Any:
        from server.settings import Settings
        from tests.support import TEST_ENV

        return Settings.from_env({**os.environ, **TEST_ENV, "SECUREBASE_DATA_DIR": str(self.data_dir),
                                  **self.env})

    def start(self, timeout: float = 60.0, template: Path | None = None) -> InProcessSite:
        """Migrate, seed and serve. ``template``: a data folder already migrated and seeded
        (``make_template``) whose SQLite file is copied in, so a fresh site costs a file copy
        instead of running every migration again."""
        global _running
        with _running_lock:
            if _running is not None:
                raise RuntimeError("an in-process site is already running: Tortoise allows one per process")
            _running = self
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            settings = self.settings()
            if template is not None and settings.is_sqlite:
                shutil.copyfile(template / SQLITE_FILE, self.data_dir / SQLITE_FILE)
            from server.app import create_app
            from server.cli import prepare

            if self.light_hashing:
                self._use_light_hashing()
            self.loop.run(prepare(settings), timeout)
            # uvicorn's own proxy-header handling, as `securebase serve` runs it
            # (--forwarded-allow-ips 127.0.0.1): tests vary their address by X-Forwarded-For.
            self.app = ProxyHeadersMiddleware(create_app(settings), trusted_hosts="127.0.0.1")
            ready: Future[None] = Future()
            self._served = self.loop.submit(self._serve(ready))
            ready.result(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    async def _serve(self, ready: Future[None]) -> None:
        """Hold the lifespan open in one task (start-up and shut-down in the same task, as uvicorn)."""
        self._stop = asyncio.Event()
        try:
            async with LifespanManager(self.app, startup_timeout=60, shutdown_timeout=30):
                ready.set_result(None)
                await self._stop.wait()
        except BaseException as exc:
            if not ready.done():
                ready.set_exception(exc)
            raise

    def stop(self) -> None:
        global _running
        try:
            if self._served is not None and self._stop is not None:
                self.loop.loop.call_soon_threadsafe(self._stop.set)
                self._served.result(30)
        finally:
            self._served = None
            self.loop.close()
            self._restore_hashing()
            with _running_lock:
                if _running is self:
                    _running = None

    def _use_light_hashing(self) -> None:
        """Passwords hashed with argon2id at light parameters while this site runs.

        The library's recommended parameters cost about a second per sign-up plus sign-in on this
        2-core machine under load, and the suite signs up hundreds of members; the parameters
        themselves are tested in tests/unit/test_passwords.py, and every uvicorn ``LiveServer``
        keeps them. Restored on ``stop`` (the unit tests check the real ones).
        """
        from argon2 import PasswordHasher

        from server import passwords

        self._saved_hashing = (passwords._hasher, passwords.DUMMY_HASH)
        passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
        passwords.DUMMY_HASH = passwords._hasher.hash("not-a-real-password-for-timing")

    def _restore_hashing(self) -> None:
        if self._saved_hashing is not None:
            from server import passwords

            passwords._hasher, passwords.DUMMY_HASH = self._saved_hashing
            self._saved_hashing = None

    @classmethod
    def make_template(cls, data_dir: Path, env: dict[str, str] | None = None) -> Path:
        """A migrated, seeded data folder for ``start(template=...)`` (SQLite; on PostgreSQL the
        shared database is migrated once and later sites find nothing to do)."""
        from server.cli import prepare

        site = cls(data_dir, env)
        try:
            site.loop.run(prepare(site.settings()), 120)
        finally:
            site.loop.close()
        return data_dir

    def client(self, *, address: str = "127.0.0.1", **kwargs: Any) -> httpx.Client:
        """An httpx client for this site; ``address`` is the client address the app sees."""
        kwargs.setdefault("timeout", 20)
        kwargs.setdefault("base_url", self.url)
        return httpx.Client(transport=_BridgeTransport(self, (address, 40000)), **kwargs)

    def async_client(self, *, address: str = "127.0.0.1", **kwargs: Any) -> httpx.AsyncClient:
        kwargs.setdefault("timeout", 20)
        kwargs.setdefault("base_url", self.url)
        return httpx.AsyncClient(transport=_AsyncBridgeTransport(self, (address, 40000)), **kwargs)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        """Run a coroutine (an action, a query) on the site's loop, where its ORM is initialised."""
        return self.loop.run(coro, timeout)

    def set_role(self, handle: str, role: str) -> None:
        from tests.support.actions import set_role_action

        self.run(set_role_action(handle, role))
