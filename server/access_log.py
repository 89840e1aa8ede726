"""The structured access log, in place of uvicorn's (which writes query strings and addresses).

One line per HTTP request and per websocket handshake, on the ``securebase.access``
logger at INFO::

    access method=GET route=/threads/{id} status=200 ms=3.1
    access method=WS route=/ws/rooms/{slug} status=101 ms=8.0

The route is the template that matched, never the real path (a handle or a
slug in a path says who read what), and never the query string (``?ticket=``,
``?token=``, searches). Client addresses only with ``SECUREBASE_LOG_ADDRESSES=1``.

``UvicornRedactFilter`` drops uvicorn's own websocket lines
(``'<addr> - "WebSocket /path?query" [accepted]'``), which this log replaces.
"""
from __future__ import annotations

import logging
import time
from typing import Any

from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("securebase.access")

UNMATCHED = "-"


def route_template(scope: Scope) -> str:
    """The matched route's path template ("-" when nothing matched, e.g. a 404)."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return UNMATCHED
    if isinstance(route, Mount):
        return path.rstrip("/") + "/{path}"
    return path or "/"


class AccessLogMiddleware:
    """Outermost middleware: times each request and logs one line when its response starts."""

    def __init__(self, app: ASGIApp, log_addresses: bool = False) -> None:
        self.app = app
        self.log_addresses = log_addresses

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None
        logged = False

        def emit(code: int | None) -> None:
            nonlocal logged
            if logged:
                return
            logged = True
            method = scope.get("method", "GET") if scope["type"] == "http" else "WS"
            ms = (time.perf_counter() - started) * 1000
            extra = ""
            if self.log_addresses and scope.get("client"):
                extra = f" client={scope['client'][0]}"
            log.info("access method=%s route=%s status=%s ms=%.1f%s", method, route_template(scope),
                     code if code is not None else "-", ms, extra)

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            kind = message["type"]
            if kind in ("http.response.start", "websocket.http.response.start"):
                status = int(message["status"])
            elif kind == "websocket.accept":
                emit(101)
            elif kind == "websocket.close" and not logged:
                emit(403)  # closed before accept: the handshake is refused
            await send(message)
            if kind in ("http.response.body", "websocket.http.response.body") \
                    and not message.get("more_body", False):
                emit(status)

        try:
            await self.app(scope, receive, send_wrapper)
        except BaseException:
            emit(500 if status is None else status)
            raise
        finally:
            emit(status)


class UvicornRedactFilter(logging.Filter):
    """Drop uvicorn's websocket handshake lines: they hold the client address and the query string."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.msg if isinstance(record.msg, str) else ""
        return '"WebSocket %s"' not in msg


def uvicorn_log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging setup, its access logger silenced, its websocket lines filtered, and the
    project's own loggers (``securebase.*``, on the root) at ``level`` in every worker."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {**LOGGING_CONFIG}
    config["filters"] = {"redact": {"()": "server.access_log.UvicornRedactFilter"}}
    config["formatters"] = {**LOGGING_CONFIG["formatters"],
                            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}}
    config["handlers"] = {**{k: {**v, "filters": ["redact"]} for k, v in LOGGING_CONFIG["handlers"].items()},
                          "plain": {"formatter": "plain", "class": "logging.StreamHandler",
                                    "stream": "ext://sys.stderr", "filters": ["redact"]}}
    config["loggers"] = {**LOGGING_CONFIG["loggers"],
                         "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False}}
    config["root"] = {"handlers": ["plain"], "level": level.upper()}
    return config
