"""Live chat over a real uvicorn with the websockets client: messages, resume, idempotency, visibility."""
from __future__ import annotations

import asyncio

import httpx
import pytest
import websockets

from tests.integration.test_chat_support import ChatClient, block
from tests.support import LiveServer, register, set_role, unique

pytestmark = pytest.mark.real_server  # websockets, several processes or the server's own output


@pytest.fixture(scope="module")
def room(live_server: LiveServer) -> str:
    """A fresh room for this module, so other tests' messages never interleave."""
    admin = register(live_server.url)
    set_role(live_server, admin["handle"], "admin")
    slug = unique("chat").replace("_", "-")
    r = httpx.post(live_server.url + "/api/rooms", json={"slug": slug, "name": "Chat test room"},
                   headers=admin["headers"])
    assert r.status_code == 201, r.text
    return slug


async def test_two_members_exchange_messages_with_increasing_ids(live_server, room) -> None:
    a, b = register(live_server.url), register(live_server.url)
    ca = await ChatClient.open(live_server, a, room)
    cb = await ChatClient.open(live_server, b, room)
    try:
        presence = await ca.expect("presence", lambda f: f["count"] == 2)
        assert set(presence["handles"]) == {a["handle"], b["handle"]}
        script = [(ca, "hi, anyone around tonight?"), (cb, "I'm here. **Rough day**?"), (ca, "<script>x()</script>"),
                  (cb, "same"), (ca, "thanks for being here")]
        for sender, text in script:
            await sender.say(text)
            await sender.expect("message", lambda f, t=text: f["body"] == t)  # in turn, like people
        got_a, got_b = ca.seen, cb.seen
        msgs_a = [f for f in got_a if f["type"] == "message"]
        msgs_b = [f for f in got_b if f["type"] == "message"]
        msgs_b += await cb.messages(len(msgs_a) - len(msgs_b)) if len(msgs_b) < len(msgs_a) else []
        assert [m["body"] for m in msgs_a] == [t for _, t in script]
        assert [m["id"] for m in msgs_a] == [m["id"] for m in msgs_b]
        ids = [m["id"] for m in msgs_a]
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        assert [m["author"]["handle"] for m in msgs_b] == [a["handle"], b["handle"], a["handle"], b["handle"],
                                                           a["handle"]]
        assert "<strong>Rough day</strong>" in msgs_a[1]["body_html"]
        assert "<script>" not in msgs_a[2]["body_html"] and "&lt;script&gt;" in msgs_a[2]["body_html"]
        first = msgs_a[0]
        assert first["room"] == room and first["status"] == "visible" and isinstance(first["message_id"], int)
        assert first["created_at"].endswith("Z")
        await cb.close()
        left = await ca.expect("presence", lambda f: f["count"] == 1)
        assert left["handles"] == [a["handle"]]
    finally:
        await ca.close()


async def test_resume_after_missing_50_gets_exactly_those(live_server, room) -> None:
    a, b = register(live_server.url), register(live_server.url)
    ca = await ChatClient.open(live_server, a, room)
    cb = await ChatClient.open(live_server, b, room)
    await ca.say("before the gap")
    last = (await cb.expect("message", lambda f: f["body"] == "before the gap"))["id"]
    await cb.close()
    for i in range(50):
        await ca.say(f"missed {i}", client_id=f"gap-{i}")
    sent = [await ca.expect("message", lambda f, i=i: f["body"] == f"missed {i}") for i in range(50)]
    await ca.close()

    cb = await ChatClient.open(live_server, b, room, resume=False)
    await cb.send_json({"type": "resume", "after": last})
    synced = await cb.expect("synced")
    got = [f for f in cb.seen if f["type"] == "message"]
    assert [m["body"] for m in got] == [f"missed {i}" for i in range(50)]
    assert [m["id"] for m in got] == [m["id"] for m in sent]
    assert synced["last_id"] == sent[-1]["id"]
    assert not [f for f in await cb.quiet(0.5) if f["type"] == "message"]  # no duplicates follow
    await cb.close()

    # The same through the URL (?after=), as a reconnecting page does it.
    cb = await ChatClient.open(live_server, b, room, after=sent[24]["id"])
    assert [m["body"] for m in cb.seen if m["type"] == "message"] == [f"missed {i}" for i in range(25, 50)]
    await cb.close()


