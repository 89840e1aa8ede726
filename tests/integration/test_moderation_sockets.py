"""Crisis care, reports, the review queue and every moderator decision, against a real server — the tests that need websockets (alerts, chat), so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import asyncio
import json
import time

import pytest
import websockets

from tests.integration.test_chat_support import ChatClient
from tests.integration.test_moderation import CRISIS, ROOM, audit_rows, decide, new_thread, queue_item_for
from tests.support import register, unique

pytestmark = pytest.mark.real_server


async def test_crisis_post_is_held_with_help_and_alerts_moderators(server, api, mod) -> None:
    async with websockets.connect(f"{server.ws_url}/ws/mod", additional_headers=mod["headers"]) as ws:
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "hello"
        writer = register(server.url)
        r = api.post(f"/api/rooms/{ROOM}/threads", headers={**writer["headers"], "accept-language": "en-GB,en;q=0.8"},
                     json={"title": "Tonight", "body": CRISIS})
        assert r.status_code == 201
        body = r.json()
        assert body["status"] == "held"
        assert body["help"]["country"] == "GB"
        assert any("116 123" in (line.get("phone") or "") for line in body["help"]["crisis_lines"])
        assert body["help"]["emergency"]["numbers"]
        # The moderator's socket gets the alert at once.
        while True:
            frame = json.loads(await asyncio.wait_for(ws.recv(), 10))
            if frame["type"] == "alert" and frame["target_id"] == body["post_id"]:
                break
        assert frame["crisis"] is True and frame["priority"] == 100
    # Kept, not deleted: the writer still sees it; other members don't; it tops the queue.
    assert api.get(f"/api/threads/{body['id']}", headers=writer["headers"]).status_code == 200
    assert api.get(f"/api/threads/{body['id']}").status_code == 404
    items = api.get("/api/mod/queue", headers=mod["headers"]).json()["items"]
    assert items[0]["crisis"] is True
    item = queue_item_for(api, mod, "post", body["post_id"])
    assert item["crisis"] and item["target"]["body"] == CRISIS
    # A reply with a wish to die (distress, no plan) shows help too; it is published behind a
    # content note and queued for a check-in (tests/integration/test_crisis_care.py has the rest).
    t = new_thread(api, register(server.url))
    r = api.post(f"/api/threads/{t['id']}/posts", headers=writer["headers"], json={"body": "I want to die"})
    assert r.json()["status"] == "visible" and "help" in r.json() and r.json()["content_note"]
    assert queue_item_for(api, mod, "post", r.json()["id"])["tier"] == "distress"


async def test_mute_suspend_ban_warn(server, api, mod, admin) -> None:
    member = register(server.url)
    t = new_thread(api, member, "first")
    reporter = register(server.url)

    def report_and_item(post_id: int) -> dict:
        api.post("/api/reports", headers=reporter["headers"],
                 json={"target_type": "post", "target_id": post_id, "reason": "harassment"})
        return queue_item_for(api, mod, "post", post_id)

    # warn
    item = report_and_item(t["post_id"])
    assert decide(api, mod, item["id"], action="warn", reason="Be kind.").status_code == 200
    assert "warning" in api.get("/api/notifications", headers=member["headers"]).json()["notifications"][0]["text"]

    # mute in this room for 2 seconds: no posting or chatting here, fine elsewhere
    t2 = new_thread(api, member, "second")
    item = report_and_item(t2["post_id"])
    # Made before the mute: a sign-up at full argon2 cost can outlast a 2-second mute on a busy machine.
    open_thread = new_thread(api, register(server.url), "an open thread")
    assert decide(api, mod, item["id"], action="mute", reason="Cool off.", duration=2).status_code == 200
    r = api.post(f"/api/threads/{open_thread['id']}/posts", headers=member["headers"], json={"body": "still here"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "muted"
    chat = await ChatClient.open(server, member, room=ROOM)
    await chat.say("hello?")
    err = await chat.expect("error")
    assert err["code"] == "muted"
    await chat.close()
    assert new_thread(api, member, "other room", room="healing-together")["status"] == "visible"
    deadline = time.monotonic() + 10
    while True:
        r = api.post(f"/api/threads/{open_thread['id']}/posts", headers=member["headers"], json={"body": "back again"})
        if r.status_code == 201 or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    assert r.status_code == 201, r.text

    # suspend: cannot post anywhere; live sockets close
    t3 = new_thread(api, member, "third")
    item = report_and_item(t3["post_id"])
    chat = await ChatClient.open(server, member, room="healing-together")
    assert decide(api, mod, item["id"], action="suspend", reason="Repeated harassment.", duration=3600).status_code == 200
    assert await chat.closed() == 4003
    for room in (ROOM, "healing-together"):
        r = api.post(f"/api/rooms/{room}/threads", headers=member["headers"], json={"title": "x", "body": "y"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "suspended"

    # ban: sessions revoked
    other = register(server.url)
    t4 = new_thread(api, other, "fourth")
    item = report_and_item(t4["post_id"])
    assert decide(api, mod, item["id"], action="ban", reason="Hate speech.").status_code == 200
    assert api.get("/api/me", headers=other["headers"]).status_code == 401
    r = api.post("/api/auth/login", json={"handle": other["handle"], "password": other["password"]})
    assert r.status_code == 403 and r.json()["error"]["code"] == "banned"

    actions = {row["action"] for row in audit_rows(api, admin)}
    assert {"warn", "mute", "suspend", "ban"} <= actions


async def test_chat_message_report_and_remove(server, api, mod) -> None:
    author, watcher = register(server.url), register(server.url)
    a = await ChatClient.open(server, author, room="boundaries-communication")
    w = await ChatClient.open(server, watcher, room="boundaries-communication")
    await a.say("something unkind", client_id=unique("c"))
    msg = await w.expect("message", lambda f: f["body"] == "something unkind")
    r = api.post("/api/reports", headers=watcher["headers"],
                 json={"target_type": "message", "target_id": msg["message_id"], "reason": "harassment"})
    assert r.status_code == 201
    item = queue_item_for(api, mod, "message", msg["message_id"])
    assert any(line["is_target"] for line in item["context"]["chat"])
    assert decide(api, mod, item["id"], action="remove", reason="Unkind.").status_code == 200
    removed = await w.expect("removed")
    assert removed["message_id"] == msg["id"]
    await a.close()
    await w.close()
