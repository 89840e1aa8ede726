"""Support reactions on posts and chat messages: add, count, take back, once per kind; refused on
held content and across blocks; the writer's batched notification; live counts in the chat."""
from __future__ import annotations

import httpx
import pytest

from tests.integration.test_chat_support import ROOM as CHAT_ROOM
from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_notifications import reply, unread
from tests.integration.test_protocol import CheckedClient
from tests.support import register

pytestmark = pytest.mark.real_server  # live reaction frames over websockets

ROOM = "boundaries-communication"
HELD = "Call me on +44 20 7946 0958 any time"  # personal data: held for a moderator


def react(api: httpx.Client, member: dict, post_id: int, kind: str, *, on: bool = True,
          what: str = "posts") -> httpx.Response:
    method = api.put if on else api.delete
    return method(f"/api/{what}/{post_id}/reactions/{kind}", headers=member["headers"])


def thread_posts(api: httpx.Client, member: dict, thread_id: int) -> dict[int, dict]:
    data = api.get(f"/api/threads/{thread_id}", headers=member["headers"]).json()
    return {p["id"]: p for p in [data["thread"]["first_post"], *data["posts"]]}


def reaction_notes(api: httpx.Client, member: dict) -> list[dict]:
    return [n for n in unread(api, member) if n["kind"].startswith("reaction_")]


def send_message(api: httpx.Client, member: dict, body: str, room: str = CHAT_ROOM) -> dict:
    r = api.post(f"/api/rooms/{room}/messages", headers=member["headers"], json={"body": body})
    assert r.status_code == 201, r.text
    return r.json()


def test_reactions_add_count_remove_once_per_kind(live_server, api) -> None:
    writer, a, b = (register(live_server.url) for _ in range(3))
    t = new_thread(api, writer, room=ROOM)
    post_id = t["post_id"]
    r = react(api, a, post_id, "support")
    assert r.status_code == 200, r.text
    assert r.json() == {"reactions": {"support": 1}, "my_reactions": ["support"]}
    # Idempotent: the same PUT again changes nothing.
    assert react(api, a, post_id, "support").json() == {"reactions": {"support": 1}, "my_reactions": ["support"]}
    assert react(api, a, post_id, "me_too").json()["my_reactions"] == ["support", "me_too"]
    assert react(api, b, post_id, "support").json()["reactions"] == {"support": 2, "me_too": 1}
    # The thread's JSON carries counts, and each viewer's own kinds.
    assert thread_posts(api, a, t["id"])[post_id]["reactions"] == {"support": 2, "me_too": 1}
    assert thread_posts(api, a, t["id"])[post_id]["my_reactions"] == ["support", "me_too"]
    assert thread_posts(api, b, t["id"])[post_id]["my_reactions"] == ["support"]
    assert thread_posts(api, writer, t["id"])[post_id]["my_reactions"] == []
    # Take one back, twice: the second is a no-op.
    assert react(api, a, post_id, "support", on=False).json() == {"reactions": {"support": 1, "me_too": 1},
                                                                   "my_reactions": ["me_too"]}
    assert react(api, a, post_id, "support", on=False).json()["reactions"] == {"support": 1, "me_too": 1}
    # Who reacted: the writer only.
    who = api.get(f"/api/posts/{post_id}/reactions", headers=writer["headers"])
    assert who.status_code == 200 and who.json()["reactors"] == {"support": [b["handle"]], "me_too": [a["handle"]]}
    assert api.get(f"/api/posts/{post_id}/reactions", headers=a["headers"]).status_code == 403
    # The page shows the counts with pressed state per viewer.
    page = api.get(f"/threads/{t['id']}", headers=a["headers"]).text
    assert f'data-react-post="{post_id}"' in page
    assert 'aria-pressed="true"' in page and 'data-kind="me_too"' in page


