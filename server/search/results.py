"""The search read path: matches from the index, kept only where ``server.access`` lets this
viewer (and any member) read the post and its thread in full, newest first, a page at a time.

The cursor is the id of the last post a page looked at; the next page starts below it.
"""
from __future__ import annotations

from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import OperationalError

from server import access
from server.auth import Viewer
from server.errors import BadRequest
from server.models.posts import Post
from server.models.rooms import Room
from server.search.index import ANY_MEMBER, backend_for
from server.search.query import Terms
from server.validation import parse_int

PAGE = 20
BATCH = 100  # matches fetched at a time before the access filter
MAX_SCAN = 1000  # matches one page may look at; past that it ends early with a cursor to go on


@dataclass
class Hit:
    post: Post
    snippet: str  # with the highlight markers


@dataclass
class Results:
    hits: list[Hit]
    next_cursor: str | None


def parse_cursor(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return None
    before = parse_int(raw, minimum=1)
    if before is None:
        raise BadRequest("That page link isn't valid.", code="invalid_cursor")
    return before


async def _visible(reader: access.Reader, ids: list[int], room: Room | None) -> dict[int, Post]:
    """The posts this viewer reads in full that any member reads in full too: search is for the
    community's conversation, so staff and authors don't find held or taken-down posts here either
    (even before the index catches up, e.g. with a post hidden after reports)."""
    query = Post.filter(id__in=ids).filter(access.history_q(reader)).filter(access.history_q(ANY_MEMBER))
    if room is not None:
        query = query.filter(thread__room_id=room.id)
    rows = await query.select_related("thread__room", "author")
    return {row.id: row for row in rows}


async def search(viewer: Viewer, terms: Terms, room: Room | None, before: int | None, limit: int = PAGE) -> Results:
    reader = await access.reader_for(viewer)
    client: BaseDBAsyncClient = Post._meta.db
    backend = backend_for(client)
    found: list[Post] = []
    scanned = 0
    last = before
    exhausted = False
    try:
        while len(found) <= limit and scanned < MAX_SCAN:
            ids = await backend.match(client, terms, room_id=room.id if room else None, before=last, limit=BATCH)
            visible = await _visible(reader, ids, room) if ids else {}
            for post_id in ids:
                last, scanned = post_id, scanned + 1
                if post_id in visible:
                    found.append(visible[post_id])
                    if len(found) > limit:
                        break
            if len(ids) < BATCH:
                exhausted = True
                break
        page = found[:limit]
        snippets = await backend.snippets(client, terms, [p.id for p in page])
    except OperationalError:
        # The query is built from plain words, so this is not expected; a member still gets an answer.
        raise BadRequest("We couldn't search for that. Please try other words.", code="invalid_query") from None
    if len(found) > limit:
        next_cursor: str | None = str(page[-1].id)
    elif exhausted or last is None:
        next_cursor = None
    else:
        next_cursor = str(last)  # the scan stopped early: go on from where it stopped
    return Results([Hit(p, snippets.get(p.id, "")) for p in page], next_cursor)
