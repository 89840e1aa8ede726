"""The core member journey over the JSON API, against a real server."""
from __future__ import annotations

import httpx
import pytest

from tests.support import register, unique

ROOM = "anxious-attachment"


@pytest.fixture
def client(server):
    with server.client(timeout=20) as c:
        yield c


def test_seeded_rooms(client: httpx.Client) -> None:
    rooms = client.get("/api/rooms").json()["rooms"]
    slugs = [r["slug"] for r in rooms]
    for slug in ["anxious-attachment", "avoidant-attachment", "disorganized-attachment", "healing-together",
                 "boundaries-communication", "self-reflection-mindfulness"]:
        assert slug in slugs
    anxious = client.get(f"/api/rooms/{ROOM}").json()["room"]
    assert anxious["name"] == "Anxious attachment"
    assert anxious["description"] and "<li>" in anxious["guidelines_html"]


def test_register_login_thread_reply_read_back(client: httpx.Client) -> None:
    alice = register(client.base_url.__str__())
    me = client.get("/api/me", headers=alice["headers"]).json()["user"]
    assert me["handle"] == alice["handle"] and me["role"] == "member"

    r = client.post(f"/api/rooms/{ROOM}/threads", headers=alice["headers"],
                    json={"title": "Texting anxiety", "body": "I check my phone **all the time**."})
    assert r.status_code == 201, r.text
    thread = r.json()
    assert thread["title"] == "Texting anxiety"
    assert thread["body"] == "I check my phone **all the time**."
    assert "<strong>all the time</strong>" in thread["body_html"]
    assert thread["author"]["handle"] == alice["handle"]
    assert thread["status"] == "visible" and thread["created_at"].endswith("Z")

    bob = register(str(client.base_url))
    r = client.post(f"/api/threads/{thread['id']}/posts", headers=bob["headers"],
                    json={"body": "Same here. What helps me: _slow breathing_."})
    assert r.status_code == 201, r.text
    reply = r.json()
    assert reply["status"] == "visible" and "<em>slow breathing</em>" in reply["body_html"]

    got = client.get(f"/api/threads/{thread['id']}").json()
    assert got["thread"]["title"] == "Texting anxiety"
    assert [p["id"] for p in got["posts"]] == [reply["id"]]
    assert got["posts"][0]["author"]["handle"] == bob["handle"]
    listed = client.get(f"/api/rooms/{ROOM}/threads").json()["threads"]
    assert listed[0]["id"] == thread["id"] and listed[0]["reply_count"] == 1


def test_logout_revokes_token(client: httpx.Client) -> None:
    m = register(str(client.base_url))
    assert client.get("/api/me", headers=m["headers"]).status_code == 200
    assert client.post("/api/auth/logout", headers=m["headers"]).status_code == 204
    r = client.get("/api/me", headers=m["headers"])
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthenticated"


def test_only_author_edits_and_deletes(client: httpx.Client) -> None:
    author, other = register(str(client.base_url)), register(str(client.base_url))
    t = client.post(f"/api/rooms/{ROOM}/threads", headers=author["headers"],
                    json={"title": "Boundaries at work", "body": "First draft"}).json()
    post_id = t["post_id"]
    assert client.patch(f"/api/posts/{post_id}", headers=other["headers"], json={"body": "hijack"}).status_code == 403
    assert client.delete(f"/api/posts/{post_id}", headers=other["headers"]).status_code == 403

    r = client.patch(f"/api/posts/{post_id}", headers=author["headers"], json={"body": "Second draft"})
    assert r.status_code == 200 and r.json()["body"] == "Second draft" and r.json()["edited_at"]
    history = client.get(f"/api/posts/{post_id}/revisions", headers=author["headers"])
    assert [rev["body"] for rev in history.json()["revisions"]] == ["First draft"]
    assert client.get(f"/api/posts/{post_id}/revisions", headers=other["headers"]).status_code == 404

    reply = client.post(f"/api/threads/{t['id']}/posts", headers=author["headers"], json={"body": "Oops"}).json()
    r = client.delete(f"/api/posts/{reply['id']}", headers=author["headers"])
    assert r.status_code == 200 and r.json()["status"] == "deleted"
    shown = client.get(f"/api/threads/{t['id']}").json()["posts"]
    assert shown[0]["status"] == "deleted" and shown[0]["body"] is None and "deleted" in shown[0]["notice"]
    assert client.patch(f"/api/posts/{reply['id']}", headers=author["headers"], json={"body": "x"}).status_code == 404