async def test_retried_client_id_is_stored_once(live_server, room) -> None:
    a, b = register(live_server.url), register(live_server.url)
    ca = await ChatClient.open(live_server, a, room)
    cb = await ChatClient.open(live_server, b, room)
    try:
        await ca.say("only once please", client_id="retry-1")
        first = await ca.expect("message", lambda f: f["client_id"] == "retry-1")
        await ca.say("only once please", client_id="retry-1")  # the ack was lost; the page retries
        echo = await ca.expect("message", lambda f: f["client_id"] == "retry-1")
        assert echo["message_id"] == first["message_id"] and echo["id"] == first["id"]
        await ca.close()
        ca = await ChatClient.open(live_server, a, room)  # and again after reconnecting
        await ca.say("only once please", client_id="retry-1")
        again = await ca.expect("message", lambda f: f["client_id"] == "retry-1" and f["id"] == first["id"])
        assert again["message_id"] == first["message_id"]
        await ca.say("next", client_id="retry-2")
        await cb.expect("message", lambda f: f["body"] == "next")
        got = [f["client_id"] for f in cb.seen if f["type"] == "message" and str(f["client_id"]).startswith("retry")]
        assert got == ["retry-1", "retry-2"]
        r = httpx.get(f"{live_server.url}/api/rooms/{room}/messages", headers=b["headers"])
        assert r.status_code == 200
        assert [m["client_id"] for m in r.json()["messages"]].count("retry-1") == 1
    finally:
        await ca.close()
        await cb.close()


async def test_http_history_and_after(live_server, room) -> None:
    a = register(live_server.url)
    ca = await ChatClient.open(live_server, a, room)
    try:
        await ca.say("history one")
        one = await ca.expect("message", lambda f: f["body"] == "history one")
        await ca.say("history two")
        await ca.expect("message", lambda f: f["body"] == "history two")
    finally:
        await ca.close()
    r = httpx.get(f"{live_server.url}/api/rooms/{room}/messages", params={"after": one["id"]}, headers=a["headers"])
    assert r.status_code == 200
    assert [m["body"] for m in r.json()["messages"]] == ["history two"]
    assert httpx.get(f"{live_server.url}/api/rooms/{room}/messages").status_code == 401
    r = httpx.get(f"{live_server.url}/api/rooms/{room}/messages", params={"after": "x"}, headers=a["headers"])
    assert r.status_code == 400


async def test_held_message_reaches_only_author_and_staff_with_help(live_server, room) -> None:
    a, b, mod = register(live_server.url), register(live_server.url), register(live_server.url)
    set_role(live_server, mod["handle"], "moderator")
    ca = await ChatClient.open(live_server, a, room, headers={"accept-language": "en-GB,en;q=0.8"})
    cb = await ChatClient.open(live_server, b, room)
    cm = await ChatClient.open(live_server, mod, room)
    try:
        await ca.say("I want to kill myself tonight", client_id="crisis-1")
        held = await ca.expect("message", lambda f: f["client_id"] == "crisis-1")
        assert held["status"] == "held"
        help_frame = await ca.expect("help")
        assert help_frame["client_id"] == "crisis-1" and help_frame["reasons"]
        assert help_frame["help"]["country"] == "GB" and help_frame["help"]["crisis_lines"]
        assert not [f for f in ca.seen if f["type"] == "error"]
        staff_copy = await cm.expect("message", lambda f: f["client_id"] == "crisis-1")
        assert staff_copy["status"] == "held"
        await ca.say("thank you all", client_id="after-crisis")
        await cb.expect("message", lambda f: f["client_id"] == "after-crisis")
        assert not [f for f in cb.seen if f.get("client_id") == "crisis-1"]
        # Backfill follows the same rule.
        late = await ChatClient.open(live_server, register(live_server.url), room)
        assert "crisis-1" not in [f.get("client_id") for f in late.seen]
        await late.close()
        r = httpx.get(f"{live_server.url}/api/rooms/{room}/messages", headers=a["headers"])
        assert "held" in [m["status"] for m in r.json()["messages"] if m["client_id"] == "crisis-1"]
    finally:
        for c in (ca, cb, cm):
            await c.close()


