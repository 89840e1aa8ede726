"""Reply notifications: created, counted, listed, marked read; never for one's own replies, — the tests that need the site websocket, so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import pytest

from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_notifications import HELD, ROOM, replies_for, reply, unread, unread_count
from tests.integration.test_protocol import CheckedClient
from tests.support import register

pytestmark = pytest.mark.real_server


async def test_held_reply_notifies_only_once_approved_and_not_after_a_block(server, api, mod) -> None:
    writer, replier = register(server.url), register(server.url)
    t = new_thread(api, writer, room=ROOM)
    held = reply(api, replier, t["id"], HELD)
    assert held["status"] == "held"
    assert unread_count(api, writer) == 0 and unread(api, writer) == []
    site = await CheckedClient.site(server, writer)
    try:
        item = queue_item_for(api, mod, "post", held["id"])
        assert decide(api, mod, item["id"], action="approve").status_code == 200
        frame = await site.expect("notification", lambda f: f["kind"] == "reply")
    finally:
        await site.ws.close()
    assert frame["link"] == f"/threads/{t['id']}#post-{held['id']}" and "7946" not in frame["text"]
    [note] = replies_for(api, writer, t["id"])
    assert note["id"] == frame["id"] and note["post_id"] == held["id"] and "7946" not in note["text"]
    assert unread_count(api, writer) == 1

    # Held, then the writer blocks the replier, then a moderator approves: nothing.
    writer2, replier2 = register(server.url), register(server.url)
    t2 = new_thread(api, writer2, room=ROOM)
    held2 = reply(api, replier2, t2["id"], HELD)
    assert held2["status"] == "held"
    assert api.post("/api/blocks", headers=writer2["headers"], json={"handle": replier2["handle"]}).status_code == 201
    assert decide(api, mod, queue_item_for(api, mod, "post", held2["id"])["id"], action="approve").status_code == 200
    assert unread_count(api, writer2) == 0

    # The other way round: the replier blocks the thread's writer while the reply waits.
    writer3, replier3 = register(server.url), register(server.url)
    t3 = new_thread(api, writer3, room=ROOM)
    held3 = reply(api, replier3, t3["id"], HELD)
    assert api.post("/api/blocks", headers=replier3["headers"], json={"handle": writer3["handle"]}).status_code == 201
    assert decide(api, mod, queue_item_for(api, mod, "post", held3["id"])["id"], action="approve").status_code == 200
    assert unread_count(api, writer3) == 0


async def test_live_notification_reaches_the_writers_site_socket(server, api) -> None:
    writer, replier = register(server.url), register(server.url)
    t = new_thread(api, writer, room=ROOM)
    site = await CheckedClient.site(server, writer)
    try:
        posted = reply(api, replier, t["id"])
        frame = await site.expect("notification")
    finally:
        await site.ws.close()
    assert frame["kind"] == "reply" and frame["link"] == f"/threads/{t['id']}#post-{posted['id']}"
    assert replier["handle"] in frame["text"]
