"""Reply notifications: created, counted, listed, marked read; never for one's own replies,
blocked members or held content; live on the thread writer's site socket."""
from __future__ import annotations

import httpx

from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.support import register

ROOM = "boundaries-communication"
HELD = "Call me on +44 20 7946 0958 any time"  # personal data: held for a moderator


def reply(api: httpx.Client, member: dict, thread_id: int, body: str = "I hear you, same here.") -> dict:
    r = api.post(f"/api/threads/{thread_id}/posts", headers=member["headers"], json={"body": body})
    assert r.status_code == 201, r.text
    return r.json()


def unread(api: httpx.Client, member: dict) -> list[dict]:
    r = api.get("/api/notifications", headers=member["headers"], params={"unread": 1})
    assert r.status_code == 200, r.text
    return r.json()["notifications"]


def unread_count(api: httpx.Client, member: dict) -> int:
    return api.get("/api/me", headers=member["headers"]).json()["unread_notifications"]


def replies_for(api: httpx.Client, member: dict, thread_id: int) -> list[dict]:
    return [n for n in unread(api, member) if n["kind"] == "reply" and n["thread_id"] == thread_id]


def test_reply_notifies_the_thread_writer_and_marks_read(server, api) -> None:
    writer, other = register(server.url), register(server.url)
    assert unread_count(api, writer) == 0
    t = new_thread(api, writer, room=ROOM)
    first = reply(api, other, t["id"])
    assert unread_count(api, writer) == 1
    [note] = unread(api, writer)
    assert note["kind"] == "reply" and other["handle"] in note["text"]
    assert note["link"] == f"/threads/{t['id']}#post-{first['id']}"
    assert note["thread_id"] == t["id"] and note["post_id"] == first["id"] and note["read"] is False
    assert "same here" not in note["text"]  # the reply's words stay on the thread
    # The link leads to the exact post.
    assert f'id="post-{first["id"]}"' in api.get(note["link"].split("#")[0], headers=writer["headers"]).text

    second = reply(api, other, t["id"], "And another thought.")
    assert unread_count(api, writer) == 2
    r = api.post("/api/notifications/read", headers=writer["headers"], json={"ids": [note["id"]]})
    assert r.status_code == 200 and r.json()["marked"] == 1 and r.json()["unread"] == 1
    [left] = unread(api, writer)
    assert left["post_id"] == second["id"]
    # Everything, read or not, without ?unread.
    assert {n["id"] for n in api.get("/api/notifications", headers=writer["headers"]).json()["notifications"]} \
        >= {note["id"], left["id"]}
    # Someone else's ids are not theirs to mark.
    r = api.post("/api/notifications/read", headers=other["headers"], json={"ids": [left["id"]]})
    assert r.status_code == 200 and r.json()["marked"] == 0
    assert unread_count(api, writer) == 1
    r = api.post("/api/notifications/read", headers=writer["headers"], json={"all": True})
    assert r.status_code == 200 and r.json()["marked"] == 1
    assert unread_count(api, writer) == 0 and unread(api, writer) == []


def test_mark_read_refuses_bad_bodies(server, api) -> None:
    m = register(server.url)
    for body in ({"ids": "1"}, {"ids": [1, "2"]}, {"ids": [True]}, {"all": False}, {"all": "yes"},
                 {"ids": [1], "all": True}, {"ids": list(range(1, 300))}, {"what": 1}):
        r = api.post("/api/notifications/read", headers=m["headers"], json=body)
        assert r.status_code == 422, (body, r.text)
    assert api.get("/api/notifications", headers=m["headers"], params={"unread": "maybe"}).status_code == 422
    assert api.get("/api/notifications", params={"unread": 1}).status_code == 401


def test_no_notification_for_own_replies(server, api) -> None:
    writer = register(server.url)
    t = new_thread(api, writer, room=ROOM)
    reply(api, writer, t["id"], "Adding an update to my own thread.")
    assert unread_count(api, writer) == 0 and unread(api, writer) == []


def test_no_notification_when_either_blocked_the_other(server, api) -> None:
    writer, replier = register(server.url), register(server.url)
    t = new_thread(api, writer, room=ROOM)
    # The replier blocked the writer: they can't open the thread, and nothing reaches the writer.
    assert api.post("/api/blocks", headers=replier["headers"], json={"handle": writer["handle"]}).status_code == 201
    r = api.post(f"/api/threads/{t['id']}/posts", headers=replier["headers"], json={"body": "hello"})
    assert r.status_code in (403, 404)
    assert unread_count(api, writer) == 0

    # The writer blocked the replier: the same (a held reply approved later is below).
    writer2, replier2 = register(server.url), register(server.url)
    t2 = new_thread(api, writer2, room=ROOM)
    assert api.post("/api/blocks", headers=writer2["headers"], json={"handle": replier2["handle"]}).status_code == 201
    r = api.post(f"/api/threads/{t2['id']}/posts", headers=replier2["headers"], json={"body": "hello"})
    assert r.status_code in (403, 404)
    assert unread_count(api, writer2) == 0


async def test_removed_held_reply_never_notifies(server, api, mod) -> None:
    writer, replier = register(server.url), register(server.url)
    t = new_thread(api, writer, room=ROOM)
    held = reply(api, replier, t["id"], HELD)
    item = queue_item_for(api, mod, "post", held["id"])
    assert decide(api, mod, item["id"], action="remove", reason="Personal data.").status_code == 200
    assert unread_count(api, writer) == 0


def test_notifications_page_groups_by_thread_and_nav_shows_the_count(server, api) -> None:
    writer, replier = register(server.url), register(server.url)
    t1, t2 = new_thread(api, writer, room=ROOM), new_thread(api, writer, room=ROOM)
    p1 = reply(api, replier, t1["id"])
    p2 = reply(api, replier, t2["id"])
    reply(api, replier, t1["id"], "One more.")
    page = api.get("/notifications", headers=writer["headers"])
    assert page.status_code == 200
    html = page.text
    assert 'data-notification-count="3"' in html
    assert html.count('class="notification-group"') == 2
    assert f'href="/threads/{t1["id"]}#post-{p1["id"]}"' in html
    assert f'href="/threads/{t2["id"]}#post-{p2["id"]}"' in html
    # t1 had the newest reply: its group comes first.
    assert html.index(f'id="group-{t1["id"]}"') < html.index(f'id="group-{t2["id"]}"')
    home = api.get("/", headers=writer["headers"]).text
    assert 'id="notification-count" data-notification-count="3"' in home
