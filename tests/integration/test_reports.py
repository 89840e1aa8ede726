"""Reports and the queue's finer rules: crisis reports, trust, re-review, merging, races, live notices."""
from __future__ import annotations

import asyncio

import httpx

from tests.integration.test_moderation import audit_rows, decide, new_thread, queue_item_for
from tests.support import register, set_role, unique

ROOM = "healing-together"


def report(api: httpx.Client, who: dict, post_id: int, reason: str = "harassment", **extra) -> httpx.Response:
    return api.post("/api/reports", headers=who["headers"],
                    json={"target_type": "post", "target_id": post_id, "reason": reason, **extra})


def room_with_threshold(api: httpx.Client, admin: dict, threshold: int) -> str:
    slug = unique("rq").replace("_", "-")
    r = api.post("/api/rooms", headers=admin["headers"],
                 json={"slug": slug, "name": "Queue rules", "report_threshold": threshold})
    assert r.status_code == 201, r.text
    return slug


def test_approved_item_needs_fresh_reports_to_hide_again(server, api, mod, admin) -> None:
    slug = room_with_threshold(api, admin, 2)
    t = new_thread(api, register(server.url), "A strong opinion", room=slug)
    for _ in range(2):
        assert report(api, register(server.url), t["post_id"]).status_code == 201
    assert api.get(f"/api/threads/{t['id']}").status_code == 404
    item = queue_item_for(api, mod, "post", t["post_id"])
    assert len(item["reports"]) == 2
    assert decide(api, mod, item["id"], action="approve").status_code == 200
    assert api.get(f"/api/threads/{t['id']}").status_code == 200
    # The two reports the moderator weighed don't count again: one more report only queues it.
    r = report(api, register(server.url), t["post_id"])
    assert r.status_code == 201 and r.json()["hidden"] is False
    assert api.get(f"/api/threads/{t['id']}").status_code == 200
    r = report(api, register(server.url), t["post_id"])
    assert r.json()["hidden"] is True


def test_hold_and_report_on_one_post_are_one_item(server, api, mod, admin) -> None:
    author = register(server.url)
    t = new_thread(api, author, "Just checking in", room=ROOM)
    assert report(api, register(server.url), t["post_id"], "off_topic").status_code == 201
    r = api.patch(f"/api/posts/{t['post_id']}", headers=author["headers"],
                  json={"body": "I want to kill myself tonight"})
    assert r.status_code == 200 and r.json()["status"] == "held"
    items = api.get("/api/mod/queue", headers=mod["headers"],
                    params={"target_type": "post", "target_id": t["post_id"]}).json()["items"]
    assert len(items) == 1 and items[0]["crisis"] and items[0]["reports"][0]["reason"] == "off_topic"
    assert decide(api, mod, items[0]["id"], action="approve").status_code == 200
    assert api.get("/api/mod/queue", headers=mod["headers"],
                   params={"target_type": "post", "target_id": t["post_id"]}).json()["items"] == []


async def test_two_moderators_deciding_at_once_one_wins(server, api, mod, admin) -> None:
    t = new_thread(api, register(server.url), "contested", room=ROOM)
    report(api, register(server.url), t["post_id"], "spam")
    item = queue_item_for(api, mod, "post", t["post_id"])
    async with server.async_client() as c:
        results = await asyncio.gather(
            c.post(f"/api/mod/queue/{item['id']}/decide", headers=mod["headers"],
                   json={"action": "remove", "reason": "Advertising."}),
            c.post(f"/api/mod/queue/{item['id']}/decide", headers=admin["headers"],
                   json={"action": "approve"}))
    assert sorted(r.status_code for r in results) == [200, 409]
    rows = [row for row in audit_rows(api, admin, target_type="post") if row["target_id"] == t["post_id"]]
    assert len(rows) == 1


def test_bulk_ban_of_one_spammer_bans_once_and_history_shows(server, api, mod, admin) -> None:
    spammer, reporter = register(server.url), register(server.url)
    posts = [new_thread(api, spammer, f"cheap pills {i}", room=ROOM) for i in range(3)]
    ids = []
    for p in posts:
        report(api, reporter, p["post_id"], "spam")
        ids.append(queue_item_for(api, mod, "post", p["post_id"])["id"])
    r = api.post("/api/mod/queue/bulk", headers=mod["headers"],
                 json={"ids": ids, "action": "ban", "reason": "Spam wave."})
    assert r.status_code == 200 and r.json()["decided"] == 3
    rows = [row for row in audit_rows(api, admin, action="ban") if row["details"].get("author") == spammer["handle"]]
    assert len(rows) == 3 and len({row["details"]["sanction"] for row in rows}) == 1
    assert api.get("/api/me", headers=spammer["headers"]).status_code == 401
    # A later item by a sanctioned author shows that history to moderators.
    warned = register(server.url)
    t1 = new_thread(api, warned, "one", room=ROOM)
    report(api, reporter, t1["post_id"])
    decide(api, mod, queue_item_for(api, mod, "post", t1["post_id"])["id"], action="warn", reason="Be gentle.")
    t2 = new_thread(api, warned, "two", room=ROOM)
    report(api, reporter, t2["post_id"])
    history = queue_item_for(api, mod, "post", t2["post_id"])["author_history"]
    assert history and history[0]["kind"] == "warn" and history[0]["reason"] == "Be gentle."


