"""Fixtures shared by the integration tests: the module's server, an API client and staff accounts.

A module runs against an in-process site (``site``) unless it is marked ``real_server``:
websockets, several workers, Redis fan-out, restarts and browsers need a uvicorn subprocess
(``live_server``). ``server`` is whichever the module uses; both offer ``url``, ``client()``
and ``set_role()``.
"""
from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.support import Site, register, set_role


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> Site:
    if request.node.get_closest_marker("real_server"):
        return request.getfixturevalue("live_server")
    return request.getfixturevalue("site")


@pytest.fixture(scope="module")
def mod(server: Site) -> dict:
    m = register(server)
    set_role(server, m["handle"], "moderator")
    return m


@pytest.fixture(scope="module")
def admin(server: Site) -> dict:
    a = register(server)
    set_role(server, a["handle"], "admin")
    return a


@pytest.fixture
def api(server: Site) -> Iterator[httpx.Client]:
    with server.client() as c:
        yield c
