"""JSON API: live group sessions (schedule, RSVP, start, steer, end)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import reading
from server.actions import live as actions
from server.auth import require_user
from server.validation import json_body
from server.views.api import openapi
from server.views.common import json, path_int, services, viewer

SCHEDULE_FIELDS = {"title", "description", "facilitator", "starts_at", "ends_at"}
STEER_FIELDS = {"slow_mode_seconds", "locked", "pinned_prompt"}


async def _listing(request: Request, room_slug: str | None) -> JSONResponse:
    v = await viewer(request)
    room = await reading.access_room(room_slug) if room_slug else None
    views = await actions.list_sessions(v, room)
    return json({"sessions": [await actions.session_json(sv.session, v) for sv in views]})


async def list_all(request: Request) -> JSONResponse:
    return await _listing(request, None)


async def list_in_room(request: Request) -> JSONResponse:
    return await _listing(request, request.path_params["slug"])


async def schedule(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, SCHEDULE_FIELDS, SCHEDULE_FIELDS - {"description"})
    room = await reading.access_room(request.path_params["slug"])
    session = await actions.do_schedule(services(request), v, room, title=data["title"],
                                        description=data.get("description"), facilitator=data["facilitator"],
                                        starts_at=data["starts_at"], ends_at=data["ends_at"])
    return json({"session": await actions.session_json(session, v)}, 201)


async def get_one(request: Request) -> JSONResponse:
    v = await viewer(request)
    session = await actions.access_session(path_int(request, "id"))
    return json({"session": await actions.session_json(session, v)})


async def steer(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, STEER_FIELDS)
    session = await actions.access_session(path_int(request, "id"))
    session = await actions.do_steer(services(request), v, session, **data)
    return json({"session": await actions.session_json(session, v)})


def _transition(name: str):  # type: ignore[no-untyped-def]
    action = {"start": actions.do_start, "end": actions.do_end, "cancel": actions.do_cancel}[name]

    async def endpoint(request: Request) -> JSONResponse:
        v = await viewer(request)
        require_user(v)
        session = await actions.access_session(path_int(request, "id"))
        session = await action(services(request), v, session)
        return json({"session": await actions.session_json(session, v)})
    return endpoint


async def rsvp(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    session = await actions.access_session(path_int(request, "id"))
    await actions.do_rsvp(v, session, request.method == "PUT")
    return json({"session": await actions.session_json(session, v)})


routes = [
    Route("/api/sessions", list_all, methods=["GET"]),
    Route("/api/rooms/{slug}/sessions", list_in_room, methods=["GET"]),
    Route("/api/rooms/{slug}/sessions", schedule, methods=["POST"]),
    Route("/api/sessions/{id}", get_one, methods=["GET"]),
    Route("/api/sessions/{id}", steer, methods=["PATCH"]),
    Route("/api/sessions/{id}/start", _transition("start"), methods=["POST"]),
    Route("/api/sessions/{id}/end", _transition("end"), methods=["POST"]),
    Route("/api/sessions/{id}/cancel", _transition("cancel"), methods=["POST"]),
    Route("/api/sessions/{id}/rsvp", rsvp, methods=["PUT", "DELETE"]),
]

openapi.register(
    ("get", "/api/sessions", "Live and upcoming sessions across rooms", None, 200, False),
    ("get", "/api/rooms/{slug}/sessions", "Live and upcoming sessions in a room", None, 200, False),
    ("post", "/api/rooms/{slug}/sessions", "Schedule a live session (moderator/admin)",
     {"title": "string", "description": "string?", "facilitator": "string", "starts_at": "string",
      "ends_at": "string"}, 201, True),
    ("get", "/api/sessions/{id}", "One session", None, 200, False),
    ("patch", "/api/sessions/{id}", "Slow mode, lock, pinned prompt (facilitator or staff, while live)",
     {"slow_mode_seconds": "integer?", "locked": "boolean?", "pinned_prompt": "string?"}, 200, True),
    ("post", "/api/sessions/{id}/start", "Start the session (facilitator or staff)", None, 200, True),
    ("post", "/api/sessions/{id}/end", "End the session (facilitator or staff)", None, 200, True),
    ("post", "/api/sessions/{id}/cancel", "Cancel a scheduled session (staff)", None, 200, True),
    ("put", "/api/sessions/{id}/rsvp", "RSVP to a session", None, 200, True),
    ("delete", "/api/sessions/{id}/rsvp", "Withdraw an RSVP", None, 200, True),
)
