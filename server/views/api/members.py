"""JSON API: handle suggestions for the composer's @-autocomplete."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import reading, suggest
from server.auth import require_user
from server.errors import BadRequest
from server.views.api import openapi
from server.views.common import json, services, viewer

# One request per keystroke pause in the composer.
SUGGEST_RATE = "60/minute"


async def suggest_members(request: Request) -> JSONResponse:
    v = await viewer(request)
    user = require_user(v)
    await services(request).limiter.check(SUGGEST_RATE, f"suggest:{user.id}",
                                          message="Looking up handles very quickly. Please wait a moment.")
    params = request.query_params
    prefix = suggest.clean_prefix(params.get("q", ""))
    if prefix is None:
        if params.get("q", "") in ("", "@"):
            return json({"handles": []})
        raise BadRequest("q must be the start of a handle: letters, digits, - and _.", code="invalid_query")
    room = await reading.access_room(params["room"]) if params.get("room") else None
    return json({"handles": await suggest.suggest(v, prefix, room)})


routes = [Route("/api/members/suggest", suggest_members, methods=["GET"])]

openapi.register(
    ("get", "/api/members/suggest", "Handles starting with ?q= (members of ?room= first), for @-autocomplete",
     None, 200, True),
)
