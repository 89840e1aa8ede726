"""The search page: a labelled box, a room filter, highlighted snippets, older results."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server import members_only, reading, search
from server.errors import AppError
from server.models.rooms import Room
from server.search import shapes
from server.templating import render
from server.views.common import viewer


async def search_page(request: Request) -> Response:
    v = await viewer(request)
    if not members_only.may_read(request, v):
        return members_only.sign_in_redirect(request)
    params = request.query_params
    q, room_slug = params.get("q", ""), params.get("room", "")
    rooms = [r for r in await Room.all().order_by("position", "id") if not r.archived or v.is_staff]
    ctx: dict[str, Any] = {"q": q, "room_slug": room_slug, "rooms": rooms, "results": None, "error": None, "next_url": None}
    if not q.strip():
        return render(request, "search.html", ctx)
    try:
        terms = search.parse_query(q)
        before = search.parse_cursor(params.get("cursor"))
        room = await reading.access_room(room_slug) if room_slug else None
        results = await search.search(v, terms, room, before)
    except AppError as exc:
        ctx["error"] = exc.message
        return render(request, "search.html", ctx, status_code=exc.status, headers=exc.headers)
    ctx["results"] = [shapes.hit(h, v) for h in results.hits]
    if results.next_cursor:
        query = {"q": q, **({"room": room_slug} if room_slug else {}), "cursor": results.next_cursor}
        ctx["next_url"] = "/search?" + urlencode(query)
    ctx["paged"] = bool(params.get("cursor"))
    return render(request, "search.html", ctx)


routes = [Route("/search", search_page, methods=["GET"])]
