"""Read paths for a signed-in member's home page and the room page's unread markers.

Every count and list asks ``server.access`` (``activity_q``, ``unanswered_q``, ``rows_q``):
held, removed and blocked members' content is never counted, listed or marked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tortoise.expressions import Q
from tortoise.functions import Count, Max

from server import access
from server.auth import Viewer
from server.db import column
from server.models.membership import RoomFollow, ThreadRead
from server.models.posts import Post, Thread
from server.models.rooms import Room

WAITING_LIMIT = 8
WAITING_DAYS = 30  # older unanswered threads are not "waiting" any more


@dataclass
class RoomEntry:
    room: Room
    followed: bool = False
    new: int = 0  # posts since the member's last visit (followed rooms only)


@dataclass
class Home:
    rooms: list[RoomEntry] = field(default_factory=list)
    waiting: list[Thread] = field(default_factory=list)

    @property
    def followed(self) -> list[RoomEntry]:
        return [e for e in self.rooms if e.followed]


async def followed_room_ids(user_id: int) -> set[int]:
    return set(await column(RoomFollow.filter(user_id=user_id), "room_id"))


async def new_since_visit(reader: access.Reader, follows: list[RoomFollow]) -> dict[int, int]:
    """Per followed room, the posts (threads and replies) since the member last opened it,
    counting only what they may read. One query."""
    if not follows:
        return {}
    since: Q | None = None
    for f in follows:
        part = Q(thread__room_id=f.room_id, created_at__gt=f.last_visited_at or f.created_at)
        since = part if since is None else since | part
    assert since is not None
    rows = await Post.filter(since).filter(access.activity_q(reader)) \
        .annotate(n=Count("id")).group_by("thread__room_id").values_list("thread__room_id", "n")
    return {int(room_id): int(n) for room_id, n in rows}


async def waiting_threads(reader: access.Reader, room_ids: list[int], now: datetime) -> list[Thread]:
    """Recent threads in these rooms that nobody has answered yet (as this viewer reads them),
    oldest first: the longest wait is the one to answer. Not the viewer's own."""
    if not room_ids:
        return []
    query = Thread.filter(room_id__in=room_ids, created_at__gte=now - timedelta(days=WAITING_DAYS)) \
        .filter(access.unanswered_q(reader))
    if reader.user_id is not None:
        query = query.exclude(author_id=reader.user_id)
    return await query.order_by("created_at", "id").limit(WAITING_LIMIT).prefetch_related("room", "author")


async def home_for(viewer: Viewer, now: datetime) -> Home:
    """Rooms, followed first (each with what is new since the last visit), and threads waiting
    for a first reply in the member's rooms (followed ones; every open room when none)."""
    rooms = [r for r in await Room.all().order_by("position", "id") if not r.archived or viewer.is_staff]
    if viewer.user is None:
        return Home([RoomEntry(r) for r in rooms])
    reader = await access.reader_for(viewer)
    follows = await RoomFollow.filter(user_id=viewer.user.id)
    followed = {f.room_id for f in follows}
    counts = await new_since_visit(reader, follows)
    entries = [RoomEntry(r, r.id in followed, counts.get(r.id, 0)) for r in rooms]
    entries.sort(key=lambda e: not e.followed)  # stable: the site's room order within each part
    mine = [r.id for r in rooms if r.id in followed and not r.archived] or [r.id for r in rooms if not r.archived]
    return Home(entries, await waiting_threads(reader, mine, now))


async def unread_threads(viewer: Viewer, threads: list[Thread]) -> set[int]:
    """Which of these threads had activity (by others, that this viewer may read) since the member
    last opened them; never opened counts as unread. Two queries for the whole page."""
    if viewer.user is None or not threads:
        return set()
    reader = await access.reader_for(viewer)
    ids = [t.id for t in threads]
    latest = dict(await Post.filter(thread_id__in=ids).filter(access.activity_q(reader))
                  .annotate(at=Max("created_at")).group_by("thread_id").values_list("thread_id", "at"))
    read = dict(await ThreadRead.filter(user_id=viewer.user.id, thread_id__in=ids)
                .values_list("thread_id", "read_at"))
    return {tid for tid, at in latest.items() if at is not None and (tid not in read or _after(at, read[tid]))}


def _after(a: datetime | str, b: datetime) -> bool:
    """``Max`` comes back as a string on SQLite and a datetime on PostgreSQL."""
    if isinstance(a, str):
        a = datetime.fromisoformat(a)
    if a.tzinfo is None:
        a = a.replace(tzinfo=b.tzinfo)
    return a > b
