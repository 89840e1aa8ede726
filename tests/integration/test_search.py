"""Full-text search (issue 8) against a real server, on SQLite (FTS5) and PostgreSQL (tsvector).

Search finds what a viewer may read, as it is now: new and edited posts, never held, removed
or deleted ones, nor what a block hides; it pages, filters by room, and answers hostile
queries with results or a clear 400.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import secrets
import sqlite3
import string
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import _pg_admin
from tests.integration.test_blocks import block
from tests.integration.test_deletion import PHONE_REPLY
from tests.integration.test_members_only import members_only_site
from tests.integration.test_moderation import ROOM, decide, queue_item_for
from tests.support import ROOT, register

OTHER_ROOM = "anxious-attachment"


def word() -> str:
    """A word no other test wrote (letters only, so every tokenizer keeps it whole)."""
    return "quill" + "".join(random.choices(string.ascii_lowercase, k=10))


def thread(api: httpx.Client, member: dict, title: str, body: str, room: str = ROOM) -> dict:
    r = api.post(f"/api/rooms/{room}/threads", headers=member["headers"], json={"title": title, "body": body})
    assert r.status_code == 201, r.text
    return r.json()


def reply(api: httpx.Client, member: dict, thread_id: int, body: str) -> dict:
    r = api.post(f"/api/threads/{thread_id}/posts", headers=member["headers"], json={"body": body})
    assert r.status_code == 201, r.text
    return r.json()


def search(api: httpx.Client, who: dict | None, q: str, **params: str) -> dict:
    r = api.get("/api/search", params={"q": q, **params}, headers=who["headers"] if who else {})
    assert r.status_code == 200, r.text
    return r.json()


def found(api: httpx.Client, who: dict | None, q: str, **params: str) -> list[int]:
    return [hit["post_id"] for hit in search(api, who, q, **params)["results"]]


def test_finds_new_threads_and_replies_with_highlighted_snippets(server, api) -> None:
    writer, reader = register(server.url), register(server.url)
    in_title, in_body, in_reply = word(), word(), word()
    t = thread(api, writer, f"Evenings and {in_title}", f"I keep thinking about {in_body} when it gets dark.")
    r = reply(api, reader, t["id"], f"Same here, {in_reply} helps me a little.")

    assert found(api, reader, in_title) == [t["post_id"]]
    assert found(api, reader, in_body) == [t["post_id"]]
    assert found(api, writer, in_reply) == [r["id"]]
    assert found(api, None, in_body) == [t["post_id"]]  # the shared server reads publicly
    assert found(api, reader, f"{in_title} {in_body}") == [t["post_id"]]  # every word must match
    assert found(api, reader, f"{in_body} {in_reply}") == []

    hit = search(api, reader, in_reply)["results"][0]
    assert hit["thread_id"] == t["id"] and hit["thread_title"] == f"Evenings and {in_title}"
    assert hit["room"]["slug"] == ROOM and hit["author"]["handle"] == reader["handle"]
    assert hit["url"] == f"/threads/{t['id']}#post-{r['id']}" and not hit["is_first"]
    assert f"<mark>{in_reply}</mark>" in hit["snippet_html"] and in_reply in hit["snippet"]
    # Stemming: the search box is for people, not exact strings.
    assert found(api, reader, in_body.upper()) == [t["post_id"]]

    page = api.get("/search", params={"q": in_reply}, headers=reader["headers"])
    assert page.status_code == 200
    assert f"<mark>{in_reply}</mark>" in page.text and f'href="/threads/{t["id"]}#post-{r["id"]}"' in page.text
    assert '<label for="search-q">' in page.text and 'id="search-room"' in page.text
    assert 'href="/search"' in api.get("/", headers=reader["headers"]).text  # in the nav


def test_edits_are_found_by_their_new_words_only(server, api) -> None:
    writer, reader = register(server.url), register(server.url)
    old, new, old_title, new_title = word(), word(), word(), word()
    t = thread(api, writer, f"About {old_title}", f"First draft: {old}")
    r = reply(api, writer, t["id"], f"A reply about {old}")
    assert sorted(found(api, reader, old)) == sorted([t["post_id"], r["id"]])

    assert api.patch(f"/api/posts/{r['id']}", headers=writer["headers"],
                     json={"body": f"Rewritten: {new}"}).status_code == 200
    assert api.patch(f"/api/posts/{t['post_id']}", headers=writer["headers"],
                     json={"body": f"Second draft: {new}", "title": f"About {new_title}"}).status_code == 200
    assert found(api, reader, old) == []
    assert found(api, reader, old_title) == []
    assert found(api, reader, new) == [r["id"], t["post_id"]]  # newest first
    assert found(api, reader, new_title) == [t["post_id"]]
    assert search(api, reader, new_title)["results"][0]["thread_title"] == f"About {new_title}"


def test_held_removed_and_deleted_posts_are_not_found(server, api, mod) -> None:
    writer, reader, reporter = (register(server.url) for _ in range(3))
    held_word, removed_word, deleted_word = word(), word(), word()
    t = thread(api, writer, "A place to talk", "Just somewhere to write things down.")

    held = reply(api, writer, t["id"], f"{held_word}. {PHONE_REPLY}")
    assert held["status"] == "held"
    removed = reply(api, writer, t["id"], f"Something about {removed_word}")
    deleted = reply(api, writer, t["id"], f"Something else about {deleted_word}")
    assert found(api, reader, removed_word) == [removed["id"]]

    assert api.post("/api/reports", headers=reporter["headers"],
                    json={"target_type": "post", "target_id": removed["id"], "reason": "off_topic"}).status_code == 201
    item = queue_item_for(api, mod, "post", removed["id"])
    assert decide(api, mod, item["id"], action="remove", reason="Off topic.").status_code == 200
    assert api.delete(f"/api/posts/{deleted['id']}", headers=writer["headers"]).status_code == 200

    for who in (reader, writer, mod, None):
        for w in (held_word, removed_word, deleted_word):
            assert found(api, who, w) == [], (who and who["handle"], w)

    # Once a moderator approves the held reply, members find it.
    item = queue_item_for(api, mod, "post", held["id"])
    assert decide(api, mod, item["id"], action="edit_approve", body=f"{held_word}, call me any time").status_code == 200
    assert found(api, reader, held_word) == [held["id"]]
    assert "7946" not in json.dumps(search(api, reader, held_word))


def test_a_reply_hidden_after_reports_is_not_found(server, api, mod) -> None:
    writer, reader = register(server.url), register(server.url)
    w = word()
    t = thread(api, reader, "Ordinary day", "Nothing much.")
    hidden = reply(api, writer, t["id"], f"Reported words: {w}")
    assert found(api, reader, w) == [hidden["id"]]
    report = {"target_type": "post", "target_id": hidden["id"], "reason": "harassment"}
    answers = [api.post("/api/reports", headers=register(server.url)["headers"], json=report).json()
               for _ in range(3)]
    assert answers[-1]["hidden"] is True
    for who in (reader, writer, mod):
        assert found(api, who, w) == []


def test_a_held_thread_is_found_only_after_approval(server, api, mod) -> None:
    writer, reader = register(server.url), register(server.url)
    w = word()
    held = thread(api, writer, f"Thinking about {w}", PHONE_REPLY)
    assert held["status"] == "held"
    assert found(api, reader, w) == [] and found(api, writer, w) == []
    item = queue_item_for(api, mod, "post", held["post_id"])
    assert decide(api, mod, item["id"], action="edit_approve", body="Reach me here any time.").status_code == 200
    assert found(api, reader, w) == [held["post_id"]]


def test_blocked_members_content_is_not_found(server, api) -> None:
    blocker, blocked, bystander = (register(server.url) for _ in range(3))
    theirs, mine, in_open = word(), word(), word()
    blocked_thread = thread(api, blocked, f"Posted by the blocked member: {theirs}", "Hello.")
    blocker_thread = thread(api, blocker, f"Posted by the blocker: {mine}", "Hello.")
    open_thread = thread(api, bystander, "Anyone around?", "Hello.")
    blocked_reply = reply(api, blocked, open_thread["id"], f"The blocked member replying: {in_open}")
    block(api, blocker, blocked)

    assert found(api, blocker, theirs) == [] and found(api, blocker, in_open) == []
    assert found(api, blocked, mine) == []  # blocks protect both ways: the blocker's threads are out of reach
    assert found(api, bystander, theirs) == [blocked_thread["post_id"]]
    assert found(api, bystander, mine) == [blocker_thread["post_id"]]
    assert found(api, bystander, in_open) == [blocked_reply["id"]]


def test_a_deleted_accounts_posts_are_not_found(server, api) -> None:
    leaver, reader = register(server.url), register(server.url)
    w = word()
    t = thread(api, leaver, f"Title with {w}", f"Body with {w}")
    other = thread(api, reader, "Somewhere else", "Hello.")
    reply(api, leaver, other["id"], f"A reply with {w}")
    assert len(found(api, reader, w)) == 2
    r = api.request("DELETE", "/api/me", headers=leaver["headers"], json={"password": leaver["password"]})
    assert r.status_code == 204, r.text
    assert found(api, reader, w) == []
    assert t["id"]  # the thread stays, without its words


def test_room_filter_and_cursor_paging(server, api) -> None:
    writer, reader = register(server.url), register(server.url)
    w = word()
    here = [thread(api, writer, f"Here {n}", f"{w} number {n}")["post_id"] for n in range(5)]
    there = [thread(api, writer, f"There {n}", f"{w} elsewhere {n}", room=OTHER_ROOM)["post_id"] for n in range(2)]

    assert found(api, reader, w) == sorted(here + there, reverse=True)
    assert found(api, reader, w, room=ROOM) == sorted(here, reverse=True)
    assert found(api, reader, w, room=OTHER_ROOM) == sorted(there, reverse=True)

    seen: list[int] = []
    cursor: str | None = None
    pages = 0
    while True:
        params = {"room": ROOM, "limit": "2", **({"cursor": cursor} if cursor else {})}
        answer = search(api, reader, w, **params)
        seen += [hit["post_id"] for hit in answer["results"]]
        pages += 1
        cursor = answer["next_cursor"]
        if cursor is None:
            break
        assert pages < 10
    assert seen == sorted(here, reverse=True) and pages == 3

    # The page links to older results, keeping the query and the room.
    page = api.get("/search", params={"q": w, "room": ROOM}, headers=reader["headers"]).text
    assert page.count("<mark>") == 5 and "Older results" not in page
    assert f'<option value="{ROOM}" selected>' in page

    missing = api.get("/api/search", params={"q": w, "room": "no-such-room"}, headers=reader["headers"])
    assert missing.status_code == 404 and missing.json()["error"]["code"]


def test_what_a_post_says_is_escaped_in_snippets(server, api) -> None:
    writer, reader = register(server.url), register(server.url)
    w = word()
    body = f'<script>alert(1)</script> <img src=x onerror=alert(2)> {w} \ue000fake\ue001 "quotes" & more'
    t = thread(api, writer, "Escaping", body)
    hit = search(api, reader, w)["results"][0]
    assert hit["post_id"] == t["post_id"]
    html = hit["snippet_html"]
    assert "<script" not in html and "<img" not in html and "&gt;" in html
    assert html.count("<mark>") == 1 and html.count("</mark>") == 1 and "\ue000" not in html
    page = api.get("/search", params={"q": w}, headers=reader["headers"]).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page


HOSTILE = ['"', '""', '"unclosed', "*", "word*", "NEAR(", "NEAR(a b)", "-", "-word", "AND OR", "AND", "OR NOT",
           "a AND OR b", "title:foo", "^start", "(", ")", "{a b}", "a:b:c", "!", "&", "|", "<->", "a & | !b",
           "'", "\\", "%", "_", "%_%", "\x00", "nul\x00byte", "\u202e", "\ue000\ue001", "²", "İ" * 50,
           "x" * 2000, "word " * 400, " ", "\n", "\t\t"]


def _hostile_values() -> list[str]:
    naughty = json.loads((ROOT / "tests" / "data" / "naughty.json").read_text("utf-8"))
    return HOSTILE + [s for s in naughty if isinstance(s, str)]


@pytest.mark.parametrize("path", ["/api/search", "/search"])
def test_hostile_queries_get_results_or_a_clear_400(server, api, path) -> None:
    reader = register(server.url)
    failures = []
    for value in _hostile_values():
        for params in ({"q": value}, {"q": "hello", "room": value}, {"q": "hello", "cursor": value}):
            r = api.get(path, params=params, headers=reader["headers"])
            if r.status_code >= 500 or r.status_code not in (200, 400, 404):
                failures.append((params, r.status_code))
            elif path.startswith("/api/") and r.status_code != 200:
                error = r.json()["error"]
                assert error["code"] and error["message"], r.text
    assert failures == []
    too_long = api.get("/api/search", params={"q": "x" * 2000}, headers=reader["headers"])
    assert too_long.status_code == 400 and too_long.json()["error"]["code"] == "query_too_long"
    syntax = api.get("/api/search", params={"q": "NEAR( AND OR \"*"}, headers=reader["headers"])
    assert syntax.status_code == 200  # the words are searched for; nothing is syntax
    empty = api.get("/api/search", params={"q": '"*-'}, headers=reader["headers"])
    assert empty.status_code == 400 and "letter or number" in empty.json()["error"]["message"]


def test_signed_out_visitors_follow_the_members_only_rule(make_server) -> None:
    server, member, thread_ = members_only_site(make_server)
    with server.client(follow_redirects=False, timeout=20) as anon:
        assert anon.get("/api/search", params={"q": "spiralled"}).status_code == 401
        r = anon.get("/search", params={"q": "spiralled"})
        assert r.status_code == 303 and r.headers["location"].startswith("/signin?next=/search")
    hits = server.get("/api/search", params={"q": "spiralled"}, headers=member["headers"]).json()
    assert thread_["post_id"] in [hit["post_id"] for hit in hits["results"]]


MIGRATE_TO = """
import asyncio, sys
from tortoise import connections
from tortoise.migrations.api import migrate
from server.db import tortoise_config

