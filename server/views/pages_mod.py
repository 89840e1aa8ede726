"""Pages: the help directory, reporting, blocking, notifications, the moderator queue and audit log."""
from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import moderation
from server import mod_reading, serializers
from server.actions import members, reports, review
from server.actions.screening import help_for_user
from server.auth import require_staff, require_user
from server.errors import AppError, Invalid
from server.models.moderation import Notification
from server.models.posts import Thread
from server.templating import render
from server.validation import parse_int
from server.views.common import path_int, services, viewer
from server.views.forms import form_data


async def help_page(request: Request) -> Response:
    """The whole directory, with the visitor's own country first (``?country=`` lets anyone switch)."""
    v = await viewer(request)
    directory = moderation.directory()
    chosen = request.query_params.get("country", "").upper()
    if chosen in directory["countries"]:
        mine = moderation.help_for(chosen)
    else:
        mine = help_for_user(v.user, request.headers.get("accept-language"))
    return render(request, "help.html", {"directory": directory, "mine": mine})


async def report(request: Request) -> Response:
    """Form post from a thread page; answers with a plain confirmation page."""
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse("/signin", status_code=303)
    form = await form_data(request)
    back = form.get("back", "/")
    back = back if back.startswith("/") and not back.startswith("//") else "/"
    try:
        _, hidden = await reports.do_report(services(request), v, target_type=form.get("target_type"),
                                            target_id=form.get("target_id"), reason=form.get("reason"),
                                            note=form.get("note"))
    except AppError as exc:
        return render(request, "report_done.html", {"ok": False, "message": exc.message, "back": back},
                      status_code=exc.status)
    return render(request, "report_done.html", {"ok": True, "hidden": hidden, "back": back}, status_code=201)


async def block(request: Request) -> Response:
    v = await viewer(request)
    require_user(v)
    handle = request.path_params["handle"]
    form = await form_data(request)
    if form.get("action") == "unblock":
        await members.do_unblock(v, handle)
    else:
        await members.do_block(v, handle)
    return RedirectResponse(f"/u/{handle}", status_code=303)


async def notifications(request: Request) -> Response:
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse("/signin?next=/notifications", status_code=303)
    if request.method == "POST":
        await form_data(request)
        await members.do_mark_notifications_read(v)
        return RedirectResponse("/notifications", status_code=303)
    rows = await Notification.filter(user_id=v.user.id).order_by("-id").limit(50)
    ids = {item["thread_id"] for item in map(serializers.notification, rows) if item["thread_id"]}
    threads = {t.id: t for t in await Thread.filter(id__in=sorted(ids))} if ids else {}
    return render(request, "notifications.html", {
        "notifications": rows, "groups": serializers.notification_groups(rows, threads, v)})


async def mod_queue(request: Request, *, message: str | None = None, status_code: int = 200) -> Response:
    v = await viewer(request)
    require_staff(v)
    params = {k: val for k, val in request.query_params.items() if k in mod_reading.QUEUE_FILTERS}
    items = await mod_reading.open_queue(v, params)
    return render(request, "mod.html", {"items": items, "message": message, "decisions": review.DECISIONS},
                  status_code=status_code)


async def mod_view(request: Request) -> Response:
    return await mod_queue(request)


async def mod_decide(request: Request) -> Response:
    v = await viewer(request)
    require_staff(v)
    form = await form_data(request)
    try:
        action = form.get("action")
        decision = review.parse_decision(action, form.get("reason"), form.get("duration"),
                                         form.get("message") if action == "check_in" else form.get("body"),
                                         form.get("content_note"), form.get("title"))
        await review.do_decide(services(request), v, [path_int(request, "id")], decision)
    except AppError as exc:
        return await mod_queue(request, message=exc.message, status_code=exc.status)
    return RedirectResponse("/mod", status_code=303)


async def _checked_ids(request: Request) -> list[int]:
    """Every selected ``ids`` checkbox (form_data keeps only the first value of a name)."""
    raw = parse_qs((await request.body()).decode("utf-8"), max_num_fields=400)
    ids = [parse_int(i) for i in raw.get("ids", [])]
    return [i for i in ids if i is not None]


async def mod_bulk(request: Request) -> Response:
    """One decision for the selected items (spam waves)."""
    v = await viewer(request)
    require_staff(v)
    form = await form_data(request)
    try:
        ids = await _checked_ids(request)
        if not ids:
            raise Invalid("Select the items the decision is for.", code="invalid_ids", field="ids")
        if form.get("action") == "edit_approve":
            raise Invalid("Edit-and-approve works on one item at a time.", code="invalid_action", field="action")
        decision = review.parse_decision(form.get("action"), form.get("reason"), form.get("duration"))
        await review.do_decide(services(request), v, ids, decision)
    except AppError as exc:
        return await mod_queue(request, message=exc.message, status_code=exc.status)
    return RedirectResponse("/mod", status_code=303)


async def mod_audit(request: Request) -> Response:
    v = await viewer(request)
    params = {k: v for k, v in request.query_params.items() if k in (*mod_reading.AUDIT_FILTERS, "cursor")}
    entries, cursor = await mod_reading.audit_page(v, params)
    return render(request, "mod_audit.html", {"entries": entries, "next_cursor": cursor, "filters": params})


routes = [
    Route("/help", help_page),
    Route("/report", report, methods=["POST"]),
    Route("/u/{handle}/block", block, methods=["POST"]),
    Route("/notifications", notifications, methods=["GET", "POST"]),
    Route("/mod", mod_view),
    Route("/mod/queue/{id}/decide", mod_decide, methods=["POST"]),
    Route("/mod/bulk", mod_bulk, methods=["POST"]),
    Route("/mod/audit", mod_audit),
]
