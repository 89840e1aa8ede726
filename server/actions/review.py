"""Moderator decisions on queue items, with sanctions, notifications and the audit log.

Every decision runs in one transaction: the content change, the sanction, the
audit row and the author's notification are written together; live events
(removed/approved messages, notifications, socket closes) go out after commit.
Nothing is hard-deleted: removed content stays readable to moderators.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import search
from server.actions import targets
from server.actions.context import Services
from server.actions.mentions import notify_mentions
from server.actions.notifications import notify, notify_reply, notify_reporters
from server.auth import Viewer, require_staff, revoke_all_sessions, utcnow
from server.errors import Conflict, Forbidden, Invalid, NotFound
from server.events import MOD_CHANNEL, Event, EventBuffer, user_channel
from server.models.accounts import User
from server.models.moderation import AuditLog, QueueItem, Sanction
from server.models.posts import Post
from server.realtime import frames
from server.realtime.frames import CLOSE_POLICY
from server.validation import MAX_BODY, MAX_TITLE, clean_text, content_note, int_param, one_line

DECISIONS = ("check_in", "approve", "remove", "edit_approve", "warn", "mute", "suspend", "ban")
SANCTIONS = ("warn", "mute", "suspend", "ban")
MAX_DURATION = 365 * 86400
DELETED_MESSAGE = "Its writer deleted this, so there is nothing left to decide."


@dataclass(frozen=True)
class DecisionInput:
    action: str
    reason: str
    duration: int | None = None
    body: str | None = None  # edit_approve: the new text; check_in: the message to the writer
    content_note: str | None = None  # approve / edit_approve: the note the content is shown behind
    title: str | None = None  # edit_approve of a thread's first post: the new thread title


def parse_decision(action: object, reason: object, duration: object = None, body: object = None,
                   note: object = None, title: object = None) -> DecisionInput:
    if action not in DECISIONS:
        raise Invalid("action must be one of: " + ", ".join(DECISIONS) + ".", code="invalid_action", field="action")
    if action == "check_in":
        message = clean_text(body, "body", max_len=MAX_BODY, label="Your message")
        return DecisionInput("check_in", "", None, message)
    needs_reason = action not in ("approve", "edit_approve")
    reason_text = clean_text(reason, "reason", max_len=1000, required=needs_reason, label="Reason")
    seconds = None
    if action in ("mute", "suspend"):
        if duration is None or duration == "":
            raise Invalid("Please choose how long a mute or suspension lasts (duration, in seconds).", code="missing_field", field="duration")
        seconds = int_param(duration, "duration")
        if not 1 <= seconds <= MAX_DURATION:
            raise Invalid("Duration must be between 1 second and a year.", code="invalid_duration", field="duration")
    new_body = clean_text(body, "body", max_len=MAX_BODY) if action == "edit_approve" else None
    cn = content_note(note) if action in ("approve", "edit_approve") else None
    new_title = None
    if action == "edit_approve" and title is not None:
        new_title = one_line(clean_text(title, "title", max_len=MAX_TITLE))
    return DecisionInput(str(action), reason_text, seconds, new_body, cn, new_title)


# What a crisis item's content note names when the moderator gave none (by signal label).
CRISIS_NOTES = {"suicidal_ideation": "suicidal feelings", "self_harm": "self-harm",
                "concern_for_other": "worry about someone's safety"}


def crisis_note(item: QueueItem, given: str | None, current: str | None) -> str | None:
    """Approved crisis content is never shown raw: the moderator's note, the one it has, or one
    named from what moderation found."""
    if given:
        return given
    if current or item.source != "crisis":
        return current
    labels = [s.get("label") for s in item.signals if isinstance(s, dict) and s.get("kind") == "crisis"]
    return next((CRISIS_NOTES[label] for label in labels if label in CRISIS_NOTES), "suicide or self-harm")


def _check_authority(moderator: User, author: User | None, decision: DecisionInput) -> None:
    if author is not None and author.id == moderator.id:
        raise Forbidden("Another moderator needs to review your own content.", code="own_content")
    if decision.action in SANCTIONS and author is not None and author.is_staff and not moderator.is_admin:
        # Staff answer to admins: a moderator can't silence the colleague who might review them.
        raise Forbidden("Only an admin can sanction a moderator or an admin.", code="cannot_sanction_staff")


async def audit(actor: User, action: str, target_type: str, target_id: int | None, reason: str,
                **details: object) -> AuditLog:
    return await AuditLog.create(actor=actor, actor_handle=actor.handle, action=action, target_type=target_type,
                                 target_id=target_id, reason=reason, details=details)


async def apply_sanction(moderator: User, user: User, kind: str, reason: str, seconds: int | None,
                         room_id: int | None, events: EventBuffer) -> Sanction:
    """Record a warn/mute/suspend/ban and make it bite. Call inside a transaction."""
    expires = utcnow() + timedelta(seconds=seconds) if seconds else None
    sanction = await Sanction.create(user=user, kind=kind, reason=reason, expires_at=expires, created_by=moderator,
                                     room_id=room_id if kind == "mute" else None)
    if kind == "suspend":
        user.suspended_until = expires
        await user.save(update_fields=["suspended_until"])
    elif kind == "ban":
        user.banned = True
        await user.save(update_fields=["banned"])
        await revoke_all_sessions(user)
    if kind in ("suspend", "ban"):
        events.add(Event(user_channel(user.id), frames.close_command(
            CLOSE_POLICY, f"Your account was {kind}ed: {reason}"[:120])))
    return sanction


SANCTION_TEXT = {
    "warn": "Your {label} was removed and a moderator sent you a warning: {reason}",
    "mute": "Your {label} was removed and you are muted in {room} until {until}: {reason}",
    "suspend": "Your {label} was removed and your account is suspended until {until}: {reason}",
    "ban": "Your {label} was removed and your account has been banned: {reason}",
}


async def _claim(moderator: User, item: QueueItem, action: str) -> None:
    """Resolve the item, and any other open item on the same target, before acting.

    The conditional update is the lock: of two moderators deciding at once, the
    second finds nothing open and gets a 409 (its transaction rolls back).
    """
    now = utcnow()
    claimed = await QueueItem.filter(id=item.id, state="open").update(
        state="resolved", resolution=action, resolved_by_id=moderator.id, resolved_at=now)
    if not claimed:
        raise Conflict("Another moderator already decided on this item.", code="already_decided")
    # Reports and holds merge into one open item per target; a racing duplicate goes with it.
    await QueueItem.filter(target_type=item.target_type, target_id=item.target_id, state="open").update(
        state="resolved", resolution=action, resolved_by_id=moderator.id, resolved_at=now)


async def _decide_one(moderator: User, item: QueueItem, decision: DecisionInput, events: EventBuffer,
                      sanctioned: dict[int, int]) -> None:
    """Apply a decision to one item. ``sanctioned`` maps author id → sanction id already given in
    this batch, so a bulk ban of one spammer's ten posts bans once. Call inside a transaction."""
    target = await targets.load_target(item.target_type, item.target_id)
    if target is None:
        raise NotFound("That item no longer exists.")
    if target.status == "deleted":
        # Approving would publish what its writer took back (a phone number, a name).
        raise Conflict(DELETED_MESSAGE, code="deleted")
    author = target.author
    _check_authority(moderator, author, decision)
    action, reason = decision.action, decision.reason
    await _claim(moderator, item, action)
    approved = action in ("approve", "edit_approve")
    if approved:
        await _approve(target, item, decision, author, events)
    else:
        # remove, and every sanction: the decision goes against this content.
        await targets.set_status(target, "removed", reason, events)
    if target.kind == "post":
        await search.sync_posts([target.id])
    if approved and author is not None:
        await User.filter(id=author.id).update(approved_posts=F("approved_posts") + 1)
    sanction_id = None
    if action in SANCTIONS and author is not None:
        if author.id in sanctioned:
            sanction_id = sanctioned[author.id]
        else:
            sanction = await apply_sanction(moderator, author, action, reason, decision.duration,
                                            target.room.id, events)
            sanction_id = sanctioned[author.id] = sanction.id
    await audit(moderator, action, target.kind, target.id, reason, queue_item=item.id, room=target.room.slug,
                author=author.handle if author else None, duration=decision.duration, sanction=sanction_id)
    events.add(Event(MOD_CHANNEL, frames.resolved(item.id, action, moderator.handle)))
    await notify_reporters(item.target_type, item.target_id, moderator.id, events)
    if author is not None and not author.deleted:
        await notify(author, f"decision_{action}", _decision_text(target, decision), target.url(), events)


