"""Crisis care that never leaves anyone alone: acknowledgement and escalation.

- ``do_ack``: a moderator says "I'm on it". Set once (the first acker wins and
  stays), audited, announced to every staff page (``ack`` on the mod channel)
  and to the writer (``care`` on their user channel).
- ``escalate_due``: imminent items nobody acknowledged by their stored
  deadline (``escalate_at``) are escalated once: a mod-channel alert, a
  notification to every admin, and the operator webhook. The conditional
  UPDATE on ``escalated_at`` is the lock, so several workers or hosts polling
  the same database send one escalation per item.
- ``EscalationLoop``: the cheap poll each worker runs from the app lifespan.

Frames (mod channel): ``ack {queue_id, by, at}``; escalation
``alert {queue_id, tier: "imminent", crisis: true, escalated: true, age_seconds, room, ...}``.
User channel: ``care {queue_id, state: "reading"}``.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.actions import notifications, review
from server.actions.context import Services
from server.auth import Viewer, require_staff, utcnow
from server.errors import Conflict, Forbidden, NotFound
from server.events import MOD_CHANNEL, Event, EventBuffer, user_channel
from server.models.accounts import User
from server.models.moderation import QueueItem
from server.realtime import frames
from server.serializers import iso
from server.settings import Settings

log = logging.getLogger("securebase.crisis")

CRISIS_TIERS = ("imminent", "distress")
WEBHOOK_TIMEOUT = 5.0  # seconds: a slow receiver must not hold up the next escalation
BATCH = 50  # due items handled per poll; the rest wait for the next round


def crisis_filter() -> Q:
    """Crisis items: held by the crisis detector, or given a tier (imminent or distress)."""
    return Q(source="crisis") | Q(tier__in=CRISIS_TIERS)


def is_crisis(item: QueueItem) -> bool:
    return item.source == "crisis" or item.tier in CRISIS_TIERS


async def open_crisis_count() -> int:
    """Open crisis items, for the staff nav badge and the site socket's hello. One query."""
    return await QueueItem.filter(crisis_filter(), state="open").count()


def item_link(item_id: int) -> str:
    return f"/mod#item-{item_id}"


def absolute_link(settings: Settings, item_id: int) -> str:
    """Absolute when the public origin is configured, else site-relative."""
    base = (settings.site_url or "").rstrip("/")
    return base + item_link(item_id)


# --- acknowledgement ------------------------------------------------------------------------


@dataclass(frozen=True)
class Ack:
    item: QueueItem
    by: str  # the first acker's handle
    at: datetime
    first: bool  # False: someone had already acknowledged it; nothing changed


async def do_ack(svc: Services, viewer: Viewer, item_id: int) -> QueueItem:
    """Acknowledge an open queue item. Returns the item with ``acked_by`` loaded.

    Idempotent: a second acknowledgement (by anyone) changes nothing and returns
    the item as the first acker left it. Resolved items: 409; missing: 404.
    """
    return (await ack(svc, viewer, item_id)).item


async def claim_ack(item: QueueItem, moderator: User, now: datetime) -> bool:
    """Record the first "I'm on it" on an open item, audited. Call inside a transaction.

    The conditional update is the lock: of two moderators at once, one wins; False for the other.
    """
    won = await QueueItem.filter(id=item.id, state="open", acked_at=None).update(
        acked_by_id=moderator.id, acked_at=now)
    if won:
        await review.audit(moderator, "ack", item.target_type, item.target_id, "", queue_item=item.id)
    return bool(won)


def ack_event(item: QueueItem, by: str, at: datetime, *, checked_in: bool = False) -> Event:
    """The mod-channel frame every staff page turns into "Cara is on it"."""
    return Event(MOD_CHANNEL, frames.ack(item.id, by, iso(at), crisis=is_crisis(item), checked_in=checked_in))


