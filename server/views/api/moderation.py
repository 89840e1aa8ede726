"""JSON API: reports, the moderator queue and decisions, audit log, blocks, watched words, notifications."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server import mod_reading, serializers
from server.actions import members, reports, review, watchwords
from server.auth import require_admin, require_staff, require_user
from server.errors import Invalid
from server.models.moderation import Notification, WatchedWordEntry
from server.validation import json_body, parse_int
from server.views.api import openapi
from server.views.common import json, path_int, services, viewer


async def create_report(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, {"target_type", "target_id", "reason", "note"},
                           {"target_type", "target_id", "reason"})
    report, hidden = await reports.do_report(services(request), v, target_type=data["target_type"],
                                             target_id=data["target_id"], reason=data["reason"],
                                             note=data.get("note"))
    return json({"id": report.id, "status": "received", "hidden": hidden}, 201)


async def queue(request: Request) -> JSONResponse:
    v = await viewer(request)
    params = {k: val for k, val in request.query_params.items() if k in mod_reading.QUEUE_FILTERS}
    return json({"items": await mod_reading.open_queue(v, params)})


async def decide(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_staff(v)
    data = await json_body(request, {"action", "reason", "duration", "body", "content_note", "title"}, {"action"})
    decision = review.parse_decision(data["action"], data.get("reason"), data.get("duration"), data.get("body"),
                                     data.get("content_note"), data.get("title"))
    count = await review.do_decide(services(request), v, [path_int(request, "id")], decision)
    return json({"decided": count, "action": decision.action})


MAX_BULK = 200


def _queue_ids(raw: object) -> list[int]:
    """A JSON list of queue item ids: integers (not strings or floats) that fit the id column."""
    parsed = [parse_int(i) if isinstance(i, int) else None for i in raw] if isinstance(raw, list) else [None]
    ids = [i for i in parsed if i is not None]
    if len(ids) != len(parsed) or len(ids) > MAX_BULK:
        raise Invalid(f"ids must be a list of at most {MAX_BULK} queue item ids.", code="wrong_type", field="ids")
    return ids


async def bulk(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_staff(v)
    data = await json_body(request, {"ids", "action", "reason", "duration"}, {"ids", "action"})
    ids = _queue_ids(data["ids"])
    if data["action"] == "edit_approve":
        raise Invalid("Edit-and-approve works on one item at a time.", code="invalid_action", field="action")
    decision = review.parse_decision(data["action"], data.get("reason"), data.get("duration"))
    count = await review.do_decide(services(request), v, ids, decision)
    return json({"decided": count, "action": decision.action})


async def audit(request: Request) -> JSONResponse:
    v = await viewer(request)
    entries, cursor = await mod_reading.audit_page(v, dict(request.query_params))
    return json({"entries": entries, "next_cursor": cursor})


async def block(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, {"handle"}, {"handle"})
    other = await members.do_block(v, data["handle"])
    return json({"blocked": other.handle}, 201)


async def unblock(request: Request) -> Response:
    v = await viewer(request)
    require_user(v)
    await members.do_unblock(v, request.path_params["handle"])
    return Response(status_code=204)


async def list_words(request: Request) -> JSONResponse:
    require_admin(await viewer(request))
    rows = await WatchedWordEntry.all().order_by("word")
    return json({"words": [{"id": w.id, "word": w.word, "action": w.action} for w in rows]})


async def add_word(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_admin(v)
    data = await json_body(request, {"word", "action"}, {"word", "action"})
    entry = await watchwords.do_add_watched_word(v, data["word"], data["action"])
    return json({"id": entry.id, "word": entry.word, "action": entry.action}, 201)


async def remove_word(request: Request) -> Response:
    v = await viewer(request)
    await watchwords.do_remove_watched_word(v, path_int(request, "id"))
    return Response(status_code=204)


UNREAD_VALUES = {"1": True, "true": True, "0": False, "false": False, "": False}


async def notifications(request: Request) -> JSONResponse:
    user = require_user(await viewer(request))
    unread_only = UNREAD_VALUES.get(request.query_params.get("unread", "").lower())
    if unread_only is None:
        raise Invalid("unread must be 1 or 0.", code="invalid_unread", field="unread")
    query = Notification.filter(user_id=user.id)
    if unread_only:
        query = query.filter(read_at=None)
    rows = await query.order_by("-id").limit(50)
    return json({"notifications": [serializers.notification(n) for n in rows],
                 "unread": await members.unread_notifications(user.id)})


def _notification_ids(raw: object) -> list[int]:
    """A JSON list of notification ids (integers that fit the id column)."""
    parsed = [parse_int(i) if isinstance(i, int) and not isinstance(i, bool) else None for i in raw] \
        if isinstance(raw, list) else [None]
    ids = [i for i in parsed if i is not None]
    if len(ids) != len(parsed) or len(ids) > MAX_BULK:
        raise Invalid(f"ids must be a list of at most {MAX_BULK} notification ids.", code="wrong_type", field="ids")
    return ids


async def mark_read(request: Request) -> JSONResponse:
    v = await viewer(request)
    me = require_user(v)
    data = await json_body(request, {"ids", "all"})
    # An empty body marks all, as it always has.
    if "ids" in data and "all" in data:
        raise Invalid("Send either ids (a list) or all: true, not both.", code="invalid_field", field="ids")
    if "all" in data and data["all"] is not True:
        raise Invalid("all must be true.", code="wrong_type", field="all")
    ids = _notification_ids(data["ids"]) if "ids" in data else None
    marked = await members.do_mark_notifications_read(v, ids)
    return json({"marked": marked, "unread": await members.unread_notifications(me.id)})


openapi.register(
    ("post", "/api/reports", "Report a post or chat message", {"target_type": "string", "target_id": "integer",
                                                               "reason": "string", "note": "string?"}, 201, True),
    ("get", "/api/mod/queue", "Review queue, crisis and priority first; filter by room, target_type, target_id "
     "(staff)", None, 200, True),
    ("post", "/api/mod/queue/{id}/decide", "Decide on a queue item (staff): check_in (body = the message to the "
     "writer), approve, edit_approve (body), remove, warn, mute, suspend, ban",
     {"action": "string", "reason": "string?", "duration": "integer?", "body": "string?",
      "content_note": "string?"}, 200, True),
    ("post", "/api/mod/queue/bulk", "One decision for many items (staff)",
     {"ids": "array", "action": "string", "reason": "string?", "duration": "integer?"}, 200, True),
    ("get", "/api/mod/audit", "Audit log, filter by actor/action/target_type (admin)", None, 200, True),
    ("post", "/api/blocks", "Block a member", {"handle": "string"}, 201, True),
    ("delete", "/api/blocks/{handle}", "Unblock a member", None, 204, True),
    ("get", "/api/admin/watched-words", "Watched words (admin)", None, 200, True),
    ("post", "/api/admin/watched-words", "Add a watched word (admin)", {"word": "string", "action": "string"}, 201, True),
    ("delete", "/api/admin/watched-words/{id}", "Remove a watched word (admin)", None, 204, True),
    ("get", "/api/notifications", "Your notifications, newest first (?unread=1: only unread ones)", None, 200, True),
    ("post", "/api/notifications/read", "Mark notifications read: {ids: [..]} or {all: true}",
     {"ids": "array?", "all": "boolean?"}, 200, True),
)

routes = [
    Route("/api/reports", create_report, methods=["POST"]),
    Route("/api/mod/queue", queue, methods=["GET"]),
    Route("/api/mod/queue/bulk", bulk, methods=["POST"]),
    Route("/api/mod/queue/{id}/decide", decide, methods=["POST"]),
    Route("/api/mod/audit", audit, methods=["GET"]),
    Route("/api/blocks", block, methods=["POST"]),
    Route("/api/blocks/{handle}", unblock, methods=["DELETE"]),
    Route("/api/admin/watched-words", list_words, methods=["GET"]),
    Route("/api/admin/watched-words", add_word, methods=["POST"]),
    Route("/api/admin/watched-words/{id}", remove_word, methods=["DELETE"]),
    Route("/api/notifications", notifications, methods=["GET"]),
    Route("/api/notifications/read", mark_read, methods=["POST"]),
]
