"""Liveness and readiness probes."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import db


async def healthz(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(_request: Request) -> JSONResponse:
    if await db.ping():
        return JSONResponse({"status": "ready"})
    return JSONResponse({"error": {"code": "not_ready", "message": "The database is not reachable."}},
                        status_code=503)


routes = [Route("/healthz", healthz), Route("/readyz", readyz)]
