"""JSON API for crisis care: acknowledge a queue item, and the open crisis count (staff)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.actions import crisis_alerts
from server.auth import require_staff
from server.serializers import iso
from server.views.api import openapi
from server.views.common import json, path_int, services, viewer


async def ack(request: Request) -> JSONResponse:
    """200 ``{queue_id, acked_by, acked_at, first}``; ``first`` false when someone acked it before."""
    v = await viewer(request)
    require_staff(v)
    item_id = path_int(request, "id")
    done = await crisis_alerts.ack(services(request), v, item_id)
    return json({"queue_id": done.item.id, "acked_by": done.by, "acked_at": iso(done.at), "first": done.first})


async def count(request: Request) -> JSONResponse:
    require_staff(await viewer(request))
    return json({"open_crisis": await crisis_alerts.open_crisis_count()})


openapi.register(
    ("post", "/api/mod/queue/{id}/ack", "Acknowledge a queue item: \"I'm on it\" (staff). Idempotent: a "
     "second acknowledgement returns the first acker with first=false", None, 200, True),
    ("get", "/api/mod/crisis", "Open crisis items count (staff)", None, 200, True),
)

routes = [
    Route("/api/mod/queue/{id}/ack", ack, methods=["POST"]),
    Route("/api/mod/crisis", count, methods=["GET"]),
]
