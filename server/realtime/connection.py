"""One live socket: a bounded send queue, one writer task, and its place in the room stream.

Everything a socket sends goes through its writer task, in order: backfill
from the database, then live frames. ``cursor`` is the last room event id
this socket has accounted for (sent or filtered out); a live event that skips
ahead means something was lost on the way (Redis, an out-of-order publish),
so the gap is filled from the database first. The database is the truth.

A client that cannot keep up fills its queue and is disconnected (1013); it
will resume. Nothing here ever waits on another socket.
"""
from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.websockets import WebSocket

from server import access
from server.auth import Viewer
from server.models.rooms import Room
from server.realtime import frames, stream
from server.realtime.frames import CLOSE_NORMAL, CLOSE_TOO_SLOW, Outgoing, ViewerView

if TYPE_CHECKING:
    from server.realtime.hub import Hub

log = logging.getLogger("securebase.realtime")


RESUMES_PER_WINDOW = 5
RESUME_WINDOW = 10  # seconds
_opened = itertools.count()


class FrameBudget:
    """At most ``limit`` frames of one kind per ``window`` seconds, per socket (a sliding window).

    A resume re-reads the room from the database; unlimited, a loop of them burns server CPU.
    """

    def __init__(self, limit: int = RESUMES_PER_WINDOW, window: int = RESUME_WINDOW) -> None:
        self.limit, self.window = limit, window
        self._times: deque[float] = deque()

    def take(self) -> bool:
        now = time.monotonic()
        while self._times and self._times[0] <= now - self.window:
            self._times.popleft()
        if len(self._times) >= self.limit:
            return False
        self._times.append(now)
        return True


@dataclass(frozen=True)
class Resume:
    after: int | None  # None: recent history; -1: live from now


@dataclass(frozen=True)
class Direct:
    """A frame for this socket only, outside the room stream (help, errors, alerts, presence)."""

    frame: Mapping[str, Any]


@dataclass(frozen=True)
class Resync:
    """Broker reconnected: anything published meanwhile may be lost; read it from the DB."""


class Client:
    def __init__(self, ws: WebSocket, hub: Hub, viewer: Viewer, *, room: Room | None,
                 queue_size: int, accept_language: str | None = None) -> None:
        self.ws = ws
        self.hub = hub
        self.viewer = viewer
        self.room = room
        self.user_id = viewer.user.id if viewer.user else None
        self.session_id = viewer.session.id if viewer.session else None
        self.handle = viewer.user.handle if viewer.user else None
        self.view: ViewerView = access.as_reader(viewer)
        self.accept_language = accept_language
        # A deque and one waiter rather than asyncio.Queue: this is the per-delivery hot path.
        self.queue: deque[Any] = deque()
        self.queue_size = queue_size
        self._waiter: asyncio.Future[None] | None = None
        self.cursor: int | None = None  # None until the first resume
        self.resume_requested = False
        self.in_room = False
        self.close_code: int | None = None
        self.close_reason = ""
        self.writer_task: asyncio.Task[None] | None = None
        self.done = asyncio.Event()
        self.opened = next(_opened)  # order of opening, for closing a member's oldest socket
        self.resume_budget = FrameBudget()

    # --- feeding the queue (never blocks) ---------------------------------------

    def offer(self, item: Any) -> None:
        if self.close_code is not None:
            return
        if len(self.queue) >= self.queue_size:
            log.info("socket too slow (queue full); disconnecting it")
            self.kill(CLOSE_TOO_SLOW, "Too far behind; reconnect to catch up.")
            return
        self.queue.append(item)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def push(self, frame: Mapping[str, Any]) -> None:
        """A frame for this socket only (help, errors, user-channel frames)."""
        self.offer(Direct(frame))

    def request_resume(self, after: int | None) -> None:
        self.resume_requested = True
        self.offer(Resume(after))

    def kill(self, code: int, reason: str = "") -> None:
        """Close this socket now, whatever its queue holds (ban, too slow, shutdown)."""
        if self.close_code is not None:
            return
        self.close_code, self.close_reason = code, reason
        if self.writer_task is not None and not self.writer_task.done():
            self.writer_task.cancel()
        self.done.set()

    # --- the writer task ------------------------------------------------------------

    async def write_loop(self) -> None:
        try:
            while True:
                while not self.queue:
                    self._waiter = asyncio.get_running_loop().create_future()
                    try:
                        await self._waiter
                    finally:
                        self._waiter = None
                item = self.queue.popleft()
                if isinstance(item, Outgoing):
                    await self._deliver(item)
                elif isinstance(item, Direct):
                    await self._send(frames.dumps(item.frame))
                elif isinstance(item, Resume):
                    await self._sync(item.after)
                elif isinstance(item, Resync) and self.cursor is not None:
                    await self._catch_up(None)
        finally:
            self.done.set()

    async def _send(self, text: str) -> None:
        await self.ws.send_text(text)

    async def _deliver(self, item: Outgoing) -> None:
        seq = item.seq
        if seq is not None:
            if self.cursor is None:
                return  # not synced yet: the resume backfill will include it
            if seq <= self.cursor:
                return  # already sent (backfill, or a duplicate publish)
            if seq > self.cursor + 1:
                # A gap: read the missing events, and this one, from the database.
                await self._catch_up(seq)
                return
            self.cursor = seq
        if item.payload.get("type") == "noop":
            return
        text = item.text_for(self.view)
        if text is not None:
            await self._send(text)

    async def _catch_up(self, upto: int | None) -> None:
        """Send stored events after the cursor (up to ``upto``, or the newest)."""
        assert self.room is not None
        assert self.cursor is not None
        top = await stream.last_seq(self.room.id)
        if upto is not None:
            top = min(top, upto)
        payloads = await stream.with_reactions(await stream.events_between(self.room, self.cursor, top), self.user_id)
        for payload in payloads:
            self.cursor = max(self.cursor, payload["id"])
            if payload.get("type") == "noop":
                continue
            frame = frames.for_viewer(payload, self.view)
            if frame is not None:
                await self._send(frames.dumps(frame))
        self.cursor = max(self.cursor, top)

    async def _sync(self, after: int | None) -> None:
        """Join the room's live stream, then backfill from the database, then go live."""
        if self.room is None:
            return
        if not self.in_room:
            await self.hub.join_room(self)  # subscribe first, so nothing falls between
            self.in_room = True
        self.view.blocked = await stream.blocked_by(self.user_id)
        top = await stream.last_seq(self.room.id)
        for snapshot in await stream.live_snapshots(self.room):
            await self._send(frames.dumps(snapshot))
        truncated = reset = False
        if after is None:
            for frame in await stream.recent_messages(self.room, self.view, top):
                await self._send(frames.dumps(frame))
            self.cursor = top
        elif after < 0 or after >= top:
            # after > top: the client saw ids this room never had (a restored database);
            # tell it to start over rather than skip what is really new.
            reset = after > top
            self.cursor = top
        else:
            truncated = top - after > stream.MAX_BACKFILL
            self.cursor = after
            await self._catch_up(top)
        await self._send(frames.dumps(frames.synced(self.room.slug, self.cursor, truncated=truncated, reset=reset)))

    # --- closing ----------------------------------------------------------------

    async def close_socket(self) -> None:
        """Send the close frame if we can within a second; a stuck peer is just dropped."""
        code = self.close_code or CLOSE_NORMAL
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ws.close(code, self.close_reason[:120]), 1.0)
