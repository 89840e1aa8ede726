"""Member-to-member safety: blocks; and reading one's notifications."""
from __future__ import annotations

import contextlib

from tortoise.exceptions import IntegrityError

from server import access, passwords
from server.auth import Viewer, require_user, utcnow
from server.errors import Invalid, NotFound
from server.models.accounts import Block, User
from server.models.moderation import Notification


async def _member(handle: object) -> User:
    key = passwords.handle_key(handle)
    user = await User.get_or_none(handle_lower=key, deleted=False) if key else None
    if user is None:
        raise NotFound("We couldn't find that member.")
    return user


async def do_block(viewer: Viewer, handle: object) -> User:
    """Hide another member's posts and messages from the viewer. Idempotent."""
    me = require_user(viewer)
    other = await _member(handle)
    if other.id == me.id:
        raise Invalid("You can't block yourself.", code="self_block")
    if other.is_staff:
        raise Invalid("Moderators can't be blocked, so they can keep the rooms safe. "
                      "If a moderator worries you, contact an admin.", code="cannot_block_staff")
    with contextlib.suppress(IntegrityError):  # a double click raced itself; one block stands
        await Block.get_or_create(blocker=me, blocked=other)
    access.forget_blocks(viewer)
    return other


async def do_unblock(viewer: Viewer, handle: object) -> None:
    me = require_user(viewer)
    other = await _member(handle)
    await Block.filter(blocker_id=me.id, blocked_id=other.id).delete()
    access.forget_blocks(viewer)


async def is_blocked(viewer: Viewer, other: User) -> bool:
    if viewer.user is None:
        return False
    return await Block.filter(blocker_id=viewer.user.id, blocked_id=other.id).exists()


async def has_blocked(blocker_id: int | None, blocked_id: int) -> bool:
    """Whether ``blocker_id`` blocked ``blocked_id`` (the blocked member may not reply to them)."""
    if blocker_id is None or blocker_id == blocked_id:
        return False
    return await Block.filter(blocker_id=blocker_id, blocked_id=blocked_id).exists()


async def do_mark_notifications_read(viewer: Viewer, ids: list[int] | None = None) -> int:
    """Mark the viewer's notifications read: those in ``ids``, or all when ``ids`` is None.
    Someone else's ids are skipped silently (they are not the viewer's to know about)."""
    me = require_user(viewer)
    query = Notification.filter(user_id=me.id, read_at=None)
    if ids is not None:
        if not ids:
            return 0
        query = query.filter(id__in=ids)
    return await query.update(read_at=utcnow())


async def unread_notifications(user_id: int) -> int:
    """How many notifications the member has not read: the nav count and ``/api/me``."""
    return await Notification.filter(user_id=user_id, read_at=None).count()
