"""What moderators read: the review queue with context, and the audit log."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.expressions import Q

from server import access, care, care_templates
from server.actions import targets
from server.auth import Viewer, require_admin, require_staff, utcnow
from server.errors import BadRequest
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.moderation import AuditLog, CheckIn, QueueItem, Report, Sanction
from server.models.posts import Post
from server.serializers import iso
from server.validation import is_slug, parse_int

TIER_TEXT = {"imminent": "a plan, means or a time: held until a moderator decides",
             "distress": "distress without a plan: published behind a content note, waiting for a check-in"}


def age_text(when: datetime) -> str:
    """'just now', '12 min ago', '3 h ago', '2 days ago' (the page also shows the exact time)."""
    seconds = max(0, int((utcnow() - when).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    days = seconds // 86400
    return f"{days} day{'s' if days != 1 else ''} ago"


async def _context(target: targets.Target, viewer: Viewer) -> dict[str, Any]:
    """The thread title, or the chat lines around a message, as this moderator may read them."""
    if isinstance(target.row, Post):
        return {"thread_id": target.row.thread_id, "thread_title": access.title(target.row.thread, viewer),
                "is_first": target.row.is_first}
    seq = target.row.seq
    reader = access.as_reader(viewer)
    around = await ChatMessage.filter(room_id=target.room.id, seq__gte=seq - 6, seq__lte=seq + 6) \
        .filter(access.rows_q(access.Kind.MESSAGE, reader) | Q(id=target.id)) \
        .order_by("seq").prefetch_related("author")
    return {"chat": [{"id": m.id, "seq": m.seq, "author": m.author.handle if m.author else None,
                      "body": m.body, "status": m.status, "is_target": m.id == target.id} for m in around]}


async def queue_entry(item: QueueItem, viewer: Viewer) -> dict[str, Any] | None:
    target = await targets.load_target(item.target_type, item.target_id)
    if target is None:
        return None
    reports = await Report.filter(target_type=item.target_type, target_id=item.target_id) \
        .order_by("id").prefetch_related("reporter")
    history = []
    if target.author is not None:
        history = [{"kind": s.kind, "reason": s.reason, "created_at": iso(s.created_at),
                    "expires_at": iso(s.expires_at)}
                   for s in await Sanction.filter(user_id=target.author.id).order_by("-id").limit(10)]
    acker = await User.get_or_none(id=item.acked_by_id) if item.acked_by_id else None
    messages = await CheckIn.filter(item_id=item.id).order_by("id").prefetch_related("sender")
    return {
        "id": item.id, "source": item.source, "priority": item.priority, "state": item.state,
        "crisis": item.source == "crisis" or any(r.reason == "crisis_concern" for r in reports),
        "tier": item.tier, "tier_text": TIER_TEXT.get(item.tier or "", ""),
        "age_seconds": int((utcnow() - item.created_at).total_seconds()), "age": age_text(item.created_at),
        "acked_by": acker.handle if acker else None, "acked_at": iso(item.acked_at),
        "escalated_at": iso(item.escalated_at), "room_name": target.room.name,
        "checkins": [care.checkin_json(m) for m in messages],
        "checkin_templates": care_templates.for_writer(target.author.handle) if target.author else [],
        "created_at": iso(item.created_at), "signals": item.signals, "reasons": item.reasons,
        "target": targets.preview(target), "context": await _context(target, viewer),
        "reports": [{"reason": r.reason, "note": r.note, "reporter": r.reporter.handle if r.reporter else None,
                     "created_at": iso(r.created_at)} for r in reports],
        "author_history": history,
    }


QUEUE_FILTERS = ("room", "target_type", "target_id")


async def open_queue(viewer: Viewer, params: dict[str, str] | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Open items, crisis and priority first. ``params`` may narrow to a room or one target."""
    require_staff(viewer)
    params = params or {}
    query = QueueItem.filter(state="open")
    if params.get("room"):
        if not is_slug(params["room"]):
            raise BadRequest("room must be a room's slug.", code="invalid_room")
        query = query.filter(room__slug=params["room"])
    if params.get("target_type"):
        query = query.filter(target_type=targets.check_target_type(params["target_type"]))
    if params.get("target_id"):
        target_id = parse_int(params["target_id"])
        if target_id is None:
            raise BadRequest("target_id must be a whole number.", code="invalid_target_id")
        query = query.filter(target_id=target_id)
    items = await query.order_by("-priority", "id").limit(limit)
    out: list[dict[str, Any]] = []
    by_target: dict[tuple[str, int], dict[str, Any]] = {}
    for item in items:
        key = (item.target_type, item.target_id)
        if key in by_target:
            # A second open item on the same target (e.g. a report racing a hold):
            # show one entry; deciding it resolves both.
            first = by_target[key]
            first["crisis"] = first["crisis"] or item.source == "crisis"
            first["signals"] = first["signals"] + [s for s in item.signals if s not in first["signals"]]
            first["reasons"] = first["reasons"] + [r for r in item.reasons if r not in first["reasons"]]
            continue
        entry = await queue_entry(item, viewer)
        if entry is not None:
            by_target[key] = entry
            out.append(entry)
    # Crisis first, whatever priority a report gave it.
    out.sort(key=lambda e: (not e["crisis"], -e["priority"], e["id"]))
    return out


AUDIT_FILTERS = ("actor", "action", "target_type")


async def audit_page(viewer: Viewer, params: dict[str, str], limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
    require_admin(viewer)
    query = AuditLog.all()
    if params.get("actor"):
        query = query.filter(actor_handle__iexact=params["actor"][:32])
    if params.get("action"):
        query = query.filter(action=params["action"][:32])
    if params.get("target_type"):
        query = query.filter(target_type=params["target_type"][:16])
    raw_cursor = params.get("cursor")
    if raw_cursor:
        cursor = parse_int(raw_cursor)
        if cursor is None:
            raise BadRequest("That page link isn't valid.", code="invalid_cursor")
        query = query.filter(id__lt=cursor)
    rows = await query.order_by("-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    entries = [{"id": r.id, "actor": r.actor_handle, "action": r.action, "target_type": r.target_type,
                "target_id": r.target_id, "reason": r.reason, "details": r.details,
                "created_at": iso(r.created_at)} for r in rows]
    return entries, (str(rows[-1].id) if more and rows else None)
