"""Crisis care, reports, the review queue and every moderator decision, against a real server."""
from __future__ import annotations

import httpx

from tests.support import register, unique

ROOM = "disorganized-attachment"
CRISIS = "I can't do this anymore. I want to kill myself tonight."


def new_thread(api: httpx.Client, member: dict, body: str = "Noticing my patterns", room: str = ROOM) -> dict:
    r = api.post(f"/api/rooms/{room}/threads", headers=member["headers"], json={"title": unique("t"), "body": body})
    assert r.status_code == 201, r.text
    return r.json()


def queue_item_for(api: httpx.Client, mod: dict, target_type: str, target_id: int) -> dict:
    items = api.get("/api/mod/queue", headers=mod["headers"],
                    params={"target_type": target_type, "target_id": target_id}).json()["items"]
    found = [i for i in items if i["target"]["type"] == target_type and i["target"]["id"] == target_id]
    assert found, f"no queue item for {target_type} {target_id}"
    return found[0]


def decide(api: httpx.Client, mod: dict, item_id: int, **body) -> httpx.Response:
    return api.post(f"/api/mod/queue/{item_id}/decide", headers=mod["headers"], json=body)


def audit_rows(api: httpx.Client, admin: dict, **filters) -> list[dict]:
    return api.get("/api/mod/audit", headers=admin["headers"], params=filters).json()["entries"]


def test_help_page_lists_directory(api) -> None:
    page = api.get("/help", headers={"accept-language": "en-AU"})
    assert page.status_code == 200
    assert "13 11 14" in page.text  # Lifeline Australia, for this visitor
    for name in ["United States", "United Kingdom", "Ireland", "Canada", "Australia", "New Zealand", "India"]:
        assert name in page.text
    assert "findahelpline.com" in page.text and "Emotionally focused therapy" in page.text
    # Anyone can switch country (no account needed); unknown codes fall back to the browser's language.
    chosen = api.get("/help", params={"country": "nz"}, headers={"accept-language": "en-AU"}).text
    assert '<option value="NZ" selected>' in chosen and "0508 828 865" in chosen.split("Crisis lines by country")[0]
    assert '<option value="AU" selected>' in api.get("/help", params={"country": "ZZ"},
                                                     headers={"accept-language": "en-AU"}).text


def test_report_threshold_hides_item(server, api, admin) -> None:
    slug = unique("rep").replace("_", "-")
    assert api.post("/api/rooms", headers=admin["headers"],
                    json={"slug": slug, "name": "Reports", "report_threshold": 2}).status_code == 201
    author = register(server.url)
    t = new_thread(api, author, "An ordinary post", room=slug)
    r1, r2 = register(server.url), register(server.url)
    report = {"target_type": "post", "target_id": t["post_id"], "reason": "harassment"}
    r = api.post("/api/reports", headers=r1["headers"], json=report)
    assert r.status_code == 201 and r.json()["hidden"] is False
    assert api.post("/api/reports", headers=r1["headers"], json=report).status_code == 409  # once per member
    assert api.get(f"/api/threads/{t['id']}").status_code == 200
    r = api.post("/api/reports", headers=r2["headers"], json={**report, "reason": "other", "note": "unkind"})
    assert r.status_code == 201 and r.json()["hidden"] is True
    assert api.get(f"/api/threads/{t['id']}").status_code == 404  # hidden from others pending review
    own = api.get(f"/api/threads/{t['id']}", headers=author["headers"]).json()
    assert own["thread"]["first_post"]["status"] == "hidden"
    # Bad reports are clear 4xx.
    assert api.post("/api/reports", headers=r1["headers"], json={**report, "reason": "meh"}).status_code == 422
    assert api.post("/api/reports", headers=author["headers"], json=report).status_code in (404, 422)
    assert api.post("/api/reports", headers=r1["headers"],
                    json={"target_type": "post", "target_id": 99999999, "reason": "spam"}).status_code == 404
    assert api.post("/api/reports", json=report).status_code == 401


