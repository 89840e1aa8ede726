"""Check-ins: a moderator writes privately to someone whose words showed a crisis,
and the writer can answer. The conversation stays on the queue item.

A check-in on published (distress) content resolves its queue item: the check-in
was what it needed. On held content the item stays open for approve or remove,
and the check-in counts as acknowledging it ("a moderator is reading it").
"""
from __future__ import annotations

from tortoise.transactions import in_transaction

import moderation
from moderation import Decision
from server.actions import crisis_alerts, screening, targets
from server.actions.context import Services
from server.actions.notifications import notify, notify_reporters
from server.actions.review import audit
from server.auth import Viewer, require_active, require_staff, utcnow
from server.db import column
from server.errors import Forbidden, Invalid, NotFound
from server.events import MOD_CHANNEL, Event, EventBuffer
from server.models.accounts import User
from server.models.moderation import CheckIn, QueueItem
from server.realtime import frames
from server.validation import clean_text

MAX_CHECKIN = 4000


def _preview(text: str, size: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"


async def access_care_item(viewer: Viewer, item_id: int) -> tuple[QueueItem, targets.Target]:
    """A queue item with a writer, for that writer or staff; anyone else gets a 404."""
    item = await QueueItem.get_or_none(id=item_id)
    target = await targets.load_target(item.target_type, item.target_id) if item else None
    if item is None or target is None or target.author is None:
        raise NotFound("We couldn't find that conversation.")
    if not (viewer.is_staff or target.is_by(viewer.user)):
        raise NotFound("We couldn't find that conversation.")
    return item, target


async def do_check_in(svc: Services, viewer: Viewer, item_id: int, body: object) -> CheckIn:
    """A moderator's private message to the writer of a queue item."""
    moderator = require_staff(viewer)
    text = clean_text(body, "body", max_len=MAX_CHECKIN, label="Message")
    item, target = await access_care_item(viewer, item_id)
    writer = target.author
    assert writer is not None
    if writer.id == moderator.id:
        raise Forbidden("Another moderator needs to check in on your own content.", code="own_content")
    if writer.deleted:
        raise Invalid("This member has deleted their account.", code="account_gone")
    events = EventBuffer()
    now = utcnow()
    async with in_transaction():
        message = await CheckIn.create(item=item, writer=writer, sender=moderator, from_staff=True, body=text,
                                       body_html=moderation.render_markdown(text))
        # A check-in acknowledges the item, unless someone already said "I'm on it".
        acked_now = item.acked_at is None and await crisis_alerts.claim_ack(item, moderator, now)
        resolved = False
        if item.state == "open" and target.status == "visible":
            resolved = bool(await QueueItem.filter(id=item.id, state="open").update(
                state="resolved", resolution="check_in", resolved_by_id=moderator.id, resolved_at=now))
        await audit(moderator, "check_in", target.kind, target.id, "", queue_item=item.id,
                    room=target.room.slug, author=writer.handle)
        await notify(writer, "checkin", f"A moderator wrote to you about your {target.label()}: "
                     f"“{_preview(text)}”", f"/care/{item.id}", events)
        if acked_now:
            events.add(crisis_alerts.ack_event(item, moderator.handle, now, checked_in=True))
        if resolved:
            events.add(Event(MOD_CHANNEL, frames.resolved(item.id, "check_in", moderator.handle)))
            await notify_reporters(item.target_type, item.target_id, moderator.id, events)
    await events.flush(svc.broker)
    return message


async def _staff_in_conversation(item: QueueItem) -> list[User]:
    ids: set[int | None] = set(await column(CheckIn.filter(item_id=item.id, from_staff=True), "sender_id"))
    if item.acked_by_id:
        ids.add(item.acked_by_id)
    ids.discard(None)
    return [u for u in await User.filter(id__in=list(ids)) if u.is_staff and not u.deleted]


async def do_answer(svc: Services, viewer: Viewer, item_id: int, body: object) -> tuple[CheckIn, Decision]:
    """The writer answers a check-in, or a moderator writes again. The writer's words are
    screened like any post, so crisis language there shows help again and alerts staff."""
    user = require_active(viewer)
    text = clean_text(body, "body", max_len=MAX_CHECKIN, label="Message")
    item, target = await access_care_item(viewer, item_id)
    writer = target.author
    assert writer is not None
    staff_side = viewer.is_staff and not target.is_by(user)
    if not staff_side and not await CheckIn.filter(item_id=item.id, from_staff=True).exists():
        raise Forbidden("You can answer once a moderator has written to you.", code="no_checkin")
    decision = await screening.screen(user, target.room, text)
    events = EventBuffer()
    async with in_transaction():
        message = await CheckIn.create(item=item, writer=writer, sender=user, from_staff=staff_side,
                                       body=decision.text, body_html=moderation.render_markdown(decision.text))
        if staff_side:
            await notify(writer, "checkin", f"A moderator wrote to you again: “{_preview(decision.text)}”",
                         f"/care/{item.id}", events)
        else:
            for moderator in await _staff_in_conversation(item):
                await notify(moderator, "checkin_answer", f"{writer.handle} answered your check-in.",
                             f"/care/{item.id}", events)
            if decision.crisis:
                events.add(Event(MOD_CHANNEL, frames.alert(
                    item.id, source="crisis", priority=decision.priority, target_type=item.target_type,
                    target_id=item.target_id, room=target.room.slug, crisis=True, tier=decision.crisis_tier,
                    answer=True)))
    await events.flush(svc.broker)
    return message, decision
