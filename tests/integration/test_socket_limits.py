"""Bounded sockets against a real server: per-member cap, resume rate, sign-out and deletion,
security headers on refusals and Cache-Control on answers."""
from __future__ import annotations

import asyncio
import json
import socket
import time

import httpx
import pytest
import websockets

from tests.support import LiveServer, register

pytestmark = pytest.mark.real_server  # websockets, several processes or the server's own output

ROOM = "anxious-attachment"


async def open_ws(server: LiveServer, member: dict, path: str = f"/ws/rooms/{ROOM}"):  # type: ignore[no-untyped-def]
    ws = await websockets.connect(server.ws_url + path, additional_headers=member["headers"], open_timeout=10)
    hello = json.loads(await asyncio.wait_for(ws.recv(), 10))
    assert hello["type"] == "hello"
    return ws


async def closed_code(ws, timeout: float) -> int | None:  # type: ignore[no-untyped-def]
    """Read until the server closes the socket; its close code (None: still open after ``timeout``)."""
    try:
        async with asyncio.timeout(timeout):
            while True:
                await ws.recv()
    except websockets.exceptions.ConnectionClosed as exc:
        return exc.rcvd.code if exc.rcvd else None
    except TimeoutError:
        return None


async def test_eleventh_socket_closes_the_oldest(live_server: LiveServer) -> None:
    m = register(live_server.url)
    sockets = [await open_ws(live_server, m, "/ws/site") for _ in range(10)]
    try:
        newest = await open_ws(live_server, m)
        assert await closed_code(sockets[0], 3) == 4008
        for ws in [*sockets[1:], newest]:
            await ws.send(json.dumps({"type": "ping"}))
            assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "pong"
    finally:
        for ws in sockets:
            await ws.close()


async def test_rapid_resumes_get_an_error_and_the_socket_survives(live_server: LiveServer) -> None:
    m = register(live_server.url)
    ws = await open_ws(live_server, m)
    try:
        for _ in range(30):
            await ws.send(json.dumps({"type": "resume", "after": 0}))
        await ws.send(json.dumps({"type": "ping"}))
        frames: list[dict] = []
        async with asyncio.timeout(10):
            while not any(f["type"] == "pong" for f in frames):
                frames.append(json.loads(await ws.recv()))
        errors = [f for f in frames if f["type"] == "error"]
        assert errors and all(e["code"] == "rate_limited" for e in errors)
        assert len(errors) >= 25
        assert sum(1 for f in frames if f["type"] == "synced") <= 5
    finally:
        await ws.close()


async def test_logout_closes_only_that_sessions_sockets(live_server: LiveServer) -> None:
    m = register(live_server.url)
    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        other = c.post("/api/auth/login", json={"handle": m["handle"], "password": m["password"]}).json()["token"]
    mine = await open_ws(live_server, m)
    theirs = await open_ws(live_server, {"headers": {"Authorization": f"Bearer {other}"}})
    try:
        started = time.monotonic()
        assert httpx.post(live_server.url + "/api/auth/logout", headers=m["headers"]).status_code == 204
        assert await closed_code(mine, 2) == 4401
        assert time.monotonic() - started < 2.5
        await theirs.send(json.dumps({"type": "ping"}))
        assert json.loads(await asyncio.wait_for(theirs.recv(), 5))["type"] == "pong"
    finally:
        await theirs.close()


async def test_account_deletion_closes_every_socket(live_server: LiveServer) -> None:
    m = register(live_server.url)
    sockets = [await open_ws(live_server, m), await open_ws(live_server, m, "/ws/site")]
    r = httpx.request("DELETE", live_server.url + "/api/me", headers=m["headers"], json={"password": m["password"]})
    assert r.status_code == 204, r.text
    codes = await asyncio.gather(*(closed_code(ws, 2) for ws in sockets))
    assert codes == [4401, 4401]


async def test_ws_ticket_is_one_time(live_server: LiveServer) -> None:
    m = register(live_server.url)
    ticket = httpx.post(live_server.url + "/api/ws-ticket", headers=m["headers"]).json()["ticket"]
    url = f"{live_server.ws_url}/ws/rooms/{ROOM}?ticket={ticket}"
    async with websockets.connect(url, open_timeout=10) as ws:
        hello = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert hello["you"]["handle"] == m["handle"]
    async with websockets.connect(url, open_timeout=10) as ws:
        assert await closed_code(ws, 5) == 4401
    assert httpx.post(live_server.url + "/api/ws-ticket").status_code == 401


async def test_refused_handshake_carries_security_headers(live_server: LiveServer) -> None:
    m = register(live_server.url)
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        await websockets.connect(f"{live_server.ws_url}/ws/rooms/{ROOM}", open_timeout=10,
                                 additional_headers={"Origin": "https://evil.example",
                                                     "Cookie": f"sb_session={m['token']}"})
    response = refused.value.response
    assert response.status_code == 403
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    ws = await open_ws(live_server, m)  # an accepted handshake carries them too
    try:
        assert ws.response.headers["X-Frame-Options"] == "DENY"
    finally:
        await ws.close()


def test_api_and_pages_are_no_store_static_is_not(live_server: LiveServer) -> None:
    m = register(live_server.url)
    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        assert c.get("/api/me", headers=m["headers"]).headers["cache-control"] == "no-store"
        assert c.get("/api/rooms").headers["cache-control"] == "no-store"
        assert c.get("/settings", headers=m["headers"]).headers["cache-control"] == "no-store"
        assert c.get("/").headers["cache-control"] == "no-store"
        static = c.get("/static/css/site.css")
        assert static.status_code == 200 and static.headers.get("cache-control") != "no-store"


def test_partial_request_headers_are_dropped(make_server) -> None:  # type: ignore[no-untyped-def]
    server = make_server(SECUREBASE_HEADER_TIMEOUT="1")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        try:
            while time.monotonic() - started < 4:
                s.sendall(b"X-a: b\r\n")  # a header now and then, never the blank line
                time.sleep(0.3)
            dropped = False
        except OSError:
            dropped = True
        if not dropped:
            s.settimeout(1)
            try:
                dropped = s.recv(1) == b""
            except OSError:
                dropped = True
    assert dropped, "a connection that never finishes its headers must be dropped"
