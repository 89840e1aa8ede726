"""Two uvicorn processes sharing one Redis (and one database): rooms span processes, and
Redis connections dying never loses a message for good."""
from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator

import httpx
import pytest
import redis

from tests.conftest import need_service
from tests.integration.test_chat_support import ChatClient
from tests.support import LiveServer, register

pytestmark = pytest.mark.real_server  # websockets, several processes or the server's own output

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="module")
def redis_client() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        need_service("Redis", str(exc))
    yield client
    client.close()


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, server_env: dict[str, str],
         redis_client: redis.Redis) -> Iterator[tuple[LiveServer, LiveServer, str]]:
    """Processes A and B: one data dir (SQLite file or the run's PostgreSQL), one Redis prefix of their own."""
    prefix = f"sbtest-{secrets.token_hex(4)}:"
    data = tmp_path_factory.mktemp("pair")
    env = {**server_env, "REDIS_URL": REDIS_URL, "SECUREBASE_REDIS_PREFIX": prefix}
    a = LiveServer(data, env=env).start()
    b = LiveServer(data, env=env).start()
    yield a, b, prefix
    a.stop()
    b.stop()


def kill_connections(client: redis.Redis, prefix: str) -> int:
    """What a Redis restart does to the servers: every connection they hold is cut."""
    killed = 0
    for info in client.client_list():
        if info.get("name", "").startswith(prefix):
            client.client_kill_filter(_id=info["id"])
            killed += 1
    return killed


async def test_a_message_sent_to_one_process_reaches_the_other(pair) -> None:
    a, b, _ = pair
    x, y = register(a.url), register(b.url)
    cx = await ChatClient.open(a, x)
    cy = await ChatClient.open(b, y)
    try:
        await cx.say("hello from process A", client_id="a-1")
        got = await cy.expect("message", lambda f: f["client_id"] == "a-1")
        await cy.say("and back from B", client_id="b-1")
        back = await cx.expect("message", lambda f: f["client_id"] == "b-1")
        assert back["id"] > got["id"]
        both = await cx.expect("presence", lambda f: f["count"] == 2)
        assert set(both["handles"]) == {x["handle"], y["handle"]}
    finally:
        await cx.close()
        await cy.close()


async def test_killed_redis_connections_recover_and_gaps_fill(pair, redis_client) -> None:
    a, b, prefix = pair
    x, y = register(a.url), register(b.url)
    cx = await ChatClient.open(a, x)
    cy = await ChatClient.open(b, y)
    try:
        for round_ in range(2):
            assert kill_connections(redis_client, prefix) >= 2
            # Sent at once: some are published while A's listener is still reconnecting.
            ids = [f"r{round_}-{i}" for i in range(10)]
            for cid in ids:
                await cy.say(f"during the outage {cid}", client_id=cid)
            for cid in ids:
                await cx.expect("message", lambda f, cid=cid: f["client_id"] == cid, timeout=15)
            got = [f["client_id"] for f in cx.seen if f["type"] == "message"]
            assert [c for c in got if c in ids] == ids  # in order, none twice
        await cx.say("still talking", client_id="after")
        await cy.expect("message", lambda f: f["client_id"] == "after", timeout=15)
    finally:
        await cx.close()
        await cy.close()


async def test_user_channel_in_redis_forwards_frames_and_closes_sockets(pair, redis_client) -> None:
    a, _b, prefix = pair
    x = register(a.url)
    cx = await ChatClient.open(a, x)
    channel = f"{prefix}user:{x['user']['id']}"
    redis_client.publish(channel, json.dumps({"type": "notification", "text": "A moderator replied."}))
    note = await cx.expect("notification")
    assert note["text"] == "A moderator replied."
    redis_client.publish(channel, json.dumps({"type": "close", "code": 4003, "reason": "Suspended"}))
    assert await cx.closed() == 4003


async def test_redis_down_does_not_crash_the_server(make_server) -> None:
    server = make_server(REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens there
    assert httpx.get(server.url + "/readyz").status_code == 200
    x, y = register(server.url), register(server.url)
    cx = await ChatClient.open(server, x)
    cy = await ChatClient.open(server, y)
    try:
        await cx.say("redis is away but we are here", client_id="local")
        await cy.expect("message", lambda f: f["client_id"] == "local")
    finally:
        await cx.close()
        await cy.close()
