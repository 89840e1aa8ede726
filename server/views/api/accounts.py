"""JSON API: register, login, logout, me, profile, account deletion, recovery codes and passwords."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server import serializers
from server.actions import accounts as actions
from server.actions import members, recovery
from server.auth import require_user
from server.validation import json_body
from server.views.api import openapi
from server.views.common import client_address, json, services, viewer


async def register(request: Request) -> JSONResponse:
    data = await json_body(request, {"handle", "password", "email"}, {"handle", "password"})
    user, codes = await recovery.do_sign_up(services(request), handle=data["handle"], password=data["password"],
                                            email=data.get("email"), address=client_address(request))
    # The only time the codes exist in clear: the member must save them now.
    return json({"user": serializers.user_private(user), "recovery_codes": codes}, 201)


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
    return json({"user": serializers.user_private(user),
                 "unread_notifications": await members.unread_notifications(user.id)})


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


async def recover(request: Request) -> JSONResponse:
    data = await json_body(request, {"handle", "code", "new_password"}, {"handle", "code", "new_password"})
    user, token, left = await recovery.do_recover(services(request), handle=data["handle"], code=data["code"],
                                                  new_password=data["new_password"],
                                                  address=client_address(request), kind="bearer")
    return json({"token": token, "user": serializers.user_private(user), "recovery_codes_left": left})


async def change_password(request: Request) -> JSONResponse:
    v = await viewer(request)
    user = require_user(v)
    data = await json_body(request, {"current_password", "new_password"}, {"current_password", "new_password"})
    ended = await recovery.do_change_password(services(request), user, v.session,
                                              current_password=data["current_password"],
                                              new_password=data["new_password"], address=client_address(request))
    return json({"user": serializers.user_private(user), "sessions_ended": ended})


async def recovery_codes(request: Request) -> JSONResponse:
    user = require_user(await viewer(request))
    data = await json_body(request, {"password"}, {"password"})
    codes = await recovery.do_regenerate_codes(services(request), user, data["password"], client_address(request))
    return json({"recovery_codes": codes}, 201)


openapi.register(
    ("post", "/api/auth/recover", "Reset a forgotten password with a one-time recovery code; ends every other "
     "session and returns a bearer token", {"handle": "string", "code": "string", "new_password": "string"},
     200, False),
    ("post", "/api/me/password", "Change your password; every other session ends",
     {"current_password": "string", "new_password": "string"}, 200, True),
    ("post", "/api/me/recovery-codes", "A fresh set of 10 recovery codes (shown once; the old ones stop working)",
     {"password": "string"}, 201, True),
)

routes = [
    Route("/api/auth/register", register, methods=["POST"]),
    Route("/api/auth/login", login, methods=["POST"]),
    Route("/api/auth/logout", logout, methods=["POST"]),
    Route("/api/auth/recover", recover, methods=["POST"]),
    Route("/api/me/password", change_password, methods=["POST"]),
    Route("/api/me/recovery-codes", recovery_codes, methods=["POST"]),
    Route("/api/me", me, methods=["GET"]),
    Route("/api/me", update_me, methods=["PATCH"]),
    Route("/api/me", delete_me, methods=["DELETE"]),
]
