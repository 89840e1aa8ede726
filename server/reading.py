"""Read paths: what a viewer may see, page by page (cursor pagination)."""
from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q

from server import access
from server.auth import Viewer
from server.errors import BadRequest, NotFound
from server.models.posts import Post, Thread
from server.models.rooms import Room
from server.validation import is_slug, parse_int

PAGE = 20
MAX_PAGE = 100


@dataclass
class Page:
    items: list[Any]
    next_cursor: str | None


def _encode(*parts: object) -> str:
    raw = "|".join(str(p) for p in parts)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, count: int) -> list[str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = base64.urlsafe_b64decode(padded.encode("ascii")).decode().split("|")
    except (binascii.Error, UnicodeError, ValueError):
        raise BadRequest("That page link isn't valid.", code="invalid_cursor") from None
    if len(parts) != count:
        raise BadRequest("That page link isn't valid.", code="invalid_cursor")
    return parts


def page_size(raw: str | None) -> int:
    if raw is None:
        return PAGE
    size = parse_int(raw, minimum=1, maximum=MAX_PAGE)
    if size is None:
        raise BadRequest(f"limit must be a number from 1 to {MAX_PAGE}.", code="invalid_limit")
    return size


async def access_room(slug: object) -> Room:
    room = await Room.get_or_none(slug=slug) if is_slug(slug) else None
    if room is None:
        raise NotFound("We couldn't find that room.")
    return room


async def list_threads(viewer: Viewer, room: Room, cursor: str | None, limit: int = PAGE) -> Page:
    reader = await access.reader_for(viewer)
    query = Thread.filter(room_id=room.id).filter(access.rows_q(access.Kind.THREAD, reader))
    if cursor:
        stamp, tid = _decode(cursor, 2)
        after_id = parse_int(tid)
        try:
            at = datetime.fromisoformat(stamp)
        except ValueError:
            at = None
        if at is None or after_id is None:
            raise BadRequest("That page link isn't valid.", code="invalid_cursor")
        query = query.filter(Q(last_activity_at__lt=at) | Q(last_activity_at=at, id__lt=after_id))
    rows = await query.order_by("-last_activity_at", "-id").limit(limit + 1).select_related("author")
    more = len(rows) > limit
    rows = await access.with_reply_counts(reader, rows[:limit])
    next_cursor = _encode(rows[-1].last_activity_at.isoformat(), rows[-1].id) if more and rows else None
    return Page(rows, next_cursor)


async def access_thread(viewer: Viewer, thread_id: int) -> Thread:
    """A thread the viewer may open; hidden, blocked-off and missing ones look the same (404).
    Its ``reply_count`` is what this viewer may read."""
    thread = await Thread.get_or_none(id=thread_id).select_related("room", "author")
    reader = await access.reader_for(viewer)
    if thread is None or access.show(access.Kind.THREAD, thread, reader) is access.Shown.NOT_FOUND:
        raise NotFound("We couldn't find that thread.")
    await access.with_reply_counts(reader, [thread])
    return thread


async def first_post(thread: Thread) -> Post:
    post = await Post.filter(thread_id=thread.id, is_first=True).select_related("author").first()
    if post is None:
        raise NotFound("We couldn't find that thread.")
    return post


async def list_replies(viewer: Viewer, thread: Thread, cursor: str | None, limit: int = PAGE) -> Page:
    """Replies oldest first. Deleted and removed replies stay as placeholders so threads read in order."""
    reader = await access.reader_for(viewer)
    query = Post.filter(thread_id=thread.id, is_first=False).filter(access.rows_q(access.Kind.POST, reader))
    if cursor:
        (raw_after,) = _decode(cursor, 1)
        after = parse_int(raw_after)
        if after is None:
            raise BadRequest("That page link isn't valid.", code="invalid_cursor")
        query = query.filter(id__gt=after)
    rows = await query.order_by("id").limit(limit + 1).select_related("author")
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, _encode(rows[-1].id) if more and rows else None)


def replies_cursor(after_id: int) -> str:
    """The cursor of the replies page that starts after reply ``after_id``."""
    return _encode(after_id)


async def access_post_history(viewer: Viewer, post_id: int) -> Post:
    """A post whose edit history the viewer may read: their own, or any for staff."""
    post = await Post.get_or_none(id=post_id)
    if post is None or not (viewer.is_staff or (viewer.user is not None and post.author_id == viewer.user.id)):
        raise NotFound("We couldn't find that post.")
    return post
