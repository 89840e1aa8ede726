"""Deletion completes: what a writer deletes never comes back, whatever a moderator decides later — the tests that need live chat sockets, so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import json

import pytest

from tests.integration.test_chat_support import ROOM as CHAT_ROOM
from tests.integration.test_chat_support import ChatClient
from tests.integration.test_deletion import PHONE_REPLY
from tests.integration.test_moderation import ROOM, decide, new_thread, queue_item_for
from tests.support import register, unique

pytestmark = pytest.mark.real_server


async def test_deleting_an_account_leaves_nothing_of_it(server, api, mod) -> None:
    leaver = register(server.url)
    other = register(server.url)
    # A company name of this test's own: on PostgreSQL every module shares one database, and
    # test_deletion leaves other members' "Acme" threads that staff may still read.
    acme = unique("Acme")
    title = f"Jane Doe from {acme} Corp is my ex"
    own = api.post(f"/api/rooms/{ROOM}/threads", headers=leaver["headers"],
                   json={"title": title, "body": "She still texts me at work."}).json()
    assert own["status"] == "visible"
    assert api.post(f"/api/threads/{own['id']}/posts", headers=other["headers"],
                    json={"body": "That sounds exhausting."}).status_code == 201
    theirs = new_thread(api, other, "Evenings are hard")
    reply = api.post(f"/api/threads/{theirs['id']}/posts", headers=leaver["headers"],
                     json={"body": "Same for me, honestly."}).json()
    assert api.patch(f"/api/posts/{reply['id']}", headers=leaver["headers"],
                     json={"body": "Same for me, honestly. Jane Doe again."}).status_code == 200
    held = api.post(f"/api/threads/{theirs['id']}/posts", headers=leaver["headers"], json={"body": PHONE_REPLY}).json()
    assert held["status"] == "held"
    item = queue_item_for(api, mod, "post", held["id"])
    assert api.get(f"/api/threads/{theirs['id']}", headers=other["headers"]).json()["thread"]["reply_count"] == 1

    watcher = await ChatClient.open(server, other, CHAT_ROOM)
    speaker = await ChatClient.open(server, leaver, CHAT_ROOM)
    await speaker.say(f"Jane Doe works at {acme}, ask anyone")
    said = await watcher.expect("message", lambda f: acme in (f.get("body") or ""))
    await speaker.ws.close()

    r = api.request("DELETE", "/api/me", headers=leaver["headers"], json={"password": leaver["password"]})
    assert r.status_code == 204
    # Live clients drop the message at once.
    gone = await watcher.expect("removed", lambda f: f["message_db_id"] == said["message_id"])
    assert gone["message_id"] == said["seq"]
    await watcher.ws.close()

    for who in (other, mod):  # blanked, not hidden: not even staff see the text
        thread = api.get(f"/api/threads/{own['id']}", headers=who["headers"]).json()["thread"]
        assert thread["title"] == "[deleted]"
        assert thread["author"] == {"handle": "former member", "id": None, "role": "member"}
        assert thread["first_post"]["body"] in (None, "")
        everything = api.get(f"/api/threads/{theirs['id']}", headers=who["headers"]).text
        assert "Jane Doe" not in everything and "7946" not in everything
        assert "Jane Doe" not in api.get(f"/api/threads/{own['id']}", headers=who["headers"]).text
        assert acme not in api.get(f"/api/rooms/{ROOM}/threads", headers=who["headers"]).text
    assert api.get(f"/api/threads/{theirs['id']}", headers=other["headers"]).json()["thread"]["reply_count"] == 0
    revisions = api.get(f"/api/posts/{reply['id']}/revisions", headers=mod["headers"])
    assert revisions.status_code == 404 or revisions.json()["revisions"] == []
    r = decide(api, mod, item["id"], action="approve")
    assert r.status_code == 409 and r.json()["error"]["code"] == "deleted"
    # The page names a former member, with no link to a profile that no longer exists.
    page = api.get(f"/threads/{own['id']}", headers=other["headers"]).text
    assert "Jane Doe" not in page and "former member" in page and "/u/deleted-" not in page
    backfill = await ChatClient.open(server, other, CHAT_ROOM, after=0)
    await backfill.quiet(0.5)
    assert not [f for f in backfill.seen if acme in json.dumps(f)]
    await backfill.ws.close()
