"""Shared fixtures: a real server per test session, on SQLite or on PostgreSQL (DATABASE_URL).

The suite runs twice in CI: once on the embedded SQLite default, once with
DATABASE_URL (a throwaway PostgreSQL database is made per run) and REDIS_URL.
With SECUREBASE_REQUIRE_SERVICES=1 (set by .ci/run) a missing PostgreSQL or
Redis is a failure, not a skip.
"""
from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import LiveServer
from tests.support.inprocess import InProcessSite

REQUIRE = os.environ.get("SECUREBASE_REQUIRE_SERVICES") == "1"
REQUIRE_BROWSER = os.environ.get("SECUREBASE_REQUIRE_BROWSER") == "1"
CHROMIUM = "/usr/bin/chromium"


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE and not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
        raise pytest.UsageError("SECUREBASE_REQUIRE_SERVICES=1 needs DATABASE_URL and REDIS_URL: "
                                "this run must not fall back to SQLite or skip Redis.")


def need_service(name: str, reason: str) -> None:
    """Skip (or, when services are required, fail) for a missing service."""
    if REQUIRE:
        pytest.fail(f"{name} is required in this run but unavailable: {reason}")
    pytest.skip(f"needs {name}: {reason}")


def need_browser() -> str:
    """Path of Debian's chromium, or skip (fail when SECUREBASE_REQUIRE_BROWSER=1)."""
    if not os.path.exists(CHROMIUM):
        if REQUIRE_BROWSER:
            pytest.fail(f"headless Chromium is required in this run but {CHROMIUM} is missing")
        pytest.skip(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


async def _pg_admin(url: str, sql: str) -> None:
    import asyncpg

    base, _, _ = url.rpartition("/")
    conn = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1) + "/postgres", timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str | None]:
    """None for SQLite; else a fresh PostgreSQL database made for this run and dropped after."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield None
        return
    url = url.replace("postgresql://", "postgres://", 1)
    name = f"sb_test_{secrets.token_hex(4)}"
    asyncio.run(_pg_admin(url, f'CREATE DATABASE "{name}"'))
    try:
        yield url.rpartition("/")[0] + "/" + name
    finally:
        asyncio.run(_pg_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def server_env(database_url: str | None) -> dict[str, str]:
    env: dict[str, str] = {}
    if database_url:
        env["DATABASE_URL"] = database_url
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    return env


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory, server_env: dict[str, str],
                site_template: Path) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path_factory.mktemp("site"), env=dict(server_env), template=site_template).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site_template(tmp_path_factory: pytest.TempPathFactory, server_env: dict[str, str]) -> Path:
    """A data folder migrated and seeded once per run, copied by every in-process site."""
    return InProcessSite.make_template(tmp_path_factory.mktemp("site-template"), dict(server_env))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, server_env: dict[str, str],
         site_template: Path) -> Iterator[InProcessSite]:
    """The app in this process (tests/support/inprocess.py), fresh for each module: its own
    SQLite file, or on PostgreSQL the run's database as ``live_server`` uses it."""
    s = InProcessSite(tmp_path_factory.mktemp("inproc"), env=dict(server_env)).start(template=site_template)
    yield s
    s.stop()


@pytest.fixture
def make_server(tmp_path: Path, server_env: dict[str, str], site_template: Path) -> Iterator:
    """Start extra servers (own settings, or sharing a data dir/DB) inside one test."""
    started: list[LiveServer] = []

    def start(data_dir: Path | None = None, **env: str) -> LiveServer:
        s = LiveServer(data_dir or tmp_path / f"site{len(started)}", env={**server_env, **env},
                       template=site_template).start()
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()
