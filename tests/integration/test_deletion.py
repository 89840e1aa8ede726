"""Deletion completes: what a writer deletes never comes back, whatever a moderator decides later."""
from __future__ import annotations

from tests.integration.test_moderation import ROOM, decide, new_thread, queue_item_for
from tests.integration.test_pages import csrf_from
from tests.support import register

PHONE_REPLY = "Call me on +44 20 7946 0958 any time"


def test_deleted_held_reply_stays_gone_when_a_moderator_decides(server, api, mod) -> None:
    opener = register(server.url)
    thread = new_thread(api, opener, "Anyone else find evenings hard?")
    writer = register(server.url)
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


def test_deleted_held_thread_cannot_be_approved(server, api, mod) -> None:
    writer = register(server.url)
    held = new_thread(api, writer, PHONE_REPLY, room=ROOM)
    assert held["status"] == "held"
    item = queue_item_for(api, mod, "post", held["post_id"])
    assert api.delete(f"/api/posts/{held['post_id']}", headers=writer["headers"]).status_code == 200
    r = decide(api, mod, item["id"], action="approve")
    assert r.status_code == 409 and r.json()["error"]["code"] == "deleted"
    assert "7946" not in api.get(f"/api/threads/{held['id']}", headers=register(server.url)["headers"]).text


def test_removed_and_deleted_titles_show_a_placeholder_except_to_staff(server, api, mod) -> None:
    writer, reader = register(server.url), register(server.url)
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


def test_edit_and_approve_can_fix_a_title(server, api, mod) -> None:
    writer, reader = register(server.url), register(server.url)
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


def test_edit_and_approve_a_title_from_the_moderator_page(server, api, mod) -> None:
    writer = register(server.url)
    held = api.post(f"/api/rooms/{ROOM}/threads", headers=writer["headers"],
                    json={"title": "Text 020 7946 0958", "body": PHONE_REPLY}).json()
    item = queue_item_for(api, mod, "post", held["post_id"])
    with server.client(timeout=20, follow_redirects=False) as c:
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
