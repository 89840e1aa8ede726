"""Live group sessions: schedule, RSVP, start, steer (slow mode, lock, pinned prompt), end.

Every state change is stored as a ``session`` RoomEvent in the same
transaction, then published: members in the room see it live, and a late
joiner or a resuming client gets it from the stream.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

import moderation
from server import passwords
from server.actions.chat import append_room_event
from server.actions.context import Services
from server.auth import Viewer, require_active, require_staff, utcnow
from server.db import column
from server.errors import Conflict, Forbidden, Invalid, NotFound
from server.events import Event, EventBuffer, room_channel
from server.models.accounts import User
from server.models.live import LiveSession, Rsvp
from server.models.rooms import Room
from server.realtime import frames
from server.realtime.stream import session_snapshot
from server.validation import clean_text, int_param, one_line

MAX_SLOW_MODE = 3600
MAX_PROMPT = 2000
MAX_DURATION = timedelta(hours=12)


# --- reading ---------------------------------------------------------------------

def can_facilitate(viewer: Viewer, session: LiveSession) -> bool:
    return viewer.user is not None and (viewer.is_staff or session.facilitator_id == viewer.user.id)


async def access_session(session_id: int) -> LiveSession:
    session = await LiveSession.get_or_none(id=session_id).prefetch_related("room", "facilitator")
    if session is None:
        raise NotFound("We couldn't find that session.")
    return session


@dataclass
class SessionView:
    """A session as a page shows it to one viewer."""

    session: LiveSession
    room: Room
    rsvp_count: int
    going: bool
    can_facilitate: bool

    @property
    def live(self) -> bool:
        return self.session.state == "live"


async def list_sessions(viewer: Viewer, room: Room | None = None, limit: int = 20) -> list[SessionView]:
    """Live sessions first, then upcoming ones by start time (ended/cancelled/overdue ones left out)."""
    query = LiveSession.filter(state__in=["scheduled", "live"])
    if room is not None:
        query = query.filter(room_id=room.id)
    now = utcnow()
    rows = [s for s in await query.order_by("starts_at").limit(limit * 2).prefetch_related("room", "facilitator")
            if s.state == "live" or s.ends_at > now]
    rows.sort(key=lambda s: (s.state != "live", s.starts_at))
    rows = [s for s in rows if not s.room.archived or viewer.is_staff][:limit]
    ids = [s.id for s in rows]
    counts: dict[int, int] = {}
    for sid in await column(Rsvp.filter(session_id__in=ids), "session_id") if ids else []:
        counts[sid] = counts.get(sid, 0) + 1
    mine: set[int] = set()
    if viewer.user is not None and ids:
        mine = set(await column(Rsvp.filter(session_id__in=ids, user_id=viewer.user.id), "session_id"))
    return [SessionView(s, s.room, counts.get(s.id, 0), s.id in mine, can_facilitate(viewer, s)) for s in rows]


async def session_json(session: LiveSession, viewer: Viewer | None = None) -> dict[str, Any]:
    data: dict[str, Any] = dict(await session_snapshot(session))
    room = await session.room if not isinstance(session.room, Room) else session.room
    data["room"] = room.slug
    if viewer is not None and viewer.user is not None:
        data["going"] = await Rsvp.filter(session_id=session.id, user_id=viewer.user.id).exists()
        data["can_facilitate"] = can_facilitate(viewer, session)
    return data


# --- validation ----------------------------------------------------------------------

def parse_when(value: object, field: str) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise Invalid(f"{field} must be a date and time (ISO-8601 with a time zone).", code="wrong_type",
                      field=field)
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Invalid(f"{field} isn't a date and time we can read (use e.g. 2026-05-01T18:00:00+01:00).",
                      code="invalid_datetime", field=field) from None
    if when.tzinfo is None:
        raise Invalid(f"{field} needs a time zone (e.g. +01:00 or Z).", code="missing_timezone", field=field)
    try:
        # Year 1 with a positive offset (or 9999 with a negative one) has no UTC time.
        return when.astimezone(utcnow().tzinfo)
    except (OverflowError, ValueError):
        raise Invalid(f"{field} is out of the range of dates we can schedule.", code="invalid_datetime",
                      field=field) from None


async def _facilitator(value: object) -> User:
    handle = clean_text(value, "facilitator", max_len=100, label="Facilitator")
    key = passwords.handle_key(handle)
    user = await User.get_or_none(handle_lower=key, deleted=False) if key else None
    if user is None or user.banned:
        raise Invalid("There is no member with that handle to facilitate.", code="unknown_facilitator",
                      field="facilitator")
    return user


# --- writing ------------------------------------------------------------------------

async def _publish_change(svc: Services, session: LiveSession, room: Room, change: str) -> None:
    """Store the session's new state as a room event (inside the caller's transaction is not needed:
    the state and its event are written together here) and publish it."""
    events = EventBuffer()
    async with in_transaction():
        await session.save()
        snapshot = await session_snapshot(session)
        event = await append_room_event(room.id, "session", {"change": change, "session": snapshot})
        events.add(Event(room_channel(room.slug),
                         frames.session_payload(event.seq, room.slug, change, snapshot)))
    await events.flush(svc.broker)


async def do_schedule(svc: Services, viewer: Viewer, room: Room, *, title: object, description: object,
                      facilitator: object, starts_at: object, ends_at: object) -> LiveSession:
    user = require_staff(viewer)
    title_text = one_line(clean_text(title, "title", max_len=200, label="Title"))
    desc = clean_text(description, "description", max_len=4000, required=False, label="Description")
    starts, ends = parse_when(starts_at, "starts_at"), parse_when(ends_at, "ends_at")
    if ends <= starts:
        raise Invalid("The session must end after it starts.", code="ends_before_start", field="ends_at")
    if ends - starts > MAX_DURATION:
        raise Invalid("A session can last at most 12 hours.", code="too_long", field="ends_at")
    if ends <= utcnow():
        raise Invalid("That time has already passed.", code="in_the_past", field="ends_at")
    if room.archived:
        raise Forbidden("This room is archived.", code="room_archived")
    lead = await _facilitator(facilitator)
    session = LiveSession(room=room, title=title_text, description=desc,
                          description_html=moderation.render_markdown(desc), facilitator=lead,
                          created_by=user, starts_at=starts, ends_at=ends)
    await _publish_change(svc, session, room, "scheduled")
    return session


async def do_rsvp(viewer: Viewer, session: LiveSession, going: bool) -> bool:
    user = require_active(viewer)
    if session.state in ("ended", "cancelled"):
        raise Conflict("This session is over.", code="session_over")
    if going:
        with contextlib.suppress(IntegrityError):  # a double click raced itself; one RSVP stands
            await Rsvp.get_or_create(session_id=session.id, user_id=user.id)
    else:
        await Rsvp.filter(session_id=session.id, user_id=user.id).delete()
    return going


def _require_facilitator(viewer: Viewer, session: LiveSession) -> None:
    require_active(viewer)
    if not can_facilitate(viewer, session):
        raise Forbidden("Only the session's facilitator or a moderator can do that.", code="not_facilitator")


async def do_start(svc: Services, viewer: Viewer, session: LiveSession) -> LiveSession:
    _require_facilitator(viewer, session)
    if session.state != "scheduled":
        raise Conflict("This session isn't waiting to start.", code="not_scheduled")
    room: Room = session.room
    if room.archived:
        raise Forbidden("This room is archived.", code="room_archived")
    if await LiveSession.filter(room_id=room.id, state="live").exists():
        raise Conflict("Another session is live in this room; end it first.", code="session_running")
    session.state, session.started_at = "live", utcnow()
    await _publish_change(svc, session, room, "started")
    return session


async def do_end(svc: Services, viewer: Viewer, session: LiveSession) -> LiveSession:
    _require_facilitator(viewer, session)
    if session.state != "live":
        raise Conflict("This session isn't live.", code="not_live")
    session.state, session.ended_at = "ended", utcnow()
    session.locked, session.slow_mode_seconds = False, 0
    await _publish_change(svc, session, session.room, "ended")
    return session


async def do_cancel(svc: Services, viewer: Viewer, session: LiveSession) -> LiveSession:
    require_staff(viewer)
    if session.state != "scheduled":
        raise Conflict("Only a session that hasn't started can be cancelled.", code="not_scheduled")
    session.state = "cancelled"
    await _publish_change(svc, session, session.room, "cancelled")
    return session


async def do_steer(svc: Services, viewer: Viewer, session: LiveSession, *, slow_mode_seconds: object = None,
                   locked: object = None, pinned_prompt: object = None) -> LiveSession:
    """Slow mode, lock, pinned prompt: only while the session is live."""
    _require_facilitator(viewer, session)
    if session.state != "live":
        raise Conflict("Start the session first.", code="not_live")
    if slow_mode_seconds is not None:
        seconds = int_param(slow_mode_seconds, "slow_mode_seconds")
        if not 0 <= seconds <= MAX_SLOW_MODE:
            raise Invalid(f"Slow mode is 0 (off) to {MAX_SLOW_MODE} seconds.", code="out_of_range",
                          field="slow_mode_seconds")
        session.slow_mode_seconds = seconds
    if locked is not None:
        if not isinstance(locked, bool):
            raise Invalid("locked must be true or false.", code="wrong_type", field="locked")
        session.locked = locked
    if pinned_prompt is not None:
        prompt = clean_text(pinned_prompt, "pinned_prompt", max_len=MAX_PROMPT, required=False,
                            label="Pinned prompt")
        session.pinned_prompt, session.pinned_prompt_html = prompt, moderation.render_markdown(prompt)
    await _publish_change(svc, session, session.room, "updated")
    return session
