"""JSON API: agreeing to the guidelines, following rooms, and notification settings."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import notify_settings, reading, serializers
from server.actions import membership, notifications
from server.auth import require_user
from server.errors import Invalid
from server.validation import json_body
from server.views.api import openapi
from server.views.common import json, viewer


async def agree(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, {"agree"}, {"agree"})
    if data["agree"] is not True:
        raise Invalid("To post here, agree to the community guidelines (agree: true).", code="must_agree",
                      field="agree")
    user = await membership.do_agree_guidelines(v)
    return json({"user": serializers.user_private(user)})


async def follow(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    room = await reading.access_room(request.path_params["slug"])
    following = await membership.do_follow(v, room)
    return json({"room": room.slug, "following": following})


async def unfollow(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    room = await reading.access_room(request.path_params["slug"])
    following = await membership.do_unfollow(v, room)
    return json({"room": room.slug, "following": following})


async def get_settings(request: Request) -> JSONResponse:
    user = require_user(await viewer(request))
    prefs = await notifications.prefs_for(user.id)
    return json({"settings": notify_settings.as_json(prefs)})


async def put_settings(request: Request) -> JSONResponse:
    user = require_user(await viewer(request))
    data = await json_body(request, {"kinds", "quiet_hours", "time_zone"})
    prefs = await notifications.do_update_settings(user, data)
    return json({"settings": notify_settings.as_json(prefs)})


openapi.register(
    ("post", "/api/me/guidelines", "Agree to the community guidelines (needed before posting); stored with the "
     "date", {"agree": "boolean"}, 200, True),
    ("put", "/api/rooms/{slug}/follow", "Follow a room: it comes first on your home page", None, 200, True),
    ("delete", "/api/rooms/{slug}/follow", "Stop following a room", None, 200, True),
    ("get", "/api/me/notification-settings", "Your notification settings: kinds on or off, quiet hours, "
     "time zone", None, 200, True),
    ("put", "/api/me/notification-settings", "Change notification settings (fields left out keep their value)",
     {"kinds": "object?", "quiet_hours": "object?", "time_zone": "string?"}, 200, True),
)

routes = [
    Route("/api/me/guidelines", agree, methods=["POST"]),
    Route("/api/me/notification-settings", get_settings, methods=["GET"]),
    Route("/api/me/notification-settings", put_settings, methods=["PUT"]),
    Route("/api/rooms/{slug}/follow", follow, methods=["PUT"]),
    Route("/api/rooms/{slug}/follow", unfollow, methods=["DELETE"]),
]
