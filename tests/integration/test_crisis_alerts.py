"""Crisis care that never leaves anyone alone: alerts on every page, acknowledgement, escalation.

Real servers; staff listen on ``/ws/site`` (the socket every page opens), not ``/ws/mod``.
The escalation webhook is a small HTTP server on 127.0.0.1 started here.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from tests.conftest import _pg_admin, need_service
from tests.support import LiveServer, Site, register, set_role, unique

ROOM = "disorganized-attachment"
IMMINENT = "I have the pills counted out and I'm taking them all tonight"
DISTRESS = "Some days I wish I could just disappear and never wake up"
WEBHOOK_KEYS = {"event", "item_id", "room", "age_seconds", "url"}


# --- helpers ------------------------------------------------------------------------------------


class SiteSocket:
    """A ``/ws/site`` client that keeps every frame it saw."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.seen: list[dict] = []
        self.hello: dict = {}

    @classmethod
    async def open(cls, server: Site, member: dict) -> SiteSocket:
        ws = await connect(f"{server.ws_url}/ws/site", additional_headers=member["headers"])
        sock = cls(ws)
        sock.hello = await sock.expect("hello")
        return sock

    async def expect(self, kind: str, match: Callable[[dict], bool] = lambda f: True,
                     timeout: float = 10.0) -> dict:
        for frame in self.seen:
            if frame["type"] == kind and match(frame):
                self.seen.remove(frame)
                return frame
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {kind} frame within {timeout}s; saw {self.seen[-5:]}")
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), left))
            if frame["type"] == kind and match(frame):
                return frame
            self.seen.append(frame)

    async def quiet(self, seconds: float) -> list[dict]:
        """Frames that arrive within ``seconds`` (and any already buffered)."""
        out, self.seen = self.seen, []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                out.append(json.loads(await asyncio.wait_for(self.ws.recv(), left)))
            except TimeoutError:
                break
        return out

    async def close(self) -> None:
        await self.ws.close()


class Webhook:
    """Records every POST it receives (127.0.0.1 only)."""

    def __init__(self) -> None:
        self.posts: list[dict] = []
        self.lock = threading.Lock()
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                with hook.lock:
                    hook.posts.append({"path": self.path, "content_type": self.headers.get("content-type"),
                                       "raw": raw.decode("utf-8", "replace"), "json": json.loads(raw or b"null")})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def for_item(self, item_id: int) -> list[dict]:
        with self.lock:
            return [p for p in self.posts if isinstance(p["json"], dict) and p["json"].get("item_id") == item_id]

    def start(self) -> Webhook:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def post_imminent(server: Site, writer: dict) -> dict:
    r = server.post(f"/api/rooms/{ROOM}/threads", timeout=20,
                   headers={**writer["headers"], "accept-language": "en-GB"},
                   json={"title": unique("tonight"), "body": IMMINENT})
    assert r.status_code == 201, r.text
    return r.json()


async def alert_for(sock: SiteSocket, post: dict, **match: object) -> dict:
    return await sock.expect("alert", lambda f: f.get("target_type") == "post"
                             and f.get("target_id") == post["post_id"]
                             and all(f.get(k) == v for k, v in match.items()))


def ack(server: Site, member: dict, item_id: int) -> httpx.Response:
    return server.post(f"/api/mod/queue/{item_id}/ack", headers=member["headers"], timeout=20)


def staff(server: Site, role: str = "moderator") -> dict:
    m = register(server.url)
    set_role(server, m["handle"], role)
    return m


