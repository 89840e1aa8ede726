"""Every cell of the access table against a real server: threads, posts and chat messages
in each status, read by each kind of viewer through the JSON API, the pages and the websocket.

Rows are written through the API, then put into each status directly in the database (the
way moderation, reports and deletion leave them), so every cell is reached the same way.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from server.access import Kind, Shown, Status, ViewerKind, listed
from tests.support import ROOT, Site, client_for, register, set_role, unique
from tests.unit.test_access_table import CELLS

ROOM = "disorganized-attachment"
CHAT_ROOM = "anxious-attachment"
STATUSES = [s for s in Status if s is not Status.AUTHOR_DELETED]

SET_STATUS = """
import asyncio, json, sys
from server import db
from server.settings import Settings
from server.models.chat import ChatMessage
from server.models.posts import Post, Thread

async def main(spec):
    await db.init(Settings.from_env().database_url)
    try:
        for kind, row_id, status in spec:
            if kind == "thread":
                await Thread.filter(id=row_id).update(status=status)
                await Post.filter(thread_id=row_id, is_first=True).update(status=status)
            elif kind == "post":
                await Post.filter(id=row_id).update(status=status)
            else:
                await ChatMessage.filter(id=row_id).update(status=status)
    finally:
        await db.close()

asyncio.run(main(json.loads(sys.argv[1])))
"""


def set_statuses(server: Site, spec: list[tuple[str, int, str]]) -> None:
    env = {**os.environ, "SECUREBASE_DATA_DIR": str(server.data_dir), **server.env}
    subprocess.run([sys.executable, "-c", SET_STATUS, json.dumps(spec)], cwd=ROOT, env=env, check=True,
                   capture_output=True)


def secret(kind: str, status: Status) -> str:
    return f"{kind}-{status.value}-{unique('s')}"


@pytest.fixture(scope="module")
def world(server: Site) -> dict:
    return make_world(server)


def make_world(server: Site) -> dict:
    """An author's content in every status; a viewer of every kind."""
    url = server.url
    author, member, blocking, blocked, host, leaver = (register(url) for _ in range(6))
    moderator, admin = register(url), register(url)
    set_role(server, moderator["handle"], "moderator")
    set_role(server, admin["handle"], "admin")
    api = client_for(url, timeout=20)
    assert api.post("/api/blocks", headers=blocking["headers"], json={"handle": author["handle"]}).status_code in (200, 201)
    assert api.post("/api/blocks", headers=author["headers"], json={"handle": blocked["handle"]}).status_code in (200, 201)

    top = api.get(f"/api/rooms/{CHAT_ROOM}/messages", headers=member["headers"]).json()["last_id"]
    host_thread = api.post(f"/api/rooms/{ROOM}/threads", headers=host["headers"],
                           json={"title": unique("host"), "body": "Anyone around tonight?"}).json()
    rows: dict[tuple[Kind, Status], dict] = {}
    spec: list[tuple[str, int, str]] = []

    def write(who: dict, status: Status) -> None:
        title = secret("thread", status)
        t = api.post(f"/api/rooms/{ROOM}/threads", headers=who["headers"],
                     json={"title": title, "body": secret("opening", status)})
        assert t.status_code == 201, t.text
        body = secret("post", status)
        p = api.post(f"/api/threads/{host_thread['id']}/posts", headers=who["headers"], json={"body": body})
        assert p.status_code == 201, p.text
        said = secret("message", status)
        m = api.post(f"/api/rooms/{CHAT_ROOM}/messages", headers=who["headers"], json={"body": said})
        assert m.status_code == 201, m.text
        rows[(Kind.THREAD, status)] = {"id": t.json()["id"], "secret": title}
        rows[(Kind.POST, status)] = {"id": p.json()["id"], "secret": body}
        rows[(Kind.MESSAGE, status)] = {"id": m.json()["message_id"], "secret": said}
        if status is not Status.AUTHOR_DELETED:
            spec.extend([("thread", t.json()["id"], status.value), ("post", p.json()["id"], status.value),
                         ("message", m.json()["message_id"], status.value)])

    for status in STATUSES:
        write(author, status)
    write(leaver, Status.AUTHOR_DELETED)
    set_statuses(server, spec)
    r = api.request("DELETE", "/api/me", headers=leaver["headers"], json={"password": leaver["password"]})
    assert r.status_code == 204
    api.close()
    viewers = {ViewerKind.SIGNED_OUT: None, ViewerKind.MEMBER: member, ViewerKind.AUTHOR: author,
               ViewerKind.BLOCKING: blocking, ViewerKind.BLOCKED: blocked,
               ViewerKind.ROOM_MODERATOR: moderator, ViewerKind.STAFF: admin}
    return {"rows": rows, "viewers": viewers, "host": host_thread["id"], "top": top}


def headers(world: dict, viewer: ViewerKind) -> dict:
    who = world["viewers"][viewer]
    return who["headers"] if who else {}


def cells(kind: Kind) -> list:
    return pytest.mark.parametrize(("status", "viewer", "shown"), [c[1:] for c in CELLS if c[0] is kind],
                                   ids=[f"{s.value}-{v.value}" for k, s, v, _ in CELLS if k is kind])


@cells(Kind.THREAD)
def test_thread(world: dict, api: httpx.Client, status: Status, viewer: ViewerKind, shown: Shown) -> None:
    row = world["rows"][(Kind.THREAD, status)]
    h = headers(world, viewer)
    r = api.get(f"/api/threads/{row['id']}", headers=h)
    page = api.get(f"/threads/{row['id']}", headers=h)
    if shown is Shown.NOT_FOUND:
        assert r.status_code == 404 and page.status_code == 404
        assert row["secret"] not in r.text + page.text
    else:
        assert r.status_code == 200 and page.status_code == 200, r.text
        if shown is Shown.FULL:
            assert r.json()["thread"]["title"] == row["secret"] and row["secret"] in page.text
        else:
            assert r.json()["thread"]["title"] in ("[deleted]", "[removed by a moderator]")
            assert row["secret"] not in r.text + page.text
    listing = api.get(f"/api/rooms/{ROOM}/threads", headers=h, params={"limit": 100}).json()["threads"]
    in_list = [t for t in listing if t["id"] == row["id"]]
    assert bool(in_list) is listed(Kind.THREAD, status, viewer)
    room_page = api.get(f"/rooms/{ROOM}", headers=h).text
    if shown is not Shown.FULL:
        assert row["secret"] not in json.dumps(listing) + room_page


@cells(Kind.POST)
def test_post(world: dict, api: httpx.Client, status: Status, viewer: ViewerKind, shown: Shown) -> None:
    row = world["rows"][(Kind.POST, status)]
    h = headers(world, viewer)
    r = api.get(f"/api/threads/{world['host']}", headers=h, params={"limit": 100})
    page = api.get(f"/threads/{world['host']}", headers=h).text
    assert r.status_code == 200, r.text
    found = [p for p in r.json()["posts"] if p["id"] == row["id"]]
    if shown is Shown.FULL:
        assert found and found[0]["body"] == row["secret"] and row["secret"] in page
    elif shown is Shown.PLACEHOLDER:
        assert found and found[0]["body"] is None and found[0].get("notice")
        assert row["secret"] not in r.text + page
    else:
        assert not found and row["secret"] not in r.text + page
