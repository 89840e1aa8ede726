"""Download my data: what the member wrote and chose is in it; nothing private of anyone else's."""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx

from tests.integration.test_moderation import ROOM, decide, new_thread, queue_item_for
from tests.integration.test_pages import csrf_from
from tests.support import Site, register, unique

CHAT_ROOM = "anxious-attachment"
PHONE = "+44 20 7946 0958"


def ok(r: httpx.Response, status: int = 201) -> dict:
    assert r.status_code == status, r.text
    return r.json()


def test_export_holds_what_the_member_wrote_and_nothing_private_of_others(server: Site,
                                                                         api: httpx.Client, mod: dict) -> None:
    me, other, gone = register(server.url), register(server.url), register(server.url)
    tag = unique("mine")
    secret_email = f"{unique('private')}@example.com"
    ok(api.patch("/api/me", headers=other["headers"], json={"email": secret_email}), 200)
    ok(api.patch("/api/me", headers=me["headers"], json={"email": f"{tag}@example.com", "bio": f"Bio {tag}"}), 200)

    # Another member's thread, which I answer and then report; a moderator removes it.
    theirs = new_thread(api, other, f"Their opening words {tag}", room=ROOM)
    reply = ok(api.post(f"/api/threads/{theirs['id']}/posts", headers=me["headers"], json={"body": f"First draft {tag}"}))
    ok(api.patch(f"/api/posts/{reply['id']}", headers=me["headers"], json={"body": f"My edited reply {tag}"}), 200)
    held = ok(api.post(f"/api/threads/{theirs['id']}/posts", headers=other["headers"],
                       json={"body": f"Their held words, call {PHONE}"}))
    assert held["status"] == "held"
    ok(api.post("/api/reports", headers=me["headers"],
                json={"target_type": "post", "target_id": theirs["post_id"], "reason": "spam", "note": f"note {tag}"}))
    item = queue_item_for(api, mod, "post", theirs["post_id"])
    assert decide(api, mod, item["id"], action="remove", reason="Removed for the test.").status_code == 200

    # My own thread (with a content note), removed after their report: it is still mine to download.
    mine = ok(api.post(f"/api/rooms/{ROOM}/threads", headers=me["headers"],
                       json={"title": f"My thread {tag}", "body": f"My opening {tag}", "content_note": "grief"}))
    ok(api.post("/api/reports", headers=other["headers"],
                json={"target_type": "post", "target_id": mine["post_id"], "reason": "off_topic",
                      "note": f"their private note {tag}"}))
    item = queue_item_for(api, mod, "post", mine["post_id"])
    assert decide(api, mod, item["id"], action="remove", reason="Please keep to the topic.").status_code == 200
    ok(api.post(f"/api/rooms/{CHAT_ROOM}/messages", headers=me["headers"], json={"body": f"My chat line {tag}"}))
    ok(api.post(f"/api/rooms/{CHAT_ROOM}/messages", headers=other["headers"], json={"body": f"Their chat {tag}"}))

    # A session run by the moderator, which I RSVP to; a member I blocked, who then left.
    start = datetime.now(UTC) + timedelta(days=2)
    session = ok(api.post(f"/api/rooms/{ROOM}/sessions", headers=mod["headers"], json={
        "title": f"Session {tag}", "facilitator": mod["handle"], "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=1)).isoformat()}))["session"]
    ok(api.put(f"/api/sessions/{session['id']}/rsvp", headers=me["headers"]), 200)
    ok(api.post("/api/blocks", headers=me["headers"], json={"handle": other["handle"]}))
    ok(api.post("/api/blocks", headers=me["headers"], json={"handle": gone["handle"]}))
    assert api.request("DELETE", "/api/me", headers=gone["headers"], json={"password": gone["password"]}).status_code == 204

    r = api.get("/api/me/export", headers=me["headers"])
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.headers["content-disposition"].startswith("attachment; filename=") and ".json" in r.headers[
        "content-disposition"]
    data, text = r.json(), r.text
    assert data["account"]["handle"] == me["handle"]
    assert data["settings"]["email"] == f"{tag}@example.com" and data["settings"]["bio"] == f"Bio {tag}"
    assert data["settings"]["blocked_members"] == [other["handle"]] and data["settings"]["recovery_codes_left"] == 10
    [thread] = data["threads"]
    assert thread["title"] == f"My thread {tag}" and thread["room"]["slug"] == ROOM and thread["created_at"]
    posts = {p["body"]: p for p in data["posts"]}
    assert set(posts) == {f"My edited reply {tag}", f"My opening {tag}"}
    assert posts[f"My opening {tag}"]["status"] == "removed" and posts[f"My opening {tag}"]["content_note"] == "grief"
    assert posts[f"My edited reply {tag}"]["earlier_versions"][0]["body"] == f"First draft {tag}"
    assert posts[f"My edited reply {tag}"]["room"]["name"] and posts[f"My edited reply {tag}"]["created_at"]
    [message] = data["chat_messages"]
    assert message["body"] == f"My chat line {tag}" and message["room"]["slug"] == CHAT_ROOM
    [report] = data["reports_made"]
    assert report == {"target_type": "post", "target_id": theirs["post_id"], "reason": "spam",
                      "note": f"note {tag}", "created_at": report["created_at"]}
    [rsvp] = data["rsvps"]
    assert rsvp["title"] == f"Session {tag}" and rsvp["room"]["slug"] == ROOM
    assert any("removed by a moderator" in n["text"] for n in data["notifications"])

    # Nothing of anyone else's: not the removed thread's title, their held text, their email,
    # their report on me, the moderator's name, nor anything of the deleted account.
    for private in (f"Their opening words {tag}", "Their held words", "7946", secret_email,
                    f"their private note {tag}", f"Their chat {tag}", mod["handle"], gone["handle"], "deleted-"):
        assert private not in text, private
    assert "My thread" not in json.dumps(api.get("/api/me/export", headers=other["headers"]).json())

    # The readable version says the same.
    md = api.get("/api/me/export.md", headers=me["headers"])
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.headers["content-disposition"].startswith("attachment;") and ".md" in md.headers["content-disposition"]
    for mine_text in (f"My edited reply {tag}", f"My opening {tag}", f"My chat line {tag}", f"Session {tag}",
                      f"My thread {tag}", f"note {tag}"):
        assert mine_text in md.text, mine_text
    for private in (f"Their opening words {tag}", "7946", secret_email, mod["handle"], gone["handle"]):
        assert private not in md.text, private


def test_export_needs_a_live_account_and_is_offered_in_settings(server: Site, api: httpx.Client) -> None:
    assert api.get("/api/me/export").status_code == 401
    assert api.get("/api/me/export.md").status_code == 401
    leaver = register(server.url)
    with server.client(timeout=20) as web:
        token = csrf_from(web.get("/signin").text)
        assert web.post("/signin", data={"handle": leaver["handle"], "password": leaver["password"],
                                         "csrf_token": token}).status_code == 303
        page = web.get("/settings").text
        assert 'href="/api/me/export"' in page and "Download my data" in page
        assert web.get("/api/me/export").json()["account"]["handle"] == leaver["handle"]  # the cookie is enough
    ok(api.post(f"/api/rooms/{ROOM}/threads", headers=leaver["headers"], json={"title": "Leaving", "body": "Bye"}))
    assert api.request("DELETE", "/api/me", headers=leaver["headers"],
                       json={"password": leaver["password"]}).status_code == 204
    assert api.get("/api/me/export", headers=leaver["headers"]).status_code == 401


def test_export_is_rate_limited_per_member(make_server) -> None:
    server = make_server(SECUREBASE_EXPORT_RATE="2/hour")
    m = register(server.url)
    with server.client(headers=m["headers"], timeout=20) as c:
        assert [c.get("/api/me/export").status_code for _ in range(3)] == [200, 200, 429]
        assert c.get("/api/me/export.md").status_code == 429
