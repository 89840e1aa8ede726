"""JSON API: support reactions on posts and chat messages, and who left them (the writer only)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import access
from server.actions import reactions as actions
from server.auth import require_user
from server.views.api import openapi
from server.views.common import json, path_int, services, viewer

KINDS = {"posts": access.Kind.POST, "messages": access.Kind.MESSAGE}


def _kind_of(request: Request) -> access.Kind:
    return KINDS[request.url.path.split("/")[2]]


async def _set(request: Request, on: bool) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    kind = actions.check_kind(request.path_params["kind"])
    await actions.check_rate(services(request), v)
    item = await actions.access_item(v, _kind_of(request), path_int(request, "id"))
    state = await actions.do_set_reaction(services(request), v, item, kind, on)
    return json({"reactions": state.reactions, "my_reactions": state.my_reactions})


async def put_reaction(request: Request) -> JSONResponse:
    return await _set(request, True)


async def delete_reaction(request: Request) -> JSONResponse:
    return await _set(request, False)


async def who_reacted(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    item = await actions.access_item(v, _kind_of(request), path_int(request, "id"))
    return json({"reactors": await actions.reactors(v, item)})


routes = [
    Route("/api/posts/{id}/reactions", who_reacted, methods=["GET"]),
    Route("/api/posts/{id}/reactions/{kind}", put_reaction, methods=["PUT"]),
    Route("/api/posts/{id}/reactions/{kind}", delete_reaction, methods=["DELETE"]),
    Route("/api/messages/{id}/reactions", who_reacted, methods=["GET"]),
    Route("/api/messages/{id}/reactions/{kind}", put_reaction, methods=["PUT"]),
    Route("/api/messages/{id}/reactions/{kind}", delete_reaction, methods=["DELETE"]),
]

openapi.register(
    ("get", "/api/posts/{id}/reactions", "Who reacted to your post, by kind (its writer only)", None, 200, True),
    ("put", "/api/posts/{id}/reactions/{kind}", "React to a post (support, me_too, thanks, helped); idempotent",
     None, 200, True),
    ("delete", "/api/posts/{id}/reactions/{kind}", "Take a reaction back; idempotent", None, 200, True),
    ("get", "/api/messages/{id}/reactions", "Who reacted to your chat message, by kind (its writer only)",
     None, 200, True),
    ("put", "/api/messages/{id}/reactions/{kind}", "React to a chat message; idempotent", None, 200, True),
    ("delete", "/api/messages/{id}/reactions/{kind}", "Take a reaction back; idempotent", None, 200, True),
)
