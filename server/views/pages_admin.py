"""Admin pages: add, edit and archive rooms."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import reading, serializers
from server.actions import rooms as actions
from server.auth import require_admin
from server.errors import AppError
from server.models.rooms import Room
from server.templating import render
from server.validation import parse_int
from server.views.common import services, viewer
from server.views.forms import field_errors, form_data

FLAGS = ("archived", "premoderate_new")


def room_form_to_data(form: dict[str, str], *, with_slug: bool) -> dict[str, Any]:
    """Checkboxes arrive only when ticked; numbers as text."""
    data: dict[str, Any] = {key: form.get(key, "") for key in ("name", "description", "guidelines")}
    if with_slug:
        data["slug"] = form.get("slug", "")
    for flag in FLAGS:
        data[flag] = form.get(flag) == "on"
    raw = form.get("report_threshold", "3").strip()
    threshold = parse_int(raw, maximum=999)
    data["report_threshold"] = -1 if threshold is None else threshold
    data["crisis_hold"] = form.get("crisis_hold", "imminent")
    return data


async def rooms_admin(request: Request) -> Response:
    v = await viewer(request)
    require_admin(v)
    rooms = await Room.all().order_by("position", "id")
    ctx: dict[str, Any] = {"rooms": rooms, "form": {}, "errors": {}}
    if request.method == "POST":
        form = await form_data(request)
        try:
            room = await actions.do_create_room(v, room_form_to_data(form, with_slug=True),
                                               services(request).settings.report_threshold)
        except AppError as exc:
            ctx.update(form=form, errors=field_errors(exc))
            return render(request, "admin_rooms.html", ctx, status_code=exc.status)
        return RedirectResponse(f"/admin/rooms/{room.slug}", status_code=303)
    return render(request, "admin_rooms.html", ctx)


async def room_admin(request: Request) -> Response:
    v = await viewer(request)
    require_admin(v)
    room = await reading.access_room(request.path_params["slug"])
    ctx: dict[str, Any] = {"room": room, "form": serializers.room(room), "errors": {}, "saved": False}
    if request.method == "POST":
        form = await form_data(request)
        try:
            await actions.do_update_room(v, room, room_form_to_data(form, with_slug=False))
        except AppError as exc:
            ctx.update(form=form, errors=field_errors(exc))
            return render(request, "admin_room.html", ctx, status_code=exc.status)
        ctx.update(form=serializers.room(room), saved=True)
    return render(request, "admin_room.html", ctx)


routes = [
    Route("/admin/rooms", rooms_admin, methods=["GET", "POST"]),
    Route("/admin/rooms/{slug}", room_admin, methods=["GET", "POST"]),
]