async def _approve(target: targets.Target, item: QueueItem, decision: DecisionInput, author: User | None,
                   events: EventBuffer) -> None:
    """Make the content visible (edited first for edit_approve) with the content note it needs."""
    if decision.action == "edit_approve":
        assert decision.body is not None
        await targets.replace_text(target, decision.body)
        if decision.title is not None:
            await targets.replace_title(target, decision.title)
    note = crisis_note(item, decision.content_note, target.row.content_note)
    if note != target.row.content_note:
        target.row.content_note = note
        await target.row.save(update_fields=["content_note"])
    was = target.status
    await targets.set_status(target, "visible", None, events)
    if was != "visible" and isinstance(target.row, Post) and not target.row.is_first and author is not None:
        # A held reply reaches the thread's writer only now that others can read it.
        await notify_reply(target.row, target.row.thread, author, events)
    if was != "visible" and author is not None:
        # So do the members it quotes or mentions.
        await notify_mentions(target.row, author, events, room=target.room,
                              thread=target.row.thread if isinstance(target.row, Post) else None)


def _decision_text(target: targets.Target, decision: DecisionInput) -> str:
    """What the writer is told about the decision on their content."""
    action, reason, label = decision.action, decision.reason, target.label()
    if action == "remove":
        return f"Your {label} was removed by a moderator: {reason}"
    if action in ("approve", "edit_approve"):
        return f"Your {label} was reviewed and is now visible." + (" A moderator edited it: " + reason if
                                                                   action == "edit_approve" and reason else "")
    until = (utcnow() + timedelta(seconds=decision.duration)).strftime("%Y-%m-%d %H:%M UTC") \
        if decision.duration else ""
    return SANCTION_TEXT[action].format(label=label, reason=reason, room=target.room.name, until=until)


