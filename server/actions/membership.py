"""A member's place in the community: agreeing to the guidelines, following rooms, and the
marks of where they have been (last visit to a room, last read of a thread).

The visit and read marks are written by the page views that show a room or a thread to a
signed-in member: one upsert each, never for staff reading through the queue.
"""
from __future__ import annotations

import contextlib

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.auth import Viewer, require_user, utcnow
from server.errors import Forbidden
from server.models.accounts import User
from server.models.membership import RoomFollow, ThreadRead
from server.models.posts import Thread
from server.models.rooms import Room

MAX_FOLLOWS = 100  # more rooms than a site has; a bound for a scripted client


async def do_agree_guidelines(viewer: Viewer) -> User:
    """Record that the member agreed to the community guidelines, with the date (once: a second
    agreement keeps the first date)."""
    user = require_user(viewer)
    if user.guidelines_agreed_at is None:
        now = utcnow()
        await User.filter(id=user.id, guidelines_agreed_at=None).update(guidelines_agreed_at=now)
        await user.refresh_from_db(fields=["guidelines_agreed_at"])
    return user


async def do_follow(viewer: Viewer, room: Room) -> bool:
    """Follow a room (idempotent). Archived rooms can't be followed: nothing new comes there."""
    user = require_user(viewer)
    if room.archived:
        raise Forbidden("This room is archived: there is nothing new to follow.", code="room_archived")
    if await RoomFollow.filter(user_id=user.id, room_id=room.id).exists():
        return True
    if await RoomFollow.filter(user_id=user.id).count() >= MAX_FOLLOWS:
        raise Forbidden(f"You can follow at most {MAX_FOLLOWS} rooms.", code="too_many_follows")
    with contextlib.suppress(IntegrityError):  # a double click raced itself; one follow stands
        await RoomFollow.create(user_id=user.id, room_id=room.id)
    return True


async def do_unfollow(viewer: Viewer, room: Room) -> bool:
    user = require_user(viewer)
    await RoomFollow.filter(user_id=user.id, room_id=room.id).delete()
    return False


async def do_set_follows(viewer: Viewer, rooms: list[Room]) -> list[Room]:
    """The onboarding choice: follow exactly these rooms (archived ones are left out)."""
    user = require_user(viewer)
    chosen = [r for r in rooms if not r.archived][:MAX_FOLLOWS]
    ids = {r.id for r in chosen}
    async with in_transaction():
        await RoomFollow.filter(user_id=user.id).exclude(room_id__in=sorted(ids) or [0]).delete()
        have = set(await RoomFollow.filter(user_id=user.id).values_list("room_id", flat=True))
        for room_id in sorted(ids - have):
            await RoomFollow.create(user_id=user.id, room_id=room_id)
    return chosen


async def do_mark_room_visited(viewer: Viewer, room: Room) -> None:
    """The member opened a room they follow: what is new on their home page counts from now."""
    if viewer.user is None:
        return
    await RoomFollow.filter(user_id=viewer.user.id, room_id=room.id).update(last_visited_at=utcnow())


async def do_mark_thread_read(viewer: Viewer, thread: Thread) -> None:
    """The member opened a thread: its unread marker on the room page clears."""
    if viewer.user is None:
        return
    now = utcnow()
    updated = await ThreadRead.filter(user_id=viewer.user.id, thread_id=thread.id).update(read_at=now)
    if not updated:
        with contextlib.suppress(IntegrityError):  # two tabs opened it at once; either time will do
            await ThreadRead.create(user_id=viewer.user.id, thread_id=thread.id, read_at=now)
