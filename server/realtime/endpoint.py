"""Websocket endpoints: ``WS /ws/rooms/{slug}`` (live chat), ``WS /ws/mod`` (moderator alerts)
and ``WS /ws/site`` (every page of a signed-in member: their user channel, plus the
mod channel for staff, so crisis alerts reach a moderator wherever they are).

Handshake: the session cookie (browsers; the Origin must be the site's own),
or for API clients ``?ticket=`` (one-time, from ``POST /api/ws-ticket``, see
tickets.py) or ``Authorization: Bearer``. ``?token=`` still works but is
deprecated: a URL is the wrong place for a session token. A cross-origin
cookie handshake is refused (HTTP 403). Other refusals are a close code the
page can explain: 4401 sign in, 4003 banned/suspended, 4403 not staff,
4404 no such room; 4008 closes a member's oldest socket past the per-member cap.

Client → server frames: ``resume {after}`` (start or restart the stream
after an id; ``after`` null: recent history), ``send {body, client_id}``,
``ping``. The socket handler parses, then calls one action; all sending goes
through the socket's writer (see connection.py).
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

from server.actions import chat, crisis_alerts
from server.auth import ANONYMOUS, Viewer, account_blocked, viewer_for
from server.errors import AppError, RateLimited
from server.events import MOD_CHANNEL, user_channel
from server.middleware import origin_allowed
from server.models.rooms import Room
from server.realtime import frames
from server.realtime.connection import Client
from server.realtime.frames import (
    CLOSE_INTERNAL_ERROR,
    CLOSE_NO_ROOM,
    CLOSE_NOT_STAFF,
    CLOSE_POLICY,
    CLOSE_POLICY_VIOLATION,
    CLOSE_SIGNED_OUT,
)
from server.realtime.hub import Hub
from server.realtime.tickets import viewer_for_ticket
from server.validation import MAX_CHAT, is_slug
from server.views.common import services

log = logging.getLogger("securebase.realtime")


def _hub(ws: WebSocket) -> Hub:
    hub: Hub = ws.app.state.hub
    return hub


async def _refuse(ws: WebSocket, code: int, reason: str) -> None:
    """Accept, then close with a code the page can explain (a bare 403 tells a browser nothing)."""
    await ws.accept()
    await ws.close(code, reason)


async def _authenticate(ws: WebSocket) -> Viewer | None:
    """The viewer, or None when the handshake was refused or closed."""
    ticket = ws.query_params.get("ticket")
    if ticket is not None:
        viewer = await viewer_for_ticket(ws.app.state.tickets, ticket) or ANONYMOUS
        ws.scope["securebase.viewer"] = viewer
    else:
        viewer = await viewer_for(ws)
    settings = services(ws).settings
    # Bearer and ticket handshakes carry no ambient credential, so any origin may make them.
    if viewer.via not in ("bearer", "ticket") and not origin_allowed(ws.headers.get("origin"), ws.headers,
                                                                       settings.site_url):
        await ws.close(CLOSE_POLICY_VIOLATION)  # before accept: the handshake is refused with 403
        return None
    if viewer.user is None:
        await _refuse(ws, CLOSE_SIGNED_OUT, "Please sign in to join the live chat.")
        return None
    if account_blocked(viewer.user):
        await _refuse(ws, CLOSE_POLICY, "This account can't use the chat right now.")
        return None
    return viewer


def _shown(text: str) -> str:
    """A piece of a client's frame, safe to echo: short, and encodable (a lone surrogate such as
    "\\ud800" parses from JSON but can't be sent as UTF-8, and would end the socket's writer)."""
    return text[:40].encode("utf-8", "replace").decode("utf-8")


def _echoed_client_id(value: object) -> str | None:
    """The client_id to put on an error frame: only one that a send would accept."""
    try:
        return chat.check_client_id(value)
    except AppError:
        return None


def _after_param(raw: object) -> int | None:
    from server.validation import INT64_MAX, parse_int

    return parse_int(raw, maximum=INT64_MAX)


async def _run(client: Client, reader: Any) -> None:
    """Run the writer and the reader until either ends; then close cleanly."""
    hub = client.hub
    client.writer_task = asyncio.get_running_loop().create_task(client.write_loop())
    read_task = asyncio.get_running_loop().create_task(reader)
    try:
        done, _ = await asyncio.wait({client.writer_task, read_task}, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if not task.cancelled() and task.exception() is not None and client.close_code is None:
                # A bug in the reader or writer: say so with a close frame rather than drop the socket.
                log.error("socket task failed", exc_info=task.exception())
                client.close_code, client.close_reason = CLOSE_INTERNAL_ERROR, "Something went wrong on our side."
    finally:
        for task in (client.writer_task, read_task):
            task.cancel()
        for task in (client.writer_task, read_task):
            with contextlib.suppress(BaseException):
                await task
        hub.unregister(client)
        if client.close_code is not None:
            await client.close_socket()


async def _frames(ws: WebSocket, client: Client):  # type: ignore[no-untyped-def]
    """Yield parsed client frames; answer unreadable ones with an error frame."""
    while True:
        message = await ws.receive()
        if message["type"] == "websocket.disconnect":
            return
        text = message.get("text")
        if text is None:
            client.push(frames.error_frame("invalid_frame", "Send JSON text frames, not binary ones."))
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            client.push(frames.error_frame("invalid_json", "That frame isn't valid JSON."))
            continue
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            client.push(frames.error_frame("invalid_frame", 'A frame is a JSON object with a "type".'))
            continue
        yield data


async def _handle_send(ws: WebSocket, client: Client, room: Room, data: dict[str, Any]) -> None:
    cid = _echoed_client_id(data.get("client_id"))
    try:
        sent = await chat.do_send(services(ws), client.viewer, room, body=data.get("body"),
                                  client_id=data.get("client_id"), note=data.get("content_note"))
    except AppError as exc:
        retry_after = exc.retry_after if isinstance(exc, RateLimited) else None
        client.push(frames.error_frame(exc.code, exc.message, cid, retry_after=retry_after, field=exc.field or None))
        return
    except Exception:  # a bug must not end the conversation
        log.exception("chat send failed")
        client.push(frames.error_frame("server_error", "Something went wrong on our side and the message "
                                                       "wasn't sent. Please try again.", cid))
        return
    if sent.duplicate:
        # Already stored: echo it to this socket so a retrying client knows.
        frame = frames.for_viewer(sent.frame, client.view)
        if frame is not None:
            client.push(frame)
    decision = sent.decision
    if decision is not None and decision.show_help:
        from server.actions.screening import help_for_user

        client.push(frames.help_frame(help_for_user(client.viewer.user, client.accept_language),
                                      list(decision.reasons), cid))


async def room_socket(ws: WebSocket) -> None:
    viewer = await _authenticate(ws)
    if viewer is None:
        return
    slug = ws.path_params["slug"]
    room = await Room.get_or_none(slug=slug) if is_slug(slug) else None
    if room is None:
        await _refuse(ws, CLOSE_NO_ROOM, "There is no room here.")
        return
    await ws.accept()
    hub = _hub(ws)
    client = Client(ws, hub, viewer, room=room, queue_size=hub.queue_size,
                    accept_language=ws.headers.get("accept-language"))
    hub.register(client)
    assert viewer.user is not None
    after = _after_param(ws.query_params.get("after"))
    client.push(frames.room_hello(room.slug, viewer.user, last_id=room.event_seq, archived=room.archived,
                                  max_body=MAX_CHAT, resume_expected=after is None))
    if after is not None:
        client.resume_budget.take()
        client.request_resume(after)

    async def read() -> None:
        async for data in _frames(ws, client):
            kind = data["type"]
            if kind == "resume":
                if not client.resume_budget.take():
                    client.push(frames.error_frame("rate_limited", "Too many resume frames; wait a few seconds.",
                                                   retry_after=client.resume_budget.window))
                    continue
                raw = data.get("after")
                after = _after_param(raw)
                if raw is not None and after is None:
                    client.push(frames.error_frame("invalid_after", '"after" must be an event id (a whole '
                                                                    "number) or null."))
                    continue
                client.request_resume(after)
            elif kind == "send":
                if not client.resume_requested:
                    client.request_resume(-1)  # sending without resuming: live from now
                await _handle_send(ws, client, room, data)
            elif kind == "ping":
                client.push(frames.pong())
            else:
                client.push(frames.error_frame("unknown_type", f"Unknown frame type: {_shown(kind)}."))

    await _run(client, read())


async def mod_socket(ws: WebSocket) -> None:
    viewer = await _authenticate(ws)
    if viewer is None:
        return
    if not viewer.is_staff:
        await _refuse(ws, CLOSE_NOT_STAFF, "Moderators only.")
        return
    await ws.accept()
    hub = _hub(ws)
    client = Client(ws, hub, viewer, room=None, queue_size=hub.queue_size)
    hub.register(client)
    hub.join_mod(client)
    assert viewer.user is not None
    client.push(frames.mod_hello(viewer.user))

    async def read() -> None:
        async for data in _frames(ws, client):
            if data["type"] == "ping":
                client.push(frames.pong())

    await _run(client, read())


async def site_socket(ws: WebSocket) -> None:
    """Any signed-in member: notifications, check-ins, ``close`` on ban; for staff, mod alerts too.

    First frame: ``hello {room: null, you, staff, open_crisis}`` (``open_crisis`` only for staff).
    Client frames: ``ping`` → ``pong``.
    """
    viewer = await _authenticate(ws)
    if viewer is None:
        return
    assert viewer.user is not None
    await ws.accept()
    hub = _hub(ws)
    client = Client(ws, hub, viewer, room=None, queue_size=hub.queue_size)
    hub.register(client)
    wait = getattr(hub.broker, "wait_subscribed", None)
    if wait is not None:
        await wait(user_channel(viewer.user.id))
    open_crisis = None
    if viewer.is_staff:
        hub.join_mod(client, optional=True)  # losing the staff role leaves the channel, not the socket
        if wait is not None:
            await wait(MOD_CHANNEL)
        open_crisis = await crisis_alerts.open_crisis_count()
    client.push(frames.site_hello(viewer.user, staff=viewer.is_staff, open_crisis=open_crisis))

    async def read() -> None:
        async for data in _frames(ws, client):
            if data["type"] == "ping":
                client.push(frames.pong())
            else:
                client.push(frames.error_frame("unknown_type", f"Unknown frame type: {_shown(data['type'])}."))

    await _run(client, read())


routes = [
    WebSocketRoute("/ws/rooms/{slug}", room_socket),
    WebSocketRoute("/ws/mod", mod_socket),
    WebSocketRoute("/ws/site", site_socket),
]
