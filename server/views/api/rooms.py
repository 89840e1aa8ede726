"""JSON API: rooms and their threads."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import members_only, reading, serializers
from server.actions import posts as post_actions
from server.actions import rooms as room_actions
from server.models.rooms import Room
from server.validation import json_body
from server.views.common import json, services, viewer

ROOM_FIELDS = {"slug", "name", "description", "guidelines", "archived", "premoderate_new", "report_threshold",
               "crisis_hold"}


async def list_rooms(request: Request) -> JSONResponse:
    rooms = await Room.all().order_by("position", "id")
    v = await viewer(request)
    return json({"rooms": [serializers.room(r) for r in rooms if not r.archived or v.is_staff]})


async def get_room(request: Request) -> JSONResponse:
    room = await reading.access_room(request.path_params["slug"])
    return json({"room": serializers.room(room)})


async def create_room(request: Request) -> JSONResponse:
    v = await viewer(request)
    data = await json_body(request, ROOM_FIELDS, {"slug", "name"})
    room = await room_actions.do_create_room(v, data, services(request).settings.report_threshold)
    return json({"room": serializers.room(room)}, 201)


async def update_room(request: Request) -> JSONResponse:
    v = await viewer(request)
    room = await reading.access_room(request.path_params["slug"])
    data = await json_body(request, ROOM_FIELDS - {"slug"})
    room = await room_actions.do_update_room(v, room, data)
    return json({"room": serializers.room(room)})


async def list_threads(request: Request) -> JSONResponse:
    v = await viewer(request)
    members_only.require_reader(request, v)
    room = await reading.access_room(request.path_params["slug"])
    page = await reading.list_threads(v, room, request.query_params.get("cursor"),
                                      reading.page_size(request.query_params.get("limit")))
    return json({"threads": [serializers.thread_summary(t, v) for t in page.items],
                 "next_cursor": page.next_cursor})


async def create_thread(request: Request) -> JSONResponse:
    v = await viewer(request)
    data = await json_body(request, {"title", "body", "content_note"}, {"title", "body"})
    room = await reading.access_room(request.path_params["slug"])
    written = await post_actions.do_create_thread(services(request), v, room, title=data["title"],
                                                  body=data["body"], note=data.get("content_note"))
    body = serializers.thread_with_first_post(written.thread, written.post, v)
    body.update(serializers.decision_extras(written.decision, written.post.status, request, v,
                                            written.post.content_note))
    return json(body, 201)


routes = [
    Route("/api/rooms", list_rooms, methods=["GET"]),
    Route("/api/rooms", create_room, methods=["POST"]),
    Route("/api/rooms/{slug}", get_room, methods=["GET"]),
    Route("/api/rooms/{slug}", update_room, methods=["PATCH"]),
    Route("/api/rooms/{slug}/threads", list_threads, methods=["GET"]),
    Route("/api/rooms/{slug}/threads", create_thread, methods=["POST"]),
]
