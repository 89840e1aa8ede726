"""JSON API: full-text search over what the viewer may read (``GET /api/search``)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import members_only, reading, search
from server.search import shapes
from server.views.api import openapi
from server.views.common import json, viewer


async def search_api(request: Request) -> JSONResponse:
    v = await viewer(request)
    members_only.require_reader(request, v)
    params = request.query_params
    terms = search.parse_query(params.get("q"))
    before = search.parse_cursor(params.get("cursor"))
    limit = reading.page_size(params.get("limit"))
    room_slug = params.get("room")
    room = await reading.access_room(room_slug) if room_slug else None
    results = await search.search(v, terms, room, before, limit)
    return json({"query": terms.text(), "room": room.slug if room else None,
                 "results": [shapes.hit(h, v) for h in results.hits], "next_cursor": results.next_cursor})


openapi.register(
    ("get", "/api/search", "Search threads and replies you may read, newest first (?q=, ?room=, ?cursor=, "
     "?limit=); snippet_html marks matches with <mark>", None, 200, openapi.READER),
)

routes = [Route("/api/search", search_api, methods=["GET"])]
