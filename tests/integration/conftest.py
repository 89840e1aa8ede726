"""Fixtures shared by the integration tests: an API client and staff accounts."""
from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.support import LiveServer, register, set_role


@pytest.fixture(scope="module")
def mod(live_server: LiveServer) -> dict:
    m = register(live_server.url)
    set_role(live_server, m["handle"], "moderator")
    return m


@pytest.fixture(scope="module")
def admin(live_server: LiveServer) -> dict:
    a = register(live_server.url)
    set_role(live_server, a["handle"], "admin")
    return a


@pytest.fixture
def api(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        yield c
