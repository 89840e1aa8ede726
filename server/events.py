"""Events and the broker that carries them between processes.

The database is the source of truth; the broker is a doorbell. Actions store
what happened, then publish an Event after their transaction commits. A lost
event costs nothing but latency: clients resume from the last id they saw.

Channels, and the payloads each carries (every payload is a frame typed, documented and
built in ``server/realtime/frames.py``; nothing else writes one):
  ``room:<slug>``  events for everyone in a room: message, removed, session; ``_presence``
                   between processes (and ``_resync``, delivered locally after a reconnect)
  ``mod``          moderator alerts: alert (new queue items, crisis first), ack, resolved
  ``user:<id>``    one member: notification, care, and ``close`` (ban, suspension, sign-out)
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger("securebase.events")

Handler = Callable[[Mapping[str, Any]], None]


@dataclass(frozen=True)
class Event:
    """One thing to tell live clients. ``payload`` is a frame from ``server.realtime.frames``
    (or one of its broker commands), built by its constructor there."""

    channel: str
    payload: Mapping[str, Any]


def room_channel(slug: str) -> str:
    return f"room:{slug}"


def user_channel(user_id: int) -> str:
    return f"user:{user_id}"


MOD_CHANNEL = "mod"


class Broker(Protocol):
    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    async def publish(self, event: Event) -> None: ...
    def subscribe(self, channel: str, handler: Handler) -> Callable[[], None]:
        """Call ``handler(payload)`` for every event on the channel; returns an unsubscribe function.

        Handlers must not block: they hand the payload to a queue and return.
        """
        ...


class LocalFanout:
    """Handlers of this process, by channel. Shared by both brokers."""

    def __init__(self) -> None:
        self._handlers: dict[str, set[Handler]] = defaultdict(set)

    def add(self, channel: str, handler: Handler) -> bool:
        """Add a handler; True when it is the channel's first in this process."""
        first = channel not in self._handlers or not self._handlers[channel]
        self._handlers[channel].add(handler)
        return first

    def remove(self, channel: str, handler: Handler) -> bool:
        """Remove a handler; True when the channel has none left in this process."""
        handlers = self._handlers.get(channel)
        if not handlers:
            return False
        handlers.discard(handler)
        if not handlers:
            del self._handlers[channel]
            return True
        return False

    def channels(self) -> list[str]:
        return list(self._handlers)

    def deliver(self, channel: str, payload: Mapping[str, Any]) -> None:
        for handler in list(self._handlers.get(channel, ())):
            try:
                handler(payload)
            except Exception:  # one bad socket must not stop the room
                log.exception("event handler failed on %s", channel)


class InProcessBroker:
    """Fan-out inside one process: the default, with nothing to set up."""

    def __init__(self) -> None:
        self.local = LocalFanout()

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def publish(self, event: Event) -> None:
        self.local.deliver(event.channel, event.payload)

    def subscribe(self, channel: str, handler: Handler) -> Callable[[], None]:
        self.local.add(channel, handler)

        def unsubscribe() -> None:
            self.local.remove(channel, handler)

        return unsubscribe


@dataclass
class EventBuffer:
    """Collects events inside a transaction; ``flush`` publishes them after commit.

    Tortoise has no on-commit hook, so actions do::

        events = EventBuffer()
        async with in_transaction():
            ...; events.add(Event(...))
        await events.flush(broker)
    """

    events: list[Event] = field(default_factory=list)

    def add(self, event: Event) -> None:
        self.events.append(event)

    async def flush(self, broker: Broker | None) -> None:
        pending, self.events = self.events, []
        if broker is None:
            return
        for event in pending:
            try:
                await broker.publish(event)
            except Exception:  # stored already; clients resume
                log.warning("publish failed on %s; clients will resume", event.channel, exc_info=True)