def test_reaction_bad_input_and_auth(live_server, api) -> None:
    writer, a = register(live_server.url), register(live_server.url)
    t = new_thread(api, writer, room=ROOM)
    assert react(api, a, t["post_id"], "hug").status_code == 422
    assert api.put(f"/api/posts/{t['post_id']}/reactions/support").status_code == 401
    assert react(api, a, 999999999, "support").status_code == 404
    assert react(api, a, 999999999, "support", what="messages").status_code == 404


def test_reactions_refused_on_held_content_and_across_blocks(live_server, api, mod) -> None:
    writer, replier, other = (register(live_server.url) for _ in range(3))
    t = new_thread(api, writer, room=ROOM)
    held = reply(api, replier, t["id"], HELD)
    assert held["status"] == "held" and held["reactions"] == {} and held["my_reactions"] == []
    # Others can't see it (404); its own writer sees it but may not react while it waits (403).
    assert react(api, other, held["id"], "support").status_code == 404
    assert react(api, replier, held["id"], "support").status_code == 403
    assert decide(api, mod, queue_item_for(api, mod, "post", held["id"])["id"], action="approve").status_code == 200
    assert react(api, other, held["id"], "support").status_code == 200

    # The writer blocks a member: neither may react to the other's posts.
    blocker, blocked = register(live_server.url), register(live_server.url)
    t2 = new_thread(api, blocker, room=ROOM)
    theirs = new_thread(api, blocked, room=ROOM)
    assert api.post("/api/blocks", headers=blocker["headers"], json={"handle": blocked["handle"]}).status_code == 201
    assert react(api, blocked, t2["post_id"], "support").status_code in (403, 404)
    assert react(api, blocker, theirs["post_id"], "support").status_code in (403, 404)
    assert thread_posts(api, blocker, t2["id"])[t2["post_id"]]["reactions"] == {}
    assert reaction_notes(api, blocker) == []

    # A removed post takes no reactions.
    t3 = new_thread(api, writer, room=ROOM)
    r = api.delete(f"/api/posts/{t3['post_id']}", headers=writer["headers"])
    assert r.status_code == 200
    assert react(api, other, t3["post_id"], "support").status_code in (403, 404)


def test_reaction_notifications_are_batched(live_server, api) -> None:
    writer = register(live_server.url)
    reactors = [register(live_server.url) for _ in range(3)]
    t = new_thread(api, writer, room=ROOM)
    react(api, writer, t["post_id"], "support")  # one's own reaction tells nobody
    assert reaction_notes(api, writer) == []
    react(api, reactors[0], t["post_id"], "support")
    [note] = reaction_notes(api, writer)
    assert note["kind"] == "reaction_support" and reactors[0]["handle"] in note["text"]
    assert note["link"] == f"/threads/{t['id']}#post-{t['post_id']}"
    for m in reactors[1:]:
        react(api, m, t["post_id"], "support")
    [batched] = reaction_notes(api, writer)
    assert batched["id"] == note["id"] and batched["text"].startswith("3 people sent support to your post")
    # Another kind is its own notification.
    react(api, reactors[0], t["post_id"], "thanks")
    assert sorted(n["kind"] for n in reaction_notes(api, writer)) == ["reaction_support", "reaction_thanks"]
    # Taking one back updates the unread count; once read, a new reaction makes a new one.
    react(api, reactors[2], t["post_id"], "support", on=False)
    assert [n["text"][:29] for n in reaction_notes(api, writer) if n["kind"] == "reaction_support"] \
        == ["2 people sent support to your"]
    assert api.post("/api/notifications/read", headers=writer["headers"], json={"all": True}).status_code == 200
    react(api, reactors[2], t["post_id"], "support")
    [fresh] = reaction_notes(api, writer)
    assert fresh["id"] != note["id"] and fresh["text"].startswith("3 people")

    # A member the writer blocked no longer counts, and never notifies.
    blocked = register(live_server.url)
    react(api, blocked, t["post_id"], "helped")
    api.post("/api/notifications/read", headers=writer["headers"], json={"all": True})
    assert api.post("/api/blocks", headers=writer["headers"], json={"handle": blocked["handle"]}).status_code == 201
    assert react(api, blocked, t["post_id"], "me_too").status_code in (403, 404)
    assert reaction_notes(api, writer) == []


