"""Keeping the index in step with the posts table.

The index holds what any signed-in member would read in full (asked of ``server.access``,
for a member with no blocks): held, hidden, removed and deleted posts, and posts in threads
a member can't read, are not in it. Per-viewer rules (blocks, a member's own held post) are
applied again at query time, so the index never has to know them.

These functions use the given connection with plain SQL, so the migration (which has no
models loaded) and the actions (inside their transactions) share them.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from server import access
from server.search.base import Doc, SearchBackend
from server.search.highlight import indexable_text
from server.search.postgres import PostgresSearch
from server.search.sqlite import SQLiteSearch

BATCH = 500
ANY_MEMBER = access.Reader(user_id=-1)  # no account has this id: a plain member, no blocks

_SELECT = ("SELECT p.id, p.thread_id, p.is_first, p.body, p.status, p.author_id, t.title, "
           "t.status AS thread_status, t.author_id AS thread_author_id, t.room_id "
           "FROM posts p JOIN threads t ON t.id = p.thread_id")


def backend_for(client: BaseDBAsyncClient) -> SearchBackend:
    dialect = client.capabilities.dialect
    if dialect == "sqlite":
        return SQLiteSearch()
    if dialect == "postgres":
        return PostgresSearch()
    raise RuntimeError(f"search has no index for the {dialect!r} database")


def searchable(row: dict[str, Any]) -> bool:
    """Whether a member would read this post, and its thread, in full."""
    full = access.Shown.FULL
    return (access.decide(access.Kind.POST, row["status"], row["author_id"], ANY_MEMBER) is full
            and access.decide(access.Kind.THREAD, row["thread_status"], row["thread_author_id"], ANY_MEMBER) is full)


def _doc(row: dict[str, Any]) -> Doc:
    return Doc(post_id=int(row["id"]), room_id=int(row["room_id"]), title=indexable_text(row["title"]) if row["is_first"] else "", body=indexable_text(row["body"]))


async def sync_posts(client: BaseDBAsyncClient, post_ids: Iterable[int]) -> None:
    """Make the index say what these posts say now (or drop them). Call in the transaction
    that changed them, after the change."""
    ids = sorted({int(i) for i in post_ids})
    backend = backend_for(client)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        rows = await client.execute_query_dict(f"{_SELECT} WHERE p.id IN ({backend.placeholders(len(chunk))})", chunk)
        await backend.remove(client, chunk)
        await backend.add(client, [_doc(row) for row in rows if searchable(row)])


async def build(client: BaseDBAsyncClient) -> None:
    """Create the index and fill it from every post (the migration)."""
    backend = backend_for(client)
    await backend.create(client)
    after = 0
    while True:
        rows = await client.execute_query_dict(
            f"{_SELECT} WHERE p.id > {backend.placeholders(1)} ORDER BY p.id LIMIT {BATCH}", [after])
        if not rows:
            return
        await backend.add(client, [_doc(row) for row in rows if searchable(row)])
        after = int(rows[-1]["id"])


async def drop(client: BaseDBAsyncClient) -> None:
    await backend_for(client).drop(client)
