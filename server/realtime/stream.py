"""Reading a room's stored stream: recent history, backfill after an id, session snapshots.

Replays always render messages as they are now (removed, anonymized), never a
stale copy: message events point at their ChatMessage.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from server import access
from server.actions import reactions as reaction_counts
from server.db import column
from server.models.accounts import Block
from server.models.chat import ChatMessage
from server.models.live import LiveSession, Rsvp
from server.models.rooms import Room, RoomEvent
from server.realtime import frames
from server.realtime.frames import ViewerView

HISTORY = 50  # messages shown when a client opens the chat
BATCH = 200
MAX_BACKFILL = 1000  # a client further behind than this gets the newest 1000 events


async def blocked_by(user_id: int | None) -> set[int]:
    if user_id is None:
        return set()
    return set(await column(Block.filter(blocker_id=user_id), "blocked_id"))


async def last_seq(room_id: int) -> int:
    values = await column(Room.filter(id=room_id), "event_seq")
    return int(values[0]) if values else 0


async def recent_messages(room: Room, view: ViewerView, upto: int, limit: int = HISTORY,
                          after: int | None = None) -> list[dict[str, Any]]:
    """The newest ``limit`` messages with seq ≤ upto (and > after), oldest first, as this viewer sees them."""
    query = ChatMessage.filter(room_id=room.id, seq__lte=upto).filter(access.rows_q(access.Kind.MESSAGE, view))
    if after is not None:
        query = query.filter(seq__gt=after)
    if after is not None:
        rows = await query.order_by("seq").limit(limit).prefetch_related("author")
    else:
        rows = list(reversed(await query.order_by("-seq").limit(limit).prefetch_related("author")))
    summary = await reaction_counts.summaries(access.Kind.MESSAGE, [m.id for m in rows if m.status == "visible"],
                                              view.user_id)
    out = []
    for msg in rows:
        counts, mine = summary.get(msg.id, ({}, []))
        frame = frames.for_viewer(frames.message_payload(msg, room.slug, msg.seq, msg.author, counts, mine), view)
        if frame is not None:
            out.append(frame)
    return out


async def with_reactions(payloads: list[Mapping[str, Any]], user_id: int | None) -> list[Mapping[str, Any]]:
    """Fill in replayed message payloads' reaction counts, and ``my_reactions`` for this member."""
    ids = [p["message_id"] for p in payloads if p.get("type") == "message" and p.get("status") == "visible"]
    summary = await reaction_counts.summaries(access.Kind.MESSAGE, ids, user_id)
    out: list[Mapping[str, Any]] = []
    for p in payloads:
        if p.get("type") == "message" and p["message_id"] in summary:
            counts, mine = summary[p["message_id"]]
            p = {**p, "reactions": counts, "my_reactions": mine}
        out.append(p)
    return out


async def events_between(room: Room, after: int, upto: int) -> list[Mapping[str, Any]]:
    """Stored events after ``after`` up to ``upto`` as broadcast payloads (unfiltered), oldest first."""
    if upto - after > MAX_BACKFILL:
        after = upto - MAX_BACKFILL
    out: list[Mapping[str, Any]] = []
    cursor = after
    while cursor < upto:
        rows = await RoomEvent.filter(room_id=room.id, seq__gt=cursor, seq__lte=upto) \
            .order_by("seq").limit(BATCH).prefetch_related("message", "message__author")
        if not rows:
            break
        for event in rows:
            out.append(payload_of(event, room.slug))
        cursor = rows[-1].seq
    return out


def payload_of(event: RoomEvent, slug: str) -> Mapping[str, Any]:
    if event.kind == "message" and event.message is not None:
        msg: ChatMessage = event.message
        return frames.message_payload(msg, slug, event.seq, msg.author)
    if event.kind == "removed":
        return frames.removed_payload(event.seq, slug, event.data)
    if event.kind == "reaction" and event.message is not None:
        return frames.reactions_payload(event.seq, slug, event.data, status=event.message.status)
    if event.kind == "session":
        data = dict(event.data)
        return frames.session_payload(event.seq, slug, data.get("change", "updated"), data.get("session", {}))
    # An event whose message is gone (or a kind this version does not know): keep the id moving.
    return frames.noop(event.seq, slug)


async def session_snapshot(s: LiveSession) -> frames.SessionInfo:
    # Awaiting the relation fetches it unless it was prefetched; Tortoise types it as the model itself.
    facilitator = await s.facilitator if s.facilitator_id else None  # type: ignore[misc]
    count = await Rsvp.filter(session_id=s.id).count()
    return frames.session_json(s, facilitator, count)


async def live_snapshots(room: Room) -> list[frames.Session]:
    """Current state of the room's live sessions (id-less frames: a late joiner sees the pin)."""
    out = []
    for s in await LiveSession.filter(room_id=room.id, state="live").order_by("started_at"):
        out.append(frames.session_payload(None, room.slug, "snapshot", await session_snapshot(s)))
    return out
