"""Who is here: handles only, per room, across processes.

In one process the hub's own sockets are the answer. With Redis each process
keeps one hash field per room (its handles and a timestamp) and refreshes it;
readers ignore fields older than STALE seconds, so a crashed process's
members fade out on their own.
"""
from __future__ import annotations

import contextlib
import json
import logging
import time
from typing import Any, Protocol

log = logging.getLogger("securebase.presence")

STALE = 45.0


class PresenceStore(Protocol):
    # Positional-only, so a store that needs no room or owner may say so with a leading underscore.
    async def write(self, slug: str, owner: str, handles: list[str], /) -> None: ...
    async def read(self, slug: str, owner: str, local: list[str], /) -> list[str]: ...


class LocalPresence:
    async def write(self, _slug: str, _owner: str, _handles: list[str], /) -> None:
        return None

    async def read(self, _slug: str, _owner: str, local: list[str], /) -> list[str]:
        return sorted(set(local))


class RedisPresence:
    """Presence in a Redis hash ``<prefix>presence:<slug>``; falls back to local when Redis is down."""

    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.prefix = prefix

    def _key(self, slug: str) -> str:
        return f"{self.prefix}presence:{slug}"

    async def write(self, slug: str, owner: str, handles: list[str]) -> None:
        key = self._key(slug)
        try:
            if handles:
                value = json.dumps({"h": sorted(set(handles)), "t": time.time()})
                async with self.client.pipeline(transaction=False) as pipe:
                    pipe.hset(key, owner, value)
                    pipe.expire(key, int(STALE * 3))
                    await pipe.execute()
            else:
                await self.client.hdel(key, owner)
        except Exception:  # presence is best effort
            log.debug("presence write failed", exc_info=True)

    async def read(self, slug: str, owner: str, local: list[str]) -> list[str]:
        handles = set(local)
        try:
            entries = await self.client.hgetall(self._key(slug))
        except Exception:
            log.debug("presence read failed; showing this process only", exc_info=True)
            return sorted(handles)
        now = time.time()
        stale = []
        for field, raw in entries.items():
            name = field.decode() if isinstance(field, bytes) else str(field)
            if name == owner:
                continue
            try:
                entry = json.loads(raw)
                if now - float(entry["t"]) > STALE:
                    stale.append(name)
                    continue
                handles.update(str(h) for h in entry["h"])
            except (ValueError, KeyError, TypeError):
                stale.append(name)
        if stale:
            with contextlib.suppress(Exception):  # best effort: the next read tries again
                await self.client.hdel(self._key(slug), *stale)
        return sorted(handles)
