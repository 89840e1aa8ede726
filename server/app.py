"""create_app(settings) → the Starlette application: routes, middleware, lifespan."""
from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from server import db
from server.access_log import AccessLogMiddleware
from server.actions.context import Services
from server.compression import CompressReadsMiddleware
from server.errors import AppError
from server.events import Broker, InProcessBroker
from server.middleware import GuardMiddleware
from server.ratelimit import RateLimiter
from server.response_headers import ResponseHeadersMiddleware, error_headers
from server.settings import Settings
from server.static_files import STATIC_DIR, FingerprintedStaticFiles
from server.templating import render_error_page

log = logging.getLogger("securebase.app")

NO_PAGE_PREFIXES = ("/static/", "/api/", "/ws/", "/healthz", "/readyz", "/openapi.json")


class NavCountMiddleware:
    """For page loads, put the nav's counts on the scope: a member's unread notifications,
    and for staff the open crisis items.

    ``render`` is sync, so the count queries run here, for signed-in GET pages only;
    the viewer it resolves is cached on the scope for the page itself.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") \
                and not scope["path"].startswith(NO_PAGE_PREFIXES):
            from server.actions.crisis_alerts import open_crisis_count
            from server.actions.members import unread_notifications
            from server.auth import viewer_for

            try:
                viewer = await viewer_for(HTTPConnection(scope))
                if viewer.user is not None:
                    scope["securebase.unread_notifications"] = await unread_notifications(viewer.user.id)
                if viewer.is_staff:
                    scope["securebase.open_crisis"] = await open_crisis_count()
            except Exception:  # a missing badge must not break the page
                log.warning("nav count failed", exc_info=True)
        await self.app(scope, receive, send)


def make_broker(settings: Settings) -> Broker:
    if settings.redis_url:
        from server.realtime.redis_broker import RedisBroker
        return RedisBroker(settings.redis_url, prefix=settings.redis_prefix)
    return InProcessBroker()

def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept

def _error_response(request: Request, status: int, code: str, message: str,
                    headers: dict[str, str] | None = None, body: dict[str, Any] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse(body or {"error": {"code": code, "message": message}}, status_code=status,
                            headers=headers)
    return render_error_page(request, status, message, headers=headers)

async def app_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    return _error_response(request, exc.status, exc.code, exc.message, exc.headers, exc.to_dict())

async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: ("not_found", "We couldn't find that page."),
                405: ("method_not_allowed", "That action isn't available here.")}
    code, message = messages.get(exc.status_code, ("error", exc.detail or "Something went wrong."))
    return _error_response(request, exc.status_code, code, message, dict(exc.headers or {}))

async def server_error(request: Request, exc: Exception) -> Response:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    # Starlette answers 500s outside every middleware, so the security headers are added here.
    return _error_response(request, 500, "server_error",
                           "Something went wrong on our side. Nothing you wrote was lost; please try again.",
                           error_headers())

def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await db.init(settings.database_url)
        broker = make_broker(settings)
        await broker.start()
        app.state.services = Services(settings=settings, broker=broker,
                                      limiter=RateLimiter(settings.redis_url, settings.redis_prefix))
        from server.realtime.hub import Hub
        app.state.hub = Hub(broker, settings)
        from server.realtime.tickets import make_store
        app.state.tickets = make_store(broker, settings.redis_prefix, settings.ws_ticket_seconds)
        from server.actions.crisis_alerts import EscalationLoop
        escalation = EscalationLoop(app.state.services)
        escalation.start()
        from server.actions.session_reminders import ReminderLoop
        reminders = ReminderLoop(app.state.services)
        reminders.start()
        try:
            yield
        finally:
            await reminders.stop()
            await escalation.stop()
            await app.state.hub.close()
            await broker.stop()
            await db.close()

    from server.realtime.tickets import routes as ticket_routes
    from server.views import routes as view_routes

    routes = [*view_routes(), *ticket_routes,
              Mount("/static", FingerprintedStaticFiles(directory=str(STATIC_DIR)), name="static")]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={AppError: app_error, HTTPException: http_error, Exception: server_error},
    )
    app.state.settings = settings
    app.add_middleware(CompressReadsMiddleware)  # innermost: compresses what the app answered
    app.add_middleware(NavCountMiddleware)  # inner: runs after the guards
    app.add_middleware(GuardMiddleware, site_url=settings.site_url)
    app.add_middleware(ResponseHeadersMiddleware)
    app.add_middleware(AccessLogMiddleware, log_addresses=settings.log_addresses)  # outermost: times it all
    return app

# SQLite queries run on aiosqlite's worker thread and come back through the GIL. With the
# default 5 ms switch interval, a thread that wants the GIL back waits out the event loop's
# turn (rendering other requests) after every query: eight queries per page cost tens of
# milliseconds of waiting, and requests convoy behind the one connection. 0.5 ms measured
# 2-4x the thread page's requests/s under load here (bench/pages.py, README).
GIL_SWITCH_SECONDS = 0.0005


def app_factory() -> Starlette:
    """Entry point for uvicorn workers (``--factory``): settings from the environment."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    return create_app()