async def ack(svc: Services, viewer: Viewer, item_id: int) -> Ack:
    moderator = require_staff(viewer)
    item = await QueueItem.get_or_none(id=item_id)
    if item is None:
        raise NotFound("We couldn't find that queue item.")
    if item.author_id is not None and item.author_id == moderator.id:
        raise Forbidden("Another moderator needs to look after your own post.", code="own_content")
    if item.state != "open":
        raise Conflict("This item was already resolved.", code="already_resolved")
    events = EventBuffer()
    now = utcnow()
    async with in_transaction():
        won = await claim_ack(item, moderator, now)
    await item.refresh_from_db()
    if not won:
        if item.acked_at is None:  # resolved between our read and the update
            raise Conflict("This item was already resolved.", code="already_resolved")
        await item.fetch_related("acked_by")
        first_handle = item.acked_by.handle if item.acked_by is not None else "a moderator"
        return Ack(item, first_handle, item.acked_at, first=False)
    await item.fetch_related("acked_by")
    at = item.acked_at or now
    events.add(ack_event(item, moderator.handle, at))
    # Only crisis writers are told: for a reported post it would reveal that someone reported it.
    if item.author_id is not None and is_crisis(item):
        events.add(Event(user_channel(item.author_id), frames.care(item.id, "reading")))
    await events.flush(svc.broker)
    return Ack(item, moderator.handle, at, first=True)


# --- escalation -----------------------------------------------------------------------------


def _age_seconds(item: QueueItem, now: datetime) -> int:
    return max(0, int((now - item.created_at).total_seconds())) if item.created_at else 0


async def _escalate_one(svc: Services, item: QueueItem, now: datetime) -> dict[str, Any] | None:
    """Claim and escalate one item; the webhook body when this process won, else None."""
    events = EventBuffer()
    room = item.room.slug if item.room else None
    age = _age_seconds(item, now)
    link = item_link(item.id)
    async with in_transaction():
        won = await QueueItem.filter(id=item.id, escalated_at=None, acked_at=None, state="open").update(
            escalated_at=now)
        if won != 1:
            return None
        minutes = max(1, round(age / 60))
        where = f" in {room}" if room else ""
        text = (f"A crisis post{where} has waited {minutes} minute{'s' if minutes != 1 else ''} "
                "without a moderator acknowledging it. Please look now.")
        admins = User.filter(role="admin", banned=False, deleted=False)
        if item.author_id is not None:
            admins = admins.exclude(id=item.author_id)  # an admin in crisis is not paged about themselves
        for admin in await admins:
            await notifications.notify(admin, "crisis_escalated", text, link, events)
    events.add(Event(MOD_CHANNEL, frames.alert(
        item.id, source=item.source, priority=item.priority, target_type=item.target_type,
        target_id=item.target_id, room=room, crisis=True, tier="imminent", escalated_after=age)))
    await events.flush(svc.broker)
    log.warning("crisis item %s unacknowledged for %ss: escalated", item.id, age)
    return {"event": "crisis_unacknowledged", "item_id": item.id, "room": room, "age_seconds": age,
            "url": absolute_link(svc.settings, item.id)}


async def escalate_due(svc: Services, http: httpx.AsyncClient | None = None,
                       now: datetime | None = None) -> int:
    """Escalate every due, unacknowledged imminent item once. Returns how many this process sent."""
    now = now or utcnow()
    due = await QueueItem.filter(state="open", tier="imminent", acked_at=None, escalated_at=None,
                                 escalate_at__lte=now).order_by("escalate_at").limit(BATCH) \
        .prefetch_related("room")
    sent = 0
    for item in due:
        body = await _escalate_one(svc, item, now)
        if body is None:
            continue
        sent += 1
        if svc.settings.alert_webhook_url and http is not None:
            await post_webhook(http, svc.settings.alert_webhook_url, body)
    return sent


async def post_webhook(http: httpx.AsyncClient, url: str, body: dict[str, Any]) -> bool:
    """POST the escalation to the operator's webhook; log failures (never the post text)."""
    try:
        response = await http.post(url, json=body, timeout=WEBHOOK_TIMEOUT)
    except httpx.HTTPError as exc:
        log.error("alert webhook failed for crisis item %s: %s: %s", body["item_id"], type(exc).__name__,
                  str(exc)[:200] or "no detail")
        return False
    if response.status_code >= 300:
        log.error("alert webhook for crisis item %s answered HTTP %s", body["item_id"], response.status_code)
        return False
    return True


class EscalationLoop:
    """One per worker, started in the app lifespan: poll for due items, escalate, never crash."""

    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self._task: asyncio.Task[None] | None = None

    @property
    def interval(self) -> float:
        return max(0.1, min(1.0, float(self.svc.settings.crisis_escalate_after) / 4))

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
        async with httpx.AsyncClient(follow_redirects=False) as http:
            while True:
                await asyncio.sleep(self.interval)
                try:
                    await escalate_due(self.svc, http)
                except asyncio.CancelledError:
                    raise
                except Exception:  # the next round retries; the deadline is stored
                    log.exception("crisis escalation round failed")
