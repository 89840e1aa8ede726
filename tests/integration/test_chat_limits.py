"""Every chat limit answers with its frame or close code: size, rate, JSON, archive, mute, ban, back-pressure."""
from __future__ import annotations

import json
import random
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import websockets

from tests.integration.test_chat_support import ChatClient, ban, mute
from tests.support import LiveServer, register, set_role, unique

pytestmark = pytest.mark.real_server  # websockets, several processes or the server's own output


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory, server_env: dict[str, str],
          site_template: Path) -> Iterator[LiveServer]:
    """A server that rechecks sockets every second and lets a socket fall only 16 frames behind."""
    server = LiveServer(tmp_path_factory.mktemp("tight"), env={
        **server_env, "SECUREBASE_SOCKET_RECHECK_SECONDS": "1", "SECUREBASE_WS_SEND_QUEUE": "16"},
        template=site_template).start()
    yield server
    server.stop()


def make_room(server: LiveServer, *, archived: bool = False) -> str:
    admin = register(server.url)
    set_role(server, admin["handle"], "admin")
    slug = unique("lim").replace("_", "-")
    r = httpx.post(server.url + "/api/rooms", json={"slug": slug, "name": "Limits room"}, headers=admin["headers"])
    assert r.status_code == 201, r.text
    if archived:
        r = httpx.patch(f"{server.url}/api/rooms/{slug}", json={"archived": True}, headers=admin["headers"])
        assert r.status_code == 200, r.text
    return slug


@pytest.fixture(scope="module")
def room(tight: LiveServer) -> str:
    return make_room(tight)


async def test_bad_frames_get_error_frames_and_the_socket_stays(tight, room) -> None:
    c = await ChatClient.open(tight, register(tight.url), room)
    try:
        await c.say("x" * 4001, client_id="long")
        frame = await c.expect("error")
        assert frame["code"] == "too_long" and frame["client_id"] == "long" and "4,000" in frame["message"]
        await c.say("   ", client_id="blank")
        assert (await c.expect("error"))["code"] == "empty"
        await c.ws.send("{not json")
        assert (await c.expect("error"))["code"] == "invalid_json"
        await c.ws.send("[1, 2]")
        assert (await c.expect("error"))["code"] == "invalid_frame"
        await c.send_json({"type": "shout"})
        assert (await c.expect("error"))["code"] == "unknown_type"
        await c.send_json({"type": "resume", "after": "yesterday"})
        assert (await c.expect("error"))["code"] == "invalid_after"
        await c.ws.send(b"\x00\x01")
        assert (await c.expect("error"))["code"] == "invalid_frame"
        await c.say({"nested": "object"}, client_id="typed")  # type: ignore[arg-type]
        assert (await c.expect("error"))["code"] == "wrong_type"
        await c.say("x" * 4000, client_id="exactly-max")
        assert len((await c.expect("message", lambda f: f["client_id"] == "exactly-max"))["body"]) == 4000
    finally:
        await c.close()


async def test_frame_over_64k_closes_with_1009(tight, room) -> None:
    c = await ChatClient.open(tight, register(tight.url), room)
    await c.ws.send(json.dumps({"type": "send", "body": "y" * (64 * 1024)}))
    assert await c.closed() == 1009


async def test_rate_limit_is_an_error_frame_not_a_disconnect(make_server) -> None:
    server = make_server(SECUREBASE_CHAT_RATE="3/minute")
    c = await ChatClient.open(server, register(server.url))
    try:
        for i in range(3):
            await c.say(f"message {i}")
            await c.expect("message", lambda f, i=i: f["body"] == f"message {i}")
        await c.say("one too many", client_id="over")
        frame = await c.expect("error")
        assert frame["code"] == "rate_limited" and frame["retry_after"] >= 1 and frame["client_id"] == "over"
        await c.send_json({"type": "ping"})
        await c.expect("pong")
    finally:
        await c.close()


async def test_archived_room_cannot_be_written(tight) -> None:
    slug = make_room(tight, archived=True)
    c = await ChatClient.open(tight, register(tight.url), slug)
    try:
        await c.say("hello?")
        frame = await c.expect("error")
        assert frame["code"] == "room_archived" and "archived" in frame["message"]
    finally:
        await c.close()


async def test_muted_member_cannot_send_in_that_room(tight, room) -> None:
    m = register(tight.url)
    c = await ChatClient.open(tight, m, room)
    other_room = make_room(tight)
    try:
        await mute(tight, m["handle"], room)
        await c.say("can I talk?", client_id="muted")
        frame = await c.expect("error")
        assert frame["code"] == "muted" and frame["client_id"] == "muted"
        elsewhere = await ChatClient.open(tight, m, other_room)
        await elsewhere.say("a mute is per room")
        await elsewhere.expect("message", lambda f: f["body"] == "a mute is per room")
        await elsewhere.close()
    finally:
        await c.close()


async def test_banned_member_cannot_send_and_socket_closes(tight, room) -> None:
    m = register(tight.url)
    c = await ChatClient.open(tight, m, room)
    await ban(tight, m["handle"])
    await c.say("am I still here?", client_id="after-ban")
    frame = await c.expect("error")
    assert frame["code"] == "banned"
    assert await c.closed() == 4003  # the periodic recheck closes it even if no event said so
    ws = await websockets.connect(f"{tight.ws_url}/ws/rooms/{room}", additional_headers=m["headers"])
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await ws.recv()
    assert closed.value.rcvd.code == 4401  # a banned account's token no longer signs anyone in


def _words(n: int) -> str:
    # Three UTF-8 bytes per character, so few messages fill the socket buffers.
    rng = random.Random(7)
    return " ".join("".join(rng.choice("水火木金土日月山川田") for _ in range(rng.randint(3, 8))) for _ in range(n))


async def test_slow_client_is_dropped_and_resumes_without_slowing_the_room(tight, room) -> None:
    sender, fast_member, slow_member = register(tight.url), register(tight.url), register(tight.url)
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a phone on a bad line
    raw.connect(("127.0.0.1", tight.port))
    slow = await ChatClient.open(tight, slow_member, room, sock=raw, compression=None, max_queue=1)
    fast = await ChatClient.open(tight, fast_member, room)
    talk = await ChatClient.open(tight, sender, room)
    body = _words(700)[:3990]
    count = 160
    try:
        for i in range(count):
            await talk.say(f"{i} {body}", client_id=f"flood-{i}")
            got = await fast.expect("message", lambda f, i=i: f["client_id"] == f"flood-{i}")
            assert got["body"].startswith(f"{i} ")
            await talk.expect("message", lambda f, i=i: f["client_id"] == f"flood-{i}")
        # The slow socket was dropped rather than holding anyone up; it can resume.
        assert await slow.closed() in (1013, 1006, None)
        back = await ChatClient.open(tight, slow_member, room, resume=False)
        await back.send_json({"type": "resume", "after": 0})
        await back.expect("synced", timeout=20)
        ids = [f["client_id"] for f in back.seen if f["type"] == "message"]
        flood = [c for c in ids if c and c.startswith("flood-")]
        assert flood == [f"flood-{i}" for i in range(count)]
        await back.close()
    finally:
        await fast.close()
        await talk.close()