def test_remove_and_approve_with_notifications_and_audit(server, api, mod, admin) -> None:
    author = register(server.url)
    t = new_thread(api, author, "Something reportable")
    reporter = register(server.url)
    api.post("/api/reports", headers=reporter["headers"],
             json={"target_type": "post", "target_id": t["post_id"], "reason": "off_topic"})
    item = queue_item_for(api, mod, "post", t["post_id"])
    assert item["reports"][0]["reason"] == "off_topic" and item["context"]["thread_title"] == t["title"]
    assert decide(api, mod, item["id"], action="remove").status_code == 422  # a reason is required
    r = decide(api, mod, item["id"], action="remove", reason="Please keep to the room's topic.")
    assert r.status_code == 200
    assert decide(api, mod, item["id"], action="approve").status_code == 409  # already decided
    seen = api.get(f"/api/threads/{t['id']}", headers=author["headers"]).json()["thread"]["first_post"]
    assert seen["status"] == "removed" and seen["removed_reason"] == "Please keep to the room's topic."
    other = api.get(f"/api/threads/{t['id']}", headers=reporter["headers"])
    assert other.status_code == 200 and other.json()["thread"]["first_post"]["body"] is None
    staff = api.get(f"/api/threads/{t['id']}", headers=mod["headers"]).json()["thread"]["first_post"]
    assert staff["body"] == "Something reportable"  # never hard-deleted
    notes = api.get("/api/notifications", headers=author["headers"]).json()["notifications"]
    assert "removed" in notes[0]["text"] and "keep to the room's topic" in notes[0]["text"]
    rows = audit_rows(api, admin, action="remove", actor=mod["handle"])
    assert rows and rows[0]["target_id"] == t["post_id"] and rows[0]["reason"] == "Please keep to the room's topic."

    held = new_thread(api, register(server.url), "Call me on +44 20 7946 0958 any time")
    assert held["status"] == "held"
    item = queue_item_for(api, mod, "post", held["post_id"])
    r = decide(api, mod, item["id"], action="edit_approve", reason="Removed a phone number to keep you safe.",
               body="Call me any time (number removed)")
    assert r.status_code == 200
    shown = api.get(f"/api/threads/{held['id']}").json()["thread"]["first_post"]
    assert shown["status"] == "visible" and "7946" not in shown["body"]
    assert audit_rows(api, admin, action="edit_approve")[0]["target_id"] == held["post_id"]


def test_moderators_cannot_sanction_admins_or_themselves(server, api, mod, admin) -> None:
    t = new_thread(api, admin, "admin post")
    api.post("/api/reports", headers=register(server.url)["headers"],
             json={"target_type": "post", "target_id": t["post_id"], "reason": "spam"})
    item = queue_item_for(api, mod, "post", t["post_id"])
    r = decide(api, mod, item["id"], action="ban", reason="nope")
    assert r.status_code == 403
    held = new_thread(api, mod, "I want to kill myself")
    item = queue_item_for(api, admin, "post", held["post_id"])
    assert decide(api, mod, item["id"], action="approve").status_code == 403
    assert decide(api, admin, item["id"], action="approve").status_code == 200


def test_members_get_403_on_every_mod_route(server, api) -> None:
    member = register(server.url)
    h = member["headers"]
    calls = [
        api.get("/api/mod/queue", headers=h),
        api.post("/api/mod/queue/1/decide", headers=h, json={"action": "approve"}),
        api.post("/api/mod/queue/bulk", headers=h, json={"ids": [1], "action": "remove", "reason": "x"}),
        api.get("/api/mod/audit", headers=h),
        api.get("/api/admin/watched-words", headers=h),
        api.post("/api/admin/watched-words", headers=h, json={"word": "x", "action": "flag"}),
        api.delete("/api/admin/watched-words/1", headers=h),
    ]
    assert [c.status_code for c in calls] == [403] * len(calls)
    assert api.get("/mod", headers=h).status_code == 403
    assert api.get("/mod/audit", headers=h).status_code == 403
    assert api.get("/api/mod/queue").status_code == 401


