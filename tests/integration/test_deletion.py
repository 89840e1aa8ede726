"""Deletion completes: what a writer deletes never comes back, whatever a moderator decides later."""
from __future__ import annotations

import json

import httpx

from tests.integration.test_chat_support import ROOM as CHAT_ROOM
from tests.integration.test_chat_support import ChatClient
from tests.integration.test_moderation import ROOM, decide, new_thread, queue_item_for
from tests.integration.test_pages import csrf_from
from tests.support import register

PHONE_REPLY = "Call me on +44 20 7946 0958 any time"


def test_deleted_held_reply_stays_gone_when_a_moderator_decides(live_server, api, mod) -> None:
    opener = register(live_server.url)
    thread = new_thread(api, opener, "Anyone else find evenings hard?")
    writer = register(live_server.url)
    r = api.post(f"/api/threads/{thread['id']}/posts", headers=writer["headers"], json={"body": PHONE_REPLY})
    assert r.status_code == 201, r.text
    reply = r.json()
    assert reply["status"] == "held"
    item = queue_item_for(api, mod, "post", reply["id"])
    assert api.delete(f"/api/posts/{reply['id']}", headers=writer["headers"]).status_code == 200

    for action in ("approve", "edit_approve"):
        r = decide(api, mod, item["id"], action=action, body="Call me any time")
        assert r.status_code == 409, r.text
        assert r.json()["error"]["code"] == "deleted"
        assert "deleted" in r.json()["error"]["message"]
    shown = api.get(f"/api/threads/{thread['id']}", headers=opener["headers"]).text
    assert "7946" not in shown
    assert api.get(f"/api/threads/{thread['id']}").text.count("7946") == 0
    assert api.get(f"/api/threads/{thread['id']}", headers=opener["headers"]).json()["thread"]["reply_count"] == 0
    # The item left the open queue with the writer's deletion as its resolution.
    open_items = api.get("/api/mod/queue", headers=mod["headers"],
                         params={"target_type": "post", "target_id": reply["id"]}).json()["items"]
    assert not [i for i in open_items if i["id"] == item["id"]]


def test_deleted_held_thread_cannot_be_approved(live_server, api, mod) -> None:
    writer = register(live_server.url)
    held = new_thread(api, writer, PHONE_REPLY, room=ROOM)
    assert held["status"] == "held"
    item = queue_item_for(api, mod, "post", held["post_id"])
    assert api.delete(f"/api/posts/{held['post_id']}", headers=writer["headers"]).status_code == 200
    r = decide(api, mod, item["id"], action="approve")
    assert r.status_code == 409 and r.json()["error"]["code"] == "deleted"
    assert "7946" not in api.get(f"/api/threads/{held['id']}", headers=register(live_server.url)["headers"]).text


async def test_deleting_an_account_leaves_nothing_of_it(live_server, api, mod) -> None:
    leaver = register(live_server.url)
    other = register(live_server.url)
    title = "Jane Doe from Acme Corp is my ex"
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

    watcher = await ChatClient.open(live_server, other, CHAT_ROOM)
    speaker = await ChatClient.open(live_server, leaver, CHAT_ROOM)
    await speaker.say("Jane Doe works at Acme, ask anyone")
    said = await watcher.expect("message", lambda f: "Acme" in (f.get("body") or ""))
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
        assert "Acme" not in api.get(f"/api/rooms/{ROOM}/threads", headers=who["headers"]).text
    assert api.get(f"/api/threads/{theirs['id']}", headers=other["headers"]).json()["thread"]["reply_count"] == 0
    revisions = api.get(f"/api/posts/{reply['id']}/revisions", headers=mod["headers"])
    assert revisions.status_code == 404 or revisions.json()["revisions"] == []
    r = decide(api, mod, item["id"], action="approve")
    assert r.status_code == 409 and r.json()["error"]["code"] == "deleted"
    # The page names a former member, with no link to a profile that no longer exists.
    page = api.get(f"/threads/{own['id']}", headers=other["headers"]).text
    assert "Jane Doe" not in page and "former member" in page and "/u/deleted-" not in page
    backfill = await ChatClient.open(live_server, other, CHAT_ROOM, after=0)
    await backfill.quiet(0.5)
    assert not [f for f in backfill.seen if "Acme" in json.dumps(f)]
    await backfill.ws.close()


