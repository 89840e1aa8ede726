"""Small helpers shared by views: services, the viewer, the client address."""
from __future__ import annotations

from typing import Any

from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse

from server.actions.context import Services
from server.auth import Viewer, viewer_for
from server.errors import NotFound
from server.validation import parse_int


def services(conn: HTTPConnection) -> Services:
    svc: Services = conn.app.state.services
    return svc


async def viewer(conn: HTTPConnection) -> Viewer:
    return await viewer_for(conn)


def client_address(conn: HTTPConnection) -> str:
    return conn.client.host if conn.client else "unknown"


def path_int(request: Request, name: str) -> int:
    """An id from the path; anything that can't be one (or can't exist) is a 404."""
    number = parse_int(request.path_params.get(name))
    if number is None:
        raise NotFound()
    return number


def json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)
