"""Reports and the queue's finer rules: crisis reports, trust, re-review, merging, races, live notices — the tests that need websockets (alerts, live chat), so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import asyncio
import json

import pytest
import websockets

from tests.integration.test_chat_support import ChatClient
from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_reports import ROOM, report
from tests.support import register, unique

pytestmark = pytest.mark.real_server


async def test_crisis_concern_report_tops_queue_and_alerts(server, api, mod) -> None:
    t = new_thread(api, register(server.url), "Everything is fine, honestly", room=ROOM)
    async with websockets.connect(f"{server.ws_url}/ws/mod", additional_headers=mod["headers"]) as ws:
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "hello"
        r = report(api, register(server.url), t["post_id"], "crisis_concern",
                   note="They said goodbye to everyone in chat")
        assert r.status_code == 201
        while True:
            frame = json.loads(await asyncio.wait_for(ws.recv(), 10))
            if frame["type"] == "alert" and frame["target_id"] == t["post_id"]:
                break
    assert frame["crisis"] is True and frame["priority"] == 100 and frame["source"] == "reported"
    item = queue_item_for(api, mod, "post", t["post_id"])
    assert item["crisis"] and item["priority"] == 100
    assert item["reports"][0]["note"] == "They said goodbye to everyone in chat"
    first = api.get("/api/mod/queue", headers=mod["headers"]).json()["items"][0]
    assert first["crisis"] and first["priority"] == 100


async def test_author_is_notified_live_and_can_mark_read(server, api, mod) -> None:
    author = register(server.url)
    t = new_thread(api, author, "something to review", room=ROOM)
    report(api, register(server.url), t["post_id"], "personal_info")
    item = queue_item_for(api, mod, "post", t["post_id"])
    chat = await ChatClient.open(server, author, room=ROOM)
    try:
        assert decide(api, mod, item["id"], action="remove", reason="It named a workplace.").status_code == 200
        note = await chat.expect("notification")
        assert "It named a workplace." in note["text"] and note["link"].startswith(f"/threads/{t['id']}")
    finally:
        await chat.close()
    notes = api.get("/api/notifications", headers=author["headers"]).json()["notifications"]
    assert notes[0]["read"] is False
    assert api.post("/api/notifications/read", headers=author["headers"]).json()["marked"] >= 1
    assert all(n["read"] for n in api.get("/api/notifications", headers=author["headers"]).json()["notifications"])


async def test_held_chat_message_approved_from_the_queue_appears_live(server, api, mod) -> None:
    writer, watcher = register(server.url), register(server.url)
    w = await ChatClient.open(server, writer, room=ROOM)
    o = await ChatClient.open(server, watcher, room=ROOM)
    try:
        # Imminent (means and a time) is held; distress alone would be published behind a note.
        text = "I have the pills counted out and I'm taking them all tonight"
        await w.say(text, client_id=unique("c"))
        held = await w.expect("message", lambda f: f.get("status") == "held")
        item = queue_item_for(api, mod, "message", held["message_id"])
        assert item["crisis"] and any(line["is_target"] for line in item["context"]["chat"])
        assert decide(api, mod, item["id"], action="approve", reason="Reached out to them.").status_code == 200
        shown = await o.expect("message", lambda f: f["message_id"] == held["message_id"])
        assert shown["body"] == text and shown["content_note"] == "suicidal feelings"
    finally:
        await w.close()
        await o.close()