def test_anonymous_cannot_write(client: httpx.Client) -> None:
    r = client.post(f"/api/rooms/{ROOM}/threads", json={"title": "Hi", "body": "there"})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthenticated"
    assert client.post("/api/threads/1/posts", json={"body": "x"}).status_code == 401
    assert client.get("/api/me").status_code == 401


def test_duplicate_handle_is_409_case_insensitive(client: httpx.Client) -> None:
    h = unique("Case")
    assert client.post("/api/auth/register", json={"handle": h, "password": "a calm long password"}).status_code == 201
    r = client.post("/api/auth/register", json={"handle": h.lower(), "password": "a calm long password"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "handle_taken"


def test_wrong_password_is_401_without_saying_which(client: httpx.Client) -> None:
    m = register(str(client.base_url))
    bad = client.post("/api/auth/login", json={"handle": m["handle"], "password": "not the password"})
    missing = client.post("/api/auth/login", json={"handle": unique("ghost"), "password": "not the password"})
    assert bad.status_code == missing.status_code == 401
    assert bad.json()["error"]["message"] == missing.json()["error"]["message"]


def test_pagination_returns_every_item_once(client: httpx.Client, server) -> None:
    admin = register(server.url)
    from tests.support import set_role
    set_role(server, admin["handle"], "admin")
    slug = unique("pg").replace("_", "-")
    assert client.post("/api/rooms", headers=admin["headers"],
                       json={"slug": slug, "name": "Pagination room"}).status_code == 201
    m = register(server.url)
    made = [client.post(f"/api/rooms/{slug}/threads", headers=m["headers"],
                        json={"title": f"t{i}", "body": "b"}).json()["id"] for i in range(23)]
    seen, cursor = [], None
    while True:
        page = client.get(f"/api/rooms/{slug}/threads", params={"limit": 5, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200
        data = page.json()
        seen += [t["id"] for t in data["threads"]]
        cursor = data["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(made) and len(seen) == len(set(seen))
    assert seen == sorted(made, reverse=True)  # newest activity first

    thread_id = made[0]
    replies = [client.post(f"/api/threads/{thread_id}/posts", headers=m["headers"],
                           json={"body": f"r{i}"}).json()["id"] for i in range(12)]
    got, cursor = [], None
    while True:
        data = client.get(f"/api/threads/{thread_id}",
                          params={"limit": 5, **({"cursor": cursor} if cursor else {})}).json()
        got += [p["id"] for p in data["posts"]]
        cursor = data["next_cursor"]
        if not cursor:
            break
    assert got == replies  # oldest first, each exactly once
    # a reply bumps the thread to the top
    assert client.get(f"/api/rooms/{slug}/threads", params={"limit": 1}).json()["threads"][0]["id"] == thread_id


def test_admin_rooms_and_member_forbidden(client: httpx.Client, server) -> None:
    member = register(server.url)
    r = client.post("/api/rooms", headers=member["headers"], json={"slug": "nope-room", "name": "Nope"})
    assert r.status_code == 403
    admin = register(server.url)
    from tests.support import set_role
    set_role(server, admin["handle"], "admin")
    slug = unique("arch").replace("_", "-")
    assert client.post("/api/rooms", headers=admin["headers"], json={"slug": slug, "name": "Temp"}).status_code == 201
    r = client.patch(f"/api/rooms/{slug}", headers=admin["headers"],
                     json={"description": "Edited", "archived": True})
    assert r.status_code == 200 and r.json()["room"]["archived"] is True
    r = client.post(f"/api/rooms/{slug}/threads", headers=member["headers"], json={"title": "x", "body": "y"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "room_archived"


def test_openapi_document(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for path in ["/api/auth/register", "/api/auth/login", "/api/rooms/{slug}/threads", "/api/threads/{id}/posts",
                 "/api/posts/{id}"]:
        assert path in doc["paths"]


def test_health_and_ready(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
