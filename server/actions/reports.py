"""Member reports: one per member per item; enough trusted reporters hide the item for review."""
from __future__ import annotations

from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from server.actions import targets
from server.actions.context import Services
from server.actions.screening import active_sanction
from server.auth import Viewer, require_active, utcnow
from server.errors import Conflict, Invalid
from server.events import MOD_CHANNEL, Event, EventBuffer
from server.models.accounts import User
from server.models.moderation import REPORT_REASONS, QueueItem, Report, Sanction
from server.realtime import frames
from server.validation import clean_text, int_param

REASON_LABELS = {
    "harassment": "Harassment or abuse", "crisis_concern": "I'm worried this person may be in danger",
    "spam": "Spam", "personal_info": "Shares someone's personal information", "off_topic": "Off-topic",
    "other": "Something else",
}
PRIORITY = {"crisis_concern": 100, "harassment": 50, "personal_info": 40, "spam": 20,
            "off_topic": 10, "other": 10}


async def is_trusted_reporter(svc: Services, user: User) -> bool:
    """Whose reports count toward hiding an item before review.

    Staff always; members whose account is older than
    SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS (default 24) and who are not
    muted, suspended or banned. Newer accounts' reports still reach the
    queue; they just can't hide content on their own (brigading guard).
    """
    if user.is_staff:
        return True
    if user.banned or (user.suspended_until and user.suspended_until > utcnow()):
        return False
    if await active_sanction(user, "mute"):
        return False
    min_age = timedelta(hours=svc.settings.trusted_reporter_min_age_hours)
    return utcnow() - user.created_at >= min_age


def _trusted_reporter_q(svc: Services) -> Q:
    """``is_trusted_reporter`` as a query condition on a report's reporter (the same rules)."""
    now = utcnow()
    muted = Sanction.filter(kind="mute", lifted_at=None) \
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now)).values("user_id")
    min_age = timedelta(hours=svc.settings.trusted_reporter_min_age_hours)
    ordinary = Q(reporter__banned=False) \
        & (Q(reporter__suspended_until__isnull=True) | Q(reporter__suspended_until__lte=now)) \
        & Q(reporter__created_at__lte=now - min_age) & ~Q(reporter_id__in=Subquery(muted))
    return Q(reporter__role__in=["moderator", "admin"]) | ordinary


async def trusted_reporters_since_review(svc: Services, target: targets.Target) -> int:
    """Distinct trusted reporters since a moderator last decided on this item.

    Reports a moderator already weighed (e.g. before approving) don't count
    again, so one new report can't re-hide approved content. One COUNT query
    (a member reports an item once), so the hundredth report costs what the
    first did.
    """
    last = await QueueItem.filter(target_type=target.kind, target_id=target.id, state="resolved") \
        .order_by("-resolved_at").first()
    query = Report.filter(target_type=target.kind, target_id=target.id, reporter_id__isnull=False)
    if last is not None and last.resolved_at is not None:
        query = query.filter(created_at__gt=last.resolved_at)
    return await query.filter(_trusted_reporter_q(svc)).count()


async def open_item_for(target: targets.Target) -> QueueItem | None:
    return await QueueItem.filter(target_type=target.kind, target_id=target.id, state="open").first()


async def do_report(svc: Services, viewer: Viewer, *, target_type: object, target_id: object,
                    reason: object, note: object = None) -> tuple[Report, bool]:
    """File a report. Returns (report, hidden_now)."""
    user = require_active(viewer)
    await svc.limiter.check(svc.settings.report_rate, f"report:{user.id}",
                            message="You've sent a lot of reports. Please wait a little.")
    kind = targets.check_target_type(target_type)
    tid = int_param(target_id, "target_id")
    if reason not in REPORT_REASONS:
        raise Invalid("Please choose a reason: " + ", ".join(REPORT_REASONS) + ".", code="invalid_reason",
                      field="reason")
    note_text = clean_text(note, "note", max_len=1000, required=False, label="Note")
    if reason == "other" and not note_text:
        raise Invalid("Please say a few words about what's wrong.", code="note_required", field="note")
    target = await targets.access_reportable(viewer, kind, tid)
    if target.is_by(user):
        raise Invalid("You can't report your own words. You can edit or delete them instead.",
                      code="own_content")
    events = EventBuffer()
    hidden_now = False
    try:
        async with in_transaction():
            report = await Report.create(reporter=user, target_type=kind, target_id=tid, reason=reason,
                                         note=note_text)
            item = await open_item_for(target)
            priority = PRIORITY[str(reason)]
            if item is None:
                item = await QueueItem.create(target_type=kind, target_id=tid, room=target.room,
                                              author=target.author, source="reported", priority=priority)
            elif priority > item.priority:
                item.priority = priority
                await item.save(update_fields=["priority"])
            if target.status == "visible" and \
                    await trusted_reporters_since_review(svc, target) >= target.room.report_threshold:
                await targets.set_status(target, "hidden", "Hidden after reports, pending review.", events)
                hidden_now = True
            events.add(Event(MOD_CHANNEL, frames.alert(
                item.id, source="reported", priority=item.priority, target_type=kind, target_id=tid,
                room=target.room.slug, crisis=reason == "crisis_concern", hidden=hidden_now)))
    except IntegrityError:
        raise Conflict("You've already reported this. Thank you — a moderator will look at it.",
                       code="already_reported") from None
    await events.flush(svc.broker)
    return report, hidden_now
