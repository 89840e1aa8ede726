"""JSON API: a room's chat history, and sending over HTTP (same action as the websocket)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import access, reading, serializers
from server.actions import chat as actions
from server.auth import require_user
from server.errors import BadRequest
from server.realtime import frames, stream
from server.validation import INT64_MAX, json_body, parse_int
from server.views.api import openapi
from server.views.common import json, services, viewer


async def history(request: Request) -> JSONResponse:
    """Messages oldest first: the newest page, or those after ``?after=<id>``."""
    v = await viewer(request)
    require_user(v)
    room = await reading.access_room(request.path_params["slug"])
    raw_after = request.query_params.get("after")
    after = parse_int(raw_after, maximum=INT64_MAX) if raw_after is not None else None
    if raw_after is not None and after is None:
        raise BadRequest("after must be an event id (a whole number).", code="invalid_after")
    limit = reading.page_size(request.query_params.get("limit") or "50")
    view = await access.reader_for(v)
    top = await stream.last_seq(room.id)
    messages = await stream.recent_messages(room, view, top, limit, after=after)
    return json({"room": room.slug, "messages": messages, "last_id": top})


async def send(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, {"body", "client_id", "content_note"}, {"body"})
    room = await reading.access_room(request.path_params["slug"])
    sent = await actions.do_send(services(request), v, room, body=data["body"], client_id=data.get("client_id"),
                                 note=data.get("content_note"))
    view = access.as_reader(v)
    body = frames.for_viewer(sent.frame, view) or {}
    if sent.decision is not None:
        body.update(serializers.decision_extras(sent.decision, sent.message.status, request, v,
                                                sent.message.content_note))
    return json(body, 200 if sent.duplicate else 201)


routes = [
    Route("/api/rooms/{slug}/messages", history, methods=["GET"]),
    Route("/api/rooms/{slug}/messages", send, methods=["POST"]),
]

openapi.register(
    ("get", "/api/rooms/{slug}/messages", "Chat history, oldest first (?after=<id>, ?limit=)", None, 200, True),
    ("post", "/api/rooms/{slug}/messages", "Send a chat message (same rules as the websocket)",
     {"body": "string", "client_id": "string?", "content_note": "string?"}, 201, True),
)
