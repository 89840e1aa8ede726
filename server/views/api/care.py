"""JSON API: the writer's view of their crisis or held content, and the check-in conversation."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import care, serializers
from server.actions import checkins
from server.auth import require_user
from server.validation import json_body
from server.views.api import openapi
from server.views.common import json, path_int, services, viewer


async def get_care(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    item, target = await checkins.access_care_item(v, path_int(request, "id"))
    return json({"care": (await care.for_item(item, target.status)).as_json(), "target": {
        "type": target.kind, "id": target.id, "status": target.status, "url": target.url()}})


async def add_message(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, {"body"}, {"body"})
    message, decision = await checkins.do_answer(services(request), v, path_int(request, "id"), data["body"])
    body = {"message": care.checkin_json(message)}
    body.update(serializers.decision_extras(decision, "visible", request, v))
    body.pop("status", None)
    return json(body, 201)


openapi.register(
    ("get", "/api/care/{id}", "Where your held or crisis content stands, with the moderators' check-ins "
     "(the writer, or staff)", None, 200, True),
    ("post", "/api/care/{id}/messages", "Answer a moderator's check-in (the writer), or write again (staff)",
     {"body": "string"}, 201, True),
)

routes = [
    Route("/api/care/{id}", get_care, methods=["GET"]),
    Route("/api/care/{id}/messages", add_message, methods=["POST"]),
]