def test_removed_and_deleted_titles_show_a_placeholder_except_to_staff(live_server, api, mod) -> None:
    writer, reader = register(live_server.url), register(live_server.url)
    named = "Jane Doe from Acme Corp is my ex"
    held = api.post(f"/api/rooms/{ROOM}/threads", headers=writer["headers"],
                    json={"title": named, "body": PHONE_REPLY}).json()
    assert held["status"] == "held"
    item = queue_item_for(api, mod, "post", held["post_id"])
    assert decide(api, mod, item["id"], action="remove", reason="Names someone.").status_code == 200
    mine = api.post(f"/api/rooms/{ROOM}/threads", headers=writer["headers"],
                    json={"title": "Acme Corp again, sorry", "body": "Never mind."}).json()
    assert api.delete(f"/api/posts/{mine['post_id']}", headers=writer["headers"]).status_code == 200

    for thread, placeholder in ((held, "[removed by a moderator]"), (mine, "[deleted]")):
        for who in (reader, writer):
            shown = api.get(f"/api/threads/{thread['id']}", headers=who["headers"]).json()["thread"]
            assert shown["title"] == placeholder
            page = api.get(f"/threads/{thread['id']}", headers=who["headers"]).text
            assert f"<h1>{placeholder}</h1>" in page and "Acme" not in page
        staff = api.get(f"/api/threads/{thread['id']}", headers=mod["headers"]).json()["thread"]
        assert "Acme" in staff["title"]
    for who in (reader, writer):
        assert "Acme" not in api.get(f"/api/rooms/{ROOM}/threads", headers=who["headers"]).text
        assert "Acme" not in api.get(f"/rooms/{ROOM}", headers=who["headers"]).text


def test_edit_and_approve_can_fix_a_title(live_server, api, mod) -> None:
    writer, reader = register(live_server.url), register(live_server.url)
    held = api.post(f"/api/rooms/{ROOM}/threads", headers=writer["headers"],
                    json={"title": "Ring 020 7946 0958 tonight", "body": PHONE_REPLY}).json()
    assert held["status"] == "held"
    item = queue_item_for(api, mod, "post", held["post_id"])
    r = decide(api, mod, item["id"], action="edit_approve", reason="Took out a phone number.",
               body="Call me any time (number removed)", title="Ring me tonight")
    assert r.status_code == 200, r.text
    shown = api.get(f"/api/threads/{held['id']}", headers=reader["headers"]).json()["thread"]
    assert shown["title"] == "Ring me tonight" and shown["status"] == "visible"
    assert "7946" not in api.get(f"/api/rooms/{ROOM}/threads", headers=reader["headers"]).text

    # A reply has no title to fix.
    held_reply = api.post(f"/api/threads/{held['id']}/posts", headers=writer["headers"], json={"body": PHONE_REPLY}).json()
    item = queue_item_for(api, mod, "post", held_reply["id"])
    r = decide(api, mod, item["id"], action="edit_approve", body="fixed", title="A title")
    assert r.status_code == 422 and r.json()["error"]["field"] == "title"


def test_edit_and_approve_a_title_from_the_moderator_page(live_server, api, mod) -> None:
    writer = register(live_server.url)
    held = api.post(f"/api/rooms/{ROOM}/threads", headers=writer["headers"],
                    json={"title": "Text 020 7946 0958", "body": PHONE_REPLY}).json()
    item = queue_item_for(api, mod, "post", held["post_id"])
    with httpx.Client(base_url=live_server.url, timeout=20, follow_redirects=False) as c:
        token = csrf_from(c.get("/signin").text)
        assert c.post("/signin", data={"handle": mod["handle"], "password": mod["password"],
                                       "csrf_token": token}).status_code == 303
        page = c.get("/mod").text
        assert f'id="title-{item["id"]}"' in page
        r = c.post(f"/mod/queue/{item['id']}/decide",
                   data={"action": "edit_approve", "reason": "Took out a number.", "body": "Text me",
                         "title": "Text me", "csrf_token": csrf_from(page)})
        assert r.status_code == 303, r.text
    assert api.get(f"/api/threads/{held['id']}", headers=writer["headers"]).json()["thread"]["title"] == "Text me"
