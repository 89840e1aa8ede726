"""Notifications: the one path that writes them (gated by the member's settings); replies,
reactions, reviewed reports, and where they lead.

A notification is stored inside the caller's transaction and its live ``notification``
frame is buffered for after commit (``EventBuffer.flush``), like every other event.
Its text never quotes the content it is about: a reply can be held, removed or
deleted after the fact, and the notification would keep its words.

Kinds made here and in ``server.actions.mentions``: ``reply``, ``mention``, ``quote``, and
``reaction_<kind>`` (``reaction_support``, ``reaction_me_too``, ``reaction_thanks``,
``reaction_helped``): one unread notification per item and reaction kind, its text updated
("3 people sent support to your post") rather than one per reaction; ``report_reviewed``.

``notify`` is the one gate for the member's settings (``server.notify_settings``): a kind
turned off makes no notification; in quiet hours it is stored (and counted) but not pushed.
"""
from __future__ import annotations

from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import access, reading
from server.auth import Viewer, utcnow
from server.db import column
from server.events import Event, EventBuffer, user_channel
from server.models.accounts import Block, User
from server.models.chat import ChatMessage
from server.models.membership import NotificationSettings
from server.models.moderation import Notification, Report
from server.models.posts import Post, Thread
from server.models.reactions import Reaction
from server.models.rooms import Room
from server.notify_settings import Prefs, parse_kinds, parse_quiet, parse_zone
from server.realtime import frames

TITLE_IN_TEXT = 80  # a long title is cut in the notification's one line
# Kinds that tell a member about one item once: a reply to their thread that also quotes or
# mentions them is one notification.
ONCE_PER_ITEM = ("reply", "quote", "mention")
REACTION_PREFIX = "reaction_"
# "<who> <verb> your post/message …", by reaction kind.
REACTION_VERBS = {
    "support": "sent support to",
    "me_too": "said “me too” to",
    "thanks": "said thank you for",
    "helped": "said this helped:",
}


async def prefs_for(user_id: int) -> Prefs:
    """The member's notification settings, or the defaults when they never chose."""
    row = await NotificationSettings.get_or_none(user_id=user_id)
    if row is None:
        return Prefs()
    return Prefs(frozenset(row.off or ()), row.quiet_start, row.quiet_end, row.time_zone)


async def notify(user: User, kind: str, text: str, link: str, events: EventBuffer) -> Notification | None:
    """Store a notification for ``user`` and buffer its live frame, as their settings allow:
    None when they turned the kind off; stored without a live frame in their quiet hours.
    Call inside a transaction."""
    prefs = await prefs_for(user.id)
    if not prefs.wants(kind):
        return None
    note = await Notification.create(user=user, kind=kind, text=text, link=link)
    if not prefs.quiet_now(kind, utcnow()):
        events.add(Event(user_channel(user.id), frames.notification(note.id, kind, text, link)))
    return note


async def do_update_settings(user: User, data: dict[str, Any]) -> Prefs:
    """Change the member's notification settings: any of ``kinds``, ``quiet_hours``, ``time_zone``
    (what is left out keeps its value). Everything is checked before anything is written."""
    current = await prefs_for(user.id)
    off = parse_kinds(data["kinds"], current.off) if "kinds" in data else current.off
    start, end = parse_quiet(data["quiet_hours"]) if "quiet_hours" in data \
        else (current.quiet_start, current.quiet_end)
    zone = parse_zone(data["time_zone"]) if "time_zone" in data else current.time_zone
    async with in_transaction():
        row, _ = await NotificationSettings.get_or_create(user_id=user.id)
        row.off, row.quiet_start, row.quiet_end, row.time_zone = sorted(off), start, end, zone
        await row.save()
    return Prefs(off, start, end, zone)


def post_link(post: Post) -> str:
    """Where a post is on its thread's first page (its anchor)."""
    return f"/threads/{post.thread_id}#post-{post.id}"


def anchor(row: Post | ChatMessage) -> str:
    return f"#post-{row.id}" if isinstance(row, Post) else f"#msg-{row.id}"


async def post_link_for(post: Post, recipient: User) -> str:
    """The page of its thread a reply is on for this member (replies are paged oldest first,
    ``reading.PAGE`` a page, counting only those they may list), and its anchor."""
    if post.is_first:
        return post_link(post)
    reader = await access.reader_for(Viewer(recipient))
    before = Post.filter(thread_id=post.thread_id, is_first=False, id__lt=post.id) \
        .filter(access.rows_q(access.Kind.POST, reader))
    pages_before = await before.count() // reading.PAGE
    if pages_before == 0:
        return post_link(post)
    ids = await column(before.order_by("id").offset(pages_before * reading.PAGE - 1).limit(1), "id")
    if not ids:
        return post_link(post)
    return f"/threads/{post.thread_id}?cursor={reading.replies_cursor(int(ids[0]))}#post-{post.id}"


async def item_link(row: Post | ChatMessage, recipient: User, *, room: Room | None = None) -> str:
    """Where a notification about a post or chat message leads this member."""
    if isinstance(row, Post):
        return await post_link_for(row, recipient)
    slug = room.slug if room is not None else (await Room.get(id=row.room_id)).slug
    return f"/rooms/{slug}{anchor(row)}"


