"""Fan-out across processes over Redis pub/sub (redis-py asyncio).

One listener task per process holds one pub/sub connection and subscribes to
exactly the channels this process has handlers for, adding and dropping them
as the first handler arrives and the last one leaves. Events are delivered to
this process's own handlers at once and published for the others, so a
process keeps working for its own sockets while Redis is away.

Redis going down never takes the server down: publish failures are logged
and swallowed (the event is stored already; clients resume), and the
listener reconnects with backoff. After a reconnect it tells every local
room a ``_resync``: sockets read whatever they missed from the database.

Wire format: ``{"origin": <process id>, "payload": {...}}`` on
``<prefix><channel>``. A bare JSON object is accepted as a payload too, so
an operator (or a test) can publish a ``close`` frame with redis-cli.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import secrets
from collections.abc import Callable
from typing import Any

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff, NoBackoff

from server.events import Event, Handler, LocalFanout
from server.realtime import frames

log = logging.getLogger("securebase.redis")

POLL = 0.05  # seconds between applying subscription changes when the channel is quiet
MAX_BACKOFF = 5.0
SUBSCRIBE_WAIT = 1.0
ANCHOR = "__anchor"  # always subscribed, so the listener has a connection to read from


class RedisBroker:
    def __init__(self, redis_url: str, *, prefix: str = "sb:") -> None:
        self.url = redis_url
        self.prefix = prefix
        self.origin = secrets.token_hex(8)
        self.local = LocalFanout()
        self.client: Any = None  # commands and publish (also used for presence)
        self._sub_client: Any = None
        self._task: asyncio.Task[None] | None = None
        self._subscribed: set[str] = set()
        self._dirty = asyncio.Event()
        self._confirmed: dict[str, asyncio.Event] = {}
        self.connected = False
        self._stopping = False

    # --- lifecycle ------------------------------------------------------------------

    async def start(self) -> None:
        opts: dict[str, Any] = {"socket_connect_timeout": 2, "health_check_interval": 10}
        # Named connections let an operator see (or kill) this site's connections in CLIENT LIST.
        self.client = aioredis.Redis.from_url(self.url, socket_timeout=2, client_name=f"{self.prefix}pub",
                                              retry=Retry(ExponentialBackoff(cap=0.5), 1), **opts)
        # The listener handles reconnecting itself, so it must see every failure.
        self._sub_client = aioredis.Redis.from_url(self.url, client_name=f"{self.prefix}sub",
                                                   retry=Retry(NoBackoff(), 0), **opts)
        self._task = asyncio.get_running_loop().create_task(self._listen(), name="redis-listener")

    async def stop(self) -> None:
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(BaseException):
                await self._task
        for client in (self.client, self._sub_client):
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.aclose()

    # --- the Broker protocol ----------------------------------------------------------

    async def publish(self, event: Event) -> None:
        self.local.deliver(event.channel, event.payload)
        try:
            data = json.dumps({"origin": self.origin, "payload": event.payload}, separators=(",", ":"))
            await self.client.publish(self.prefix + event.channel, data)
        except Exception:  # stored already; other processes' clients resume
            log.warning("redis publish failed on %s; clients elsewhere will resume", event.channel)

    def subscribe(self, channel: str, handler: Handler) -> Callable[[], None]:
        if self.local.add(channel, handler):
            self._dirty.set()

        def unsubscribe() -> None:
            if self.local.remove(channel, handler):
                self._dirty.set()
        return unsubscribe

    async def wait_subscribed(self, channel: str) -> None:
        """Wait (briefly) until Redis confirms the subscription, so no event falls between."""
        if not self.connected or channel in self._subscribed:
            return
        event = self._confirmed.setdefault(channel, asyncio.Event())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), SUBSCRIBE_WAIT)

    # --- the listener task -------------------------------------------------------------

    async def _listen(self) -> None:
        backoff = 0.1
        first = True
        while not self._stopping:
            pubsub = self._sub_client.pubsub()
            try:
                self._subscribed = set()
                wanted = set(self.local.channels())
                await pubsub.subscribe(*(self.prefix + c for c in wanted | {ANCHOR}))
                self._subscribed = wanted
                self._dirty.clear()
                self.connected = True
                for channel in wanted:
                    self._confirm(channel)
                if not first:
                    log.warning("redis pub/sub reconnected; rooms resync from the database")
                    for channel in wanted:
                        self.local.deliver(channel, frames.resync())
                first, backoff = False, 0.1
                await self._pump(pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis down or restarting: retry
                if self.connected or backoff == 0.1:
                    log.warning("redis pub/sub unavailable (%s); retrying with backoff", type(exc).__name__)
                self.connected = False
            finally:
                with contextlib.suppress(BaseException):
                    await asyncio.wait_for(pubsub.aclose(), 1.0)
            if self._stopping:
                break
            await asyncio.sleep(backoff * (0.5 + random.random()))
            backoff = min(backoff * 2, MAX_BACKOFF)

    async def _pump(self, pubsub: Any) -> None:
        while True:
            if self._dirty.is_set():
                self._dirty.clear()
                await self._apply(pubsub)
            message = await pubsub.get_message(timeout=POLL)
            if message is None:
                continue
            kind = message.get("type")
            if kind == "message":
                self._dispatch(message["channel"], message["data"])
            elif kind == "subscribe":
                self._confirm(self._unprefix(message["channel"]))

    async def _apply(self, pubsub: Any) -> None:
        wanted = set(self.local.channels())
        add, drop = wanted - self._subscribed, self._subscribed - wanted
        if add:
            await pubsub.subscribe(*(self.prefix + c for c in add))
        if drop:
            await pubsub.unsubscribe(*(self.prefix + c for c in drop))
        self._subscribed = wanted

    def _confirm(self, channel: str) -> None:
        event = self._confirmed.pop(channel, None)
        if event is not None:
            event.set()

    def _unprefix(self, raw: Any) -> str:
        name = raw.decode() if isinstance(raw, bytes) else str(raw)
        return name[len(self.prefix):] if name.startswith(self.prefix) else name

    def _dispatch(self, raw_channel: Any, data: Any) -> None:
        channel = self._unprefix(raw_channel)
        try:
            decoded = json.loads(data)
        except (ValueError, TypeError):
            log.warning("ignoring a malformed message on %s", channel)
            return
        if not isinstance(decoded, dict):
            return
        if "payload" in decoded and "origin" in decoded:
            if decoded["origin"] == self.origin:
                return  # delivered locally when it was published
            decoded = decoded["payload"]
            if not isinstance(decoded, dict):
                return
        self.local.deliver(channel, decoded)
