"""@mentions and quote-replies: rendering with the handles that exist, and telling the members.

``render(text)`` is how posts and chat messages are rendered: ``moderation.render_markdown``
with the mentioned handles that belong to a member, so those link to the profile and any
other ``@word`` stays text. ``notify_mentions`` tells the mentioned (and quoted) members,
through the one notify path; call it wherever content becomes readable to members (written
visible, approved by a moderator, edited), as it tells each member once per item.
"""
from __future__ import annotations

import re

import moderation
from server import access
from server.actions.notifications import TITLE_IN_TEXT, already_told, item_link, notify
from server.events import EventBuffer
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.moderation import Notification
from server.models.posts import Post, Thread
from server.models.rooms import Room

MAX_MENTION_NOTIFICATIONS = 10  # per post or message; more mentions still link, they don't notify
MAX_LOOKUP = 50  # candidates looked up per text (a text of 4,000 characters can't link more)
# The quote button's opening line (frontend/static/js/compose.js): "> @handle wrote:".
QUOTE_LINE = re.compile(r"^[ \t]{0,3}>[ \t]*@([A-Za-z0-9_-]{3,32}) wrote:[ \t]*$", re.M)


async def members_named(handles: list[str]) -> dict[str, User]:
    """Mentioned handles (lower case) that belong to a member, with the member."""
    wanted = handles[:MAX_LOOKUP]
    if not wanted:
        return {}
    users = await User.filter(handle_lower__in=wanted, deleted=False)
    return {u.handle_lower: u for u in users}


async def render(text: str) -> str:
    """Member Markdown as safe HTML, with mentions of existing members linked."""
    found = await members_named(moderation.find_mentions(text))
    return moderation.render_markdown(text, mentions={k: u.handle for k, u in found.items()})


def quoted_handles(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(1).lower() for m in QUOTE_LINE.finditer(text)))


def where(thread: Thread | None, room: Room) -> str:
    """How a notification names the place: a thread's title, or the room's chat."""
    if thread is not None:
        title = thread.title if len(thread.title) <= TITLE_IN_TEXT else thread.title[:TITLE_IN_TEXT - 1] + "…"
        return f"“{title}”"
    return f"the {room.name} chat"


async def notify_mentions(row: Post | ChatMessage, author: User, events: EventBuffer, *,
                          room: Room, thread: Thread | None = None) -> list[Notification]:
    """Tell the members a post or chat message quotes (kind ``quote``, replies only) or
    mentions (kind ``mention``), if they may be told (``access.notifies``: readable by any
    member, no block either way, and the thread readable by them). At most
    MAX_MENTION_NOTIFICATIONS mentions notify; each member is told once per item (a reply
    to their thread that also mentions them is one notification). Call inside the
    transaction that made the content readable."""
    kind = access.Kind.POST if isinstance(row, Post) else access.Kind.MESSAGE
    if row.author_id is None or row.status != "visible":
        return []
    quoted = quoted_handles(row.body) if isinstance(row, Post) and not row.is_first else []
    mentioned = [h for h in moderation.find_mentions(row.body) if h not in quoted]
    members = await members_named(quoted + mentioned)
    plan = [(h, "quote") for h in quoted if h in members]
    mention_ids = [h for h in mentioned if h in members and members[h].id != author.id]
    plan += [(h, "mention") for h in mention_ids[:MAX_MENTION_NOTIFICATIONS]]
    out: list[Notification] = []
    place = where(thread, room)
    for handle, note_kind in plan:
        recipient = members[handle]
        if recipient.id == author.id or not await access.notifies(kind, row, recipient.id, thread=thread):
            continue
        if await already_told(recipient.id, row):
            continue
        verb = "quoted you in" if note_kind == "quote" else "mentioned you in"
        link = await item_link(row, recipient, room=room)
        note = await notify(recipient, note_kind, f"{author.handle} {verb} {place}.", link, events)
        if note is not None:  # None: the member turned this kind off
            out.append(note)
    return out
