"""JSON API: register, login, logout, me, profile, blocks, account deletion."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server import serializers
from server.actions import accounts as actions
from server.auth import require_user
from server.validation import json_body
from server.views.common import client_address, json, services, viewer


async def register(request: Request) -> JSONResponse:
    data = await json_body(request, {"handle", "password", "email"}, {"handle", "password"})
    user = await actions.do_register(services(request), handle=data["handle"], password=data["password"],
                                     email=data.get("email"), address=client_address(request))
    return json({"user": serializers.user_private(user)}, 201)


async def login(request: Request) -> JSONResponse:
    data = await json_body(request, {"handle", "password"}, {"handle", "password"})
    user, token = await actions.do_login(services(request), handle=data["handle"], password=data["password"],
                                         address=client_address(request), kind="bearer")
    return json({"token": token, "user": serializers.user_private(user)})


async def logout(request: Request) -> Response:
    v = await viewer(request)
    require_user(v)
    await actions.do_logout(v.session, services(request))
    return Response(status_code=204)


async def me(request: Request) -> JSONResponse:
    user = require_user(await viewer(request))
    return json({"user": serializers.user_private(user)})


async def update_me(request: Request) -> JSONResponse:
    user = require_user(await viewer(request))
    data = await json_body(request, {"bio", "country", "email"})
    user = await actions.do_update_profile(user, bio=data.get("bio"), country=data.get("country"),
                                           email=data.get("email"))
    return json({"user": serializers.user_private(user)})


async def delete_me(request: Request) -> Response:
    user = require_user(await viewer(request))
    data = await json_body(request, {"password"}, {"password"})
    await actions.do_delete_account(services(request), user, data["password"], client_address(request))
    return Response(status_code=204)


routes = [
    Route("/api/auth/register", register, methods=["POST"]),
    Route("/api/auth/login", login, methods=["POST"]),
    Route("/api/auth/logout", logout, methods=["POST"]),
    Route("/api/me", me, methods=["GET"]),
    Route("/api/me", update_me, methods=["PATCH"]),
    Route("/api/me", delete_me, methods=["DELETE"]),
]
