"""Live chat: the room event stream and sending a message.

Every event a live client sees is stored as a RoomEvent with a room-monotonic
``seq`` before it is published; clients resume from the last seq they saw.
A message goes the same way as a post: validate → limits → screen → one
transaction (message + event + queue item) → publish after commit.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from moderation import Decision
from server.actions import screening
from server.actions.context import Services
from server.actions.mentions import notify_mentions, render
from server.auth import Viewer, require_active, require_agreed, utcnow
from server.errors import Forbidden, Invalid, RateLimited
from server.events import Event, EventBuffer, room_channel
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.live import LiveSession
from server.models.rooms import Room, RoomEvent
from server.realtime import frames
from server.validation import MAX_CHAT, clean_text, content_note

log = logging.getLogger("securebase.chat")

MAX_CLIENT_ID = 64


# --- the room event stream ------------------------------------------------------

async def next_seq(room_id: int) -> int:
    """Hand out the room's next event id. Call inside a transaction.

    The UPDATE takes the room row's lock (PostgreSQL) or the write lock
    (SQLite) until commit, so ids are handed out and committed in order:
    once seq N is visible, every seq below it is too.
    """
    conn = connections.get("default")  # the caller's transaction, when there is one
    mark = "$1" if conn.capabilities.dialect == "postgres" else "?"
    # execute_query_dict fetches rows on every backend (asyncpg's execute_query drops RETURNING rows).
    rows = await conn.execute_query_dict(
        f"UPDATE rooms SET event_seq = event_seq + 1 WHERE id = {mark} RETURNING event_seq", [room_id])
    return int(rows[0]["event_seq"])


async def append_room_event(room_id: int, kind: str, data: dict[str, Any],
                            message_id: int | None = None) -> RoomEvent:
    """Store one event in the room's stream with the next seq. Call inside a transaction."""
    seq = await next_seq(room_id)
    return await RoomEvent.create(room_id=room_id, seq=seq, kind=kind, data=data, message_id=message_id)


async def set_message_status(message: ChatMessage, status: str, reason: str | None,
                             events: EventBuffer) -> None:
    """Change a message's status and tell live clients. Call inside a transaction; flush after commit.

    visible → hidden/removed/deleted: a ``removed`` event (everyone drops it).
    held/hidden → visible (approved): a ``message`` event, so it appears live.
    held → removed/deleted: a private ``removed`` event (author and staff saw it).
    """
    old = message.status
    if old == status and reason == message.status_reason:
        return
    message.status = status
    message.status_reason = reason
    await message.save(update_fields=["status", "status_reason"])
    room = await Room.get(id=message.room_id)
    if status == "visible" and old != "visible":
        event = await append_room_event(room.id, "message", {}, message_id=message.id)
        author = await User.get_or_none(id=message.author_id) if message.author_id else None
        events.add(Event(room_channel(room.slug),
                         frames.message_payload(message, room.slug, event.seq, author)))
        return
    if status in ("hidden", "removed", "deleted") and old in ("visible", "held", "hidden"):
        if old == "hidden" and status == "hidden":
            return
        data = {"message_seq": message.seq, "message_db_id": message.id, "status": status,
                "reason": reason, "author_id": message.author_id,
                "audience": "all" if old == "visible" else "private"}
        event = await append_room_event(room.id, "removed", data, message_id=message.id)
        events.add(Event(room_channel(room.slug), frames.removed_payload(event.seq, room.slug, data)))


# --- sending ------------------------------------------------------------------------

@dataclass
class Sent:
    """What a send produced: the stored message (or the earlier copy of a retry)."""

    message: ChatMessage
    frame: frames.MessagePayload  # the message payload (internal fields included)
    decision: Decision | None  # None for a retried send already stored
    duplicate: bool = False


def check_client_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_CLIENT_ID or not value.isprintable():
        raise Invalid(f"client_id must be text of 1 to {MAX_CLIENT_ID} printable characters.",
                      code="invalid_client_id", field="client_id")
    return value


async def live_session_in(room: Room) -> LiveSession | None:
    return await LiveSession.filter(room_id=room.id, state="live").order_by("-started_at").first()


def speaks_freely(user: User, session: LiveSession) -> bool:
    """Facilitators and staff are not held back by slow mode or a locked chat."""
    return user.is_staff or session.facilitator_id == user.id