async def main():
    try:
        await migrate(config=tortoise_config(sys.argv[1]), target=sys.argv[2])
    finally:
        await connections.close_all()

asyncio.run(main())
"""


@pytest.fixture
def own_database(tmp_path, database_url) -> Iterator[str]:
    """A database for this test alone (it migrates backwards)."""
    if not database_url:
        yield f"sqlite://{tmp_path}/own.sqlite3"
        return
    name = f"sb_search_{secrets.token_hex(4)}"
    asyncio.run(_pg_admin(database_url, f'CREATE DATABASE "{name}"'))
    try:
        yield database_url.rpartition("/")[0] + "/" + name
    finally:
        asyncio.run(_pg_admin(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _has_index(url: str) -> bool:
    if url.startswith("sqlite://"):
        with sqlite3.connect(url.removeprefix("sqlite://")) as conn:
            return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'post_search'").fetchall())
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        return await conn.fetchval("SELECT to_regclass('post_search') IS NOT NULL")
    finally:
        await conn.close()


def test_the_migration_indexes_posts_written_before_it(make_server, own_database, tmp_path) -> None:
    data = tmp_path / "own-site"
    server = make_server(data, DATABASE_URL=own_database)
    with server.client(timeout=20) as c:
        writer, reader = register(server.url), register(server.url)
        w = word()
        visible = thread(c, writer, f"Before search: {w}", "Written before the index.")
        first_reply = reply(c, reader, visible["id"], f"A reply with {w}")
        held = thread(c, writer, f"Held: {w}", PHONE_REPLY)
        assert held["status"] == "held"
    server.stop()
    # Back to before migration 0005 (its index dropped), then forward again: the index is built
    # from the posts already there.
    env = {**os.environ, "SECUREBASE_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, "-c", MIGRATE_TO, own_database, "models.0004_recovery_codes"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not asyncio.run(_has_index(own_database))
    server.start()
    assert asyncio.run(_has_index(own_database))
    with server.client(timeout=20) as c:
        assert found(c, reader, w) == [first_reply["id"], visible["post_id"]]
