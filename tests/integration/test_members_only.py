"""Members-only by default (issue 11): signed-out visitors see the public pages, nothing members wrote."""
from __future__ import annotations

from tests.integration.test_pages import csrf_from
from tests.support import register

ROOM = "anxious-attachment"
MEMBER_WORDS = "My partner went quiet and I spiralled all night"


def members_only_site(make_server, **env: str):
    """A server with the default setting (the shared test server turns public read on)."""
    server = make_server(**{"SECUREBASE_PUBLIC_READ": "", **env})
    member = register(server.url)
    r = server.post(f"/api/rooms/{ROOM}/threads", headers=member["headers"],
                   json={"title": "Quiet evenings", "body": MEMBER_WORDS})
    assert r.status_code == 201, r.text
    return server, member, r.json()


def test_signed_out_visitors_see_only_public_pages(make_server) -> None:
    server, member, thread = members_only_site(make_server)
    with server.client(follow_redirects=False, timeout=20) as anon:
        home = anon.get("/")
        assert home.status_code == 200 and "Anxious attachment" in home.text
        assert anon.get("/help").status_code == 200
        rooms = anon.get("/api/rooms")
        # The room list with descriptions is public (other tests' rooms may share a PostgreSQL database).
        listed = {r["slug"]: r for r in rooms.json()["rooms"]} if rooms.status_code == 200 else {}
        assert rooms.status_code == 200 and listed[ROOM]["description"]
        assert all("description" in r for r in listed.values())
        assert "x-robots-tag" not in home.headers
        # Pages: sent to sign in, and back afterwards.
        for path in (f"/rooms/{ROOM}", f"/threads/{thread['id']}", f"/threads/{thread['id']}?cursor=5"):
            r = anon.get(path)
            assert r.status_code == 303, path
            assert r.headers["location"].startswith("/signin?next=/")
            assert MEMBER_WORDS not in r.text
        assert anon.get(f"/threads/{thread['id']}").headers["location"] == f"/signin?next=/threads/{thread['id']}"
        # API: 401, with the same body whether the thread exists or not.
        for path in (f"/api/rooms/{ROOM}/threads", f"/api/threads/{thread['id']}", "/api/threads/99999999",
                     f"/api/rooms/{ROOM}/messages"):
            r = anon.get(path)
            assert r.status_code == 401, path
            assert MEMBER_WORDS not in r.text and "Quiet evenings" not in r.text
        assert anon.get(f"/api/threads/{thread['id']}").json() == anon.get("/api/threads/99999999").json()
        # Profiles: the bio, never the post history.
        profile = anon.get(f"/u/{member['handle']}")
        assert profile.status_code == 200 and "Quiet evenings" not in profile.text
        assert profile.headers["x-robots-tag"].startswith("noindex")
        # Search engines are asked to keep out.
        robots = anon.get("/robots.txt")
        assert robots.status_code == 200 and robots.headers["content-type"].startswith("text/plain")
        for prefix in ("/threads/", "/rooms/", "/u/", "/api/", "/mod", "/care/"):
            assert f"Disallow: {prefix}\n" in robots.text
    # Members read everything, and the sign-in page sends them back where they were going.
    with server.client(follow_redirects=False, timeout=20) as c:
        assert c.get(f"/api/threads/{thread['id']}", headers=member["headers"]).status_code == 200
        token = csrf_from(c.get("/signin").text)
        r = c.post(f"/signin?next=/threads/{thread['id']}",
                   data={"handle": member["handle"], "password": member["password"], "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"] == f"/threads/{thread['id']}"
        page = c.get(f"/threads/{thread['id']}")
        assert page.status_code == 200 and MEMBER_WORDS in page.text
        assert page.headers["x-robots-tag"].startswith("noindex")
        assert "Quiet evenings" in c.get(f"/u/{member['handle']}").text
        room = c.get(f"/rooms/{ROOM}")
        assert room.status_code == 200 and "Quiet evenings" in room.text


def test_public_read_opens_threads_but_never_post_history(make_server) -> None:
    server, member, thread = members_only_site(make_server, SECUREBASE_PUBLIC_READ="1")
    with server.client(follow_redirects=False, timeout=20) as anon:
        assert MEMBER_WORDS in anon.get(f"/threads/{thread['id']}").text
        assert anon.get(f"/api/rooms/{ROOM}/threads").status_code == 200
        profile = anon.get(f"/u/{member['handle']}")
        assert profile.status_code == 200 and "Quiet evenings" not in profile.text
        assert anon.get(f"/threads/{thread['id']}").headers["x-robots-tag"].startswith("noindex")