async def test_rejected_text_gets_error_frame(live_server, room) -> None:
    a = register(live_server.url)
    ca = await ChatClient.open(live_server, a, room)
    try:
        spam = " ".join(f"https://spam{i}.example/buy" for i in range(12))
        await ca.say(spam, client_id="spam-1")
        frame = await ca.expect("error", lambda f: f.get("client_id") == "spam-1")
        assert frame["code"] == "rejected" and frame["message"]
    finally:
        await ca.close()


async def test_blocked_members_messages_are_not_delivered(live_server, room) -> None:
    a, b = register(live_server.url), register(live_server.url)
    ca = await ChatClient.open(live_server, a, room)
    await ca.say("said before the block", client_id="pre-block")
    await ca.expect("message")
    await block(live_server, b["handle"], a["handle"])
    cb = await ChatClient.open(live_server, b, room)  # blocks are read when the stream starts
    other = register(live_server.url)
    co = await ChatClient.open(live_server, other, room)
    try:
        assert "pre-block" not in [f.get("client_id") for f in cb.seen]
        await ca.say("you blocked me", client_id="blocked-live")
        await co.say("and I'm not blocked", client_id="not-blocked")
        await cb.expect("message", lambda f: f["client_id"] == "not-blocked")
        assert "blocked-live" not in [f.get("client_id") for f in cb.seen]
        r = httpx.get(f"{live_server.url}/api/rooms/{room}/messages", headers=b["headers"])
        assert a["handle"] not in [m["author"]["handle"] for m in r.json()["messages"]]
    finally:
        for c in (ca, cb, co):
            await c.close()


async def test_handshakes_cookie_origin_and_auth(live_server, room) -> None:
    a = register(live_server.url)
    url = f"{live_server.ws_url}/ws/rooms/{room}"
    cookie = {"cookie": f"sb_session={a['token']}"}
    with pytest.raises(websockets.InvalidStatus) as refused:
        await websockets.connect(url, additional_headers={**cookie, "origin": "https://evil.example"})
    assert refused.value.response.status_code == 403
    ok = await ChatClient.open(live_server, None, room, headers={**cookie, "origin": live_server.url})
    await ok.close()
    anon = await websockets.connect(url)
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await asyncio.wait_for(anon.recv(), 5)
    assert closed.value.rcvd.code == 4401
    missing = await websockets.connect(f"{live_server.ws_url}/ws/rooms/no-such-room", additional_headers=a["headers"])
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await asyncio.wait_for(missing.recv(), 5)
    assert closed.value.rcvd.code == 4404


async def test_mod_socket_is_staff_only_and_gets_alerts(live_server, room) -> None:
    member, mod = register(live_server.url), register(live_server.url)
    set_role(live_server, mod["handle"], "moderator")
    ws = await websockets.connect(f"{live_server.ws_url}/ws/mod", additional_headers=member["headers"])
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await asyncio.wait_for(ws.recv(), 5)
    assert closed.value.rcvd.code == 4403
    ws = await websockets.connect(f"{live_server.ws_url}/ws/mod", additional_headers=mod["headers"])
    mod_client = ChatClient(ws)
    await mod_client.expect("hello")
    writer = await ChatClient.open(live_server, register(live_server.url), room)
    try:
        await writer.say("I keep thinking about ending my life", client_id="alert-1")
        alert = await mod_client.expect("alert")
        assert alert["target_type"] == "message" and alert["crisis"] is True and alert["room"] == room
    finally:
        await writer.close()
        await ws.close()
