"""Welcome and home: the guidelines gate before posting, following rooms, the signed-in home
(followed rooms first with new counts, threads waiting for a reply, all as the member may see
them), unread markers on the room page, and what export and account deletion do with it all."""
from __future__ import annotations

import re

import httpx
import pytest

from tests.integration.test_chat_support import ChatClient, db_exec, user_id
from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_notifications import HELD, reply
from tests.integration.test_security import csrf_from
from tests.support import LiveServer, register, unique

# Site sockets, reminder polls and two workers: a uvicorn subprocess, not the in-process site.
pytestmark = pytest.mark.real_server

ROOM = "boundaries-communication"


def cookie_member(server: LiveServer, *, agree: bool = True) -> tuple[httpx.Client, dict]:
    """A browser-like client signed in with a cookie (from the API member's session token)."""
    m = register(server.url, agree=agree)
    c = httpx.Client(base_url=server.url, timeout=20, cookies={"sb_session": m["token"]})
    return c, m


def own_room(server: LiveServer, admin: dict) -> str:
    slug = unique("home").replace("_", "-")
    r = httpx.post(server.url + "/api/rooms", json={"slug": slug, "name": f"Room {slug}"}, headers=admin["headers"])
    assert r.status_code == 201, r.text
    return slug


async def test_posting_waits_for_the_guidelines(live_server, api) -> None:
    m = register(live_server.url, agree=False)
    assert m["user"]["guidelines_agreed_at"] is None
    t = new_thread(api, register(live_server.url), room=ROOM)
    for path, body in ((f"/api/rooms/{ROOM}/threads", {"title": "Hello", "body": "first words"}),
                       (f"/api/threads/{t['id']}/posts", {"body": "a first reply"})):
        r = api.post(path, headers=m["headers"], json=body)
        assert r.status_code == 403, r.text
        error = r.json()["error"]
        assert error["code"] == "guidelines_not_agreed"
        assert error["message"].startswith("Please read and agree to the community guidelines") and "/welcome" in error["message"]
    chat = await ChatClient.open(live_server, m, ROOM)
    try:
        await chat.say("hello room")
        frame = await chat.expect("error")
        assert frame["code"] == "guidelines_not_agreed"
    finally:
        await chat.close()
    # Reading, reporting and following need no agreement.
    assert api.get(f"/api/threads/{t['id']}", headers=m["headers"]).status_code == 200
    r = api.put(f"/api/rooms/{ROOM}/follow", headers=m["headers"])
    assert r.status_code == 200, r.text
    assert r.json()["following"] is True

    assert api.post("/api/me/guidelines", headers=m["headers"], json={"agree": False}).status_code == 422
    r = api.post("/api/me/guidelines", headers=m["headers"], json={"agree": True})
    assert r.status_code == 200 and r.json()["user"]["guidelines_agreed_at"]
    agreed_at = r.json()["user"]["guidelines_agreed_at"]
    assert api.get("/api/me", headers=m["headers"]).json()["user"]["guidelines_agreed_at"] == agreed_at
    r = api.post(f"/api/rooms/{ROOM}/threads", headers=m["headers"], json={"title": "Hello", "body": "first words"})
    assert r.status_code == 201, r.text
    # Agreeing again keeps the first date.
    again = api.post("/api/me/guidelines", headers=m["headers"], json={"agree": True}).json()["user"]
    assert again["guidelines_agreed_at"] == agreed_at


