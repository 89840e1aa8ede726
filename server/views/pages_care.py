"""Pages of crisis care: the writer's conversation with moderators, a content note added
after the offer, and a moderator's "I'm on it" from the queue page."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import care
from server.actions import checkins, crisis_alerts
from server.actions import posts as post_actions
from server.actions.screening import help_for_user
from server.auth import require_staff
from server.errors import AppError
from server.help_view import help_view
from server.templating import render
from server.views.common import path_int, services, viewer
from server.views.forms import field_errors, form_data


async def care_page(request: Request, *, errors: dict[str, Any] | None = None, form: dict[str, Any] | None = None,
                    status_code: int = 200, reasons: list[str] | None = None) -> Response:
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse(f"/signin?next=/care/{path_int(request, 'id')}", status_code=303)
    item, target = await checkins.access_care_item(v, path_int(request, "id"))
    state = await care.for_item(item, target.status)
    own = target.is_by(v.user)
    hv = help_view(help_for_user(v.user, request.headers.get("accept-language"))) if own and state.crisis else None
    return render(request, "care.html", {
        "care": state, "target": target, "own": own, "help": hv, "errors": errors or {}, "form": form or {},
        "reasons": reasons or []}, status_code=status_code)


async def care_view(request: Request) -> Response:
    return await care_page(request)


async def care_reply(request: Request) -> Response:
    v = await viewer(request)
    item_id = path_int(request, "id")
    if v.user is None:
        return RedirectResponse(f"/signin?next=/care/{item_id}", status_code=303)
    form = await form_data(request)
    try:
        _, decision = await checkins.do_answer(services(request), v, item_id, form.get("body"))
    except AppError as exc:
        return await care_page(request, errors=field_errors(exc), form=form, status_code=exc.status)
    if decision.show_help:
        return await care_page(request, reasons=list(decision.reasons), status_code=201)
    return RedirectResponse(f"/care/{item_id}#care-{item_id}", status_code=303)


async def add_content_note(request: Request) -> Response:
    v = await viewer(request)
    post = await post_actions.access_own_post(v, path_int(request, "id"))
    form = await form_data(request)
    await post_actions.do_set_content_note(post, form.get("content_note"))
    return RedirectResponse(f"/threads/{post.thread_id}#post-{post.id}", status_code=303)


async def mod_ack(request: Request) -> Response:
    v = await viewer(request)
    require_staff(v)
    await form_data(request)
    item_id = path_int(request, "id")
    await crisis_alerts.ack(services(request), v, item_id)
    return RedirectResponse(f"/mod#item-{item_id}", status_code=303)


routes = [
    Route("/care/{id}", care_view, methods=["GET"]),
    Route("/care/{id}/reply", care_reply, methods=["POST"]),
    Route("/posts/{id}/content-note", add_content_note, methods=["POST"]),
    Route("/mod/queue/{id}/ack", mod_ack, methods=["POST"]),
]