async def wait_for(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        await asyncio.sleep(0.1)
    return check()


@contextlib.contextmanager
def own_database(server_env: dict[str, str]) -> Iterator[dict[str, str]]:
    """The run's env, with a PostgreSQL database of its own when the run uses PostgreSQL.

    Every process sharing a database runs the escalation loop, and any of them may win an
    item; the session's other servers have no webhook configured, so these get their own.
    """
    url = server_env.get("DATABASE_URL")
    if not url:
        yield dict(server_env)
        return
    name = f"sb_crisis_{secrets.token_hex(4)}"
    asyncio.run(_pg_admin(url, f'CREATE DATABASE "{name}"'))
    try:
        yield {**server_env, "DATABASE_URL": url.rpartition("/")[0] + "/" + name}
    finally:
        asyncio.run(_pg_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="module")
def webhook() -> Iterator[Webhook]:
    hook = Webhook().start()
    yield hook
    hook.stop()


@pytest.fixture(scope="module")
def escalating(tmp_path_factory: pytest.TempPathFactory, server_env: dict[str, str],
               webhook: Webhook) -> Iterator[LiveServer]:
    """A server whose imminent items escalate after 2 seconds, to the test's webhook."""
    with own_database(server_env) as env:
        server = LiveServer(tmp_path_factory.mktemp("escalating"), env={
            **env, "SECUREBASE_CRISIS_ESCALATE_AFTER": "2", "SECUREBASE_ALERT_WEBHOOK_URL": webhook.url}).start()
        yield server
        server.stop()


# --- the site socket and acknowledgement ------------------------------------------------------------


def test_ack_errors_are_clear(server, api, mod) -> None:
    member = register(server.url)
    assert ack(server, mod, 999_999_999).status_code == 404
    assert ack(server, mod, 999_999_999).json()["error"]["code"] == "not_found"
    assert ack(server, member, 1).status_code == 403
    assert server.post("/api/mod/queue/1/ack").status_code in (401, 403)
    assert server.get("/api/mod/crisis", headers=member["headers"]).status_code == 403
    assert ack(server, mod, "abc").status_code == 404  # type: ignore[arg-type]
    # A resolved item: 409, never a 500.
    writer = register(server.url)
    post = post_imminent(server, writer)
    items = api.get("/api/mod/queue", headers=mod["headers"],
                    params={"target_type": "post", "target_id": post["post_id"]}).json()["items"]
    item_id = items[0]["id"]
    decided = api.post(f"/api/mod/queue/{item_id}/decide", headers=mod["headers"], json={"action": "approve"})
    assert decided.status_code == 200, decided.text
    late = ack(server, mod, item_id)
    assert late.status_code == 409 and late.json()["error"]["code"] == "already_resolved"


# --- pages --------------------------------------------------------------------------------------------


def test_staff_pages_show_the_crisis_badge_and_load_the_site_socket(server, mod) -> None:
    writer = register(server.url)
    post_imminent(server, writer)
    count = server.get("/api/mod/crisis", headers=mod["headers"]).json()["open_crisis"]
    assert count >= 1
    home = server.get("/", headers=mod["headers"])
    assert home.status_code == 200
    assert f'id="crisis-badge" data-count="{count}"' in home.text
    assert re.search(r'<script type="module" src="/static/js/site\.js\?v=[0-9a-f]{8}"></script>', home.text)
    member_home = server.get("/", headers=writer["headers"]).text
    assert "crisis-badge" not in member_home and "/static/js/site.js" in member_home
    anonymous = server.get("/").text
    assert "crisis-badge" not in anonymous and "/static/js/site.js" not in anonymous
    assert server.get("/static/js/site.js").status_code == 200


# --- escalation ---------------------------------------------------------------------------------------


async def test_unacknowledged_imminent_item_escalates_once(escalating, webhook) -> None:
    admin = staff(escalating, "admin")
    mod = staff(escalating)
    mod_sock = await SiteSocket.open(escalating, mod)
    writer = register(escalating.url)
    try:
        post = post_imminent(escalating, writer)
        first = await alert_for(mod_sock, post)
        item_id = first["queue_id"]
        assert not first.get("escalated")
        escalated = await mod_sock.expect("alert", lambda f: f["queue_id"] == item_id and f.get("escalated"),
                                          timeout=15)
        assert escalated["tier"] == "imminent" and escalated["crisis"] is True and escalated["room"] == ROOM
        assert escalated["age_seconds"] >= 2
        assert await wait_for(lambda: len(webhook.for_item(item_id)) >= 1, 10)
        await asyncio.sleep(3)  # several more polls: still one POST
        posts = webhook.for_item(item_id)
        assert len(posts) == 1
        hook = posts[0]
        assert hook["path"] == "/hook" and hook["content_type"].startswith("application/json")
        assert set(hook["json"]) == WEBHOOK_KEYS
        assert hook["json"]["event"] == "crisis_unacknowledged" and hook["json"]["room"] == ROOM
        assert hook["json"]["age_seconds"] >= 2 and isinstance(hook["json"]["age_seconds"], int)
        assert hook["json"]["url"].endswith(f"/mod#item-{item_id}")
        assert "pills" not in hook["raw"] and writer["handle"] not in hook["raw"]
        assert not [f for f in await mod_sock.quiet(0.3) if f["type"] == "alert" and f["queue_id"] == item_id]
        # Every admin is told, with a link to the item; never the post's words.
        notes = escalating.get("/api/notifications", headers=admin["headers"]).json()["notifications"]
        mine = [n for n in notes if n["kind"] == "crisis_escalated" and n["link"] == f"/mod#item-{item_id}"]
        assert len(mine) == 1 and "pills" not in mine[0]["text"]
        # Acknowledging after escalation still works (and sends nothing more to the webhook).
        assert ack(escalating, mod, item_id).status_code == 200
    finally:
        await mod_sock.close()


async def test_acknowledged_item_never_escalates(escalating, webhook) -> None:
    mod = staff(escalating)
    mod_sock = await SiteSocket.open(escalating, mod)
    try:
        post = post_imminent(escalating, register(escalating.url))
        item_id = (await alert_for(mod_sock, post))["queue_id"]
        assert ack(escalating, mod, item_id).status_code == 200
        await asyncio.sleep(4.5)  # well past the 2 s deadline
        assert webhook.for_item(item_id) == []
        assert not [f for f in await mod_sock.quiet(0.2) if f["type"] == "alert" and f.get("escalated")]
    finally:
        await mod_sock.close()


async def test_distress_is_counted_but_never_escalates(escalating, webhook) -> None:
    """Distress is published and queued for a check-in: on the badge, never paged."""
    mod = staff(escalating)
    mod_sock = await SiteSocket.open(escalating, mod)
    try:
        before = mod_sock.hello["open_crisis"]
        r = escalating.post(f"/api/rooms/{ROOM}/threads", headers=register(escalating.url)["headers"],
                       json={"title": unique("heavy"), "body": DISTRESS})
        assert r.status_code == 201 and r.json()["status"] == "visible"
        alert = await alert_for(mod_sock, r.json())
        assert alert["tier"] == "distress" and alert["crisis"] is True
        count = escalating.get("/api/mod/crisis", headers=mod["headers"]).json()["open_crisis"]
        assert count == before + 1
        await asyncio.sleep(4)
        assert webhook.for_item(alert["queue_id"]) == []
        assert not [f for f in await mod_sock.quiet(0.2) if f["type"] == "alert" and f.get("escalated")]
    finally:
        await mod_sock.close()


async def test_escalation_survives_a_restart(escalating, webhook) -> None:
    """The deadline is stored: an item that came due while no server ran escalates on start."""
    mod = staff(escalating)  # before the post: set-role is a slow subprocess and the deadline is 2 s
    writer = register(escalating.url)
    post = post_imminent(escalating, writer)
    items = escalating.get("/api/mod/queue", headers=mod["headers"],
                      params={"target_type": "post", "target_id": post["post_id"]}).json()["items"]
    item_id = items[0]["id"]
    escalating.kill()  # as a crash would
    time.sleep(2.5)
    assert webhook.for_item(item_id) == []
    escalating.start()
    assert await wait_for(lambda: len(webhook.for_item(item_id)) == 1, 10)
    await asyncio.sleep(1.5)
    assert len(webhook.for_item(item_id)) == 1


@pytest.fixture
def failing_hook_server(tmp_path: Path, server_env: dict[str, str]) -> Iterator[LiveServer]:
    """Escalation after 1 s to a webhook address where nothing listens."""
    dead = f"http://127.0.0.1:{_closed_port()}/hook"
    with own_database(server_env) as env:
        server = LiveServer(tmp_path / "dead-hook", env={
            **env, "SECUREBASE_CRISIS_ESCALATE_AFTER": "1", "SECUREBASE_ALERT_WEBHOOK_URL": dead}).start()
        yield server
        server.stop()


async def test_webhook_failure_is_logged_and_the_loop_goes_on(failing_hook_server) -> None:
    server = failing_hook_server
    admin = staff(server, "admin")
    writer = register(server.url)
    for _ in range(2):
        post_imminent(server, writer)

    def escalated() -> int:
        notes = server.get("/api/notifications", headers=admin["headers"]).json()["notifications"]
        return len([n for n in notes if n["kind"] == "crisis_escalated"])

    assert await wait_for(lambda: escalated() == 2, 15)
    assert server.get("/readyz").status_code == 200
    log = server.log()
    assert "alert webhook failed" in log and "pills" not in log and writer["handle"] not in log


def _closed_port() -> int:
    from tests.support import free_port

    return free_port()


@pytest.fixture
def own_webhook() -> Iterator[Webhook]:
    """A webhook of this test's own: item ids restart at 1 in every database."""
    hook = Webhook().start()
    yield hook
    hook.stop()


@pytest.fixture
def shared_env(server_env: dict[str, str], own_webhook: Webhook) -> Iterator[dict[str, str]]:
    if not server_env.get("DATABASE_URL"):
        need_service("PostgreSQL", "DATABASE_URL is not set")
    if not server_env.get("REDIS_URL"):
        need_service("Redis", "REDIS_URL is not set")
    with own_database(server_env) as own:
        yield {**own, "SECUREBASE_CRISIS_ESCALATE_AFTER": "2", "SECUREBASE_ALERT_WEBHOOK_URL": own_webhook.url}


async def test_two_workers_on_two_hosts_escalate_once(tmp_path: Path, shared_env: dict[str, str],
                                                      own_webhook: Webhook) -> None:
    """Two hosts × two workers on one PostgreSQL and one Redis: four pollers, one POST per item."""
    await _two_hosts(tmp_path, shared_env, own_webhook)


async def _two_hosts(tmp_path: Path, env: dict[str, str], webhook: Webhook) -> None:
    hosts = [LiveServer(tmp_path / "shared", env=env, workers=2).start()]
    try:
        hosts.append(LiveServer(tmp_path / "shared", env=env, workers=2).start())
        mod = staff(hosts[0])
        socks = [await SiteSocket.open(h, mod) for h in hosts]
        post_ids = [post_imminent(hosts[i % 2], register(hosts[0].url))["post_id"] for i in range(3)]
        item_ids = []
        for pid in post_ids:
            alert = await socks[1].expect("alert", lambda f, pid=pid: f.get("target_id") == pid)
            item_ids.append(alert["queue_id"])
        assert await wait_for(lambda: all(webhook.for_item(i) for i in item_ids), 15)
        await asyncio.sleep(3)  # every worker polls a few more times
        assert [len(webhook.for_item(i)) for i in item_ids] == [1, 1, 1]
        for sock in socks:  # each host's staff pages hear each escalation exactly once
            frames = await sock.quiet(0.5)
            escalations = [f["queue_id"] for f in frames if f["type"] == "alert" and f.get("escalated")]
            assert sorted(escalations) == sorted(item_ids)
            await sock.close()
    finally:
        for h in hosts:
            h.stop()
