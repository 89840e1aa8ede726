"""The session cookie: HttpOnly, SameSite=Lax, Secure behind https."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from server.auth import SESSION_COOKIE


def is_secure(request: Request) -> bool:
    configured = request.app.state.settings.cookie_secure
    return configured if configured is not None else request.url.scheme == "https"


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    days = request.app.state.settings.session_days
    response.set_cookie(SESSION_COOKIE, token, max_age=days * 86400, httponly=True, samesite="lax",
                        secure=is_secure(request), path="/")


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=is_secure(request))