async def check_session_rules(user: User, session: LiveSession | None) -> None:
    if session is None or speaks_freely(user, session):
        return
    if session.locked:
        raise Forbidden("The facilitator has paused the chat for this part of the session: "
                        "only facilitators can write for now.", code="session_locked")
    if session.slow_mode_seconds > 0:
        since = utcnow() - timedelta(seconds=session.slow_mode_seconds)
        last = await ChatMessage.filter(author_id=user.id, session_id=session.id, created_at__gt=since) \
            .order_by("-created_at").first()
        if last is not None:
            wait = session.slow_mode_seconds - (utcnow() - last.created_at).total_seconds()
            exc = RateLimited(max(1, int(wait + 0.999)),
                              f"Slow mode is on: one message every {session.slow_mode_seconds} seconds. "
                              "Take a breath; you can write again shortly.")
            exc.code = "slow_mode"
            raise exc


async def _stored_copy(room: Room, user: User, client_id: str | None) -> Sent | None:
    if client_id is None:
        return None
    msg = await ChatMessage.get_or_none(room_id=room.id, author_id=user.id, client_id=client_id)
    if msg is None:
        return None
    return Sent(msg, frames.message_payload(msg, room.slug, msg.seq, user), None, duplicate=True)


async def check_can_chat(svc: Services, viewer: Viewer, room: Room) -> User:
    """Rate limit first, then the member's current standing (re-read: a ban may be minutes old)."""
    user = require_active(viewer)
    await svc.limiter.check(svc.settings.chat_rate, f"chat:{user.id}",
                            message="You're sending messages very quickly. Please wait a moment.")
    fresh = await User.get_or_none(id=user.id)
    if fresh is None or fresh.deleted:
        raise Forbidden("This account no longer exists.", code="account_gone")
    require_agreed(require_active(Viewer(fresh)))
    if room.archived:
        raise Forbidden("This room is archived: it can be read but not written in.", code="room_archived")
    if await screening.active_sanction(fresh, "mute", room) is not None:
        raise Forbidden("You are muted in this room for now.", code="muted")
    return fresh


async def do_send(svc: Services, viewer: Viewer, room: Room, *, body: object,
                  client_id: object = None, note: object = None) -> Sent:
    """Send a chat message. A retried ``client_id`` returns the stored copy, never a second one."""
    text = clean_text(body, "body", max_len=MAX_CHAT, label="Message")
    member_note = content_note(note)
    cid = check_client_id(client_id)
    user = await check_can_chat(svc, viewer, room)
    earlier = await _stored_copy(room, user, cid)
    if earlier is not None:
        return earlier
    session = await live_session_in(room)
    await check_session_rules(user, session)
    # Only pre-moderated rooms care whether this is the member's first message there.
    first = room.premoderate_new and not await ChatMessage.filter(author_id=user.id, room_id=room.id).exists()
    decision = await screening.screen(user, room, text, first_in_room=first)
    if decision.action == "reject":
        raise Invalid(" ".join(decision.reasons) or "That can't be posted here.", code="rejected",
                      field="body")
    events = EventBuffer()
    try:
        async with in_transaction():
            seq = await next_seq(room.id)
            msg = await ChatMessage.create(
                room_id=room.id, seq=seq, author_id=user.id, session_id=session.id if session else None,
                client_id=cid, body=decision.text, body_html=await render(decision.text),
                status=screening.status_for(decision),
                content_note=screening.content_note_for(decision, member_note))
            await RoomEvent.create(room_id=room.id, seq=seq, kind="message", data={}, message_id=msg.id)
            await screening.enqueue(decision, target_type="message", target_id=msg.id, room=room,
                                    author=user, events=events,
                                    escalate_after=svc.settings.crisis_escalate_after)
            payload = frames.message_payload(msg, room.slug, seq, user)
            events.add(Event(room_channel(room.slug), payload))
            await notify_mentions(msg, user, events, room=room)  # held: on approval
    except IntegrityError:
        # Two sends of one client_id raced; the other one was stored.
        earlier = await _stored_copy(room, user, cid)
        if earlier is None:
            raise
        return earlier
    await events.flush(svc.broker)
    return Sent(msg, payload, decision)