async def test_chat_reactions_are_live_and_in_history(live_server, api) -> None:
    writer, reactor = register(live_server.url), register(live_server.url)
    watcher = await CheckedClient.open(live_server, writer)
    try:
        sent = send_message(api, writer, "Evening, everyone. Rough day here.")
        assert sent["reactions"] == {} and sent["my_reactions"] == []
        r = react(api, reactor, sent["message_id"], "support", what="messages")
        assert r.status_code == 200, r.text
        frame = await watcher.expect("reactions", lambda f: f["message_id"] == sent["message_id"])
        assert frame["reactions"] == {"support": 1} and frame["room"] == CHAT_ROOM
    finally:
        await watcher.ws.close()
    # History (and a fresh socket's backfill) carries counts and the viewer's own kinds.
    history = api.get(f"/api/rooms/{CHAT_ROOM}/messages", headers=reactor["headers"]).json()["messages"]
    [mine] = [m for m in history if m["message_id"] == sent["message_id"]]
    assert mine["reactions"] == {"support": 1} and mine["my_reactions"] == ["support"]
    late = await CheckedClient.open(live_server, reactor)
    try:
        replayed = [f for f in late.seen if f.get("type") == "message" and f["message_id"] == sent["message_id"]]
        assert replayed and replayed[-1]["reactions"] == {"support": 1} and replayed[-1]["my_reactions"] == ["support"]
    finally:
        await late.ws.close()
    notes = reaction_notes(api, writer)
    assert [n["link"] for n in notes] == [f"/rooms/{CHAT_ROOM}#msg-{sent['message_id']}"]
    # Someone who blocked the writer neither sees nor reacts to their messages.
    blocker = register(live_server.url)
    assert api.post("/api/blocks", headers=blocker["headers"], json={"handle": writer["handle"]}).status_code == 201
    assert react(api, blocker, sent["message_id"], "support", what="messages").status_code == 404


def test_deleting_an_account_removes_its_reactions_and_export_lists_them(live_server, api) -> None:
    writer, reactor = register(live_server.url), register(live_server.url)
    t = new_thread(api, writer, room=ROOM)
    react(api, reactor, t["post_id"], "helped")
    export = api.get("/api/me/export", headers=reactor["headers"]).json()
    assert [(r["kind"], r["on"], r["post_id"]) for r in export["reactions"]] == [("helped", "post", t["post_id"])]
    r = api.request("DELETE", "/api/me", headers=reactor["headers"], json={"password": reactor["password"]})
    assert r.status_code == 204, r.text
    assert thread_posts(api, writer, t["id"])[t["post_id"]]["reactions"] == {}


def test_reactions_are_rate_limited(live_server, api) -> None:
    writer, fast = register(live_server.url), register(live_server.url)
    t = new_thread(api, writer, room=ROOM)
    statuses = [react(api, fast, t["post_id"], "support", on=i % 2 == 0).status_code for i in range(61)]
    assert statuses[:60] == [200] * 60
    r = react(api, fast, t["post_id"], "support")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    assert "quickly" in r.json()["error"]["message"]


def test_reacting_with_a_cookie_needs_the_csrf_token(live_server) -> None:
    writer, member = register(live_server.url), register(live_server.url)
    with httpx.Client(base_url=live_server.url, timeout=20) as api:
        t = new_thread(api, writer, room=ROOM)
        api.cookies.set("sb_session", member["token"])
        r = api.put(f"/api/posts/{t['post_id']}/reactions/support")
        assert r.status_code == 403, r.text
        assert api.get(f"/api/threads/{t['id']}").json()["thread"]["first_post"]["reactions"] == {}
