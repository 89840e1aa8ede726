"""Every piece of member text passes here on its way in: moderation.review,
then, when the decision asks for it, a review-queue item and a moderator alert.

Call ``enqueue`` inside the transaction that stores the content, and flush the
EventBuffer after commit.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import moderation
from moderation import Decision, ReviewContext, WatchedWord
from server.auth import utcnow
from server.errors import Invalid
from server.events import MOD_CHANNEL, Event, EventBuffer
from server.models.accounts import User
from server.models.moderation import QueueItem, Sanction, WatchedWordEntry
from server.models.rooms import Room
from server.realtime import frames


async def watched_words() -> tuple[WatchedWord, ...]:
    rows = await WatchedWordEntry.all().values_list("word", "action")
    return tuple(WatchedWord(word=w, action=a) for w, a in rows)


async def review_context(user: User, room: Room | None, *, first_in_room: bool) -> ReviewContext:
    age = (utcnow() - user.created_at).total_seconds() / 86400 if user.created_at else 0.0
    return ReviewContext(
        account_age_days=age,
        approved_posts=user.approved_posts,
        is_staff=user.is_staff,
        first_post_in_room=first_in_room,
        room_premoderate_new=bool(room and room.premoderate_new),
        watched_words=await watched_words(),
        crisis_hold="all" if room is not None and room.crisis_hold == "all" else "imminent",
    )


async def screen(user: User, room: Room | None, text: str, *, first_in_room: bool = False) -> Decision:
    return moderation.review(text, await review_context(user, room, first_in_room=first_in_room))


async def screen_field(user: User, room: Room | None, text: str, *, field: str, label: str) -> str:
    """Screen a member-written field that is shown without a queue (a bio, a room's texts).

    Such a field can't wait for a moderator, so anything review would reject or hold is refused
    with review's reasons. Returns the text to store (censored words already replaced).
    """
    if not text:
        return text
    decision = await screen(user, room, text)
    if decision.action in ("reject", "hold"):
        reasons = " ".join(decision.reasons) or "That can't be shown here."
        raise Invalid(f"{label} can't be saved as written. {reasons}", code="rejected", field=field)
    return decision.text


def signals_json(decision: Decision) -> list[dict[str, Any]]:
    return [{"kind": s.kind, "label": s.label, "match": s.match, "confidence": round(s.confidence, 2),
             "tier": s.tier, "rule": s.rule} for s in decision.signals]


def status_for(decision: Decision) -> str:
    return "held" if decision.action == "hold" else "visible"


def crisis_tier(decision: Decision) -> str | None:
    """"imminent" or "distress" when the text shows a crisis; None otherwise (topic talk included)."""
    return decision.crisis_tier if decision.crisis else None


def content_note_for(decision: Decision, member_note: str | None) -> str | None:
    """The writer's own note wins; crisis content gets moderation's note automatically."""
    if member_note:
        return member_note
    return decision.content_note if decision.crisis else None


async def enqueue(decision: Decision, *, target_type: str, target_id: int, room: Room | None,
                  author: User | None, events: EventBuffer, escalate_after: float) -> QueueItem | None:
    """Queue held or crisis content for a moderator and alert staff (crisis first).

    Held content waits for a decision. Distress that was published is queued too, so a
    moderator checks in with the writer. Imminent items carry a stored escalation deadline.
    """
    tier = crisis_tier(decision)
    if decision.action != "hold" and tier is None:
        return None
    source = "crisis" if tier else "held"
    escalate_at = utcnow() + timedelta(seconds=escalate_after) if tier == "imminent" else None
    item = await QueueItem.create(
        target_type=target_type, target_id=target_id, room=room, author=author, source=source,
        priority=decision.priority, signals=signals_json(decision), reasons=list(decision.reasons),
        tier=tier, escalate_at=escalate_at)
    events.add(Event(MOD_CHANNEL, frames.alert(
        item.id, source=source, priority=item.priority, target_type=target_type, target_id=target_id,
        room=room.slug if room else None, crisis=tier is not None, tier=tier)))
    return item


def help_for_user(user: User | None, accept_language: str | None) -> dict[str, Any]:
    """Crisis resources for the writer's country: profile first, then the browser's language."""
    country = (user.country if user else None) or moderation.country_from_accept_language(accept_language)
    return moderation.help_for(country)


async def active_sanction(user: User, kind: str, room: Room | None = None) -> Sanction | None:
    """The sanction of this kind in force now (room-scoped for mutes), if any."""
    now = utcnow()
    query = Sanction.filter(user_id=user.id, kind=kind, lifted_at=None)
    if room is not None:
        query = query.filter(room_id=room.id)
    for sanction in await query.order_by("-created_at"):
        if sanction.expires_at is None or sanction.expires_at > now:
            return sanction
    return None
