"""One-time websocket tickets, so API clients never put their session token in a URL.

``POST /api/ws-ticket`` (signed in: bearer, or cookie plus CSRF token) answers
``{"ticket", "expires_in"}``; the client opens ``/ws/...?ticket=<ticket>``
within ``expires_in`` seconds. A ticket works once, names one session (so
signing out or a ban ends what it opened) and is stored only as its SHA-256:
in Redis (``GETDEL``, so any worker can redeem it) when ``REDIS_URL`` is set,
else in this process's memory (one worker, or the in-process broker anyway).
URLs end up in logs and browser history; a spent, 30-second ticket there is worth nothing.
"""
from __future__ import annotations

import secrets
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.auth import Viewer, account_blocked, hash_token, require_active, utcnow, viewer_for
from server.models.accounts import Session

MAX_TICKET = 64
MAX_MEMORY_TICKETS = 100_000  # a flood of unredeemed tickets can't grow memory past this


class TicketStore:
    """Issue and redeem tickets. ``redis``: a redis-py asyncio client, or None for memory."""

    def __init__(self, redis: Any | None, prefix: str, seconds: float) -> None:
        self.redis = redis
        self.prefix = prefix + "wsticket:"
        self.seconds = seconds
        self._memory: dict[str, tuple[int, float]] = {}

    async def issue(self, session_id: int) -> str:
        ticket = secrets.token_urlsafe(32)
        key = hash_token(ticket)
        if self.redis is not None:
            await self.redis.set(self.prefix + key, str(session_id), px=int(self.seconds * 1000))
        else:
            self._purge()
            if len(self._memory) >= MAX_MEMORY_TICKETS:
                self._memory.pop(next(iter(self._memory)))
            self._memory[key] = (session_id, time.monotonic() + self.seconds)
        return ticket

    async def redeem(self, ticket: str) -> int | None:
        """The session id the ticket was issued for, once; None when unknown, spent or expired."""
        if not ticket or len(ticket) > MAX_TICKET:
            return None
        key = hash_token(ticket)
        if self.redis is not None:
            raw = await self.redis.getdel(self.prefix + key)
            if raw is None:
                return None
            value = raw.decode() if isinstance(raw, bytes) else str(raw)
            return int(value) if value.isascii() and value.isdigit() else None
        entry = self._memory.pop(key, None)
        if entry is None or entry[1] < time.monotonic():
            return None
        return entry[0]

    def _purge(self) -> None:
        now = time.monotonic()
        for key in [k for k, (_, expires) in self._memory.items() if expires < now]:
            del self._memory[key]


def make_store(broker: Any, prefix: str, seconds: float) -> TicketStore:
    """Share the broker's Redis connection when there is one."""
    return TicketStore(getattr(broker, "client", None), prefix, seconds)


async def viewer_for_ticket(store: TicketStore, ticket: str) -> Viewer | None:
    """The ticket's viewer (``via="ticket"``), or None when it can't be used."""
    session_id = await store.redeem(ticket)
    if session_id is None:
        return None
    session = await Session.get_or_none(id=session_id).prefetch_related("user")
    if session is None or session.expires_at <= utcnow() or account_blocked(session.user):
        return None
    return Viewer(session.user, session, "ticket")


async def issue_ticket(request: Request) -> JSONResponse:
    viewer = await viewer_for(request)
    require_active(viewer)
    assert viewer.session is not None
    store: TicketStore = request.app.state.tickets
    ticket = await store.issue(viewer.session.id)
    return JSONResponse({"ticket": ticket, "expires_in": int(store.seconds)}, status_code=201)


routes = [Route("/api/ws-ticket", issue_ticket, methods=["POST"])]