def test_the_welcome_page_flow(live_server) -> None:
    c, _ = cookie_member(live_server, agree=False)
    with c:
        # A form post before agreeing goes to the welcome page, and back after.
        room_page = c.get(f"/rooms/{ROOM}")
        assert 'id="agree-first"' in room_page.text and 'id="new-thread"' not in room_page.text
        token = csrf_from(room_page.text)
        r = c.post(f"/rooms/{ROOM}/threads", data={"title": "x", "body": "y", "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"] == f"/welcome?next=%2Frooms%2F{ROOM}"
        page = c.get(r.headers["location"])
        assert page.status_code == 200
        text = page.text
        assert "Community guidelines" in text and "Speak from your own experience" in text
        assert "Peer support, not a crisis service" in text and 'href="/help"' in text
        assert 'class="help-panel"' in text  # the one help component
        assert '<label for="agree">I agree to the community guidelines</label>' in text
        assert '<label for="room-anxious-attachment">' in text
        # Not ticking "I agree" is a clear error beside the box, and nothing is followed.
        r = c.post(f"/welcome?next=%2Frooms%2F{ROOM}", data={"room-anxious-attachment": "1", "csrf_token": token})
        assert r.status_code == 422 and "Please tick" in r.text and 'aria-invalid="true"' in r.text
        assert not c.get("/api/me").json()["user"]["guidelines_agreed_at"]
        r = c.post(f"/welcome?next=%2Frooms%2F{ROOM}", data={
            "agree": "1", "room-anxious-attachment": "1", "room-avoidant-attachment": "1", "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"] == f"/rooms/{ROOM}"
        assert c.get("/api/me").json()["user"]["guidelines_agreed_at"]
        room_page = c.get(f"/rooms/{ROOM}")
        assert 'id="new-thread"' in room_page.text and 'id="agree-first"' not in room_page.text
        # The chosen rooms come first on home; the welcome page shows the agreement and the choice.
        home = c.get("/").text
        followed = home[home.index('id="followed-heading"'):home.index('id="rooms-heading"')]
        assert "/rooms/anxious-attachment" in followed and "/rooms/avoidant-attachment" in followed
        assert f"/rooms/{ROOM}\"" not in followed
        again = c.get("/welcome").text
        assert "You agreed to these guidelines" in again
        assert re.search(r'id="room-anxious-attachment"[^>]*checked', again)
        assert not re.search(r'id="room-healing-together"[^>]*checked', again)
    # Signed out, the welcome page asks to sign in first.
    r = httpx.get(live_server.url + "/welcome", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/signin?next=")


def test_follow_and_unfollow_from_the_api_and_the_room_page(live_server, api, admin) -> None:
    c, m = cookie_member(live_server)
    with c:
        r = api.put(f"/api/rooms/{ROOM}/follow", headers=m["headers"])
        assert r.status_code == 200 and r.json() == {"room": ROOM, "following": True}
        assert api.put(f"/api/rooms/{ROOM}/follow", headers=m["headers"]).json()["following"] is True  # idempotent
        page = c.get(f"/rooms/{ROOM}").text
        assert "You follow this room." in page and ">Unfollow this room<" in page
        r = c.post(f"/rooms/{ROOM}/follow", data={"follow": "0", "csrf_token": csrf_from(page)})
        assert r.status_code == 303
        page = c.get(f"/rooms/{ROOM}").text
        assert ">Follow this room<" in page
        r = c.post(f"/rooms/{ROOM}/follow", data={"follow": "1", "csrf_token": csrf_from(page)})
        assert ">Unfollow this room<" in c.get(f"/rooms/{ROOM}").text
        r = api.delete(f"/api/rooms/{ROOM}/follow", headers=m["headers"])
        assert r.status_code == 200 and r.json()["following"] is False
    assert api.put("/api/rooms/no-such-room/follow", headers=m["headers"]).status_code == 404
    assert api.put(f"/api/rooms/{ROOM}/follow").status_code == 401
    archived = own_room(live_server, admin)
    assert api.patch(f"/api/rooms/{archived}", headers=admin["headers"], json={"archived": True}).status_code == 200
    r = api.put(f"/api/rooms/{archived}/follow", headers=m["headers"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "room_archived"


def test_home_puts_followed_rooms_first_with_counts_that_respect_visibility(live_server, api, admin, mod) -> None:
    slug = own_room(live_server, admin)
    c, m = cookie_member(live_server)
    writer, blocked = register(live_server.url), register(live_server.url)
    with c:
        assert api.put(f"/api/rooms/{slug}/follow", headers=m["headers"]).status_code == 200
        c.get(f"/rooms/{slug}")  # the visit: news counts from here
        visible = new_thread(api, writer, room=slug)
        reply(api, writer, visible["id"], "A reply everyone can read.")
        held = reply(api, writer, visible["id"], HELD)
        assert held["status"] == "held"
        by_blocked = new_thread(api, blocked, room=slug)
        assert api.post("/api/blocks", headers=m["headers"], json={"handle": blocked["handle"]}).status_code == 201
        new_thread(api, m, room=slug)  # their own words are not news to them
        home = c.get("/").text
        followed = home[home.index('id="followed-heading"'):home.index('id="rooms-heading"')]
        assert f"/rooms/{slug}" in followed and "/rooms/anxious-attachment" not in followed
        assert home.index(f"/rooms/{slug}") < home.index("/rooms/anxious-attachment")
        # The thread and the visible reply: 2. Not the held reply, the blocked member's thread or their own.
        assert 'data-new-count="2">2 new' in followed

        # Waiting for a first reply: the blocked member's thread is not listed; answered ones are not.
        waiting = home[home.index('id="waiting-heading"'):home.index('id="rooms-heading"')]
        assert f"/threads/{visible['id']}" not in waiting and f"/threads/{by_blocked['id']}" not in waiting
        lonely = new_thread(api, writer, room=slug)
        only_held = new_thread(api, writer, room=slug)
        reply(api, register(live_server.url), only_held["id"], HELD)  # nobody can read it: still waiting
        waiting = c.get("/").text
        waiting = waiting[waiting.index('id="waiting-heading"'):waiting.index('id="rooms-heading"')]
        assert f"/threads/{lonely['id']}" in waiting and f"/threads/{only_held['id']}" in waiting
        # A held thread is never listed, and neither is its count.
        hidden = api.post(f"/api/rooms/{slug}/threads", headers=writer["headers"],
                          json={"title": "Call me", "body": HELD}).json()
        assert hidden["status"] == "held"
        home = c.get("/").text
        assert f"/threads/{hidden['id']}" not in home
        assert 'data-new-count="4">4 new' in home  # + lonely and only_held
        # Opening the room clears its count.
        c.get(f"/rooms/{slug}")
        home = c.get("/").text
        assert 'data-new-count=' not in home[home.index('id="followed-heading"'):home.index('id="rooms-heading"')]
        # Approved: it counts and waits for a reply like any other.
        item = queue_item_for(api, mod, "post", hidden["post_id"])
        assert decide(api, mod, item["id"], action="approve").status_code == 200
        home = c.get("/").text
        assert f"/threads/{hidden['id']}" in home


def test_room_page_unread_markers_appear_and_clear(live_server, api, admin) -> None:
    slug = own_room(live_server, admin)
    c, m = cookie_member(live_server)
    writer = register(live_server.url)
    with c:
        t = new_thread(api, writer, room=slug)
        mine = new_thread(api, m, room=slug)

        def marked() -> set[int]:
            page = c.get(f"/rooms/{slug}").text
            return {int(i) for i in re.findall(r'<li class="card unread" id="thread-(\d+)"', page)}

        assert marked() == {t["id"]}  # never opened; their own thread is no news
        c.get(f"/threads/{t['id']}")
        assert marked() == set()
        reply(api, writer, t["id"], "Something new.")
        reply(api, writer, mine["id"], "An answer to you.")
        assert marked() == {t["id"], mine["id"]}
        c.get(f"/threads/{mine['id']}")
        assert marked() == {t["id"]}
        # A held reply is no activity to anyone but its writer and the moderators.
        c.get(f"/threads/{t['id']}")
        reply(api, writer, t["id"], HELD)
        assert marked() == set()
        # Signed out: no markers at all.
        assert 'class="card unread"' not in httpx.get(f"{live_server.url}/rooms/{slug}").text


async def test_export_has_follows_reads_settings_and_deletion_removes_them(live_server, api, admin) -> None:
    slug = own_room(live_server, admin)
    c, m = cookie_member(live_server)
    with c:
        assert api.put(f"/api/rooms/{slug}/follow", headers=m["headers"]).status_code == 200
        t = new_thread(api, register(live_server.url), room=slug)
        c.get(f"/threads/{t['id']}")
        assert api.put("/api/me/notification-settings", headers=m["headers"],
                       json={"kinds": {"reply": False}, "quiet_hours": {"start": "23:00", "end": "06:30"},
                             "time_zone": "Europe/Paris"}).status_code == 200
        mine = new_thread(api, m, room=slug)
        reply(api, register(live_server.url), mine["id"])  # replies are off: no notification
        data = api.get("/api/me/export", headers=m["headers"]).json()
        assert data["account"]["guidelines_agreed_at"]
        assert [f["room"]["slug"] for f in data["rooms_followed"]] == [slug]
        assert [r["thread_id"] for r in data["threads_read"]] == [t["id"]]
        assert data["threads_read"][0]["thread_title"] == t["title"]
        settings = data["notification_settings"]
        assert settings["kinds"]["reply"] is False and settings["time_zone"] == "Europe/Paris"
        assert settings["quiet_hours"] == {"start": "23:00", "end": "06:30"}
        assert data["notifications"] == []  # replies were off
        md = api.get("/api/me/export.md", headers=m["headers"]).text
        assert "## Rooms you follow" in md and "## Notification settings" in md and "23:00–06:30" in md

        uid = await user_id(live_server, m["handle"])
        tables = ("room_follows", "thread_reads", "notification_settings")
        assert [(await db_exec(live_server, f"SELECT COUNT(*) FROM {t} WHERE user_id = ?", uid))[0][0]
                for t in tables] == [1, 1, 1]
        r = api.request("DELETE", "/api/me", headers=m["headers"], json={"password": m["password"]})
        assert r.status_code == 204
    for table in (*tables, "notifications", "rsvps"):
        assert (await db_exec(live_server, f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", uid))[0][0] == 0
    rows = await db_exec(live_server, "SELECT guidelines_agreed_at FROM users WHERE id = ?", uid)
    assert rows[0][0] is None