async def access_open_item(viewer: Viewer, item_id: int) -> QueueItem:
    require_staff(viewer)
    item = await QueueItem.get_or_none(id=item_id)
    if item is None:
        raise NotFound("We couldn't find that queue item.")
    if item.state != "open":
        if item.resolution == "deleted":
            raise Conflict(DELETED_MESSAGE, code="deleted")
        raise Conflict("Another moderator already decided on this item.", code="already_decided")
    return item


async def do_decide(svc: Services, viewer: Viewer, item_ids: list[int], decision: DecisionInput) -> int:
    """Apply one decision to one or more open queue items (bulk for spam waves). Returns how many."""
    moderator = require_staff(viewer)
    if not item_ids or len(item_ids) > 200:
        raise Invalid("Choose between 1 and 200 items.", code="invalid_ids", field="ids")
    if decision.action == "check_in":
        from server.actions.checkins import do_check_in

        if len(item_ids) != 1:
            raise Invalid("A check-in goes to one person at a time.", code="invalid_action", field="action")
        await access_open_item(viewer, item_ids[0])
        await do_check_in(svc, viewer, item_ids[0], decision.body)
        return 1
    items = [await access_open_item(viewer, i) for i in dict.fromkeys(item_ids)]
    # Two open items on one target (a hold and a racing report) are one decision.
    by_target: dict[tuple[str, int], QueueItem] = {}
    for item in items:
        by_target.setdefault((item.target_type, item.target_id), item)
    events = EventBuffer()
    sanctioned: dict[int, int] = {}
    async with in_transaction():
        for item in by_target.values():
            await _decide_one(moderator, item, decision, events, sanctioned)
    await events.flush(svc.broker)
    return len(by_target)
