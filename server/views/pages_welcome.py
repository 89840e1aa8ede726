"""Pages: the welcome after sign-up (guidelines, the peer-support note, rooms to follow), following
a room from its page, and the notification settings."""
from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import notify_settings, reading
from server.actions import membership, notifications
from server.actions.screening import help_for_user
from server.auth import WELCOME_PATH, has_agreed, require_user
from server.errors import AppError, Invalid
from server.guidelines import community_guidelines_html
from server.help_view import help_view
from server.home import followed_room_ids
from server.models.rooms import Room
from server.notify_settings import GROUPS, hhmm
from server.templating import render
from server.views.common import viewer
from server.views.forms import field_errors, form_data
from server.views.pages_accounts import safe_next


def welcome_url(next_url: str) -> str:
    """Where a member who has not agreed yet is sent before posting; back to ``next_url`` after."""
    return f"{WELCOME_PATH}?{urlencode({'next': safe_next(next_url)})}"


async def welcome(request: Request) -> Response:
    v = await viewer(request)
    next_url = safe_next(request.query_params.get("next"))
    if v.user is None:
        return RedirectResponse(f"/signin?{urlencode({'next': welcome_url(next_url)})}", status_code=303)
    user = require_user(v)
    rooms = [r for r in await Room.all().order_by("position", "id") if not r.archived]
    chosen = await followed_room_ids(user.id)
    errors: dict[str, str] = {}
    if request.method == "POST":
        form = await form_data(request)
        chosen = {r.id for r in rooms if form.get(f"room-{r.slug}")}
        try:
            if not has_agreed(user) and not form.get("agree"):
                raise Invalid("Please tick “I agree to the community guidelines” to continue.", code="must_agree",
                              field="agree")
            await membership.do_agree_guidelines(v)
            await membership.do_set_follows(v, [r for r in rooms if r.id in chosen])
        except AppError as exc:
            errors = field_errors(exc)
        else:
            return RedirectResponse(next_url, status_code=303)
    return render(request, "welcome.html", {
        "rooms": rooms, "chosen": chosen, "errors": errors, "next": next_url, "agreed": has_agreed(user),
        "guidelines_html": community_guidelines_html(),
        "help": help_view(help_for_user(user, request.headers.get("accept-language"))),
    }, status_code=422 if errors else 200)


async def follow_room(request: Request) -> Response:
    v = await viewer(request)
    slug = request.path_params["slug"]
    if v.user is None:
        return RedirectResponse(f"/signin?next=/rooms/{slug}", status_code=303)
    room = await reading.access_room(slug)
    form = await form_data(request)
    if form.get("follow") == "1":
        await membership.do_follow(v, room)
    else:
        await membership.do_unfollow(v, room)
    return RedirectResponse(f"/rooms/{room.slug}", status_code=303)


def settings_form(prefs: notify_settings.Prefs) -> dict[str, object]:
    return {"off": prefs.off, "quiet_start": hhmm(prefs.quiet_start) or "", "quiet_end": hhmm(prefs.quiet_end) or "",
            "time_zone": prefs.time_zone}


async def notification_settings(request: Request) -> Response:
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse("/signin?next=/settings/notifications", status_code=303)
    user = require_user(v)
    prefs = await notifications.prefs_for(user.id)
    form, errors, saved = settings_form(prefs), {}, False
    if request.method == "POST":
        raw = await form_data(request)
        start, end = raw.get("quiet_start", "").strip(), raw.get("quiet_end", "").strip()
        kinds = {group: bool(raw.get(f"kind-{group}")) for group in GROUPS}
        data: dict[str, object] = {"kinds": kinds, "time_zone": raw.get("time_zone", ""),
                                   "quiet_hours": {"start": start, "end": end} if start or end else None}
        try:
            prefs = await notifications.do_update_settings(user, data)
        except AppError as exc:
            errors = field_errors(exc)
            form = {"off": {g for g, on in kinds.items() if not on}, "quiet_start": start, "quiet_end": end,
                    "time_zone": raw.get("time_zone", "")}
        else:
            form, saved = settings_form(prefs), True
    return render(request, "notification_settings.html", {
        "form": form, "errors": errors, "saved": saved, "groups": GROUPS,
        "zones": notify_settings.zone_names()}, status_code=422 if errors else 200)


routes = [
    Route(WELCOME_PATH, welcome, methods=["GET", "POST"]),
    Route("/rooms/{slug}/follow", follow_room, methods=["POST"]),
    Route("/settings/notifications", notification_settings, methods=["GET", "POST"]),
]
