"""Live-session forms on the room page: schedule, RSVP, start, steer, end. Parse → one action → redirect."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import reading
from server.actions import live as actions
from server.errors import Invalid
from server.views.common import path_int, services, viewer
from server.views.forms import form_data


def _with_zone(value: str | None, zone: str | None, field: str) -> str | None:
    """A datetime-local value (no zone) is read in the browser's zone, sent by live.js; UTC otherwise."""
    if not value:
        return value
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value  # the action explains what is wrong
    if parsed.tzinfo is not None:
        return value
    try:
        if zone and len(zone) > 64:
            raise ValueError(zone)
        tz = ZoneInfo(zone) if zone else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise Invalid("We didn't recognise that time zone.", code="invalid_timezone", field=field) from None
    try:
        return parsed.replace(tzinfo=tz).isoformat()
    except (OverflowError, ValueError):  # year 1 or 9999 in a zone far from UTC
        raise Invalid(f"{field} is out of the range of dates we can schedule.", code="invalid_datetime",
                      field=field) from None


def _back(slug: str) -> RedirectResponse:
    return RedirectResponse(f"/rooms/{slug}#live", status_code=303)


async def schedule(request: Request) -> Response:
    v = await viewer(request)
    slug = request.path_params["slug"]
    if v.user is None:
        return RedirectResponse(f"/signin?next=/rooms/{slug}", status_code=303)
    form = await form_data(request)
    room = await reading.access_room(slug)
    zone = form.get("timezone")
    await actions.do_schedule(services(request), v, room, title=form.get("title"),
                              description=form.get("description", ""), facilitator=form.get("facilitator"),
                              starts_at=_with_zone(form.get("starts_at"), zone, "starts_at"),
                              ends_at=_with_zone(form.get("ends_at"), zone, "ends_at"))
    return _back(room.slug)


async def _session_form(request: Request):  # type: ignore[no-untyped-def]
    v = await viewer(request)
    session = await actions.access_session(path_int(request, "id"))
    return v, session, await form_data(request)


async def rsvp(request: Request) -> Response:
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse("/signin", status_code=303)
    v, session, form = await _session_form(request)
    await actions.do_rsvp(v, session, form.get("going", "yes") != "no")
    return _back(session.room.slug)


def _transition(name: str):  # type: ignore[no-untyped-def]
    action = {"start": actions.do_start, "end": actions.do_end, "cancel": actions.do_cancel}[name]

    async def endpoint(request: Request) -> Response:
        v, session, _ = await _session_form(request)
        await action(services(request), v, session)
        return _back(session.room.slug)
    return endpoint


async def steer(request: Request) -> Response:
    v, session, form = await _session_form(request)
    await actions.do_steer(services(request), v, session,
                           slow_mode_seconds=form.get("slow_mode_seconds") or "0",
                           locked=form.get("locked") == "on", pinned_prompt=form.get("pinned_prompt", ""))
    return _back(session.room.slug)


routes = [
    Route("/rooms/{slug}/sessions", schedule, methods=["POST"]),
    Route("/sessions/{id}/rsvp", rsvp, methods=["POST"]),
    Route("/sessions/{id}/start", _transition("start"), methods=["POST"]),
    Route("/sessions/{id}/end", _transition("end"), methods=["POST"]),
    Route("/sessions/{id}/cancel", _transition("cancel"), methods=["POST"]),
    Route("/sessions/{id}/steer", steer, methods=["POST"]),
]