def test_bulk_remove_spam_wave(server, api, mod, admin) -> None:
    spammer = register(server.url)
    posts = [new_thread(api, spammer, f"buy now {i}") for i in range(3)]
    reporter = register(server.url)
    ids = []
    for p in posts:
        api.post("/api/reports", headers=reporter["headers"],
                 json={"target_type": "post", "target_id": p["post_id"], "reason": "spam"})
        ids.append(queue_item_for(api, mod, "post", p["post_id"])["id"])
    r = api.post("/api/mod/queue/bulk", headers=mod["headers"], json={"ids": ids, "action": "remove", "reason": "Spam."})
    assert r.status_code == 200 and r.json()["decided"] == 3
    for p in posts:
        assert api.get(f"/api/threads/{p['id']}", headers=mod["headers"]).json()["thread"]["status"] == "removed"
    assert len([row for row in audit_rows(api, admin, action="remove")
                if row["details"]["author"] == spammer["handle"] and row["reason"] == "Spam."]) == 3


def test_blocking_hides_posts(server, api) -> None:
    me, them = register(server.url), register(server.url)
    t = new_thread(api, me, "my thread")
    reply = api.post(f"/api/threads/{t['id']}/posts", headers=them["headers"], json={"body": "a reply"}).json()
    assert api.post("/api/blocks", headers=me["headers"], json={"handle": them["handle"]}).status_code == 201
    got = api.get(f"/api/threads/{t['id']}", headers=me["headers"]).json()["posts"]
    assert reply["id"] not in [p["id"] for p in got]
    assert reply["id"] in [p["id"] for p in api.get(f"/api/threads/{t['id']}").json()["posts"]]
    assert api.delete(f"/api/blocks/{them['handle']}", headers=me["headers"]).status_code == 204
    got = api.get(f"/api/threads/{t['id']}", headers=me["headers"]).json()["posts"]
    assert reply["id"] in [p["id"] for p in got]
    assert api.post("/api/blocks", headers=me["headers"], json={"handle": me["handle"]}).status_code == 422


def test_watched_words_admin(server, api, admin) -> None:
    word = unique("zzbad").replace("_", "")
    r = api.post("/api/admin/watched-words", headers=admin["headers"], json={"word": word, "action": "block"})
    assert r.status_code == 201
    entry = r.json()
    assert api.post("/api/admin/watched-words", headers=admin["headers"],
                    json={"word": word, "action": "flag"}).status_code == 409
    member = register(server.url)
    r = api.post(f"/api/rooms/{ROOM}/threads", headers=member["headers"], json={"title": "hi", "body": f"you {word}"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "rejected"
    assert api.delete(f"/api/admin/watched-words/{entry['id']}", headers=admin["headers"]).status_code == 204
    r = api.post(f"/api/rooms/{ROOM}/threads", headers=member["headers"], json={"title": "hi", "body": f"you {word}"})
    assert r.status_code == 201
    assert {"watched_word_add", "watched_word_remove"} <= {row["action"] for row in audit_rows(api, admin)}


def test_crisis_through_the_page_shows_private_help_panel(server) -> None:
    import re
    member = register(server.url)
    with server.client(follow_redirects=False) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/signin").text).group(1)
        c.post("/signin", data={"handle": member["handle"], "password": member["password"], "csrf_token": token})
        api_me = c.patch("/api/me", json={"country": "IE"}, headers={"x-csrf-token": token})
        assert api_me.status_code == 200
        r = c.post(f"/rooms/{ROOM}/threads", data={"title": "tonight", "body": CRISIS, "csrf_token": token})
        assert r.status_code == 201
        assert "You don&#39;t have to go through this alone" in r.text or "You don't have to go through this alone" in r.text
        assert "Ireland" in r.text and "116 123" in r.text and "112" in r.text
        assert "A moderator will look at it soon" in r.text or "moderator" in r.text
        link = re.search(r'href="(/threads/\d+)"', r.text).group(1)
        page = c.get(link).text
        # The thread keeps the help and says where the post stands (not a bare "waiting").
        assert "waiting for a moderator" in page and "kill myself" in page
        assert "have to go through this alone" in page and 'href="tel:116123"' in page
