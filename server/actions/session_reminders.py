"""Reminders for live sessions a member RSVP'd to: 15 minutes before, and when it starts.

Each worker runs ``ReminderLoop`` from the app lifespan. Each reminder is claimed per RSVP
with a conditional UPDATE on its stored time (``reminded_at``, ``started_notified_at``), the
way crisis escalation claims ``escalated_at``: several workers or hosts polling the same
database send each reminder once. The notification goes through ``notifications.notify``,
so the member's settings (kind off, quiet hours) apply.

- "starts in 15 minutes": a scheduled session whose start is 15 minutes away or less (an
  RSVP made inside those 15 minutes is reminded at once, with the minutes left).
- "starting now": a session that went live (a facilitator started it); its RSVPs made before
  it started that have not been told are told, within a poll (about a second).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from server.actions.context import Services
from server.actions.notifications import notify
from server.auth import utcnow
from server.events import EventBuffer
from server.models.live import LiveSession, Rsvp

log = logging.getLogger("securebase.reminders")

LEAD = timedelta(minutes=15)
POLL_SECONDS = 1.0
BATCH = 200  # RSVPs handled per round; the rest wait for the next


def session_link(session: LiveSession) -> str:
    return f"/rooms/{session.room.slug}#session-{session.id}"


def soon_text(session: LiveSession, now: datetime) -> str:
    minutes = max(1, round((session.starts_at - now).total_seconds() / 60))
    when = f"in {minutes} minute{'s' if minutes != 1 else ''}"
    return f"“{session.title}” in {session.room.name} starts {when}."


def started_text(session: LiveSession) -> str:
    return f"“{session.title}” in {session.room.name} is starting now. Come and join."


async def _claim_and_notify(rsvp: Rsvp, column: str, kind: str, text: str, link: str,
                            events: EventBuffer, now: datetime, *, tell: bool = True) -> bool:
    """Claim one reminder (conditional update) and notify; False when another worker had it
    (or there is no one to tell: ``tell`` False, a deleted or banned account)."""
    won = await Rsvp.filter(id=rsvp.id, **{column: None}).update(**{column: now})
    if not won:
        return False
    user = rsvp.user
    if not tell or user.deleted or user.banned:
        return False
    await notify(user, kind, text, link, events)
    return True


async def remind_due(svc: Services, now: datetime | None = None) -> int:
    """Send every reminder that is due and not yet sent. Returns how many this process sent."""
    now = now or utcnow()
    soon = await Rsvp.filter(reminded_at=None, session__state="scheduled", session__starts_at__gt=now,
                             session__starts_at__lte=now + LEAD).limit(BATCH) \
        .prefetch_related("session", "session__room", "user")
    started = await Rsvp.filter(started_notified_at=None, session__state="live").limit(BATCH) \
        .prefetch_related("session", "session__room", "user")
    sent = 0
    for rsvp in soon:
        events = EventBuffer()
        async with in_transaction():
            sent += await _claim_and_notify(rsvp, "reminded_at", "session_soon", soon_text(rsvp.session, now),
                                            session_link(rsvp.session), events, now)
        await events.flush(svc.broker)
    for rsvp in started:
        events = EventBuffer()
        async with in_transaction():
            # A member told it is starting needs no "in 15 minutes" afterwards.
            await Rsvp.filter(id=rsvp.id, reminded_at=None).update(reminded_at=now)
            # Who said they'd come once it was already live is there, or on their way.
            before = rsvp.session.started_at is None or rsvp.created_at <= rsvp.session.started_at
            sent += await _claim_and_notify(rsvp, "started_notified_at", "session_started",
                                            started_text(rsvp.session), session_link(rsvp.session), events, now,
                                            tell=before)
        await events.flush(svc.broker)
    return sent


class ReminderLoop:
    """One per worker, started in the app lifespan: poll, remind, never crash."""

    def __init__(self, svc: Services, interval: float = POLL_SECONDS) -> None:
        self.svc = svc
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(BaseException):
            await self._task
        self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await remind_due(self.svc)
            except asyncio.CancelledError:
                raise
            except Exception:  # the next round retries; what was sent is stored
                log.exception("session reminder round failed")
