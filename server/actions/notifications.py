"""Notifications: the one path that writes them, and the reply notification.

A notification is stored inside the caller's transaction and its live ``notification``
frame is buffered for after commit (``EventBuffer.flush``), like every other event.
Its text never quotes the content it is about: a reply can be held, removed or
deleted after the fact, and the notification would keep its words.
"""
from __future__ import annotations

from server import access
from server.events import Event, EventBuffer, user_channel
from server.models.accounts import User
from server.models.moderation import Notification
from server.models.posts import Post, Thread
from server.realtime import frames

TITLE_IN_TEXT = 80  # a long title is cut in the notification's one line


async def notify(user: User, kind: str, text: str, link: str, events: EventBuffer) -> Notification:
    """Store a notification for ``user`` and buffer its live frame. Call inside a transaction."""
    note = await Notification.create(user=user, kind=kind, text=text, link=link)
    events.add(Event(user_channel(user.id), frames.notification(note.id, kind, text, link)))
    return note


def post_link(post: Post) -> str:
    """Where a notification about a post leads: the post's anchor on its thread page."""
    return f"/threads/{post.thread_id}#post-{post.id}"


async def notify_reply(post: Post, thread: Thread, replier: User, events: EventBuffer) -> Notification | None:
    """Tell a thread's writer that ``post`` answered them, if they may be told.

    Not for one's own replies, nor when either member blocked the other, nor for a
    reply an ordinary member can't read yet (held, hidden, removed): a held reply
    notifies when a moderator approves it. Call inside the transaction that made the
    reply visible, so the notification and the reply commit together.
    """
    if post.is_first or thread.author_id is None or thread.author_id == replier.id:
        return None
    if not await access.notifies(access.Kind.POST, post, thread.author_id):
        return None
    recipient = await User.get_or_none(id=thread.author_id)
    if recipient is None or recipient.deleted:
        return None
    link = post_link(post)
    if await Notification.filter(user_id=recipient.id, kind="reply", link=link).exists():
        return None  # held again after an edit or reports, then approved: they were told once
    title = thread.title if len(thread.title) <= TITLE_IN_TEXT else thread.title[:TITLE_IN_TEXT - 1] + "…"
    text = f"{replier.handle} replied to your thread “{title}”."
    return await notify(recipient, "reply", text, link, events)