def test_moderators_cannot_read_admin_routes(server, api, mod) -> None:
    h = mod["headers"]
    assert api.get("/api/mod/queue", headers=h).status_code == 200
    assert api.get("/mod", headers=h).status_code == 200
    assert api.get("/api/mod/audit", headers=h).status_code == 403
    assert api.get("/mod/audit", headers=h).status_code == 403
    assert api.get("/api/admin/watched-words", headers=h).status_code == 403
    assert api.post("/api/admin/watched-words", headers=h, json={"word": "x", "action": "flag"}).status_code == 403
    assert api.get("/api/mod/queue", headers=h, params={"target_type": "room"}).status_code == 422
    assert api.get("/api/mod/queue", headers=h, params={"target_id": "x1"}).status_code == 400


def test_mod_and_audit_pages(server, api, mod, admin) -> None:
    page = api.get("/mod", headers=mod["headers"]).text
    assert 'aria-live="polite"' in page and 'name="csrf_token"' in page and "/static/js/mod.js" in page
    assert '<label for="action-' in page
    audit = api.get("/mod/audit", headers=admin["headers"], params={"action": "approve"})
    assert audit.status_code == 200 and "<table>" in audit.text
    assert "<td>remove</td>" not in audit.text


async def test_report_rate_limit_comes_first_and_new_accounts_cannot_hide(make_server) -> None:
    # Rate-limit keys carry the site's prefix (derived from its database), so an hour-long
    # window never carries over from an earlier run that reused user ids.
    server = make_server(SECUREBASE_REPORT_RATE="2/hour", SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS="24")
    admin, author, newcomer, mod = (register(server.url) for _ in range(4))
    set_role(server, admin["handle"], "admin")
    set_role(server, mod["handle"], "moderator")
    with server.client(timeout=20) as api:
        slug = room_with_threshold(api, admin, 1)
        a, b = new_thread(api, author, "post a", room=slug), new_thread(api, author, "post b", room=slug)
        # A day-old account's report reaches the queue but can't hide anything alone.
        r = report(api, newcomer, a["post_id"])
        assert r.status_code == 201 and r.json()["hidden"] is False
        assert api.get(f"/api/threads/{a['id']}").status_code == 200
        # Staff are always trusted.
        assert report(api, mod, a["post_id"]).json()["hidden"] is True
        assert report(api, newcomer, b["post_id"]).status_code == 201
        # The limit is checked before any lookup: a missing id is throttled, not a 404.
        r = report(api, newcomer, 99999999)
        assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"


def test_block_and_unblock_from_the_profile_page(server) -> None:
    import re

    me, them = register(server.url), register(server.url)
    with server.client(follow_redirects=False, timeout=20) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/signin").text).group(1)
        c.post("/signin", data={"handle": me["handle"], "password": me["password"], "csrf_token": token})
        profile = c.get(f"/u/{them['handle']}").text
        assert f"Block {them['handle']}" in profile
        assert c.post(f"/u/{them['handle']}/block", data={"action": "block"}).status_code == 403  # no CSRF token
        r = c.post(f"/u/{them['handle']}/block", data={"action": "block", "csrf_token": token})
        assert r.status_code == 303
        assert f"Unblock {them['handle']}" in c.get(f"/u/{them['handle']}").text
        c.post(f"/u/{them['handle']}/block", data={"action": "unblock", "csrf_token": token})
        assert f"Block {them['handle']}" in c.get(f"/u/{them['handle']}").text


def test_bulk_decision_from_the_mod_page(server, api, mod) -> None:
    import re

    spammer, reporter = register(server.url), register(server.url)
    posts = [new_thread(api, spammer, f"visit my shop {i}", room=ROOM) for i in range(2)]
    for p in posts:
        report(api, reporter, p["post_id"], "spam")
    ids = [queue_item_for(api, mod, "post", p["post_id"])["id"] for p in posts]
    with server.client(follow_redirects=False, timeout=20) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/signin").text).group(1)
        c.post("/signin", data={"handle": mod["handle"], "password": mod["password"], "csrf_token": token})
        page = c.get("/mod").text
        assert all(f'id="pick-{i}" name="ids" value="{i}" form="bulk-form"' in page for i in ids)
        r = c.post("/mod/bulk", data={"action": "remove", "reason": "Spam.", "csrf_token": token})
        assert r.status_code == 422 and "Select the items" in r.text
        r = c.post("/mod/bulk", data={"ids": ids, "action": "remove", "reason": "Spam.", "csrf_token": token})
        assert r.status_code == 303
    for p in posts:
        assert api.get(f"/api/threads/{p['id']}", headers=mod["headers"]).json()["thread"]["status"] == "removed"