async def already_told(recipient_id: int, row: Post | ChatMessage) -> bool:
    """Whether this member was told about this item already (reply, quote or mention)."""
    return await Notification.filter(user_id=recipient_id, kind__in=ONCE_PER_ITEM,
                                     link__endswith=anchor(row)).exists()


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
    if await already_told(recipient.id, post):
        return None  # held again after an edit or reports, then approved: they were told once
    title = thread.title if len(thread.title) <= TITLE_IN_TEXT else thread.title[:TITLE_IN_TEXT - 1] + "…"
    text = f"{replier.handle} replied to your thread “{title}”."
    return await notify(recipient, "reply", text, await post_link_for(post, recipient), events)


# --- reactions ------------------------------------------------------------------------------

def _target_q(row: Post | ChatMessage) -> Q:
    return Q(post_id=row.id) if isinstance(row, Post) else Q(message_id=row.id)


async def _reactors(row: Post | ChatMessage, kind: str, author_id: int) -> list[str]:
    """Handles of those who reacted ``kind``, oldest first, without the author and without
    anyone on either side of a block with them."""
    pairs = await Block.filter(Q(blocker_id=author_id) | Q(blocked_id=author_id)).values_list("blocker_id", "blocked_id")
    apart = {a for a, _ in pairs} | {b for _, b in pairs}
    rows = await Reaction.filter(_target_q(row), kind=kind).exclude(user_id__in=sorted(apart | {author_id})) \
        .order_by("id").prefetch_related("user")
    return [r.user.handle for r in rows if not r.user.deleted]


def reaction_text(kind: str, handles: list[str], row: Post | ChatMessage, where: str) -> str:
    who = handles[0] if len(handles) == 1 else f"{len(handles)} people"
    what = "post" if isinstance(row, Post) else "message"
    return f"{who} {REACTION_VERBS[kind]} your {what} in {where}."


async def notify_reaction(row: Post | ChatMessage, kind: str, reactor: User, events: EventBuffer, *,
                          where: str, room: Room | None = None) -> Notification | None:
    """Tell the writer that someone reacted: one unread notification per item and kind,
    updated with the count. Never for one's own reactions, content members can't read,
    or across a block. Call inside the reaction's transaction (after it is written)."""
    author_id = row.author_id
    if author_id is None or author_id == reactor.id:
        return None
    kind_access = access.Kind.POST if isinstance(row, Post) else access.Kind.MESSAGE
    if not await access.notifies_about(kind_access, row, author_id, reactor.id):
        return None
    recipient = await User.get_or_none(id=author_id)
    if recipient is None or recipient.deleted:
        return None
    return await _set_reaction_note(row, kind, recipient, events, where=where, room=room)


async def _set_reaction_note(row: Post | ChatMessage, kind: str, recipient: User, events: EventBuffer, *,
                             where: str, room: Room | None) -> Notification | None:
    note_kind = REACTION_PREFIX + kind
    handles = await _reactors(row, kind, recipient.id)
    unread = await Notification.filter(user_id=recipient.id, kind=note_kind, link__endswith=anchor(row),
                                       read_at__isnull=True).first()
    if not handles:
        if unread is not None:
            await unread.delete()
        return None
    text = reaction_text(kind, handles, row, where)
    if unread is not None:
        if unread.text != text:
            unread.text = text
            await unread.save(update_fields=["text"])
        return unread
    return await notify(recipient, note_kind, text, await item_link(row, recipient, room=room), events)


async def recount_reaction(row: Post | ChatMessage, kind: str, *, where: str, room: Room | None = None) -> None:
    """A reaction was taken back: the writer's unread notification says the new count (or goes)."""
    if row.author_id is None:
        return
    recipient = await User.get_or_none(id=row.author_id)
    if recipient is None or recipient.deleted:
        return
    unread = await Notification.filter(user_id=recipient.id, kind=REACTION_PREFIX + kind,
                                       link__endswith=anchor(row), read_at__isnull=True).exists()
    if unread:
        await _set_reaction_note(row, kind, recipient, EventBuffer(), where=where, room=room)



REPORT_REVIEWED = "A moderator reviewed what you reported. Thank you for looking out for others."


async def notify_reporters(target_type: str, target_id: int, moderator_id: int, events: EventBuffer) -> int:
    """Tell each member who reported this item that a moderator reviewed it, once per report.

    No word of the decision, no text of the content, no link to it (it may be gone, and a
    link would hint at the outcome). Call inside the transaction of the decision; the
    conditional update makes a report notify once even if it is decided again."""
    told = 0
    reports = await Report.filter(target_type=target_type, target_id=target_id, outcome_notified_at=None,
                                  reporter_id__isnull=False).prefetch_related("reporter")
    now = utcnow()
    for report in reports:
        if not await Report.filter(id=report.id, outcome_notified_at=None).update(outcome_notified_at=now):
            continue
        reporter = report.reporter
        if reporter is None or reporter.deleted or reporter.id == moderator_id:
            continue
        if await notify(reporter, "report_reviewed", REPORT_REVIEWED, "", events) is not None:
            told += 1
    return told
