"""Server-rendered pages: content, errors as plain pages, sign-in gates, accounts."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from tests.support import register, unique


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@contextmanager
def signed_in_client(server) -> Iterator[tuple[httpx.Client, dict]]:
    m = register(server.url)
    with server.client(follow_redirects=False, timeout=20) as c:
        token = csrf_from(c.get("/signin").text)
        r = c.post("/signin", data={"handle": m["handle"], "password": m["password"], "csrf_token": token})
        assert r.status_code == 303
        yield c, m


def test_home_and_room_pages(server) -> None:
    with server.client() as c:
        home = c.get("/")
        assert home.status_code == 200 and "text/html" in home.headers["content-type"]
        for name in ["Anxious attachment", "Avoidant attachment", "Disorganized attachment", "Healing together",
                     "Boundaries &amp; communication", "Self-reflection &amp; mindfulness"]:
            assert name in home.text
        room = c.get("/rooms/disorganized-attachment")
        assert "Room guidelines" in room.text and 'href="/help"' in room.text
        assert '<meta name="viewport"' in room.text


def test_missing_pages_are_plain_html(server) -> None:
    with server.client() as c:
        r = c.get("/rooms/nope-nope")
        assert r.status_code == 404 and "text/html" in r.headers["content-type"]
        assert "couldn&#39;t find" in r.text or "couldn't find" in r.text
        assert "Traceback" not in r.text
        assert c.get("/threads/123456789").status_code == 404


def test_thread_reply_edit_delete_through_forms(server) -> None:
    with signed_in_client(server) as (c, _m):
        token = csrf_from(c.get("/rooms/healing-together").text)
        r = c.post("/rooms/healing-together/threads",
                   data={"title": "Small win today", "body": "I *asked* for what I needed.", "csrf_token": token})
        assert r.status_code == 303
        url = r.headers["location"]
        page = c.get(url).text
        assert "Small win today" in page and "<em>asked</em>" in page
        r = c.post(url + "/reply", data={"body": "", "csrf_token": token})
        assert r.status_code == 422 and 'id="body-error"' in r.text
        r = c.post(url + "/reply", data={"body": "Proud of you", "csrf_token": token})
        assert r.status_code == 303
        post_id = int(r.headers["location"].rsplit("post-", 1)[1])
        edit = c.get(f"/posts/{post_id}/edit")
        assert edit.status_code == 200 and "Proud of you" in edit.text
        r = c.post(f"/posts/{post_id}/edit", data={"body": "So proud of you", "csrf_token": token})
        assert r.status_code == 303
        assert "So proud of you" in c.get(url).text
        r = c.post(f"/posts/{post_id}/delete", data={"csrf_token": token})
        assert r.status_code == 303
        page = c.get(url).text
        assert "So proud of you" not in page and "deleted by its author" in page


def test_anonymous_is_sent_to_sign_in(server) -> None:
    with server.client(follow_redirects=False) as c:
        assert c.get("/settings").headers["location"].startswith("/signin")
        token = csrf_from(c.get("/signin").text)
        r = c.post("/rooms/anxious-attachment/threads", data={"title": "x", "body": "y", "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"].startswith("/signin")


def test_signin_error_and_open_redirect_guard(server) -> None:
    m = register(server.url)
    with server.client(follow_redirects=False) as c:
        token = csrf_from(c.get("/signin").text)
        r = c.post("/signin", data={"handle": m["handle"], "password": "wrong password!", "csrf_token": token})
        assert r.status_code == 401 and "don&#39;t match" in r.text
        r = c.post("/signin?next=//evil.example/x", data={"handle": m["handle"], "password": m["password"],
                                                           "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"] == "/"


def test_profile_settings_and_account_deletion(server) -> None:
    with signed_in_client(server) as (c, m):
        token = csrf_from(c.get("/settings").text)
        r = c.post("/settings", data={"bio": "Learning to *stay*.", "country": "GB", "email": "", "csrf_token": token})
        assert r.status_code == 200 and "Saved." in r.text
        assert "<em>stay</em>" in c.get(f"/u/{m['handle']}").text
        t = c.post("/rooms/self-reflection-mindfulness/threads",
                   data={"title": "Journal prompt", "body": "My private words", "csrf_token": token})
        thread_url = t.headers["location"]
        r = c.post("/settings/delete", data={"password": "wrong password!", "csrf_token": token})
        assert r.status_code == 401
        r = c.post("/settings/delete", data={"password": m["password"], "csrf_token": token})
        assert r.status_code == 303
    with server.client() as anon:
        page = anon.get(thread_url).text
        assert "My private words" not in page and "former member" in page
        assert anon.get(f"/u/{m['handle']}").status_code == 404
        r = anon.post("/api/auth/login", json={"handle": m["handle"], "password": m["password"]})
        assert r.status_code == 401
        # the handle is free again
        assert anon.post("/api/auth/register", json={"handle": m["handle"], "password": "another long password"}).status_code == 201


def test_create_admin_cli(server) -> None:
    import os
    import subprocess
    import sys

    from tests.support import ROOT
    handle = unique("adm")
    env = {**os.environ, "SECUREBASE_DATA_DIR": str(server.data_dir), **server.env}
    out = subprocess.run([sys.executable, "-m", "server.cli", "create-admin", handle, "--password-stdin"],
                         input="an admin long password\n", text=True, capture_output=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    r = server.post("/api/auth/login", json={"handle": handle, "password": "an admin long password"})
    assert r.json()["user"]["role"] == "admin"
    weak = subprocess.run([sys.executable, "-m", "server.cli", "create-admin", unique("adm"), "--password-stdin"],
                          input="short\n", text=True, capture_output=True, cwd=ROOT, env=env)
    assert weak.returncode != 0 and "at least 10" in weak.stderr


def test_admin_room_pages(server) -> None:
    from tests.support import set_role
    with signed_in_client(server) as (c, m):
        assert c.get("/admin/rooms").status_code == 403
        set_role(server, m["handle"], "admin")
        page = c.get("/admin/rooms")
        assert page.status_code == 200 and "Anxious attachment" in page.text
        token = csrf_from(page.text)
        slug = unique("grief").replace("_", "-")
        r = c.post("/admin/rooms", data={"slug": "Bad Slug", "name": "x", "csrf_token": token})
        assert r.status_code == 422 and 'id="slug-error"' in r.text
        r = c.post("/admin/rooms", data={"slug": slug, "name": "Grief & loss", "description": "For loss",
                                         "guidelines": "- be *gentle*", "report_threshold": "2", "csrf_token": token})
        assert r.status_code == 303
        r = c.post(f"/admin/rooms/{slug}", data={"name": "Grief and loss", "description": "For loss",
                                                 "guidelines": "- be *gentle*", "report_threshold": "2",
                                                 "archived": "on", "csrf_token": token})
        assert r.status_code == 200 and "Saved." in r.text
        room = server.get(f"/api/rooms/{slug}").json()["room"]
        assert room["name"] == "Grief and loss" and room["archived"] is True and room["report_threshold"] == 2
        assert "<em>gentle</em>" in room["guidelines_html"]
