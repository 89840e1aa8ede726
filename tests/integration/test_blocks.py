"""Blocks protect both ways: the blocked member can't reach the blocker, and the blocker doesn't see them."""
from __future__ import annotations

from tests.integration.test_moderation import new_thread
from tests.support import register


def block(api, blocker: dict, blocked: dict) -> None:
    r = api.post("/api/blocks", headers=blocker["headers"], json={"handle": blocked["handle"]})
    assert r.status_code in (200, 201, 204), r.text


def test_blocked_member_cannot_open_or_reply_to_the_blockers_threads(server, api, mod) -> None:
    blocker, blocked, bystander = (register(server.url) for _ in range(3))
    theirs = new_thread(api, blocker, "Something I wanted to share")
    mine = new_thread(api, blocked, "My own thread")
    block(api, blocker, blocked)

    # As if the content were not there, in both directions.
    missing = api.get("/api/threads/999999999", headers=blocked["headers"])
    for who, thread in ((blocked, theirs), (blocker, mine)):
        r = api.get(f"/api/threads/{thread['id']}", headers=who["headers"])
        assert r.status_code == 404 and r.json() == missing.json()
        assert api.get(f"/threads/{thread['id']}", headers=who["headers"]).status_code == 404
    r = api.post(f"/api/threads/{theirs['id']}/posts", headers=blocked["headers"], json={"body": "Hello again"})
    assert r.status_code in (403, 404)
    assert "block" not in r.text.lower()
    assert api.get(f"/api/threads/{theirs['id']}", headers=blocker["headers"]).json()["thread"]["reply_count"] == 0
    # Everyone else, and staff, are unaffected.
    for who in (bystander, mod):
        assert api.get(f"/api/threads/{theirs['id']}", headers=who["headers"]).status_code == 200
        assert api.get(f"/api/threads/{mine['id']}", headers=who["headers"]).status_code == 200
    assert api.post(f"/api/threads/{theirs['id']}/posts", headers=bystander["headers"],
                    json={"body": "Thanks for sharing"}).status_code == 201

    # Unblocking restores both.
    assert api.delete(f"/api/blocks/{blocked['handle']}", headers=blocker["headers"]).status_code in (200, 204)
    assert api.get(f"/api/threads/{theirs['id']}", headers=blocked["headers"]).status_code == 200
    assert api.post(f"/api/threads/{theirs['id']}/posts", headers=blocked["headers"],
                    json={"body": "Hello again"}).status_code == 201
